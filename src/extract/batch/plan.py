"""What a batch does with each input: report it skipped or unreadable, report it unchanged (its
output is current), or make it a task."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extract.assemble.corrections import corrections_state
from extract.batch.file_task import FileTask
from extract.batch.freshness import current_output, run_block
from extract.batch.inputs import InputItem, input_sha256
from extract.batch.options import BatchOptions
from extract.batch.reapply import REAPPLIED, reapply_corrections
from extract.errors import ExtractError
from extract.store.files import ensure_inside, stem_of
from extract.store.runs import UNCHANGED, RunItem


@dataclass(frozen=True)
class RunState:
    """What makes this run's outputs current (``batch.freshness``), computed once per run."""

    settings_hash: str
    extractors: dict[str, str]
    rules: str


def source_display_path(path: Path) -> str:
    """``source.path`` in the output (the contract's 'raw/x.pdf'): relative to the working
    directory when the file is below it, else absolute. Reports keep paths relative to the input folder."""
    absolute = path.absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def plan_inputs(options: BatchOptions, out_dir: Path, names: list[PurePosixPath], state: RunState
                ) -> Iterator[tuple[RunItem, FileTask | None]]:
    """Each input's manifest row, with the task to run for it (None: the row is final already)."""
    for item, rel_out in zip(options.inputs, names):
        yield _plan_one(options, out_dir, item, rel_out, state)


def _plan_one(options: BatchOptions, out_dir: Path, item: InputItem, rel_out: PurePosixPath, state: RunState
              ) -> tuple[RunItem, FileTask | None]:
    target = out_dir / rel_out
    record = RunItem(path=item.display, status="ok", output=str(target), output_rel=rel_out.as_posix())
    if item.skip_kind:
        record.status = "error" if item.skip_kind != "skipped" else "skipped"
        record.error_kind, record.message, record.output, record.output_rel = (
            item.skip_kind, item.skip_message, None, None)
        return record, None
    failure: tuple[str, str] | None = None
    try:
        ensure_inside(target, out_dir)
        record.input_sha256 = input_sha256(item)
    except ExtractError as exc:  # an output path outside the folder: skipped
        failure = exc.kind, exc.message or f"cannot read the file: {exc}"
    except Exception as exc:  # the input cannot be read (OSError)
        failure = "not_a_document", f"cannot read the file: {exc}"
    if failure is not None or record.input_sha256 is None:
        kind, record.message = failure or ("not_a_document", "cannot read the file")
        record.status, record.error_kind, record.output, record.output_rel = "error", kind, None, None
        return record, None
    stem = stem_of(rel_out)
    block = run_block(record.input_sha256, state.settings_hash, state.extractors, state.rules,
                      corrections_state(options.corrections_dir, stem))
    if not options.force:
        current = current_output(target, block)
        if current is not None:
            record.records, record.output_sha256 = current
            record.message = UNCHANGED
            return record, None
        # Only its corrections changed: apply them again, nothing is read or extracted.
        reapplied = reapply_corrections(target, block, options.corrections_dir, stem)
        if reapplied is not None:
            record.records, record.output_sha256 = reapplied
            record.message = REAPPLIED
            return record, None
    # Page images joined into one document are shown as the report they make up.
    shown = item.path.parent / item.name_path.name if item.pages else item.path
    task = FileTask(
        path=str(item.path.absolute()), display_path=source_display_path(shown),
        output=str(target.absolute()), out_root=str(out_dir.absolute()), stem=stem, run=block,
        force=options.force,
        cache_dir=str(Path(options.cache_dir).absolute()) if options.cache_dir else None,
        corrections_dir=str(Path(options.corrections_dir).absolute()) if options.corrections_dir else None,
        pages=tuple(str(page.absolute()) for page in item.pages),
        rules_dir=options.settings.rules_dir or None,
    )
    return record, task
