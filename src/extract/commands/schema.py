"""`extract schema`: print the JSON Schema of the output contract."""

from __future__ import annotations

import argparse
import json

from extract.errors import ExitCode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("schema", help="print the JSON Schema of output/<stem>.json",
                            description="Print the JSON Schema (draft 2020-12) of the output contract.")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from extract.models import SCHEMA_VERSION, OutputFile

    schema = OutputFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"extract output, schema_version {SCHEMA_VERSION}"
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return ExitCode.ok
