"""Bounds and axis ray exits of the common kinds without building their outlines.

Routing asks every attached end for its shape's bounds and for where a ray
along an axis leaves the outline. For a rounded rectangle (36 outline points)
or an ellipse (32) building the polygon and scanning every edge was most of
the cost of opening a file. The answers here are the polygon's own, bit for
bit: the bounds are the extreme outline points computed by the very
expressions the kinds use, and a ray exit runs ``farthest_hit``'s arithmetic
on the only edges it can accept, in the polygon's order. Anything else (a
rotated or mirrored shape, a ray near a corner arc or an ellipse's pole, a
degenerate box, another kind) returns None and the caller takes the polygon.
``tests/unit/shapes/test_exits.py`` checks both against the polygon.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from typing import Final

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes._curves import _arc_trig
from linework.shapes.ellipse import EllipseKind
from linework.shapes.kind import ShapeKind
from linework.shapes.polygons import PolygonKind
from linework.shapes.rect import RoundedBox
from linework.shapes.registry import kind_of

__all__ = ["NORMALS", "axis_exit", "bounds_of", "kind_of"]

#: Rays closer than this to a corner arc or a pole (relative to the box's
#: coordinates) take the polygon: there several edges could meet the ray.
_MARGIN: Final = 1e-7
#: The ellipse outline's 32 (cos, sin) pairs (``ellipse(c, rx, ry, 32)``).
_RING: Final = _arc_trig(0.0, 360.0, 32)[:-1]
#: Each side's straight edge of ``rounded_outline`` (8 segments a corner),
#: clockwise: (cos, sin) of the corner arc it leaves and of the one it meets.
_SIDE_ARCS: Final = {
    "e": (_arc_trig(270, 360, 8)[-1], _arc_trig(0, 90, 8)[0]),
    "s": (_arc_trig(0, 90, 8)[-1], _arc_trig(90, 180, 8)[0]),
    "w": (_arc_trig(90, 180, 8)[-1], _arc_trig(180, 270, 8)[0]),
    "n": (_arc_trig(180, 270, 8)[-1], _arc_trig(270, 360, 8)[0]),
}


def _half(
    indices: Sequence[int], axis: int
) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """Return a half ring's vertex indices and their cos (0) or sin (1),
    ordered so the trig value grows."""
    idx = tuple(indices)
    vals = tuple(_RING[i][axis] for i in idx)
    if vals[0] > vals[-1]:
        idx, vals = idx[::-1], vals[::-1]
    return idx, vals


# The vertices a ray along each axis can leave through: the half of the ring
# it points at, by the coordinate across the ray (y for e/w, x for n/s).
_HALVES: Final = {
    "e": _half([*range(24, 32), *range(0, 9)], 1),
    "w": _half(range(8, 25), 1),
    "s": _half(range(0, 17), 0),
    "n": _half([*range(16, 32), 0], 0),
}
_DIRS: Final = {"e": (1.0, 0.0), "w": (-1.0, 0.0), "s": (0.0, 1.0), "n": (0.0, -1.0)}
#: The same directions as vectors (routing's SIDE_NORMALS).
NORMALS: Final = {k: Vec(dx, dy) for k, (dx, dy) in _DIRS.items()}


#: RoundedBox's outline, to tell a kind that keeps it from one that draws its own.
_ROUNDED_OUTLINE: Final[object] = RoundedBox.outline


def _rounded(kind: ShapeKind) -> RoundedBox | None:
    """Return ``kind`` if its outline is ``rounded_outline`` of its radius."""
    if isinstance(kind, RoundedBox) and type(kind).outline is _ROUNDED_OUTLINE:
        return kind
    return None


def _ellipse(kind: ShapeKind) -> EllipseKind | None:
    """Return ``kind`` if it is an ellipse or circle (no subclass)."""
    return kind if isinstance(kind, EllipseKind) and type(kind) is EllipseKind else None


def _plain(shape: Shape) -> Box | None:
    """Return the box if the shape is unrotated, unmirrored and well formed."""
    if shape.rotation_deg != 0:
        return None
    props = shape.props
    if props and props.get("flip"):
        return None
    b = shape.box
    x, y, w, h = b.x, b.y, b.w, b.h
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(w)):
        return None
    if not math.isfinite(h) or w <= 1e-6 * (abs(x) + 1.0) or h <= 1e-6 * (abs(y) + 1.0):
        return None
    return b


def bounds_of(shape: Shape, kind: ShapeKind) -> Box | None:
    """Return ``Box.around(kind.outline(shape))`` for the common kinds, else None."""
    b = _plain(shape)
    if b is None:
        return None
    rounded, ellipse = _rounded(kind), _ellipse(kind)
    if rounded is not None:
        r = rounded._radius(shape)
        x, y = b.x, b.y
        right, bottom = x + b.w, y + b.h
        if not math.isfinite(r):
            return None
        if r <= 0:
            return Box(x, y, right - x, bottom - y)
        # Arcs' compass points (exact trig): leftmost (x + r) + r·(-1), ...
        x0, x1 = (x + r) + r * -1.0, (right - r) + r * 1.0
        y0, y1 = (y + r) + r * -1.0, (bottom - r) + r * 1.0
        return Box(x0, y0, x1 - x0, y1 - y0)
    if ellipse is not None:
        c, rx, ry = ellipse._radii(shape)
        x0, x1 = c.x + rx * -1.0, c.x + rx * 1.0
        y0, y1 = c.y + ry * -1.0, c.y + ry * 1.0
        return Box(x0, y0, x1 - x0, y1 - y0)
    if isinstance(kind, PolygonKind) and type(kind) is PolygonKind:
        pts = kind.points
        if not pts:
            return None
        x, y, w, h = b.x, b.y, b.w, b.h
        xs = [x + w * fx for fx, _ in pts]
        ys = [y + h * fy for _, fy in pts]
        x0, y0 = min(xs), min(ys)
        return Box(x0, y0, max(xs) - x0, max(ys) - y0)
    return None


def axis_exit(
    shape: Shape, kind: ShapeKind, side: str, ox: float, oy: float, eps: float
) -> Vec | None:
    """Return ``farthest_hit((ox, oy), side's normal, outline, eps=eps)``, or None.

    None means "not answered here" (ask the polygon), never "no hit". The
    ray must start on the box's centre line across it: ``ox`` is the box's
    ``x + w / 2`` for an east or west ray, ``oy`` its ``y + h / 2`` for a
    north or south one.
    """
    b = _plain(shape)
    if b is None:
        return None
    vertical = side in ("n", "s")
    if vertical:
        if oy != b.y + b.h / 2:
            return None
    elif ox != b.x + b.w / 2:
        return None
    rounded = _rounded(kind)
    if rounded is not None:
        return _rounded_exit(shape, rounded, b, side, ox, oy, eps)
    ellipse = _ellipse(kind)
    if ellipse is not None:
        return _ellipse_exit(shape, ellipse, side, ox, oy, eps)
    return None


def _rounded_exit(
    shape: Shape, kind: RoundedBox, b: Box, side: str, ox: float, oy: float, eps: float
) -> Vec | None:
    """The exit through the straight part of a (rounded) rectangle's side."""
    r = kind._radius(shape)
    if not math.isfinite(r):
        return None
    x, y = b.x, b.y
    right, bottom = b.right, b.bottom
    # The side's straight edge, clockwise, as rounded_outline builds it.
    if r <= 0:
        corners = {
            "n": (x, y, right, y),
            "e": (right, y, right, bottom),
            "s": (right, bottom, x, bottom),
            "w": (x, bottom, x, y),
        }
        ax, ay, bx, by = corners[side]
    else:
        # The corner arcs' centres (x + r, y + r) ... (right - r, bottom - r).
        left_c, right_c = x + r, right - r
        top_c, bottom_c = y + r, bottom - r
        (c0, s0), (c1, s1) = _SIDE_ARCS[side]
        ac, bc = {
            "e": ((right_c, top_c), (right_c, bottom_c)),
            "s": ((right_c, bottom_c), (left_c, bottom_c)),
            "w": ((left_c, bottom_c), (left_c, top_c)),
            "n": ((left_c, top_c), (right_c, top_c)),
        }[side]
        ax, ay = ac[0] + r * c0, ac[1] + r * s0
        bx, by = bc[0] + r * c1, bc[1] + r * s1
    m = _MARGIN * (abs(x) + abs(y) + b.w + b.h + 1.0)
    if side in ("e", "w"):
        lo, hi = (ay, by) if ay <= by else (by, ay)
        if not (lo + m < oy < hi - m):
            return None
    else:
        lo, hi = (ax, bx) if ax <= bx else (bx, ax)
        if not (lo + m < ox < hi - m):
            return None
    dx, dy = _DIRS[side]
    return _best(ox, oy, dx, dy, ((ax, ay, bx, by),), eps)


def _ellipse_exit(
    shape: Shape, kind: EllipseKind, side: str, ox: float, oy: float, eps: float
) -> Vec | None:
    """The exit through the few ellipse edges near where the ray leaves."""
    c, rx, ry = kind._radii(shape)
    cx, cy = c.x, c.y
    if not (rx > 1e-6 * (abs(cx) + 1.0) and ry > 1e-6 * (abs(cy) + 1.0)):
        return None
    idx, vals = _HALVES[side]
    u = (oy - cy) / ry if side in ("e", "w") else (ox - cx) / rx
    # Away from the poles (the first and last edge of the half), where the
    # ray runs nearly along the outline and edges of the far half come near.
    if not (vals[1] + _MARGIN < u < vals[-2] - _MARGIN):
        return None
    p = bisect_right(vals, u) - 1  # vals[p] <= u < vals[p + 1]
    picked = []
    for k in (p - 1, p, p + 1):
        i, j = idx[k], idx[k + 1]
        # The polygon's edge between these two vertices is numbered by the
        # one it leaves from, walking the ring forwards.
        picked.append(i if (i + 1) % 32 == j else j)
    picked.sort()
    edges = []
    for i in picked:
        co, si = _RING[i]
        cn, sn = _RING[(i + 1) % 32]
        edges.append((cx + rx * co, cy + ry * si, cx + rx * cn, cy + ry * sn))
    dx, dy = _DIRS[side]
    return _best(ox, oy, dx, dy, edges, eps)


def _best(
    ox: float,
    oy: float,
    dx: float,
    dy: float,
    edges: Sequence[tuple[float, float, float, float]],
    eps: float,
) -> Vec | None:
    """``farthest_hit`` over ``edges`` (in the polygon's order), same arithmetic."""
    best_t = -1.0
    best: tuple[float, float] | None = None
    axis = 1 if dy == 0 else 2
    o = oy if axis == 1 else ox
    slack = 4 * eps
    for ax, ay, bx, by in edges:
        if axis == 1:
            lo, hi = (ay, by) if ay <= by else (by, ay)
        else:
            lo, hi = (ax, bx) if ax <= bx else (bx, ax)
        if (lo > o and lo - o > slack * (hi - lo)) or (
            hi < o and o - hi > slack * (hi - lo)
        ):
            continue
        ex, ey = bx - ax, by - ay
        denom = dx * ey - dy * ex
        if denom == 0.0:
            continue
        aox, aoy = ax - ox, ay - oy
        t = (aox * ey - aoy * ex) / denom
        if t >= 0.0 and t > best_t:
            s = (aox * dy - aoy * dx) / denom
            if -eps <= s <= 1.0 + eps:
                best_t = t
                s = min(1.0, max(0.0, s))
                best = (ax + ex * s, ay + ey * s)
    return None if best is None else Vec(best[0], best[1])
