"""Connector fragments: well-formed, escaped, deterministic, and never crashing."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.geometry import Box, Vec
from linework.model import (
    ARROWHEADS,
    DASHES,
    DEFAULT_STYLE,
    ROUTINGS,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Free,
    IdSource,
    Record,
    Routing,
    Shape,
    Style,
)
from linework.render.arrowheads import HOLLOW_FILL, arrowhead, inset
from linework.render.connector import connector_svg
from linework.routing import route

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'
NUMERIC = ("x", "y", "width", "height", "cx", "cy", "r", "stroke-width", "opacity")


def _doc(
    source: End | None = None,
    target: End | None = None,
    *,
    routing: Routing = "orthogonal",
    style: Style = DEFAULT_STYLE,
    labels: tuple[ConnectorLabel, ...] = (),
    waypoints: tuple[Vec, ...] = (),
) -> tuple[Document, Connector]:
    """Return a document with two shapes and one connector between them."""
    ids = IdSource()
    base = Document.new(ids)
    page = base.pages()[0].id
    layer = base.layers(page)[0].id
    records: dict[str, Record] = dict(base.records)
    a = Shape(id=ids.new("shape"), page=page, layer=layer, box=Box(0, 0, 100, 60))
    b = Shape(id=ids.new("shape"), page=page, layer=layer, box=Box(300, 200, 100, 60))
    c = Connector(
        id=ids.new("conn"),
        page=page,
        layer=layer,
        source=source or Attached(shape=a.id),
        target=target or Attached(shape=b.id),
        routing=routing,
        style=style,
        labels=labels,
        waypoints=waypoints,
    )
    for r in (a, b, c):
        records[r.id] = r
    return Document(records=records), c


def _parse(svg: str) -> ET.Element:
    """Parse a fragment (adding the SVG namespace) and check its numbers are finite."""
    root = ET.fromstring(svg.replace("<g ", f"<g {SVG_NS} ", 1))
    for el in root.iter():
        for name in NUMERIC:
            if name in el.attrib:
                assert math.isfinite(float(el.attrib[name])), (name, el.attrib)
        for number in re.findall(r"-?[\d.]+", el.attrib.get("d", "")):
            assert math.isfinite(float(number))
    return root


def _tag(el: ET.Element) -> str:
    return el.tag.rpartition("}")[2]


def test_fragment_is_a_keyed_group_with_hit_path_and_line() -> None:
    """The group carries the id and kind; an invisible wide path comes first."""
    doc, c = _doc()

    root = _parse(connector_svg(doc, c))
    hit, line = root[0], root[1]

    expected = (c.id, "connector", "0", "none", "none")
    assert expected == (
        root.get("data-id"),
        root.get("data-kind"),
        hit.get("stroke-opacity"),
        hit.get("fill"),
        line.get("fill"),
    )
    assert float(hit.get("stroke-width", "0")) >= 12


@pytest.mark.parametrize("name", ARROWHEADS)
@pytest.mark.parametrize("width", [0.0, 1.0, 1.5, 6.0])
def test_every_arrowhead_renders_well_formed_finite_svg(
    name: str, width: float
) -> None:
    """Each head, at either end and any width, parses and has only finite numbers."""
    style = replace(DEFAULT_STYLE, start_arrow=name, end_arrow=name, stroke_width=width)
    doc, c = _doc(style=style)

    root = _parse(connector_svg(doc, c))

    expected = 2 * len(arrowhead(name, Vec(0, 0), Vec(1, 0), width))
    assert expected == len(root) - 2


@pytest.mark.parametrize("name", [n for n in ARROWHEADS if "hollow" in n])
def test_hollow_heads_are_filled_white(name: str) -> None:
    """A hollow head hides the line behind it with a white fill."""
    nodes = arrowhead(name, Vec(0, 0), Vec(1, 0), 1.5)

    actual = {dict(n.attrs).get("fill") for n in nodes}

    expected = {HOLLOW_FILL}
    assert expected == actual


def test_unknown_arrowhead_draws_nothing() -> None:
    """A head name from a newer file is skipped, not an error."""
    actual = (arrowhead("future-head", Vec(0, 0), Vec(1, 0), 2), inset("future", 2))

    expected = ((), 0.0)
    assert expected == actual


def test_line_stops_short_of_a_classic_head() -> None:
    """The visible line ends ``inset`` before the tip, the hit path at the tip."""
    doc, c = _doc(Free(point=Vec(0, 0)), Free(point=Vec(100, 0)), routing="straight")

    root = _parse(connector_svg(doc, c))

    expected = (
        "M0 0L100 0",
        f"M0 0L{100 - inset('classic', DEFAULT_STYLE.stroke_width):g} 0",
    )
    assert expected == (root[0].get("d"), root[1].get("d"))


@pytest.mark.parametrize("dash", DASHES)
def test_dash_pattern_scales_with_width(dash: str) -> None:
    """Solid lines have no dash array; the others scale with the stroke width."""
    style = replace(DEFAULT_STYLE, dash=dash, stroke_width=2)
    doc, c = _doc(style=style)

    line = _parse(connector_svg(doc, c))[1]

    expected = dash != "solid"
    assert expected == ("stroke-dasharray" in line.attrib)


def test_opacity_goes_on_the_group() -> None:
    """A translucent connector fades line, heads and labels together."""
    doc, c = _doc(style=replace(DEFAULT_STYLE, opacity=0.5))

    root = _parse(connector_svg(doc, c))

    expected = "0.5"
    assert expected == root.get("opacity")


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '"><svg onload=alert(1)>',
        "</text><image href=x onerror=alert(1)>",
        "a & b\nsecond line",
    ],
)
def test_label_text_is_escaped_data(text: str) -> None:
    """Markup in a label comes back out of the XML as the very same text."""
    doc, c = _doc(labels=(ConnectorLabel(text=text),))

    svg = connector_svg(doc, c)
    root = _parse(svg)
    label = next(el for el in root if el.get("data-label") == "0")
    actual = "\n".join(
        "".join(span.itertext()) for t in label if _tag(t) == "text" for span in t
    )

    assert text == actual
    assert "<script" not in svg
    assert "<image" not in svg


def test_label_sits_on_a_page_coloured_background() -> None:
    """Each label is text over a rect of the page background, so the line hides."""
    doc, c = _doc(labels=(ConnectorLabel(text="yes", position=0.5),))

    label = _parse(connector_svg(doc, c))[-1]

    expected = (["rect", "text"], "#ffffff")
    assert expected == ([_tag(el) for el in label], label[0].get("fill"))


def test_label_without_text_draws_nothing() -> None:
    """An empty label leaves no empty group behind."""
    doc, c = _doc(labels=(ConnectorLabel(text=""),))

    root = _parse(connector_svg(doc, c))

    assert all(el.get("data-label") is None for el in root)


@pytest.mark.parametrize("routing", ROUTINGS)
def test_missing_shapes_render_without_crashing(routing: Routing) -> None:
    """A connector whose shapes are gone still renders a well-formed fragment."""
    doc, c = _doc(
        Attached(shape="shape:404"),
        Attached(shape="shape:405", port="n"),
        routing=routing,
        labels=(ConnectorLabel(text="orphan"),),
    )

    root = _parse(connector_svg(doc, c))

    assert c.id == root.get("data-id")


@given(
    st.sampled_from(ROUTINGS),
    st.sampled_from(ARROWHEADS),
    st.sampled_from(ARROWHEADS),
    st.lists(
        st.builds(
            Vec,
            st.integers(-300, 600).map(float),
            st.integers(-300, 600).map(float),
        ),
        max_size=3,
    ),
    st.text(max_size=20),
)
def test_rendering_is_deterministic(
    routing: Routing, start: str, end: str, waypoints: list[Vec], text: str
) -> None:
    """The same connector renders to the same bytes, also from a rebuilt document."""
    style = replace(DEFAULT_STYLE, start_arrow=start, end_arrow=end)
    labels = (ConnectorLabel(text=text, position=0.3, offset=Vec(0, -10)),)
    doc, c = _doc(
        routing=routing, style=style, labels=labels, waypoints=tuple(waypoints)
    )
    again, c2 = _doc(
        routing=routing, style=style, labels=labels, waypoints=tuple(waypoints)
    )

    first = connector_svg(doc, c)
    second = connector_svg(doc, c)
    rebuilt = connector_svg(again, c2)

    assert first == second == rebuilt
    _parse(first)


def test_hit_path_follows_the_whole_route() -> None:
    """The hit path is the untrimmed route, so the tips are clickable too."""
    doc, c = _doc(routing="orthogonal")

    hit = _parse(connector_svg(doc, c))[0]

    expected = "M100 30L200 30L200 230L300 230"
    assert expected == hit.get("d")
    assert (Vec(100, 30), Vec(300, 230)) == (
        route(doc, c).points[0],
        route(doc, c).points[-1],
    )
