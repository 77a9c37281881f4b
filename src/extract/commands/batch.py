"""`extract batch [RAW_DIR]`: process every file under a folder, in parallel, skipping what is current."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from extract.errors import ConfigError


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, got {value}")
    return value


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by `batch` and `ingest`."""
    parser.add_argument("--out", metavar="DIR", default="output", help="output folder (default: output/)")
    parser.add_argument("--workers", type=positive_int, metavar="N",
                        help="worker processes (default: the number of cores)")
    parser.add_argument("--cache-dir", metavar="DIR", help="page/OCR cache folder (default: OUT/.cache)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the page cache")
    parser.add_argument("--report", metavar="FILE", help="also write a JSON summary of the run to FILE")
    parser.add_argument("--quiet", action="store_true", help="no progress output (failures are still listed)")
    parser.add_argument("--timeout", type=positive_float, metavar="S",
                        help="seconds allowed per file before its worker is killed (default: limits.file_timeout_s)")
    parser.add_argument("--languages", metavar="LANGS", help="Tesseract languages, e.g. nld+eng+fra")
    parser.add_argument("--dpi", type=positive_int, metavar="N", help="rendering resolution for OCR")
    parser.add_argument("--force-ocr", action="store_true", default=None,
                        help="OCR every page, even where the PDF's text layer looks good (settings: force_ocr)")
    add_rules_option(parser)
    parser.add_argument("--join-pages", action="store_true",
                        help="read page images of one report as one document: <stem>-p<N>.<ext> (also _p, -page, "
                             "' p') or p<N>.<ext> in one folder, in page-number order, output <stem>.json")
    parser.add_argument("--corrections", metavar="DIR",
                        help="corrections folder applied to every output (default: corrections/ next to --out)")


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", metavar="DIR",
                        help="user rules folder: *.yml named and shaped as the packaged rules (en.yml, labels.yml, "
                             "...), whose lists extend them and whose mappings override them; its changes "
                             "reprocess what they may change (settings: rules_dir; env: EXTRACT_RULES)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "batch", help="process every file under RAW_DIR (default raw/) into --out",
        description="Process every regular file under RAW_DIR (recursively; hidden files and *.tmp ignored) "
                    "into one JSON file each under --out, mirroring the folder layout. Inputs whose output is "
                    "current (same file, settings, extractors, rules and corrections) are skipped unless --force. "
                    "Every run writes OUT/.runs/<run_id>.json. Exit codes: 0 all ok, 1 some failed, "
                    "3 all failed, 2 usage error, 5 output folder locked by another run, 7 the dask cluster cannot run "
                    "the batch (not reachable, lost, or workers without the same folders and versions), "
                    "8 an output cannot be written (--out a file, read-only or full).",
    )
    parser.add_argument("raw_dir", nargs="?", default="raw", metavar="RAW_DIR", help="input folder (default: raw/)")
    add_common_options(parser)
    parser.add_argument("--force", action="store_true", help="reprocess inputs whose output is current")
    parser.add_argument("--resume", action="store_true",
                        help="finish an interrupted run: remove stale temporaries, process only what is missing")
    parser.add_argument("--executor", choices=("local", "dask"), default="local",
                        help="local worker processes (default) or a dask.distributed cluster")
    parser.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                        help="dask scheduler address (default with --executor dask: a local cluster on 127.0.0.1)")
    parser.add_argument("--connect-timeout", type=positive_float, default=10.0, metavar="S",
                        help="seconds to wait for the dask scheduler and its first worker (default: 10)")
    tls = parser.add_argument_group("TLS for --scheduler tls://... (the same files as `dask scheduler --tls-*`)")
    tls.add_argument("--tls-ca-file", metavar="FILE", help="CA certificate the scheduler's certificate is checked against")
    tls.add_argument("--tls-cert", metavar="FILE", help="this client's certificate (may hold the key too)")
    tls.add_argument("--tls-key", metavar="FILE", help="this client's private key")
    parser.add_argument("--follow-symlinks", action="store_true",
                        help="also process symbolic links that point outside RAW_DIR")
    parser.set_defaults(run=run)


def dask_security(args: argparse.Namespace) -> Any:
    """A ``distributed.Security`` from the --tls-* options; None leaves it to dask's configuration."""
    files = {"tls_ca_file": getattr(args, "tls_ca_file", None), "tls_client_cert": getattr(args, "tls_cert", None),
             "tls_client_key": getattr(args, "tls_key", None)}
    if not any(files.values()):
        return None
    if not getattr(args, "scheduler", None):
        raise ConfigError("--tls-* options need --scheduler tls://HOST:PORT")
    if not files["tls_ca_file"] or not files["tls_client_cert"]:
        raise ConfigError("TLS needs at least --tls-ca-file and --tls-cert (and --tls-key unless the cert file holds it)")
    for option, path in files.items():
        if path and not Path(path).is_file():
            raise ConfigError(f"--{option.replace('_client', '').replace('_', '-')} {path}: no such file")
    from distributed.security import Security

    return Security(require_encryption=True, **{k: v for k, v in files.items() if v})


def build_settings(args: argparse.Namespace) -> Any:
    from extract.rules.loader import check_rules
    from extract.settings import load_settings

    settings = load_settings(workers=args.workers, cache_dir=args.cache_dir, languages=args.languages, dpi=args.dpi,
                             force_ocr=args.force_ocr, rules_dir=args.rules)
    check_rules(settings.rules_dir)  # a bad rule file stops the run now, not once per file in the workers
    if args.timeout:
        settings = settings.model_copy(update={"limits": settings.limits.model_copy(
            update={"file_timeout_s": args.timeout})})
    return settings


def cache_folder(settings: Any, out_dir: Path) -> Path:
    """The page cache: --cache-dir or settings, else inside the output folder."""
    return Path(settings.cache_dir) if settings.cache_dir else out_dir / ".cache"


def batch_options(args: argparse.Namespace, inputs: list[Any], command: str, input_dir: Path | None) -> Any:
    from extract.batch.progress import choose_mode
    from extract.batch.run import BatchOptions

    settings = build_settings(args)
    out_dir = Path(args.out)
    corrections = Path(args.corrections) if args.corrections else out_dir.parent / "corrections"
    return BatchOptions(
        inputs=inputs, out_dir=out_dir, settings=settings, input_dir=input_dir, command=command,
        workers=settings.workers, cache_dir=None if args.no_cache else cache_folder(settings, out_dir),
        corrections_dir=corrections, force=getattr(args, "force", False), resume=getattr(args, "resume", False),
        report=Path(args.report) if args.report else None, executor=getattr(args, "executor", "local"),
        scheduler=getattr(args, "scheduler", None), dask_security=dask_security(args),
        connect_timeout=getattr(args, "connect_timeout", 10.0),
        progress=choose_mode(args.quiet, getattr(args, "log_json", False)),
        log_verbose=getattr(args, "verbose", 0), log_json=getattr(args, "log_json", False),
        options_record={k: v for k, v in vars(args).items() if k != "run" and not callable(v)},
    )


def run(args: argparse.Namespace) -> int:
    from extract.batch.run import discover_inputs, exit_code_for, run_batch

    if args.scheduler and args.executor != "dask":
        raise ConfigError("--scheduler needs --executor dask")
    raw_dir = Path(args.raw_dir)
    out_dir = Path(args.out)
    exclude = [out_dir]
    cache_dir = Path(args.cache_dir) if args.cache_dir else None
    if cache_dir:
        exclude.append(cache_dir)
    if raw_dir.resolve() == out_dir.resolve():
        raise ConfigError("RAW_DIR and --out are the same folder; write the outputs somewhere else")
    inputs = discover_inputs(raw_dir, follow_symlinks=args.follow_symlinks, exclude=exclude)
    if args.join_pages:
        from extract.batch.page_sets import join_page_images

        inputs = join_page_images(inputs)
    options = batch_options(args, inputs, "batch", raw_dir)
    if os.environ.get("EXTRACT_DASK_THREADS") == "1":  # tests: a LocalCluster of threads starts faster
        options.dask_processes = False
    manifest = run_batch(options)
    return int(exit_code_for(manifest))
