"""Arrowheads (#12): a size per end, legible automatic sizes, draw.io's
``startSize``/``endSize`` both ways, and ends that meet the true outline."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from xml.sax.saxutils import quoteattr

import pytest

from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box, Vec
from linework.model import DEFAULT_STYLE, Attached, Connector, Document, Free, Shape
from linework.render import Renderer
from linework.render.arrowheads import arrowhead, size_of
from linework.routing import route
from linework.shapes import contains

from ._build import Builder, at


def _extent(name: str, size: float | None) -> float:
    """Return how far the head reaches back from its tip (pointing east at 0,0)."""
    nodes = arrowhead(name, Vec(0, 0), Vec(1, 0), 1.5, size=size)
    xs: list[float] = []
    for n in nodes:
        svg = str(n)
        xs += [
            float(v)
            for v in re.findall(r"M(-?[\d.]+) |L(-?[\d.]+) ", svg)
            for v in v
            if v
        ]
        xs += [
            float(v) - float(r)
            for v, r in re.findall(r'cx="(-?[\d.]+)".*?r="([\d.]+)"', svg)
        ]
    return -min(xs)


@pytest.mark.parametrize("name", ["classic", "block", "diamond", "open"])
def test_a_style_size_sets_the_head_length(name: str) -> None:
    small, big = _extent(name, 8.0), _extent(name, 24.0)
    assert big == pytest.approx(3 * small, rel=0.15)
    assert big == pytest.approx(24.0, abs=2.0)


def test_automatic_diamonds_read_as_diamonds_not_dots() -> None:
    """A composition diamond at the default stroke is at least 15 long."""
    assert size_of("diamond", 1.5) >= 15
    assert _extent("diamond", None) >= 15
    assert size_of("classic", 1.5) == 9.5  # the arrows keep their size


def _edge_file(style: str) -> bytes:
    return (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root>'
        '<mxCell id="0"/><mxCell id="1" parent="0"/>'
        '<mxCell id="e" style=' + quoteattr(style) + ' edge="1" parent="1">'
        '<mxGeometry relative="1" as="geometry">'
        '<mxPoint x="0" y="0" as="sourcePoint"/><mxPoint x="200" y="0" as="targetPoint"/>'
        "</mxGeometry></mxCell></root></mxGraphModel></diagram></mxfile>"
    ).encode()


def _connector(doc: Document) -> Connector:
    (c,) = [r for r in doc.records.values() if isinstance(r, Connector)]
    return c


def test_drawio_start_and_end_sizes_import_and_export_back() -> None:
    style = "endArrow=diamondThin;endFill=1;endSize=14;startArrow=oval;startSize=4;"
    c = _connector(drawio.read(_edge_file(style)).doc)
    # draw.io's marker of size s spans s plus the stroke width (1 here).
    assert (c.style.start_arrow_size, c.style.end_arrow_size) == (5.0, 15.0)

    doc = drawio.read(_edge_file(style)).doc
    out = ET.fromstring(drawio_export.write(doc))
    edge = next(e for e in out.iter("mxCell") if e.get("edge") == "1")
    assert "endSize=14;" in (edge.get("style") or "")
    assert "startSize=4;" in (edge.get("style") or "")
    back = _connector(drawio.read(drawio_export.write(doc)).doc)
    assert (back.style.start_arrow_size, back.style.end_arrow_size) == (5.0, 15.0)


def test_without_sizes_the_import_keeps_the_automatic_size() -> None:
    c = _connector(drawio.read(_edge_file("endArrow=block;")).doc)
    assert (c.style.start_arrow_size, c.style.end_arrow_size) == (None, None)


def test_native_files_keep_the_sizes_as_minor_version_2() -> None:
    b = Builder()
    c = b.connector(
        Free(point=Vec(0, 0)),
        Free(point=Vec(100, 0)),
        style=replace(DEFAULT_STYLE, end_arrow="diamond", end_arrow_size=22.0),
    )
    data = native.encode(b.doc())
    assert b'"minor":2' in data and b'"end_arrow_size":22' in data
    back = native.decode(data)
    got = back.get(c.id)
    assert isinstance(got, Connector) and got.style.end_arrow_size == 22.0
    plain = Builder()
    plain.connector(Free(point=Vec(0, 0)), Free(point=Vec(100, 0)))
    assert b'"minor"' not in native.encode(plain.doc())


def test_a_bigger_head_pulls_the_line_back_further() -> None:
    b = Builder()
    small = b.connector(
        Free(point=Vec(0, 0)), Free(point=Vec(200, 0)), routing="straight"
    )
    big = b.connector(
        Free(point=Vec(0, 50)),
        Free(point=Vec(200, 50)),
        routing="straight",
        style=replace(DEFAULT_STYLE, end_arrow="block-hollow", end_arrow_size=30.0),
    )
    doc = b.doc()
    frags = dict(Renderer().page_fragments(doc, b.page))
    assert "L170 50" in frags[big.id] or "L169.25 50" in frags[big.id]
    assert "L170 " not in frags[small.id]


@pytest.mark.parametrize(
    ("anchor", "routing"),
    [
        (Vec(0.0, 0.25), "orthogonal"),
        (Vec(0.25, 0.0), "straight"),
        (Vec(0.0, 0.8), "straight"),
        (Vec(1.0, 0.9), "orthogonal"),
    ],
)
def test_an_end_anchored_off_a_diamond_meets_its_outline(
    anchor: Vec, routing: str
) -> None:
    """draw.io fixed points on a diamond's bounds land on its outline."""
    b = Builder()
    a = b.shape(0, 0)
    d = b.shape(300, 30, 120, 80, kind="diamond")
    c = b.connector(
        at(a),
        Attached(shape=d.id, anchor=anchor),
        routing=routing,  # type: ignore[arg-type]
    )
    doc = b.doc()
    tip = route(doc, c).points[-1]
    shape = doc.get(d.id)
    assert isinstance(shape, Shape)
    assert contains(shape, tip, 0.01)
    assert not contains(replace(shape, box=Box(301, 31, 118, 78)), tip, 0.0)


def test_v1_2_fixture_opens_with_its_arrow_sizes() -> None:
    """1.2: a composition (diamond 18 at the start, open 12 at the end)."""
    from pathlib import Path

    fixture = (
        Path(__file__).parents[1] / "formats" / "fixtures" / "v1_2_arrow_sizes.linework"
    )
    doc = native.decode(fixture.read_bytes())
    c = doc.get("has")
    assert isinstance(c, Connector)
    assert (c.style.start_arrow, c.style.start_arrow_size) == ("diamond", 18.0)
    assert (c.style.end_arrow, c.style.end_arrow_size) == ("open", 12.0)
    assert native.encode(doc) == fixture.read_bytes()
