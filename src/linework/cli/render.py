"""``linework render FILE -o OUT.svg [--page N]``: one page of a diagram as SVG."""

from __future__ import annotations

import argparse
import gc
from typing import Any

from linework.cli.io import check_page, open_input, write_output
from linework.gcpause import paused_gc
from linework.render import export_svg


def add_parser(sub: Any) -> None:
    """Register the verb."""
    p = sub.add_parser("render", help="render a page to SVG")
    p.add_argument(
        "file", help="a .linework file or any importable diagram (- for stdin)"
    )
    p.add_argument(
        "-o", "--output", required=True, help="the SVG file to write (- for stdout)"
    )
    p.add_argument(
        "--page", type=int, default=1, help="page number, from 1 (default 1)"
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render the chosen page and write it."""
    with paused_gc():
        doc = open_input(args.file).doc
        pages = doc.pages()
        check_page(args.page, len(pages))
        svg = export_svg(doc, pages[args.page - 1].id)
        write_output(args.output, svg.encode("utf-8"))
        # The verb ends its process: what it built (records, routes, memoized
        # outlines; millions of objects for a big page, none of them cyclic
        # garbage) lives until exit. Frozen, the collector no longer walks it
        # when it resumes and at exit, which took a tenth of a big render.
        gc.freeze()
    return 0
