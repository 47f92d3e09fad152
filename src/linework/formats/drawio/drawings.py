"""draw.io figures Linework has no kind for, imported as drawings, not boxes.

Some draw.io shapes are lines or marks drawn inside the cell's box: the
isometric AWS 3D library's connectors (``mxgraph.aws3d.arrowSE``, dashed lines,
flat yellow bands, corner to corner), the ``dimension`` line of floor plans
(end bars and a double arrow), BPMN's ``plus`` marker (a square with a cross)
and the ``waypoint`` dot. Drawn as a plain box in the cell's style they became
black boxes (``fillColor=#000000`` on the AWS 3D connectors) or empty frames.
A waypoint becomes a small filled circle (``waypoint``); the others import as
an ``icon`` shape carrying a small SVG of the figure sized to the box:
geometry, flips and rotation stay the cell's, the name (and a dimension's
``direction``) goes back to draw.io on export, and the figure follows
draw.io's, colours included (the AWS 3D dashed and flat connectors have fixed
colours there; the others take the cell's fill and stroke, with draw.io's
defaults, white and black, as the shape's style keeps them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Final

from linework.formats.drawio.styles import bounded, colour
from linework.formats.stencils import icon_src
from linework.geometry import Box
from linework.geometry.fmt import fmt, rounded
from linework.svg import SvgNode, node, serialize

_FAMILY: Final = "mxgraph.aws3d."
#: draw.io's fixed colours of the dashed and the flat connectors.
_DASHED: Final = "#2d6195"
_FLAT: Final = "#f4b934"

#: Arrows: (head corner, tail corner), corners as (x, y) fractions of the box.
_ARROWS: Final[Mapping[str, tuple[tuple[int, int], tuple[int, int]]]] = {
    "arrowNE": ((1, 0), (0, 1)),
    "arrowSE": ((1, 1), (0, 0)),
    "arrowSW": ((0, 1), (1, 0)),
    "arrowNW": ((0, 0), (1, 1)),
}
#: Dashed lines: (start corner, end corner, heads at the start / the end).
_DASHES: Final[Mapping[str, tuple[tuple[int, int], tuple[int, int], bool, bool]]] = {
    "dashedEdge": ((0, 1), (1, 0), False, True),
    "dashedEdgeDouble": ((0, 0), (1, 1), True, True),
    "dashedArrowlessEdge": ((0, 0), (1, 1), False, False),
}


#: draw.io's own shapes drawn here (``shape=`` values).
_BASIC: Final = frozenset({"dimension", "plus"})
#: draw.io's ``direction`` values a dimension keeps (east is the default).
DIRECTIONS: Final = frozenset({"north", "south", "west", "east"})


def is_drawn(shape: str) -> bool:
    """Return whether ``shape`` is a draw.io figure this module draws.

    >>> is_drawn("mxgraph.aws3d.flatDoubleEdge"), is_drawn("mxgraph.aws3d.s3")
    (True, False)
    >>> is_drawn("dimension"), is_drawn("rect")
    (True, False)
    """
    name = shape.removeprefix(_FAMILY)
    if not shape.startswith(_FAMILY):
        return shape in _BASIC
    return (
        name in _ARROWS
        or name in _DASHES
        or name in ("arrowlessNE", "flatEdge", "flatDoubleEdge")
    )


def _pt(box: Box, corner: tuple[int, int], dx: float, dy: float) -> tuple[float, float]:
    """A point ``(dx, dy)`` from a corner, measured into the box."""
    sx = -1 if corner[0] else 1
    sy = -1 if corner[1] else 1
    return corner[0] * box.w + sx * dx, corner[1] * box.h + sy * dy


def _poly(points: Sequence[tuple[float, float]], fill: str, stroke: str) -> SvgNode:
    d = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in points) + "Z"
    return node("path", d=d, fill=fill, stroke=stroke)


def _head(box: Box, tip: tuple[int, int], fill: str, stroke: str) -> SvgNode:
    """draw.io's isometric arrowhead at a corner (about 21 by 12 units)."""
    pts = [_pt(box, tip, 0, 0), _pt(box, tip, 21, 5.5), _pt(box, tip, 9.7, 12.2)]
    return _poly(pts, fill=fill, stroke=stroke)


def _line(
    a: tuple[float, float], b: tuple[float, float], colour: str, *, dashed: bool
) -> SvgNode:
    """A round-capped stroke from ``a`` to ``b`` (dashed as draw.io dashes 4 px)."""
    return node(
        "path",
        d=f"M{fmt(a[0])} {fmt(a[1])}L{fmt(b[0])} {fmt(b[1])}",
        fill="none",
        stroke=colour,
        stroke_width=4.0 if dashed else 4.4,
        stroke_dasharray="12 12" if dashed else None,
        stroke_linecap="round",
    )


def _aws3d(name: str, box: Box, fill: str, stroke: str) -> list[SvgNode]:
    """The SVG elements of one AWS 3D connector in a box at the origin."""
    if fill == "none":  # the body is drawn in the fill: keep it visible
        fill = stroke if stroke != "none" else "#000000"
    if name in _ARROWS:
        tip, tail = _ARROWS[name]
        shaft = _line(
            _pt(box, tail, 4.5, 2.8), _pt(box, tip, 15.5, 9), fill, dashed=False
        )
        return [shaft, _head(box, tip, fill, stroke)]
    if name == "arrowlessNE":
        return [
            _line(
                _pt(box, (0, 1), 4.5, 2.8),
                _pt(box, (1, 0), 1.5, 0.9),
                fill,
                dashed=False,
            )
        ]
    if name in _DASHES:
        start, end, head_start, head_end = _DASHES[name]
        out = [
            _line(
                _pt(box, start, 7.7 if head_start else 0, 4.4 if head_start else 0),
                _pt(box, end, 7.7 if head_end else 0, 4.4 if head_end else 0),
                _DASHED,
                dashed=True,
            )
        ]
        for corner, wanted in ((start, head_start), (end, head_end)):
            if wanted:
                out.append(_head(box, corner, _DASHED, "none"))
        return out
    w, h = box.w, box.h
    if name == "flatEdge":  # a band from the lower left, its head at the upper right
        pts = [
            (w - 46, 8.8),
            (w - 61.2, 0),
            (w, 0),
            (w, 35.5),
            (w - 15.4, 26.5),
            (30.7, h),
            (0, h - 17.7),
        ]
        return [_poly(pts, fill=_FLAT, stroke="none")]
    # flatDoubleEdge: a band from the upper left to the lower right, two heads.
    half: list[tuple[float, float]] = [
        (15.3, 61.9),
        (30.8, 53.2),
        (15.4, 44.2),
        (0, 53.2),
        (15.4, 8.8),
        (92.1, 0),
        (76.5, 8.8),
        (92.1, 17.7),
        (107.4, 8.8),
    ]
    pts = half + [(w - x, h - y) for x, y in half]
    return [_poly(pts, fill=_FLAT, stroke="none")]


def _turned(direction: str, box: Box) -> tuple[Box, Callable[[float, float], str]]:
    """The box a figure facing east is drawn in, and where its points go.

    draw.io turns a shape with ``direction`` about the box centre: south a
    quarter clockwise (drawn in the box with width and height swapped), north a
    quarter anticlockwise, west a half turn.
    """
    w, h = box.w, box.h
    if direction in ("north", "south"):
        east = Box(0.0, 0.0, h, w)
        if direction == "south":
            return east, lambda u, v: f"{fmt(w - v)} {fmt(u)}"
        return east, lambda u, v: f"{fmt(v)} {fmt(h - u)}"
    if direction == "west":
        return box, lambda u, v: f"{fmt(w - u)} {fmt(h - v)}"
    return box, lambda u, v: f"{fmt(u)} {fmt(v)}"


def _dimension(box: Box, stroke: str, width: float, direction: str) -> SvgNode:
    """End bars and a line with open arrows at both ends, near the bottom edge."""
    east, at = _turned(direction, box)
    w, h = east.w, east.h
    sw = width / 2
    al = 10 + 2 * sw  # draw.io's arrow size grows with the line
    cy = h - al / 2
    runs = [
        ((0, 0), (0, h)),
        ((w, 0), (w, h)),
        ((sw + al, cy - al / 2), (sw, cy), (sw + al, cy + al / 2)),
        ((sw, cy), (w - sw, cy)),
        ((w - sw - al, cy - al / 2), (w - sw, cy), (w - sw - al, cy + al / 2)),
    ]
    d = "".join("M" + "L".join(at(u, v) for u, v in run) for run in runs)
    return node("path", d=d, fill="none", stroke=stroke, stroke_width=width)


def _plus(box: Box, fill: str, stroke: str, width: float) -> list[SvgNode]:
    """A square with a cross, the cross inset a fifth of the side plus one."""
    w, h = box.w, box.h
    b = min(w, h) / 5 + 1
    inset = width / 2  # the frame's stroke stays inside the picture
    frame = node(
        "rect",
        x=inset,
        y=inset,
        width=max(0.0, w - width),
        height=max(0.0, h - width),
        fill=fill,
        stroke=stroke,
        stroke_width=width,
    )
    cross = (
        f"M{fmt(w / 2)} {fmt(b)}L{fmt(w / 2)} {fmt(h - b)}"
        f"M{fmt(b)} {fmt(h / 2)}L{fmt(w - b)} {fmt(h / 2)}"
    )
    lines = node("path", d=cross, fill="none", stroke=stroke, stroke_width=width)
    return [frame, lines]


def waypoint(style: Mapping[str, str], box: Box) -> tuple[Box, str]:
    """Return a ``waypoint``'s dot: its box (centred in the cell's) and colour.

    draw.io draws a dot in the stroke colour, ``size`` - 2 plus twice the line
    wide, in a larger invisible box, and ends connectors at its centre. As a
    small filled circle, connectors meet the dot instead of the invisible box.

    >>> waypoint({"strokeColor": "#D1C6A7"}, Box(0, 0, 40, 40))
    (Box(x=17.0, y=17.0, w=6.0, h=6.0), '#d1c6a7')
    """
    width = bounded(style.get("strokeWidth"), 1.0, 0.0, 1000.0)
    size = bounded(style.get("size"), 6.0, 0.0, 1000.0)
    s = max(1.0, max(0.0, size - 2) + 2 * width)
    c = box.center
    dot = Box(rounded(c.x - s / 2), rounded(c.y - s / 2), s, s)
    return dot, colour(style.get("strokeColor"), "#000000")


def _figure(name: str, box: Box, style: Mapping[str, str]) -> list[SvgNode]:
    """The SVG elements of one figure in a box at the origin.

    Colours are read with the defaults the shape's style keeps (draw.io's
    white fill and black line), so a round trip through draw.io export draws
    the same figure.
    """
    fill = colour(style.get("fillColor"), "#ffffff")
    stroke = colour(style.get("strokeColor"), "#000000")
    width = bounded(style.get("strokeWidth"), 1.0, 0.0, 1000.0)
    if name == "dimension":
        direction = style.get("direction", "east")
        return [_dimension(box, stroke, width, direction)] if stroke != "none" else []
    if name == "plus":
        return _plus(box, fill, stroke, width)
    return _aws3d(name.removeprefix(_FAMILY), box, fill, stroke)


def drawing(shape: str, style: Mapping[str, str], box: Box) -> dict[str, str] | None:
    """Return the ``icon`` props that draw a draw.io figure, or None.

    >>> props = drawing("mxgraph.aws3d.arrowSE", {"fillColor": "#000000"},
    ...                 Box(0, 0, 88, 50))
    >>> props["stencil"], props["src"].startswith("data:image/svg+xml;base64,")
    ('mxgraph.aws3d.arrowSE', True)
    >>> drawing("dimension", {"direction": "south"}, Box(0, 0, 40, 200))["direction"]
    'south'
    """
    if not is_drawn(shape) or box.w <= 0 or box.h <= 0:
        return None
    origin = Box(0.0, 0.0, box.w, box.h)
    svg = node(
        "svg",
        *_figure(shape, origin, style),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {fmt(box.w)} {fmt(box.h)}",
        width=box.w,
        height=box.h,
    )
    props = {"src": icon_src(serialize(svg)), "stencil": shape}
    direction = style.get("direction", "")
    if shape == "dimension" and direction in DIRECTIONS - {"east"}:
        props["direction"] = direction
    return props
