"""`extract ingest FILE...`: process the named files now and print their output paths on stdout."""

from __future__ import annotations

import argparse
from pathlib import Path

from extract.commands.batch import add_common_options


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "ingest", help="process the given files into --out (default output/)",
        description="Process each FILE (always, even when its output is current) into OUT/<name>.json and "
                    "print the output paths on stdout. A lone scanned document has its pages OCR'd on all "
                    "workers. Exit codes: 0 all ok, 1 some failed, 3 all failed, 5 output folder locked, "
                    "8 an output cannot be written.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="PDF, TIFF, PNG, JPEG, .txt or .md files; a file under the input folder of an "
                             "earlier batch (or raw/) gets the output name the batch gives it "
                             "(raw/2026/x.pdf: OUT/2026/x.json)")
    add_common_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.batch.inputs import input_folders
    from extract.batch.run import exit_code_for, inputs_from_files, run_batch
    from extract.commands.batch import batch_options

    inputs = inputs_from_files([Path(f) for f in args.files], input_folders(Path(args.out)))
    if args.join_pages:
        from extract.batch.page_sets import join_page_images

        inputs = join_page_images(inputs)
    options = batch_options(args, inputs, "ingest", None)
    options.force = True  # naming a file is asking for it to be processed
    manifest = run_batch(options)
    for item in manifest.files:
        if item.status == "ok" and item.output:
            print(item.output, flush=True)
    return int(exit_code_for(manifest))
