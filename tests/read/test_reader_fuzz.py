"""Property test of the PDF entry point: damaged bytes give a Document or a typed error, never anything else.

Hypothesis flips, cuts and splices the bytes of a small real PDF. Each damaged file is read in a
child process (pdfminer can recurse deeply or loop on broken xrefs; a child keeps the test
process safe), and the outcome must be a Document or an ``InputFileError`` with a known kind.
"""

from __future__ import annotations

import io
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow

READ_TIMEOUT_S = 60


def _small_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for page in range(2):
        pdf.setFont("Helvetica", 11)
        for line in range(12):
            pdf.drawString(72, 760 - 16 * line, f"Budget: {page}{line}0.000 euro per jaar, team van {line} medewerkers")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


SEED_PDF = _small_pdf()


def _read(path: str) -> str:
    """Runs in the child: 'ok:<pages>' or 'error:<kind>' or 'untyped:<exception>'."""
    from extract.errors import InputFileError
    from extract.read.reader import read_document
    from extract.settings import Settings

    try:
        document = read_document(Path(path), Settings(languages=("eng",), dpi=72))
    except InputFileError as exc:
        return f"error:{exc.kind}"
    except Exception as exc:
        return f"untyped:{type(exc).__name__}: {exc}"
    return f"ok:{len(document.pages)}"


@pytest.fixture(scope="module")
def pool():
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as executor:
        yield executor


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, len(SEED_PDF) - 1), st.integers(1, 255)),
    st.tuples(st.just("cut"), st.integers(0, len(SEED_PDF) - 1), st.just(0)),
    st.tuples(st.just("splice"), st.integers(0, len(SEED_PDF) - 1), st.integers(1, 400)),
)


def _damage(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, at, arg in mutations:
        at = min(at, max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] ^= arg
        elif kind == "cut":
            del out[at:]
        elif kind == "splice":
            out[at:at] = out[max(0, at - arg):at]
    return bytes(out)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(mutation, min_size=1, max_size=4))
def test_damaged_pdf_gives_document_or_typed_error(pool, tmp_path: Path, mutations) -> None:
    from extract.errors import ERROR_KINDS

    path = tmp_path / "damaged.pdf"
    path.write_bytes(_damage(SEED_PDF, mutations))
    try:
        outcome = pool.submit(_read, str(path)).result(timeout=READ_TIMEOUT_S)
    except FutureTimeout:
        pytest.fail(f"reading hung for {READ_TIMEOUT_S} s on mutations {mutations}")
    assert not outcome.startswith("untyped:"), outcome
    if outcome.startswith("error:"):
        assert outcome.split(":", 1)[1] in ERROR_KINDS
