"""``linework validate FILE``: check a file and say what is wrong, exactly where."""

from __future__ import annotations

import argparse
from typing import Any

from linework.cli.io import open_input


def add_parser(sub: Any) -> None:
    """Register the verb."""
    p = sub.add_parser("validate", help="check that a file opens, naming any problem")
    p.add_argument("file", help="the file to check (- for stdin)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Open the file; print a one-line summary when it is valid."""
    result = open_input(args.file)
    doc = result.doc
    pages = doc.pages()
    n = sum(len(doc.elements(p.id)) for p in pages)
    extra = f", {result.unmapped} unmapped shapes" if result.unmapped else ""
    print(
        f"{args.file}: valid {result.format}, {len(pages)} pages, {n} elements{extra}"
    )
    return 0
