"""draw.io ``flipH``/``flipV`` (#12): a mirrored body, outline and ports, both ways."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from drawio_samples import mxfile, page, vertex
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Vec
from linework.model import Document, Shape
from linework.render import export_svg
from linework.render.shape import shape_node
from linework.shapes import contains, outline_page, port_page
from linework.svg import serialize

CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "drawio"


def _file(style: str) -> bytes:
    return mxfile(
        page(vertex("a", x=100, y=100, w=100, h=80, style=style, value="Name"))
    )


def _shape(doc: Document) -> Shape:
    (s,) = [r for r in doc.records.values() if isinstance(r, Shape)]
    return s


@pytest.mark.parametrize(
    ("style", "flip"),
    [
        ("triangle;flipH=1;", "h"),
        ("triangle;flipV=1;", "v"),
        ("triangle;flipH=1;flipV=1;", "hv"),
        ("triangle;flipH=0;flipV=0;", None),
        ("triangle;", None),
    ],
)
def test_flips_import_as_the_flip_prop(style: str, flip: str | None) -> None:
    assert flip == _shape(drawio.read(_file(style)).doc).props.get("flip")


def test_a_flip_that_is_part_of_the_kind_is_not_a_mirror() -> None:
    """Our UML node is draw.io's cube with flipH=1: that flip is the kind."""
    s = _shape(drawio.read(_file("shape=cube;size=12;flipH=1;")).doc)
    assert "uml-node" == s.kind
    assert "flip" not in s.props


def test_a_flipped_triangle_points_down_in_outline_hit_test_and_drawing() -> None:
    s = _shape(drawio.read(_file("triangle;flipV=1;")).doc)
    ys = sorted(p.y for p in outline_page(s))
    # Two corners on the top edge, the apex at the bottom.
    assert [100.0, 100.0, 180.0] == pytest.approx(ys)
    assert contains(s, Vec(105, 102))  # a top corner of the mirrored body
    assert not contains(s, Vec(105, 178))  # the upright triangle's corner
    svg = serialize(shape_node(s))
    assert 'transform="matrix(1 0 0 -1 0 280)"' in svg
    # The label is not mirrored: only the body carries the transform.
    assert 1 == svg.count("matrix(")


def test_ports_follow_the_mirror() -> None:
    plain = _shape(drawio.read(_file("shape=parallelogram;")).doc)
    s = _shape(drawio.read(_file("shape=parallelogram;flipH=1;")).doc)
    e, mirrored = port_page(plain, "e"), port_page(s, "e")
    assert e is not None and mirrored is not None
    # The "e" port now sits on the west side, mirrored about x=150.
    assert (300 - e.x, e.y) == pytest.approx((mirrored.x, mirrored.y))
    assert mirrored.x < 150


@pytest.mark.parametrize("flip", ["h", "v", "hv"])
def test_flips_export_to_draw_io_and_read_back(flip: str) -> None:
    style = "triangle;" + "".join(f"flip{a.upper()}=1;" for a in flip)
    doc = drawio.read(_file(style)).doc
    out = drawio_export.write(doc)
    cell = next(c for c in ET.fromstring(out).iter("mxCell") if c.get("vertex"))
    st = cell.get("style", "")
    assert ("flipH=1" in st, "flipV=1" in st) == ("h" in flip, "v" in flip)
    assert flip == _shape(drawio.read(out).doc).props["flip"]


def test_a_flip_survives_the_native_format_and_renders_identically() -> None:
    doc = drawio.read(_file("triangle;flipH=1;rotation=30;")).doc
    back = native.decode(native.encode(doc))
    assert "h" == _shape(back).props["flip"]
    page = next(iter(doc.pages())).id
    assert export_svg(doc, page) == export_svg(back, page)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
def test_corpus_flipped_shapes_keep_their_mirror() -> None:
    """dd_floorplan-apartment's bookcase is flipH=1; dd_AWSRobot flips ten
    3D edges and arrowheads vertically."""
    plan = drawio.read((CORPUS / "dd_floorplan-apartment.drawio").read_bytes()).doc
    flips = [s.props.get("flip") for s in plan.records.values() if isinstance(s, Shape)]
    assert 1 == flips.count("h")
    robot = drawio.read((CORPUS / "dd_AWSRobot.xml").read_bytes()).doc
    flips = [
        s.props.get("flip") for s in robot.records.values() if isinstance(s, Shape)
    ]
    assert 10 == sum(1 for f in flips if f and "v" in f)
