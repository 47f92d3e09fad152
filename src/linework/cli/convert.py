"""``linework convert IN -o OUT``: between formats, chosen by the output's extension."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from linework.cli.io import open_input, write_output
from linework.errors import LineworkError
from linework.files import save_as


def add_parser(sub: Any) -> None:
    """Register the verb."""
    p = sub.add_parser("convert", help="convert between diagram formats")
    p.add_argument("file", help="any readable diagram (- for stdin)")
    p.add_argument(
        "-o", "--output", required=True, help="OUT.linework, OUT.drawio or OUT.svg"
    )
    p.add_argument("--format", help="linework, drawio or svg (default: from -o)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read any format, write the requested one."""
    fmt_name = args.format or _format_of(args.output)
    result = open_input(args.file)
    # What the import repaired or dropped, as the editor says it (stdout may
    # be the converted file, so the notes go to stderr).
    for warning in result.warnings:
        print(f"linework: warning: {warning}", file=sys.stderr)
    write_output(args.output, save_as(result.doc, fmt_name))
    return 0


def _format_of(path: str) -> str:
    low = path.lower()
    for ext, name in (
        (".linework", "linework"),
        (".drawio", "drawio"),
        (".svg", "svg"),
    ):
        if low.endswith(ext):
            return name
    raise LineworkError("LW-E0401", f"Say which format to write with --format: {path}")
