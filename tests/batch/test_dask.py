"""The same batch on a dask.distributed LocalCluster (loopback) gives the same outputs as the local pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_inputs

from extract.batch.run import BatchOptions, discover_inputs, run_batch
from extract.settings import Settings

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("fake_pipeline")]


def run(tmp_path: Path, out: str, executor: str) -> dict[str, tuple[str, str | None]]:
    raw = tmp_path / "raw"
    settings = Settings(workers=2)
    settings = settings.model_copy(update={"limits": settings.limits.model_copy(update={"file_timeout_s": 3.0})})
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
