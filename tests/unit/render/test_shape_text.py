"""A shape's fragment written as text is the node tree's text, and follows edits.

``shape_svg`` (the renderer's hot path) writes the common case directly around
parts memoized per style record; whatever it draws must equal
``serialize(shape_node(...))``, for every kind and the options it handles
itself or hands back to the tree (rotation, opacity, hidden, mirrors,
pictures, links, rich text, rows), and a new style record must never be
served an old one's text.
"""

from __future__ import annotations

import gc
from dataclasses import replace

import pytest

from linework.geometry import Box
from linework.model import DEFAULT_STYLE, Document, IdSource, Shape
from linework.model.rich import Paragraph, RichText, Run
from linework.render import Renderer, export_svg
from linework.render.shape import shape_node
from linework.render.shape_text import shape_svg
from linework.shapes.registry import KINDS
from linework.svg import serialize


def _shape(kind: str = "rectangle", **kw: object) -> Shape:
    base = Shape(
        id="s1",
        page="p",
        layer="l",
        kind=kind,
        box=Box(10.5, 20, 120, 70),
        text='Hello <world> & "you"\n  second   line',
    )
    return replace(base, **kw)  # type: ignore[arg-type]


VARIANTS: list[dict[str, object]] = [
    {},
    {"text": ""},
    {"text": "   "},
    {"rotation_deg": 30},
    {"rotation_deg": 360},
    {"style": replace(DEFAULT_STYLE, opacity=0.5)},
    {"style": replace(DEFAULT_STYLE, fill="#101820")},  # white label
    {"style": replace(DEFAULT_STYLE, font_color="#ff0000", fill="#000000")},
    {"style": replace(DEFAULT_STYLE, label_position="top", wrap=False)},
    {"style": replace(DEFAULT_STYLE, dash="dashed", shadow=True, stroke="none")},
    {"props": {"flip": "h"}},
    {"link": "https://example.com/?a=1&b=2"},
    {"link": "javascript:alert(1)"},
]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_writes_what_its_node_tree_serializes_to(kind: str) -> None:
    for variant in VARIANTS:
        s = _shape(kind, **variant)
        for hidden in (False, True):
            assert shape_svg(s, hidden=hidden) == serialize(
                shape_node(s, hidden=hidden)
            ), (kind, variant, hidden)


def test_rich_labels_and_pictures_take_the_tree_and_match_it() -> None:
    rich = RichText(
        paragraphs=(Paragraph(runs=(Run(text="Bold", bold=True), Run(text=" plain"))),)
    )
    s = _shape(text="Bold plain", rich=rich)
    assert shape_svg(s) == serialize(shape_node(s))
    assert "font-weight" in shape_svg(s)
    pic = _shape("image", props={"src": "data:image/png;base64,iVBORw0KGgo="})
    assert shape_svg(pic) == serialize(shape_node(pic))


def test_a_new_style_record_is_never_served_an_old_ones_text() -> None:
    first = _shape()
    assert 'fill="#ffffff"' in shape_svg(first)
    # Edits make new style records and old ones die; an id() reused by a new
    # record with another fill or font must not get the old record's text.
    for fill, size in (("#ff0000", 11), ("#00ff00", 12), ("#0000ff", 13)):
        del first
        gc.collect()
        first = _shape(style=replace(DEFAULT_STYLE, fill=fill, font_size=size))
        out = shape_svg(first)
        assert f'fill="{fill}"' in out and f'font-size="{size}"' in out
        assert out == serialize(shape_node(first))


def _page_doc(s: Shape) -> tuple[Document, str]:
    base = Document.new(IdSource())
    page = base.pages()[0].id
    layer = base.layers(page)[0].id
    s = replace(s, page=page, layer=layer)
    return Document(records={**base.records, s.id: s}), page


def test_an_edited_label_or_font_redraws_through_the_renderer() -> None:
    r = Renderer()
    doc, page = _page_doc(_shape())
    svg1 = dict(r.page_fragments(doc, page))["s1"]
    assert "second" in svg1 and 'font-size="22"' not in svg1
    s = doc.get("s1")
    assert isinstance(s, Shape)
    t = replace(s, text="Other", style=replace(DEFAULT_STYLE, font_size=22))
    doc2 = Document(records={**doc.records, "s1": t})
    svg2 = dict(r.page_fragments(doc2, page))["s1"]
    assert "Other" in svg2 and "second" not in svg2 and 'font-size="22"' in svg2
    assert svg2 == serialize(shape_node(t))
    assert "Other" in export_svg(doc2, page)


LABEL_STYLES: list[dict[str, object]] = [
    {"align": "left", "valign": "top"},
    {"align": "right", "valign": "bottom"},
    {"align": "center", "valign": "middle", "wrap": False},
    {"font_size": 9, "bold": True},
    {"font_size": 31.5, "italic": True, "bold": True},
    {"font_family": "Cousine", "text_padding": 0},
    {"font_family": "Caveat", "text_padding": 40},
    {"font_family": "No such font"},
    {"text_padding_left": 12, "text_padding_top": 3, "align": "left"},
    {"text_padding_right": 30, "text_padding_bottom": 50, "valign": "bottom"},
    {"label_position": "left", "align": "right"},
    {"label_position": "bottom", "valign": "top"},
]
LABEL_TEXTS = [
    "one",
    "a label long enough to wrap over several lines in its box",
    "averyveryverylongwordwithoutanyspacesthatmustbesplitsomewhere",
    "first\n\nthird\r\nfourth\rfifth",
    "  indented   and spaced  ",
    "tab\there & <b>not bold</b> é\u0301 漢字 😀",
    "x " * 3000,  # cut: at most so many lines, ending in an ellipsis
]


@pytest.mark.parametrize("style", LABEL_STYLES)
def test_a_plain_label_written_directly_is_its_layouts_text(
    style: dict[str, object],
) -> None:
    """The fast label path gives label_layout's lines, placed and escaped alike."""
    st = replace(DEFAULT_STYLE, **style)  # type: ignore[arg-type]
    for kind in ("rectangle", "diamond", "ellipse", "text", "cylinder"):
        for box in (Box(10.5, 20, 120, 70), Box(-3, 7.25, 14, 9), Box(0, 0, 400, 33)):
            for text in LABEL_TEXTS:
                s = _shape(kind, style=st, box=box, text=text)
                assert shape_svg(s) == serialize(shape_node(s)), (kind, box, text)
