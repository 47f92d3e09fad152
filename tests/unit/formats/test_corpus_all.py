"""Every real file in ../shared/corpus opens through the same path as the app.

``files.open_document`` sniffs the content (not the name), so this proves the
browser's Open and the CLI accept each file; each result must also survive the
native codec and render with every element inside its page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linework.files import open_document
from linework.formats import native
from linework.model import Document
from linework.render import content_bounds, export_svg

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
FILES = (
    sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".tsv")
    if CORPUS.is_dir()
    else []
)
# Rendered content may poke out of the page by an arrowhead or a label pad.
TOLERANCE = 12.0


def assert_on_its_pages(doc: Document, tolerance: float = TOLERANCE) -> None:
    """Check every page renders and its content lies within it (give or take)."""
    for page in doc.pages():
        svg = export_svg(doc, page.id)
        assert svg.startswith("<svg")
        box = content_bounds(doc, doc.elements(page.id))
        if box is not None:
            assert box.x >= -tolerance, page.name
            assert box.y >= -tolerance, page.name
            assert box.right <= page.width + tolerance, page.name
            assert box.bottom <= page.height + tolerance, page.name


@pytest.mark.skipif(not FILES, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_file_opens_renders_and_stays_on_its_pages(path: Path) -> None:
    """The file opens, round-trips through .linework, and renders inside its pages."""
    doc = open_document(path.read_bytes()).doc

    data = native.encode(doc)
    assert data == native.encode(native.decode(data))
    assert_on_its_pages(doc)
