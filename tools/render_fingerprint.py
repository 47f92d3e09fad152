"""Print one SHA-256 over every rendered byte of the examples, corpus and benches.

A guard for performance work on rendering: a faster renderer must produce the very
same bytes (natively and in Pyodide), so record the hash before a change and
compare after. Usage: ``PYTHONPATH=src:tools python tools/render_fingerprint.py``
(``-v`` prints one hash per input, to find which one changed).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from linework.errors import LineworkError
from linework.files import open_document
from linework.model import Document
from linework.render import Renderer, export_svg

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus")


def _render(doc: Document) -> bytes:
    """Return the export and the fragments of every page of ``doc`` as bytes."""
    out: list[str] = []
    for page in doc.pages():
        out.append(export_svg(doc, page.id))
        for eid, svg in Renderer().page_fragments(doc, page.id):
            out.append(eid)
            out.append(svg)
    return "\x00".join(out).encode()


def _documents() -> list[tuple[str, Document | None]]:
    """Return (name, document) for every input; None when the file does not open."""
    import bench_core
    import bench_editor

    docs: list[tuple[str, Document | None]] = []
    files = sorted((ROOT / "examples").glob("*.linework"))
    if CORPUS.is_dir():
        files += sorted(
            p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv"
        )
    for path in files:
        try:
            docs.append((str(path), open_document(path.read_bytes()).doc))
        except LineworkError:
            docs.append((str(path), None))
    for n in (10, 200, 1000):
        docs.append((f"bench_editor {n}", bench_editor.make_document(n)))
        docs.append((f"bench_core {n}", bench_core.make_document(n)))
    return docs


def main(argv: list[str]) -> None:
    """Print the fingerprint (and, with ``-v``, one hash per input)."""
    verbose = "-v" in argv
    total = hashlib.sha256()
    for name, doc in _documents():
        data = b"(unopenable)" if doc is None else _render(doc)
        total.update(name.encode() + b"\x00" + data + b"\x01")
        if verbose:
            print(hashlib.sha256(data).hexdigest()[:16], name)
    print(total.hexdigest())


if __name__ == "__main__":
    main(sys.argv[1:])
