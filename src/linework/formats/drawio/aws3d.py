"""draw.io's isometric AWS 3D connectors (``mxgraph.aws3d.arrowSE``…) as drawings.

The AWS 3D library draws its connectors as vertices: a diagonal arrow, a
dashed line or a flat yellow band from one corner of the cell's box to the
opposite one. They have no library icon, and drawn as a plain box with the
cell's style (often ``fillColor=#000000``) they became large black boxes over
the diagram. Each one is imported as an ``icon`` shape carrying a small SVG of
the same figure, sized to the box: the geometry, flips and rotation stay the
cell's, the stencil name goes back to draw.io on export, and the figure
follows draw.io's (its colours too: the dashed and flat connectors ignore the
cell's colours there, the arrows take its fill).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from linework.formats.drawio.styles import colour
from linework.formats.stencils import icon_src
from linework.geometry import Box
from linework.geometry.fmt import fmt
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


def is_drawn(shape: str) -> bool:
    """Return whether ``shape`` is an AWS 3D connector this module draws.

    >>> is_drawn("mxgraph.aws3d.flatDoubleEdge"), is_drawn("mxgraph.aws3d.s3")
    (True, False)
    """
    name = shape.removeprefix(_FAMILY)
    return shape.startswith(_FAMILY) and (
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


def _figure(name: str, box: Box, style: Mapping[str, str]) -> list[SvgNode]:
    """The SVG elements of one connector in a box at the origin."""
    # Read as the icon shape keeps them (unset is "none"), so a round trip
    # through draw.io export draws the same figure.
    fill = colour(style.get("fillColor"), "none")
    stroke = colour(style.get("strokeColor"), "none")
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


def drawing(shape: str, style: Mapping[str, str], box: Box) -> dict[str, str] | None:
    """Return the ``icon`` props that draw an AWS 3D connector, or None.

    >>> props = drawing("mxgraph.aws3d.arrowSE", {"fillColor": "#000000"},
    ...                 Box(0, 0, 88, 50))
    >>> props["stencil"], props["src"].startswith("data:image/svg+xml;base64,")
    ('mxgraph.aws3d.arrowSE', True)
    """
    if not is_drawn(shape) or box.w <= 0 or box.h <= 0:
        return None
    origin = Box(0.0, 0.0, box.w, box.h)
    svg = node(
        "svg",
        *_figure(shape.removeprefix(_FAMILY), origin, style),
        xmlns="http://www.w3.org/2000/svg",
        viewBox=f"0 0 {fmt(box.w)} {fmt(box.h)}",
        width=box.w,
        height=box.h,
    )
    return {"src": icon_src(serialize(svg)), "stencil": shape}
