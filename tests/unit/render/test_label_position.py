"""Shape labels outside their shape (style.label_position), and the cross arrowhead."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from linework.geometry import Box, Vec
from linework.model import (
    DEFAULT_STYLE,
    LABEL_POSITIONS,
    Document,
    IdSource,
    Shape,
    Style,
    Transaction,
)
from linework.render import element_bounds, export_svg
from linework.render.arrowheads import arrowhead, inset
from linework.render.shape import shape_node
from linework.shapes import KINDS, bounds, label_box
from linework.svg import serialize

BOX = Box(100, 100, 60, 40)


def shape(position: str, text: str = "A long name", **style: object) -> Shape:
    st = replace(DEFAULT_STYLE, label_position=position, **style)  # type: ignore[arg-type]
    return Shape(
        id="shape:1", page="page:1", layer="layer:1", box=BOX, style=st, text=text
    )


def text_extent(s: Shape) -> tuple[float, float, float, float]:
    """Return (left anchor x, first baseline, last baseline, anchor) of the label."""
    root = ET.fromstring(serialize(shape_node(s)))
    text = next(el for el in root.iter() if el.tag == "text")
    spans = list(text)
    xs = [float(t.get("x", "0")) for t in spans]
    ys = [float(t.get("y", "0")) for t in spans]
    return (
        min(xs),
        min(ys),
        max(ys),
        {"start": 0, "middle": 1, "end": 2}[text.get("text-anchor", "")],
    )


def test_inside_is_the_kinds_own_label_box() -> None:
    """The default keeps each kind's label box, so existing drawings do not move."""
    for name, kind in KINDS.items():
        s = replace(shape("inside"), kind=name)
        assert label_box(s) == kind.label_box(s), name


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ("top", Box(100, 60, 60, 40)),
        ("bottom", Box(100, 140, 60, 40)),
        ("left", Box(40, 100, 60, 40)),
        ("right", Box(160, 100, 60, 40)),
    ],
)
def test_outside_label_box_is_the_shapes_size_beside_it(
    position: str, expected: Box
) -> None:
    """Above, below, left or right: a box of the shape's size next to it."""
    assert expected == label_box(shape(position))


def test_below_label_is_drawn_under_the_shape() -> None:
    """verticalLabelPosition=bottom;verticalAlign=top: the text starts below the box."""
    x, first, _, anchor = text_extent(shape("bottom", valign="top"))

    assert first > BOX.bottom
    assert first < BOX.bottom + 2 * DEFAULT_STYLE.font_size
    assert (x, anchor) == (BOX.center.x, 1)


def test_above_label_is_drawn_over_the_shape() -> None:
    """verticalLabelPosition=top;verticalAlign=bottom: the text ends above the box."""
    _, _, last, _ = text_extent(shape("top", valign="bottom"))

    assert BOX.y - DEFAULT_STYLE.font_size < last < BOX.y


def test_left_and_right_labels_sit_beside_the_shape() -> None:
    """labelPosition=left;align=right ends at the left edge; right;align=left starts
    at the right edge."""
    x_left, first_left, _, anchor_left = text_extent(shape("left", align="right"))
    x_right, first_right, _, anchor_right = text_extent(shape("right", align="left"))

    assert (anchor_left, anchor_right) == (2, 0)
    assert BOX.x - DEFAULT_STYLE.text_padding - 1 < x_left < BOX.x
    assert BOX.right < x_right < BOX.right + DEFAULT_STYLE.text_padding + 1
    assert BOX.y < first_left < BOX.bottom and first_left == first_right


def test_outside_labels_do_not_wrap_to_a_narrow_icon() -> None:
    """A name wider than its icon stays on one line; line feeds still break."""
    one = serialize(shape_node(shape("bottom", text="Confluence Cluster 1")))
    two = serialize(shape_node(shape("bottom", text="Elastic\nLoad Balancer")))
    inside = serialize(shape_node(shape("inside", text="Confluence Cluster 1")))

    assert 1 == one.count("<tspan")
    assert 2 == two.count("<tspan")
    assert inside.count("<tspan") > 1


@pytest.mark.parametrize("position", LABEL_POSITIONS[1:])
def test_bounds_and_export_hold_an_outside_label(position: str) -> None:
    """The export view box covers the label, not just the shape."""
    s = shape(
        position, valign={"top": "bottom", "bottom": "top"}.get(position, "middle")
    )
    b = element_bounds(Document.new(IdSource()), s)

    assert b is not None
    assert b.union(bounds(s)) == b
    assert b != bounds(s)
    side = {
        "top": b.y < BOX.y - 5,
        "bottom": b.bottom > BOX.bottom + 5,
        "left": b.x < BOX.x - 5,
        "right": b.right > BOX.right + 5,
    }
    assert side[position]


def test_inside_label_bounds_are_unchanged() -> None:
    """Bounds of a shape with its label inside stay its outline's."""
    s = shape("inside")
    assert bounds(s) == element_bounds(Document.new(IdSource()), s)


def test_export_view_box_includes_a_label_below() -> None:
    """An icon with its name below exports with the name inside the picture."""
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:1",
            page=page.id,
            layer=layer.id,
            box=BOX,
            style=Style(label_position="bottom", valign="top"),
            text="Users",
        )
    )
    doc = doc.apply(tx.patch())

    svg = export_svg(doc, page.id)
    m = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"', svg)
    assert m is not None
    y, h = float(m.group(2)), float(m.group(4))

    assert y + h > BOX.bottom + DEFAULT_STYLE.font_size + 20


def test_rotated_shape_turns_its_outside_label_with_it() -> None:
    """The label is inside the shape's rotated group, and bounds rotate too."""
    s = replace(shape("bottom", valign="top"), rotation_deg=180)
    b = element_bounds(Document.new(IdSource()), s)

    assert b is not None
    assert b.y < BOX.y - 5  # turned upside down, the label is above
    assert 'transform="rotate(180' in serialize(shape_node(s))


# --------------------------------------------------------------------- cross head
def test_cross_head_is_an_x_over_the_line_end() -> None:
    """Two short strokes crossing just before the tip; the line runs to the tip."""
    (n,) = arrowhead("cross", Vec(100, 50), Vec(1, 0), 1.5)
    d = dict(n.attrs)["d"]
    assert isinstance(d, str)
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
    xs, ys = nums[0::2], nums[1::2]

    assert 2 == d.count("M")
    assert all(x < 100 for x in xs) and max(xs) > 95
    assert min(ys) < 50 < max(ys)
    assert "none" == dict(n.attrs)["fill"]
    assert 0.0 == inset("cross", 1.5)
