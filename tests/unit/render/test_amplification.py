"""Render amplification (issue 14): a small file must not become a huge picture.

Every wrapped line used to be its own ``<tspan>`` without a cap, so a
100,000-character label in a 30 px box drew 3.8 MB of SVG, and a compressed
draw.io file of such labels over 100 MB. Labels now draw at most twice the
lines that fit their box (at least ``MIN_DRAWN_LINES``) and at most
``MAX_DRAWN_CHARS`` characters, ending in an ellipsis; the document keeps
the whole text.
"""

from __future__ import annotations

import pytest

from amplification import SMALL, WORDS, compressed_drawio, labelled
from linework.errors import LineworkError
from linework.files import open_document
from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import (
    Connector,
    ConnectorLabel,
    Document,
    Free,
    IdSource,
    Transaction,
)
from linework.render import Renderer, export_svg
from linework.text import layout, line_height
from linework.text.layout import ELLIPSIS, MAX_DRAWN_CHARS, MIN_DRAWN_LINES


def _doc(n: int, text: str, box: Box = SMALL, **style: object) -> Document:
    return labelled(n, text, box, **style)


def _page_svg(doc: Document) -> bytes:
    return export_svg(doc, doc.pages()[0].id).encode()


def test_a_huge_label_in_a_small_box_renders_under_a_megabyte() -> None:
    doc = _doc(1, WORDS)
    svg = _page_svg(doc)
    assert len(svg) < 1_000_000
    assert svg.count(b"<tspan") <= MIN_DRAWN_LINES
    assert ELLIPSIS.encode() in svg
    # The document keeps every character: only the picture is cut.
    assert WORDS == next(iter(doc.elements(doc.pages()[0].id))).text  # type: ignore[union-attr]


def test_a_label_without_wrapping_is_bounded_too() -> None:
    one_line = "x" * 100_000
    for style in ({"wrap": False}, {"label_position": "below"}):
        svg = _page_svg(_doc(1, one_line, **style))
        assert len(svg) < 1_000_000
        assert one_line[: MAX_DRAWN_CHARS + 1] not in svg.decode()
        assert ELLIPSIS in svg.decode()


def test_line_feeds_alone_cannot_amplify() -> None:
    lines = "\n".join(f"line {i}" for i in range(50_000))
    svg = _page_svg(_doc(1, lines, **{"wrap": False}))
    assert svg.count(b"<tspan") <= MIN_DRAWN_LINES
    assert len(svg) < 100_000


def test_a_connector_label_is_bounded() -> None:
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    tx = Transaction(doc)
    tx.put(
        Connector(
            id="connector:1",
            page=page.id,
            layer=doc.layers(page.id)[0].id,
            source=Free(point=Vec(0, 0)),
            target=Free(point=Vec(300, 0)),
            labels=(ConnectorLabel(text="\n".join(["y" * 2000] * 2000)),),
        )
    )
    svg = _page_svg(doc.apply(tx.patch()))
    assert len(svg) < 100_000


def test_a_compressed_drawio_file_of_sixty_huge_labels_stays_small() -> None:
    """17 KB of deflate used to expand to over 100 MB of SVG."""
    data = compressed_drawio(60, WORDS)
    assert len(data) < 200_000
    doc = open_document(data).doc
    svg = _page_svg(doc)
    assert len(svg) < 5_000_000
    fragments = Renderer().page_fragments(doc, doc.pages()[0].id)
    assert sum(len(f) for _, f in fragments) < 5_000_000


def test_a_six_megabyte_linework_file_opens_and_renders() -> None:
    data = native.encode(_doc(60, WORDS))
    assert len(data) > 6_000_000
    doc = open_document(data).doc
    assert len(_page_svg(doc)) < 5_000_000


def test_lines_that_fit_the_box_twice_over_stay() -> None:
    """Text spilling a little out of its box is drawn whole, as in draw.io."""
    step = line_height(12.0)
    tall = Box(0, 0, 200, 20 * step)
    text = "\n".join(f"row {i}" for i in range(2 * 20))
    svg = _page_svg(_doc(1, text, box=tall, font_size=12.0, text_padding=0.0))
    assert 40 == svg.count(b"<tspan")
    assert ELLIPSIS.encode() not in svg
    assert 60 == layout.max_lines(30 * step, step)
    assert MIN_DRAWN_LINES == layout.max_lines(0.0, step)


def test_a_page_drawing_more_than_the_cap_is_refused_with_a_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The sum of the bounded labels is bounded too (LW-E0404), checked as it grows."""
    import linework.render as render

    doc = _doc(60, WORDS)
    size = len(_page_svg(doc))
    monkeypatch.setattr(render, "MAX_PAGE_SVG_CHARS", size // 2)
    with pytest.raises(LineworkError) as caught:
        _page_svg(doc)
    assert "LW-E0404" == caught.value.code
    monkeypatch.setattr(render, "MAX_PAGE_SVG_CHARS", size)
    assert size == len(_page_svg(doc))
