"""`extract correct` on a real batch: a lab named the way people see it, an undo, and a correction
that does not make the next batch read every report again (issue 17, item 6)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from extract.cli import main
from extract.errors import ConfigError, ExitCode
from extract.review.correct import add_correction
from extract.store.snapshots import load_output

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def processed(tmp_path_factory: pytest.TempPathFactory, raw_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("processed")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(raw_dir / "nido-benchmark.pdf", raw)
    shutil.copy(CORPUS / "single-lab-factsheet.pdf", raw)
    assert main(["batch", str(raw), "--out", str(root / "output"), "--workers", "1", "--quiet"]) == ExitCode.ok
    return root


@pytest.fixture()
def project(processed: Path, tmp_path: Path) -> Path:
    shutil.copytree(processed, tmp_path, dirs_exist_ok=True)
    return tmp_path


def batch(project: Path) -> dict[str, str | None]:
    """Run the batch again; each input's message ('unchanged', 'corrections re-applied', None: extracted)."""
    report = project / "report.json"
    assert main(["batch", str(project / "raw"), "--out", str(project / "output"), "--workers", "1", "--quiet",
                 "--report", str(report)]) == ExitCode.ok
    return {f["path"]: f["message"] for f in json.loads(report.read_text())["files"]}


def correct(project: Path, *args: str) -> int:
    return main(["correct", "--out", str(project / "output"), *args])


def ric(project: Path) -> dict:  # type: ignore[type-arg]
    return load_output(project / "output" / "nido-benchmark.json").records[0].model_dump(mode="json")


def test_a_lab_is_named_by_its_corrected_name_or_its_number(project: Path) -> None:
    assert correct(project, "nido-benchmark", "RIC", "name", "Rijks Innovatiecommunity") == ExitCode.ok
    assert correct(project, "nido-benchmark", "Rijks Innovatiecommunity", "staff.count", "5") == ExitCode.ok
    assert correct(project, "nido-benchmark", "#0", "founded_year", "2017") == ExitCode.ok
    assert correct(project, "nido-benchmark", "nido-benchmark-r0", "country", "--confirm") == ExitCode.ok
    record = ric(project)
    assert record["name"] == "Rijks Innovatiecommunity" and record["staff"]["count"] == 5
    assert record["founded_year"] == 2017 and record["corrections"]["country"]["status"] == "confirmed"
    stored = yaml.safe_load((project / "corrections" / "nido-benchmark.yml").read_text())
    assert list(stored["records"]) == ["rijks innovatie community"]  # one lab, filed once

    with pytest.raises(ConfigError, match=r"record #42 is out of range: the output has 9 records .*#0: Rijks Innovatiecommunity \(RIC\)"):
        add_correction(project / "output", "nido-benchmark", "#42", "staff.count", 5)


def test_remove_puts_the_machines_value_back(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert correct(project, "nido-benchmark", "RIC", "staff.count", "5") == ExitCode.ok
    assert correct(project, "nido-benchmark", "RIC", "budget.amount", "350000") == ExitCode.ok
    capsys.readouterr()
    assert correct(project, "nido-benchmark", "RIC", "staff.count", "--remove") == ExitCode.ok
    assert "removed: Rijks Innovatie Community (RIC) staff.count is the machine's value again, 4" in capsys.readouterr().out
    record = ric(project)
    # The euro amount follows the corrected amount, and goes back with it.
    assert record["staff"]["count"] == 4 and list(record["corrections"]) == ["budget.amount", "budget.amount_eur"]
    assert record["budget"]["amount_eur"] == 350000
    assert correct(project, "nido-benchmark", "RIC", "budget.amount", "--remove") == ExitCode.ok
    assert ric(project)["corrections"] == {} and ric(project)["budget"]["amount"] == 340000
    path = project / "corrections" / "nido-benchmark.yml"
    assert path.read_text().startswith("# Corrections for one source file")  # kept, with its comments
    assert yaml.safe_load(path.read_text())["records"] == {}
    # Nothing left to take back: said, and nothing changed.
    before = path.read_bytes()
    assert correct(project, "nido-benchmark", "RIC", "budget.amount", "--remove") == ExitCode.usage
    assert path.read_bytes() == before
    assert correct(project, "nido-benchmark", "RIC", "budget.amount", "1", "--remove") == ExitCode.usage


def test_a_correction_does_not_make_the_next_batch_read_every_report(project: Path) -> None:
    assert correct(project, "nido-benchmark", "RIC", "staff.count", "5") == ExitCode.ok
    # `extract correct` applied it already: nothing for the batch to do.
    assert batch(project) == {"nido-benchmark.pdf": "unchanged", "single-lab-factsheet.pdf": "unchanged"}
    # A hand edit of one report's corrections re-applies them to that report only, without extraction.
    path = project / "corrections" / "nido-benchmark.yml"
    path.write_text(path.read_text().replace("value: 5", "value: 6"))
    assert batch(project) == {"nido-benchmark.pdf": "corrections re-applied", "single-lab-factsheet.pdf": "unchanged"}
    assert ric(project)["staff"]["count"] == 6
    assert batch(project) == {"nido-benchmark.pdf": "unchanged", "single-lab-factsheet.pdf": "unchanged"}
    # The file deleted by hand: its values come off at the next batch.
    path.unlink()
    assert batch(project)["nido-benchmark.pdf"] == "corrections re-applied"
    assert ric(project)["staff"]["count"] == 4 and ric(project)["corrections"] == {}
