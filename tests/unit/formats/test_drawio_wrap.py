"""draw.io whiteSpace=wrap ↔ style.wrap: import, export and round trips."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from drawio_samples import mxfile, only_shape, page, vertex
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box
from linework.model import DEFAULT_STYLE, Document, IdSource, Shape, Transaction

CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "drawio"


def one_page(cells: str) -> bytes:
    return mxfile(page(cells))


def small_cell(cid: str, style: str, value: str = "A long label", x: int = 100) -> str:
    return vertex(cid, x=x, y=100, w=40, h=40, style=style, value=value)


@pytest.mark.parametrize(
    ("style", "wrap"),
    [
        ("whiteSpace=wrap;html=1;", True),
        # draw.io's Graph.isHtmlLabel counts whiteSpace=wrap as HTML too.
        ("whiteSpace=wrap;", True),
        ("html=1;", False),
        ("", False),
        ("whiteSpace=nowrap;html=1;", False),
        ("text;html=1;align=center;", False),
        ("text;whiteSpace=wrap;html=1;", True),
    ],
)
def test_import_wraps_only_with_white_space_wrap(style: str, wrap: bool) -> None:
    s = only_shape(drawio.read(one_page(small_cell("a", style))).doc)

    assert wrap is s.style.wrap


def test_a_vertex_without_a_label_keeps_the_default() -> None:
    """No label, nothing to wrap: the style stays the default (not written)."""
    s = only_shape(drawio.read(one_page(small_cell("a", "html=1;", value=""))).doc)

    assert s.style.wrap is True


def test_connectors_keep_the_default() -> None:
    cells = (
        '<mxCell id="e" value="x" style="html=1;" edge="1" parent="1">'
        '<mxGeometry relative="1" as="geometry"><mxPoint x="0" y="0" as="sourcePoint"/>'
        '<mxPoint x="100" y="0" as="targetPoint"/></mxGeometry></mxCell>'
    )
    doc = drawio.read(one_page(cells)).doc

    assert all(r.style.wrap for r in doc.records.values() if hasattr(r, "style"))


def _doc(*styles: Shape) -> Document:
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    for s in styles:
        tx.put(replace(s, page=page.id, layer=layer.id))
    return doc.apply(tx.patch())


def _shape(rid: str, text: str, wrap: bool) -> Shape:
    return Shape(
        id=rid,
        page="p",
        layer="l",
        box=Box(0, 0, 40, 40),
        text=text,
        style=replace(DEFAULT_STYLE, wrap=wrap),
    )


def test_export_writes_white_space_wrap_only_when_wrapping() -> None:
    doc = _doc(_shape("shape:w", "wraps", True), _shape("shape:n", "does not", False))

    root = ET.fromstring(drawio_export.write(doc))
    styles = {
        c.get("value"): c.get("style", "")
        for c in root.iter("mxCell")
        if c.get("vertex") == "1"
    }

    assert "whiteSpace=wrap;" in styles["wraps"]
    assert "whiteSpace" not in styles["does not"]


def test_linework_to_drawio_and_back_keeps_wrap() -> None:
    doc = _doc(_shape("shape:w", "wraps", True), _shape("shape:n", "does not", False))

    back = drawio.read(drawio_export.write(doc)).doc
    by_text = {r.text: r for r in back.records.values() if isinstance(r, Shape)}

    assert by_text["wraps"].style.wrap is True
    assert by_text["does not"].style.wrap is False


def test_drawio_round_trip_is_identical() -> None:
    """draw.io → Linework → draw.io → Linework gives the same document."""
    cells = "".join(
        [
            small_cell("a", "whiteSpace=wrap;html=1;", x=0),
            small_cell("b", "html=1;", x=100),
            small_cell("c", "text;html=1;align=left;", x=200),
            small_cell("d", "rounded=1;", x=300),
        ]
    )
    first = drawio.read(one_page(cells)).doc
    second = drawio.read(drawio_export.write(first)).doc

    assert native.encode(first) == native.encode(second)
    assert [True, False, False, False] == [
        s.style.wrap
        for s in sorted(
            (r for r in first.records.values() if isinstance(r, Shape)),
            key=lambda r: r.box.x,
        )
    ]


def test_an_overflowing_label_grows_the_imported_page() -> None:
    """Text overflowing past the page edge is not cut off: the page grows."""
    wide = "x" * 200  # about 1300 px at 11 px, far wider than the 40 px box
    cell = small_cell("a", "html=1;", value=wide, x=20)
    page = drawio.read(one_page(cell)).doc.pages()[0]
    wrapped = drawio.read(
        one_page(small_cell("a", "whiteSpace=wrap;html=1;", wide, 20))
    )

    assert page.width > wrapped.doc.pages()[0].width


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_corpus_text_that_draw_io_does_not_wrap_stays_on_one_line() -> None:
    """The blog wireframe template's menu items are one line each, as in draw.io."""
    from linework.render.shape import label_layout

    doc = drawio.read((CORPUS / "tpl_wireframes_blog_1.xml").read_bytes()).doc
    by_text = {r.text: r for r in doc.records.values() if isinstance(r, Shape)}

    for text in ("Blog's Main Topic 1", "Associated blogs", "Rate this article"):
        s = by_text[text]
        assert s.style.wrap is False
        assert [text] == [line.text for line in label_layout(s).lines]
    lorem = next(s for t, s in by_text.items() if t.startswith("Lorem ipsum"))
    assert lorem.style.wrap is True and len(label_layout(lorem).lines) > 3


def test_a_label_that_fits_does_not_move_a_shape_at_the_page_edge() -> None:
    """Only overflow sideways counts: a short unwrapped label leaves the box be."""
    cell = (
        '<mxCell id="a" value="Hi" style="html=1;" vertex="1" parent="1">'
        '<mxGeometry x="0" y="0" width="40" height="12" as="geometry"/></mxCell>'
    )
    s = only_shape(drawio.read(one_page(cell)).doc)

    assert (0, 0) == (s.box.x, s.box.y)
    assert s.style.wrap is False
