"""Which files a batch reads: every regular file under a folder, or the files named to ``ingest``.

Hidden files and our own ``*.tmp`` are left out (hidden files reported as skipped), and symbolic
links leaving the folder are reported as skipped unless followed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extract.errors import ConfigError


@dataclass
class InputItem:
    path: Path
    """Where to read the file."""
    display: str
    """Path shown in reports and manifests: relative to the input folder, or as given to ingest."""
    name_path: PurePosixPath
    """Path the output name is derived from (relative to the input folder; the bare name for ingest)."""
    skip_kind: str | None = None
    skip_message: str | None = None
    pages: tuple[Path, ...] = ()
    """Page images read as one document in this order (``--join-pages``; ``path`` is the first)."""
    folder_name: str = ""
    """The name of the folder the file is in when ``name_path`` does not say it (ingest of a file
    outside the input folder): bare ``p<N>`` page images joined are named after it."""


def input_sha256(item: InputItem) -> str:
    """The input's content hash: the file's, or that of its page images in order."""
    if not item.pages:
        from extract.store.files import sha256_file

        return sha256_file(item.path)
    from extract.models import PageImages
    from extract.read.page_images import page_images_sha256

    return page_images_sha256(PageImages(name=item.display, paths=tuple(str(p) for p in item.pages)))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def discover_inputs(raw_dir: Path, *, follow_symlinks: bool = False,
                    exclude: Sequence[Path] = ()) -> list[InputItem]:
    """Every regular file under ``raw_dir``, sorted by relative path."""
    raw_dir = Path(raw_dir)
    if not raw_dir.is_dir():
        raise ConfigError(f"input folder {raw_dir} does not exist or is not a folder; "
                          "give the folder of reports to process (default raw/)")
    root = raw_dir.resolve()
    excluded = [p.resolve() for p in exclude]
    items: list[InputItem] = []
    seen_dirs: set[tuple[int, int]] = set()

    def add(path: Path, rel: PurePosixPath, kind: str | None = None, message: str | None = None) -> None:
        items.append(InputItem(path, rel.as_posix(), rel, kind, message))

    def walk(folder: Path, rel_folder: PurePosixPath) -> None:
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                return  # a symbolic link loop
            seen_dirs.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            add(folder, rel_folder, "skipped", f"cannot read folder: {exc.strerror or exc}")
            return
        for entry in entries:
            name = entry.name
            if name.endswith(".tmp"):
                continue  # our own unfinished writes
            path = Path(entry.path)
            rel = rel_folder / name
            if name.startswith(".") and not name.startswith(".."):
                # Hidden ('.git', '.DS_Store'): folders are not entered; files are reported, not read.
                # Names starting with '..' are odd but real inputs: they are processed (output names are sanitised).
                if not entry.is_dir(follow_symlinks=False):
                    add(path, rel, "skipped", "hidden file; rename it without the leading '.' to process it")
                continue
            if any(_inside(path.resolve(), ex) for ex in excluded):
                continue
            is_link = entry.is_symlink()
            if is_link:
                target = path.resolve()
                if not target.exists():
                    add(path, rel, "skipped", "broken symbolic link: its target does not exist")
                    continue
                if not _inside(target, root) and not follow_symlinks:
                    add(path, rel, "skipped", f"symbolic link to {target}, outside the input folder; "
                                              "use --follow-symlinks to process it")
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                add(path, rel, "skipped", f"cannot read: {exc.strerror or exc}")
                continue
            if stat.S_ISDIR(mode):
                if is_link and not follow_symlinks:
                    continue  # a link to a folder inside the input folder: its files are listed anyway
                walk(path, rel)
            elif stat.S_ISREG(mode):
                add(path, rel)
            else:
                add(path, rel, "skipped", "not a regular file (a device, pipe or socket)")

    walk(raw_dir, PurePosixPath())
    return sorted(items, key=lambda item: item.display)


def inputs_from_files(files: Sequence[Path], roots: Sequence[Path] = ()) -> list[InputItem]:
    """Inputs named on the command line (``extract ingest``).

    A file inside one of ``roots`` (the input folders of earlier batches into the output folder,
    then ``raw/``) is named as a batch over that folder names it: ``raw/2026/x.pdf`` is
    ``2026/x.pdf`` and writes ``2026/x.json``, so ingest and batch write one output, and the
    corrections filed under its name apply to both. Any other file is named by its file name.
    """
    items = []
    for file in files:
        path = Path(file)
        name_path = name_under(path, roots)
        item = InputItem(path, str(file), name_path or PurePosixPath(path.name or "input"),
                         folder_name="" if name_path else Path(os.path.abspath(path)).parent.name)
        if not path.exists():
            item.skip_kind, item.skip_message = "not_a_document", f"{file} does not exist; check the path"
        elif not path.is_file():
            item.skip_kind, item.skip_message = "not_a_document", f"{file} is not a regular file"
        items.append(item)
    return items


def name_under(path: Path, roots: Sequence[Path]) -> PurePosixPath | None:
    """``path`` relative to the first root it lies in (as written: a link inside the folder is its
    name there, as a batch walking the folder sees it), or None."""
    absolute = Path(os.path.abspath(path))
    for root in roots:
        top = Path(os.path.abspath(root))
        if top in absolute.parents and top.is_dir():
            return PurePosixPath(absolute.relative_to(top).as_posix())
    return None


def input_folders(out_dir: Path) -> list[Path]:
    """The folders batches into ``out_dir`` read (the latest first), then ``raw/``: a file named to
    ingest (or to the Python API) from one of them is named as those batches name it."""
    from extract.store.snapshots import load_manifests

    folders = [Path(str(m["input_dir"])) for m in reversed(load_manifests(out_dir))
               if m.get("command") == "batch" and m.get("input_dir")]
    return list(dict.fromkeys([*folders, Path("raw")]))
