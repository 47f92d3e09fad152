"""Rendering is deterministic: each example renders to its golden SVG, byte for byte.

Refresh the goldens after an intended change with ``LINEWORK_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from golden_files import UPDATE, example_files, golden_for
from linework.formats import native
from linework.render import Renderer, export_svg, page_fragments

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_example_matches_golden(example: Path) -> None:
    """The first page of each example renders to exactly the golden bytes."""
    doc = native.decode(example.read_bytes())
    svg = export_svg(doc, doc.pages()[0].id)
    golden = golden_for(example)
    if UPDATE or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(svg, encoding="utf-8")

    assert golden.read_text(encoding="utf-8") == svg


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_one_data_id_group_per_element(example: Path) -> None:
    """The SVG parses as XML and has one ``g[data-id]`` per element, in paint order."""
    doc = native.decode(example.read_bytes())
    page = doc.pages()[0]

    root = ET.fromstring(export_svg(doc, page.id))
    ids = [g.get("data-id") for g in root.iter(f"{SVG}g") if g.get("data-id")]

    assert [e.id for e in doc.elements(page.id)] == ids


def test_render_is_the_same_twice_and_cached() -> None:
    """A second render returns the cached fragment objects for unchanged records."""
    example = example_files()[0]
    doc = native.decode(example.read_bytes())
    page = doc.pages()[0].id
    r = Renderer()

    first = r.page_fragments(doc, page)
    second = r.page_fragments(doc, page)

    assert first == page_fragments(doc, page)
    assert all(a[1] is b[1] for a, b in zip(first, second, strict=True))
