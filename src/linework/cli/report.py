"""``linework report DIR``: how each diagram file in a folder imports.

Prints per file: format, pages, shapes, connectors, unmapped shapes and time,
so an import regression on real files shows up as a changed number.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from linework.errors import LineworkError
from linework.files import open_document
from linework.model import Connector, Shape

# Notes and listings that sit beside diagrams in a folder; they are not reported.
_NOT_DIAGRAMS = frozenset({".md", ".txt", ".tsv", ".csv", ".rst"})


def add_parser(sub: Any) -> None:
    """Register the verb."""
    p = sub.add_parser("report", help="summarise how every file in a folder imports")
    p.add_argument("folder", help="a folder; files are read recursively")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import every file under the folder and print one row per file."""
    root = Path(args.folder)
    if not root.is_dir():
        raise LineworkError("LW-E0700", f"{root}: not a folder")
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and not p.name.startswith(".")
        and p.suffix.lower() not in _NOT_DIAGRAMS
    )
    header = ("file", "format", "pages", "shapes", "connectors", "unmapped", "ms")
    rows: list[tuple[str, ...]] = []
    failures = 0
    for path in files:
        name = str(path.relative_to(root))
        t0 = time.perf_counter()
        try:
            result = open_document(path.read_bytes())
        except LineworkError as exc:
            failures += 1
            ms = (time.perf_counter() - t0) * 1000
            rows.append((name, f"error {exc.code}", "", "", "", "", f"{ms:.0f}"))
            continue
        ms = (time.perf_counter() - t0) * 1000
        doc = result.doc
        shapes = sum(isinstance(r, Shape) for r in doc.records.values())
        connectors = sum(isinstance(r, Connector) for r in doc.records.values())
        rows.append(
            (
                name,
                result.format,
                str(len(doc.pages())),
                str(shapes),
                str(connectors),
                str(result.unmapped),
                f"{ms:.0f}",
            )
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    print(f"{len(files)} files, {len(files) - failures} imported, {failures} failed")
    return 1 if failures else 0
