"""Every default kind: a sane outline, ports on it, a label box, safe SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import replace

import pytest

from linework.geometry import Box, Vec
from linework.geometry.polygon import distance_to_boundary, signed_area
from linework.model import DEFAULT_STYLE, Shape, Style, frozen_map
from linework.shapes import (
    DEFAULT_KINDS,
    ShapeKind,
    boundary_point,
    bounds,
    contains,
    kind_of,
    nearest_port,
    star_points,
)
from linework.svg import SvgNode, serialize

BOXES = (
    Box(10, 20, 120, 60),
    Box(0, 0, 40, 200),
    Box(-300.5, 7.25, 333.3, 91.7),
    Box(5, 5, 50, 50),
)
CASES = [(k, b) for k in DEFAULT_KINDS for b in BOXES]
IDS = [f"{k.name}-{i}" for k in DEFAULT_KINDS for i in range(len(BOXES))]
GEOMETRY_ATTRS = {
    "d",
    "x",
    "y",
    "width",
    "height",
    "rx",
    "ry",
    "cx",
    "cy",
    "r",
    "points",
    "x1",
    "y1",
    "x2",
    "y2",
    # the documented exceptions: unfilled decoration, a darker fold, clickable
    # text, the image itself
    "fill",
    "fill-opacity",
    "stroke",
    "pointer-events",
    "href",
    "preserveAspectRatio",
}
TAGS = {"path", "rect", "ellipse", "circle", "polygon", "line", "image"}


def shape_of(
    kind: ShapeKind,
    box: Box,
    *,
    style: Style = DEFAULT_STYLE,
    props: Mapping[str, object] | None = None,
) -> Shape:
    """Return a shape of ``kind`` in ``box``."""
    return Shape(
        id="shape:1",
        page="page:1",
        layer="layer:1",
        kind=kind.name,
        box=box,
        style=style,
        props=frozen_map(props),
    )


def _tol(box: Box) -> float:
    """Return a float-noise tolerance scaled to the box's coordinates."""
    return 1e-9 * (abs(box.x) + abs(box.y) + box.w + box.h)


def _segments_cross(a: Vec, b: Vec, c: Vec, d: Vec) -> bool:
    """Return whether segments ab and cd cross properly (touching does not count)."""

    def orient(p: Vec, q: Vec, r: Vec) -> float:
        return (q - p).cross(r - p)

    eps = 1e-9
    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)) and (
        (d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps)
    )


def _nodes(n: SvgNode) -> list[SvgNode]:
    """Return ``n`` and all its descendants."""
    return [n, *(m for c in n.children for m in _nodes(c))]


@pytest.mark.parametrize(("kind", "box"), CASES, ids=IDS)
def test_outline_has_area_and_stays_in_box(kind: ShapeKind, box: Box) -> None:
    """The outline encloses area and never leaves the shape's box."""
    outline = kind.outline(shape_of(kind, box))
    tol = _tol(box)

    assert len(outline) >= 3
    assert signed_area(outline) > 0.05 * box.w * box.h
    assert [p for p in outline if not box.inflated(tol).contains(p)] == []


@pytest.mark.parametrize(("kind", "box"), CASES, ids=IDS)
def test_outline_is_simple(kind: ShapeKind, box: Box) -> None:
    """No two non-adjacent outline edges cross (hit-testing relies on it)."""
    pts = kind.outline(shape_of(kind, box))
    n = len(pts)
    edges = [(pts[i], pts[(i + 1) % n]) for i in range(n)]
    crossings = [
        (i, j)
        for i in range(n)
        for j in range(i + 2, n)
        if not (i == 0 and j == n - 1) and _segments_cross(*edges[i], *edges[j])
    ]

    assert crossings == []


@pytest.mark.parametrize(("kind", "box"), CASES, ids=IDS)
def test_ports_lie_on_outline(kind: ShapeKind, box: Box) -> None:
    """Compass ports come first and every port is on the outline."""
    shape = shape_of(kind, box)
    ports = kind.ports(shape)
    outline = kind.outline(shape)
    off = {
        name: distance_to_boundary(p, outline)
        for name, p in ports.items()
        if distance_to_boundary(p, outline) > 1e-6 * max(box.w, box.h)
    }

    assert list(ports)[:4] == ["n", "e", "s", "w"]
    assert off == {}


@pytest.mark.parametrize(("kind", "box"), CASES, ids=IDS)
def test_label_box_inside_shape_box(kind: ShapeKind, box: Box) -> None:
    """The label box has room and lies within the shape's box."""
    label = kind.label_box(shape_of(kind, box))
    outer = box.inflated(_tol(box))

    assert label.w > 0 and label.h > 0
    assert outer.contains(Vec(label.x, label.y))
    assert outer.contains(Vec(label.right, label.bottom))


@pytest.mark.parametrize(("kind", "box"), CASES, ids=IDS)
def test_body_is_safe_geometry(kind: ShapeKind, box: Box) -> None:
    """The body serializes to parsable SVG of geometry nodes with finite numbers."""
    body = kind.body(shape_of(kind, box))
    text = "".join(serialize(n) for n in body)
    root = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{text}</svg>')
    nodes = [m for n in body for m in _nodes(n)]

    assert len(body) >= 1
    assert len(nodes) == len(list(root.iter())) - 1
    assert set() == {n.tag for n in nodes} - TAGS
    assert set() == {k for n in nodes for k, _ in n.attrs} - GEOMETRY_ATTRS
    assert not any(w in text.lower() for w in ("nan", "inf", "e+", "e-"))


@pytest.mark.parametrize("kind", DEFAULT_KINDS, ids=[k.name for k in DEFAULT_KINDS])
def test_deterministic(kind: ShapeKind) -> None:
    """Equal shapes give equal answers (no hidden state, no set order)."""
    a, b = shape_of(kind, BOXES[2]), shape_of(kind, BOXES[2])

    assert (kind.outline(a), list(kind.ports(a).items()), kind.body(a)) == (
        kind.outline(b),
        list(kind.ports(b).items()),
        kind.body(b),
    )


def test_rectangle_honours_corner_radius() -> None:
    """Rectangle uses the style's radius; square corners otherwise."""
    rect = kind_of("rectangle")
    box = Box(0, 0, 100, 40)
    rounded = shape_of(rect, box, style=replace(DEFAULT_STYLE, corner_radius=8))
    expected = (
        '<rect x="0" y="0" width="100" height="40"/>',
        '<rect x="0" y="0" width="100" height="40" rx="8" ry="8"/>',
    )

    actual = (
        serialize(rect.body(shape_of(rect, box))[0]),
        serialize(rect.body(rounded)[0]),
    )
    assert expected == actual


def test_rounded_rectangle_default_and_clamped_radius() -> None:
    """Radius 0 means 15 % of the short side; huge radii stop at half of it."""
    kind = kind_of("rounded-rectangle")
    box = Box(0, 0, 100, 40)
    huge = shape_of(kind, box, style=replace(DEFAULT_STYLE, corner_radius=500))

    assert 'rx="6"' in serialize(kind.body(shape_of(kind, box))[0])
    assert 'rx="20"' in serialize(kind.body(huge)[0])


def test_circle_fits_short_side_centred() -> None:
    """A circle in a wide box uses the height and sits in the middle."""
    kind = kind_of("circle")
    shape = shape_of(kind, Box(0, 0, 100, 40))

    expected = ('<circle cx="50" cy="20" r="20"/>', Box(30, 0, 40, 40))

    actual = (serialize(kind.body(shape)[0]), Box.around(kind.outline(shape)))
    assert expected == actual


def test_ellipse_outline_has_exact_extremes() -> None:
    """The 32-point ellipse outline contains its compass ports exactly."""
    kind = kind_of("ellipse")
    shape = shape_of(kind, Box(10, 20, 120, 60))
    outline = kind.outline(shape)

    assert len(outline) == 32
    assert set(kind.ports(shape).values()) <= set(outline)


@pytest.mark.parametrize(
    ("points", "expected"),
    [(None, 5), (3, 3), (24, 24), (2, 3), (99, 24), (True, 5), (6.0, 5), ("7", 5)],
)
def test_star_points_prop(points: object, expected: int) -> None:
    """props["points"] is an int clamped to 3..24; anything else means 5."""
    props = {} if points is None else {"points": points}
    shape = shape_of(kind_of("star"), Box(0, 0, 100, 100), props=props)

    actual = (star_points(shape), len(kind_of("star").outline(shape)))
    assert (expected, 2 * expected) == actual


def test_star_tip_fills_box() -> None:
    """The star is stretched to its box: tips touch all four sides."""
    shape = shape_of(kind_of("star"), Box(0, 0, 100, 80))
    bounds = Box.around(kind_of("star").outline(shape))

    expected = (0, 0, 100, 80)

    actual = (bounds.x, bounds.y, bounds.w, bounds.h)
    assert expected == pytest.approx(actual, abs=1e-9)


@pytest.mark.parametrize(
    "name",
    [
        "cylinder",
        "note",
        "predefined-process",
        "internal-storage",
        "or",
        "summing-junction",
    ],
)
def test_decoration_lines_are_unfilled(name: str) -> None:
    """Inner decoration lines say fill="none" so the group fill doesn't paint them."""
    kind = kind_of(name)
    body = kind.body(shape_of(kind, Box(0, 0, 100, 60)))

    assert ("fill", "none") in body[-1].attrs
    assert all(("fill", "none") not in n.attrs for n in body[:1])


def test_note_fold_is_darker() -> None:
    """The note's fold is a translucent dark overlay without a stroke of its own."""
    kind = kind_of("note")
    fold = kind.body(shape_of(kind, Box(0, 0, 100, 100)))[1]

    expected = (("fill", "#000000"), ("fill-opacity", 0.12), ("stroke", "none"))

    assert expected == fold.attrs[1:]


def test_text_is_invisible_but_clickable() -> None:
    """Text has no border or fill yet takes pointer events over its whole box."""
    kind = kind_of("text")
    expected = (
        '<rect x="1" y="2" width="30" height="40" fill="none" stroke="none"'
        ' pointer-events="all"/>'
    )

    assert expected == serialize(kind.body(shape_of(kind, Box(1, 2, 30, 40)))[0])


def test_rounded_corner_ports_on_arc() -> None:
    """Corner ports of a rounded rectangle sit on the corner arc, at 45°."""
    kind = kind_of("rounded-rectangle")
    shape = shape_of(kind, Box(0, 0, 100, 40))
    nw = kind.ports(shape)["nw"]

    assert nw.distance(Vec(6, 6)) == pytest.approx(6.0)
    assert nw.x == nw.y


@pytest.mark.parametrize(
    "box",
    [Box(0, 0, 0, 0), Box(0, 0, 10, 0), Box(0, 0, 0, 10), Box(0, 0, 1e9, 1e-9)],
)
def test_degenerate_boxes_do_not_crash(box: Box) -> None:
    """A zero-sized box (mid-drag, or from a foreign file) still answers every query."""
    shapes = [replace(shape_of(k, box), rotation_deg=17) for k in DEFAULT_KINDS]

    answers = [
        (
            kind.ports(s),
            kind.label_box(s),
            [serialize(n) for n in kind.body(s)],
            boundary_point(s, Vec(3, 4)),
            contains(s, Vec(0, 0)),
            bounds(s),
            nearest_port(s, Vec(1, 2)),
        )
        for kind, s in zip(DEFAULT_KINDS, shapes, strict=True)
    ]
    assert len(DEFAULT_KINDS) == len(answers)
