"""The same batch on a dask.distributed LocalCluster (loopback) gives the same outputs as the local pool."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_inputs

from extract.batch.run import BatchOptions, discover_inputs, run_batch
from extract.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("fake_pipeline")]


def run(tmp_path: Path, out: str, executor: str, timeout: float = 3.0) -> dict[str, tuple[str, str | None]]:
    raw = tmp_path / "raw"
    settings = Settings(workers=2)
    settings = settings.model_copy(update={"limits": settings.limits.model_copy(update={"file_timeout_s": timeout})})
    manifest = run_batch(BatchOptions(
        inputs=discover_inputs(raw), out_dir=tmp_path / out, settings=settings, input_dir=raw, workers=2,
        cache_dir=tmp_path / f"cache-{out}", executor=executor, dask_processes=False, progress="quiet"))
    return {item.path: (item.status, item.error_kind, item.output_sha256) for item in manifest.files}


def test_dask_local_cluster_equals_local_run(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b/c.pdf": "ok Gamma", "d.pdf": "corrupt",
                                    "e.pdf": "sleep 60", "f.pdf": "ok Phi"})
    local = run(tmp_path, "local", "local")
    dask = run(tmp_path, "dask", "dask")
    assert dask == local
    assert local["e.pdf"][:2] == ("error", "timeout")  # hard limits hold on dask workers too
    for name in ("a.json", "b/c.json", "f.json"):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_one_long_document_uses_every_local_cluster_worker(tmp_path: Path) -> None:
    """The pages of a lone document are shared over the LocalCluster's workers, as over the local pool."""
    write_inputs(tmp_path / "raw", {"scan.pdf": "pages 12 0.3"})
    assert run(tmp_path, "dask", "dask", timeout=60)["scan.pdf"][:2] == ("ok", None)
    name = json.loads((tmp_path / "dask" / "scan.json").read_text())["records"][0]["name"]
    assert len(name.split()) == 3, name  # "pids A B"
