"""A cloud: the outer arcs of a ring of overlapping bump circles.

The circles are given in the unit square and touch all four of its sides, so
the cloud fills its box. Stretching a circle into the box gives an axis-aligned
ellipse, so the drawing stays exact SVG arcs at any size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import arc, closed
from linework.shapes.kind import KindBase
from linework.svg import SvgNode, node, path_d

# (centre, radius) clockwise from the left bump; neighbours overlap.
_BUMPS: Final = (
    (Vec(0.2, 0.6), 0.2),
    (Vec(0.33, 0.33), 0.2),
    (Vec(0.6, 0.27), 0.27),
    (Vec(0.82, 0.5), 0.18),
    (Vec(0.65, 0.72), 0.28),
    (Vec(0.38, 0.78), 0.22),
)
_SEGMENTS = 12  # per bump; keeps the flattened outline within ~0.7 % of the arc
_LABEL = (0.2, 0.3, 0.8, 0.8)  # left, top, right, bottom; inside the bumps


def _outer_crossing(c1: Vec, r1: float, c2: Vec, r2: float) -> Vec:
    """Return the crossing of two circles that lies farther from the cloud's centre."""
    d = c2 - c1
    dist = d.length()
    a = (r1 * r1 - r2 * r2 + dist * dist) / (2 * dist)
    h = math.sqrt(r1 * r1 - a * a)
    m = c1 + d * (a / dist)
    p = Vec(m.x + h * d.y / dist, m.y - h * d.x / dist)
    q = Vec(m.x - h * d.y / dist, m.y + h * d.x / dist)
    mid = Vec(0.5, 0.5)
    return p if p.distance(mid) >= q.distance(mid) else q


def _arcs() -> tuple[tuple[Vec, float, Vec, float, float], ...]:
    """Return per bump: centre, radius, start point, start and end angle (degrees)."""
    n = len(_BUMPS)
    cross = [_outer_crossing(*_BUMPS[i], *_BUMPS[(i + 1) % n]) for i in range(n)]
    out = []
    for i, (c, r) in enumerate(_BUMPS):
        start, end = cross[i - 1], cross[i]
        a0 = math.degrees(math.atan2(start.y - c.y, start.x - c.x))
        a1 = math.degrees(math.atan2(end.y - c.y, end.x - c.x))
        if a1 <= a0:
            a1 += 360.0
        out.append((c, r, start, a0, a1))
    return tuple(out)


_ARCS: Final = _arcs()


@dataclass(frozen=True, slots=True, kw_only=True)
class CloudKind(KindBase):
    """A cloud filling its box; ports are where compass rays leave it."""

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return each bump's outer arc, flattened."""
        b = shape.box
        pts: list[Vec] = []
        for c, r, start, a0, a1 in _ARCS:
            pts.append(b.at(start.x, start.y))
            centre = b.at(c.x, c.y)
            pts.extend(arc(centre, r * b.w, r * b.h, a0, a1, _SEGMENTS)[1:-1])
        return closed(pts)

    def label_box(self, shape: Shape) -> Box:
        """Return the middle of the cloud, clear of the bumps' dips."""
        b = shape.box
        x0, y0, x1, y1 = _LABEL
        return Box(b.x + b.w * x0, b.y + b.h * y0, b.w * (x1 - x0), b.h * (y1 - y0))

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return one path of elliptical arcs."""
        b = shape.box
        first = b.at(_ARCS[0][2].x, _ARCS[0][2].y)
        cmds: list[tuple[str, tuple[float, ...]]] = [("M", (first.x, first.y))]
        n = len(_ARCS)
        for i, (_, r, _, a0, a1) in enumerate(_ARCS):
            end = _ARCS[(i + 1) % n][2]
            p = b.at(end.x, end.y)
            large = 1 if a1 - a0 > 180 else 0
            cmds.append(("A", (r * b.w, r * b.h, 0, large, 1, p.x, p.y)))
        cmds.append(("Z", ()))
        return (node("path", d=path_d(cmds)),)
