"""The renderer's memos and shortcuts never serve a stale or different drawing.

Big pages render faster through memos keyed by a style record or a fill
colour, and a shortcut for one-paragraph labels; each must follow an edit (a
new record, a new colour) and give exactly what the general path gives.
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from linework.geometry import Box
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    Document,
    IdSource,
    Record,
    Shape,
    Style,
)
from linework.render import Renderer, export_svg
from linework.render.shape import LIGHT_TEXT
from linework.text import layout_text


def _doc(style: Style = DEFAULT_STYLE, fill: str = "#ffffff") -> Document:
    ids = IdSource()
    base = Document.new(ids)
    page = base.pages()[0].id
    layer = base.layers(page)[0].id
    records: dict[str, Record] = dict(base.records)
    a = Shape(
        id="a",
        page=page,
        layer=layer,
        box=Box(0, 0, 100, 60),
        text="Alpha",
        style=replace(DEFAULT_STYLE, fill=fill),
    )
    b = Shape(id="b", page=page, layer=layer, box=Box(300, 0, 100, 60))
    c = Connector(
        id="c",
        page=page,
        layer=layer,
        source=Attached(shape="a"),
        target=Attached(shape="b"),
        style=style,
    )
    records.update({"a": a, "b": b, "c": c})
    return Document(records=records)


def _with(doc: Document, rec: Record) -> Document:
    return Document(records={**doc.records, rec.id: rec})


def test_an_edited_connector_style_is_drawn_anew() -> None:
    """A new style record (a thicker red line, a bigger head) is not served from
    the memo of the old one: stroke, width, and where the line stops change."""
    doc = _doc()
    r = Renderer()
    before = r.fragment(doc, doc.records["c"])  # type: ignore[arg-type]
    c = doc.records["c"]
    assert isinstance(c, Connector)
    thick = replace(c.style, stroke="#ff0000", stroke_width=4.0, end_arrow_size=30.0)
    doc2 = _with(doc, replace(c, style=thick))
    after = r.fragment(doc2, doc2.records["c"])  # type: ignore[arg-type]
    assert 'stroke="#ff0000" stroke-width="4"' in after
    assert 'stroke="#ff0000"' not in before
    # The visible line stops short of the larger head: its end moved back.
    ends = [re.findall(r'd="M[^"]*L([\d.]+) ', f) for f in (before, after)]
    assert float(ends[1][1]) < float(ends[0][1])
    # And back: the first style draws what it drew at first.
    assert r.fragment(doc, doc.records["c"]) == before  # type: ignore[arg-type]
    assert Renderer().fragment(doc2, doc2.records["c"]) == after  # type: ignore[arg-type]


def test_a_hidden_connector_and_a_faded_one_keep_their_attributes() -> None:
    doc = _doc(style=replace(DEFAULT_STYLE, opacity=0.5))
    svg = export_svg(doc, doc.pages()[0].id)
    assert '<g data-id="c" data-kind="connector" opacity="0.5">' in svg
    layer = doc.layers(doc.pages()[0].id)[0]
    hidden = _with(doc, replace(layer, visible=False))
    frag = Renderer().fragment(hidden, hidden.records["c"])  # type: ignore[arg-type]
    assert frag.startswith(
        '<g data-id="c" data-kind="connector" opacity="0.5" display="none">'
    )


def test_a_label_turns_white_on_a_dark_fill_and_back() -> None:
    """The fill → text colour memo follows the shape's fill as it is edited."""
    doc = _doc(fill="#ffffff")
    r = Renderer()
    a = doc.records["a"]
    assert isinstance(a, Shape)
    light = r.fragment(doc, a)
    dark_doc = _with(doc, replace(a, style=replace(a.style, fill="#102030")))
    dark = r.fragment(dark_doc, dark_doc.records["a"])  # type: ignore[arg-type]
    assert f'fill="{LIGHT_TEXT}" xml:space' not in light
    assert f'fill="{LIGHT_TEXT}" xml:space' in dark
    again = _with(dark_doc, a)
    assert r.fragment(again, a) == light


def _lines(text: str, width: float) -> list[tuple[str, float]]:
    layout = layout_text(
        text,
        width=width,
        size_px=12.0,
        bold=False,
        italic=False,
        align="left",
        valign="top",
        box=(0.0, 0.0, width, 500.0),
    )
    return [(line.text, line.width) for line in layout.lines]


@given(
    st.text(alphabet=" abcWiM.-", max_size=40),
    st.floats(min_value=1.0, max_value=300.0),
)
def test_one_paragraph_lays_out_as_in_a_longer_text(text: str, width: float) -> None:
    """A one-paragraph label (the shortcut) breaks exactly as the same text
    followed by another paragraph does (the general path)."""
    one = _lines(text, width)
    two = _lines(text + "\nx", width)
    if text:
        assert one == two[:-1]
    else:
        assert one == []


def test_a_prefixed_render_of_a_connector_rewrites_what_a_node_tree_would() -> None:
    """Connector fragments are written as text; with an id prefix they get
    the rewrite ``ids.prefixed`` gives node trees: ordinary ones have no ids
    or local references (unchanged), a ``url(#…)`` in an attribute is prefixed
    (here an id that reads like one), and the style memo stays unprefixed."""
    doc = _doc()
    c = doc.records["c"]
    assert isinstance(c, Connector)
    plain = Renderer().fragment(doc, c)
    assert Renderer(id_prefix="p-").fragment(doc, c) == plain
    odd = replace(c, id="url(#lw-shadow)")
    doc2 = Document(
        records={**{k: v for k, v in doc.records.items() if k != "c"}, odd.id: odd}
    )
    got = Renderer(id_prefix="p-").fragment(doc2, odd)
    assert got.startswith('<g data-id="url(#p-lw-shadow)" data-kind="connector">')
    assert Renderer().fragment(doc2, odd).startswith('<g data-id="url(#lw-shadow)"')
    assert Renderer().fragment(doc, c) == plain
