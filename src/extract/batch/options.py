"""Everything a batch run is told: its inputs, where outputs go, and how to run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from extract.batch.file_task import DEFAULT_HANDLER
from extract.batch.inputs import InputItem
from extract.settings import Settings


@dataclass
class BatchOptions:
    inputs: list[InputItem]
    out_dir: Path
    settings: Settings
    input_dir: Path | None = None
    command: str = "batch"
    workers: int = 1
    cache_dir: Path | None = None
    """None: no page cache."""
    corrections_dir: Path | None = None
    force: bool = False
    resume: bool = False
    report: Path | None = None
    executor: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    dask_processes: bool = True
    dask_security: Any = None
    """A ``distributed.Security`` (TLS) for --scheduler; None: dask's configuration decides."""
    connect_timeout: float = 10.0
    progress: str = "lines"
    handler: str = DEFAULT_HANDLER
    log_verbose: int = 0
    log_json: bool = False
    options_record: dict[str, Any] = field(default_factory=dict)

