"""Bounds and axis ray exits of the common kinds without building their outlines.

Routing asks every attached end for its shape's bounds and for where a ray
along an axis leaves the outline. For a rounded rectangle (36 outline points)
or an ellipse (32) building the polygon and scanning every edge was most of
the cost of opening a file. The answers here are the polygon's own, bit for
bit: the bounds are the extreme outline points computed by the very
expressions the kinds use, and a ray exit runs ``farthest_hit``'s arithmetic
on the only edges it can accept, in the polygon's order (on every edge, for
a table polygon such as the diamond). Anything else (a rotated or mirrored
shape, a ray near a corner arc or an ellipse's pole, a degenerate box,
another kind) returns None and the caller takes the polygon.
``tests/unit/shapes/test_exits.py`` checks both against the polygon.

What a shape needs for both (its kind's family, box edges, radius) is worked
out once per shape record and memoized like outlines, by record identity.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from math import isfinite
from typing import Final, TypeAlias

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.model.capacity import MAX_ELEMENTS
from linework.shapes._curves import _arc_trig
from linework.shapes.ellipse import EllipseKind
from linework.shapes.kind import BoxOutline, ShapeKind
from linework.shapes.polygons import PolygonKind
from linework.shapes.rect import RoundedBox
from linework.shapes.registry import KINDS, kind_of

__all__ = ["NORMALS", "axis_exit", "bounds_of", "kind_of"]

#: Rays closer than this to a corner arc or a pole (relative to the box's
#: coordinates) take the polygon: there several edges could meet the ray.
_MARGIN: Final = 1e-7
#: The ellipse outline's 32 (cos, sin) pairs (``ellipse(c, rx, ry, 32)``).
_RING: Final = tuple(_arc_trig(0.0, 360.0, 32)[:-1])
#: Each side's straight edge of ``rounded_outline`` (8 segments a corner),
#: clockwise: (cos, sin) of the corner arc it leaves and of the one it meets.
_SIDE_ARCS: Final = {
    "e": (_arc_trig(270, 360, 8)[-1], _arc_trig(0, 90, 8)[0]),
    "s": (_arc_trig(0, 90, 8)[-1], _arc_trig(90, 180, 8)[0]),
    "w": (_arc_trig(90, 180, 8)[-1], _arc_trig(180, 270, 8)[0]),
    "n": (_arc_trig(180, 270, 8)[-1], _arc_trig(270, 360, 8)[0]),
}
_DIRS: Final = {"e": (1.0, 0.0), "w": (-1.0, 0.0), "s": (0.0, 1.0), "n": (0.0, -1.0)}
#: The same directions as vectors (routing's SIDE_NORMALS).
NORMALS: Final = {k: Vec(dx, dy) for k, (dx, dy) in _DIRS.items()}

_Trig: TypeAlias = tuple[float, float, float, float]


def _edge(idx: Sequence[int], k: int) -> int:
    """Return the polygon's number of the edge between vertices idx[k] and
    idx[k + 1] (an edge is numbered by the vertex it leaves, walking the
    ring forwards)."""
    i, j = idx[k], idx[k + 1]
    return i if (i + 1) % 32 == j else j


def _trig(edges: Sequence[int]) -> tuple[_Trig, ...]:
    """Return (cos, sin) of both ends of each edge, in the polygon's order."""
    return tuple((*_RING[i], *_RING[(i + 1) % 32]) for i in sorted(edges))


_Half: TypeAlias = tuple[
    tuple[float, ...],
    tuple[_Trig, ...],
    tuple[tuple[_Trig, ...], ...],
    tuple[tuple[_Trig, ...], ...],
]


def _half(indices: Sequence[int], axis: int) -> _Half:
    """Return what a ray leaving through a half of the ellipse ring can meet.

    By the ray's coordinate across (a cos for axis 0, a sin for 1): the
    vertices' values, growing; for a ray between values k and k + 1, edge k
    (the only one it meets when clear of both ends), and the edges a ray at
    (or a hair from) vertex k or vertex k + 1 can meet: the edge on either
    side of that vertex, in the polygon's order.
    """
    idx = tuple(indices)
    vals = tuple(_RING[i][axis] for i in idx)
    if vals[0] > vals[-1]:
        idx, vals = idx[::-1], vals[::-1]
    last = len(idx) - 2  # the last edge of the half
    crossing = tuple(_trig([_edge(idx, k)])[0] for k in range(last + 1))
    at_low = tuple(
        _trig([_edge(idx, j) for j in (k - 1, k) if 0 <= j <= last])
        for k in range(last + 1)
    )
    at_high = tuple(
        _trig([_edge(idx, j) for j in (k, k + 1) if 0 <= j <= last])
        for k in range(last + 1)
    )
    return vals, crossing, at_low, at_high


# The vertices a ray along each axis can leave through: the half of the ring
# it points at, by the coordinate across the ray (y for e/w, x for n/s).
_HALVES: Final = {
    "e": _half([*range(24, 32), *range(0, 9)], 1),
    "w": _half(range(8, 25), 1),
    "s": _half(range(0, 17), 0),
    "n": _half([*range(16, 32), 0], 0),
}

#: RoundedBox's and BoxOutline's outlines, to tell a kind that keeps one
#: from a kind that draws its own.
_ROUNDED_OUTLINE: Final[object] = RoundedBox.outline
_BOX_OUTLINE: Final[object] = BoxOutline.outline
# What each kind class is to this module (looked up once per class), and
# the plans: (family, bounds, centre x, centre y, then the family's numbers
# and a table polygon's edges).
_OTHER, _RECT, _ROUND, _ELLIPSE, _POLYGON, _BOX = 0, 1, 2, 3, 4, 5
_FAMILIES: dict[type, int] = {}
_Edge: TypeAlias = tuple[float, float, float, float]
_Kinds: TypeAlias = Mapping[str, ShapeKind]
_Plan: TypeAlias = tuple[
    int, Box, float, float, float, float, float, float, float, tuple[_Edge, ...]
]
_PLANS: dict[int, tuple[Shape, object, _Plan | None]] = {}
# As many as a page may hold: a pass over a full page must not empty it.
_PLAN_CACHE_MAX: Final = MAX_ELEMENTS


def _family(kind: ShapeKind) -> int:
    """Return which closed form answers for ``kind`` (_OTHER: none)."""
    cls = type(kind)
    fam = _FAMILIES.get(cls)
    if fam is None:
        if issubclass(cls, RoundedBox) and cls.outline is _ROUNDED_OUTLINE:
            fam = _ROUND
        elif cls.outline is _BOX_OUTLINE:  # icons, text, images, UML classes...
            fam = _BOX
        elif cls is EllipseKind:
            fam = _ELLIPSE
        elif cls is PolygonKind:
            fam = _POLYGON
        else:
            fam = _OTHER
        _FAMILIES[cls] = fam
    return fam


def _plan(shape: Shape, kinds: Mapping[str, ShapeKind]) -> _Plan | None:
    """Return what the closed forms need about ``shape`` (memoized), or None."""
    hit = _PLANS.get(id(shape))
    if hit is not None and hit[0] is shape and hit[1] is kinds:
        return hit[2]
    plan = _make_plan(shape, kind_of(shape.kind, kinds))
    if len(_PLANS) >= _PLAN_CACHE_MAX:
        _PLANS.clear()
    _PLANS[id(shape)] = (shape, kinds, plan)
    return plan


def _make_plan(shape: Shape, kind: ShapeKind) -> _Plan | None:
    fam = _family(kind)
    if fam == _OTHER or shape.rotation_deg != 0:
        return None
    props = shape.props
    if props and props.get("flip"):
        return None
    b = shape.box
    x, y, w, h = b.x, b.y, b.w, b.h
    # A sum is finite only if every term is (an overflow just takes the polygon).
    if not isfinite(x + y + w + h):
        return None
    if w <= 1e-6 * (abs(x) + 1.0) or h <= 1e-6 * (abs(y) + 1.0):
        return None
    cx, cy = x + w / 2, y + h / 2  # Box.center's, where the rays start
    right, bottom = x + w, y + h
    if fam in (_BOX, _ROUND):
        r = 0.0
        if fam == _ROUND:
            assert isinstance(kind, RoundedBox)
            r = kind._radius(shape)
        if not isfinite(r):
            return None
        m = _MARGIN * (abs(x) + abs(y) + w + h + 1.0)
        if r <= 0:  # the outline is the box's four corners (Box.corners)
            box = Box(x, y, right - x, bottom - y)
            return (_RECT, box, cx, cy, x, y, right, bottom, m, ())
        # The arcs' compass points (exact trig): leftmost (x + r) + r·(-1), ...
        x0, x1 = (x + r) + r * -1.0, (right - r) + r * 1.0
        y0, y1 = (y + r) + r * -1.0, (bottom - r) + r * 1.0
        box = Box(x0, y0, x1 - x0, y1 - y0)
        return (_ROUND, box, cx, cy, x, y, right, bottom, r, ())
    if fam == _ELLIPSE:
        assert isinstance(kind, EllipseKind)
        c, rx, ry = kind._radii(shape)
        if not (rx > 1e-6 * (abs(c.x) + 1.0) and ry > 1e-6 * (abs(c.y) + 1.0)):
            return None
        x0, x1 = c.x + rx * -1.0, c.x + rx * 1.0
        y0, y1 = c.y + ry * -1.0, c.y + ry * 1.0
        box = Box(x0, y0, x1 - x0, y1 - y0)
        return (_ELLIPSE, box, cx, cy, c.x, c.y, rx, ry, 0.0, ())
    assert isinstance(kind, PolygonKind)
    pts = kind.points
    if not pts:
        return None
    # PolygonKind.outline's points (Box.at: x + w * fx), and Box.around them.
    xs = [x + w * fx for fx, _ in pts]
    ys = [y + h * fy for _, fy in pts]
    x0, y0 = min(xs), min(ys)
    box = Box(x0, y0, max(xs) - x0, max(ys) - y0)
    # Its edges in farthest_hit's order: (p0, p1), ..., (p[n-1], p0).
    n = len(xs)
    edges = tuple((xs[i], ys[i], xs[(i + 1) % n], ys[(i + 1) % n]) for i in range(n))
    return (_POLYGON, box, cx, cy, 0.0, 0.0, 0.0, 0.0, 0.0, edges)


def bounds_of(shape: Shape, kinds: Mapping[str, ShapeKind] = KINDS) -> Box | None:
    """Return ``Box.around(outline)`` for the common kinds, else None."""
    plan = _plan(shape, kinds)
    return None if plan is None else plan[1]


def axis_exit(
    shape: Shape, side: str, ox: float, oy: float, eps: float, kinds: _Kinds
) -> Vec | None:
    """Return ``farthest_hit((ox, oy), side's normal, outline, eps=eps)``, or None.

    None means "not answered here" (ask the polygon), never "no hit". The
    ray must start on the box's centre line across it: ``ox`` is the box's
    ``x + w / 2`` for an east or west ray, ``oy`` its ``y + h / 2`` for a
    north or south one.
    """
    plan = _plan(shape, kinds)
    if plan is None:
        return None
    fam, _, cx, cy, p0, p1, p2, p3, p4, edges = plan
    if side == "e" or side == "w":
        if ox != cx:
            return None
    elif oy != cy:
        return None
    dx, dy = _DIRS[side]
    if fam == _ELLIPSE:
        # p0, p1: the centre; p2, p3: the radii.
        vals, crossing, at_low, at_high = _HALVES[side]
        u = (oy - p1) / p3 if dy == 0 else (ox - p0) / p2
        # Away from the poles (the first and last edge of the half), where
        # the ray runs nearly along the outline and the far half comes near.
        if not (vals[1] + _MARGIN < u < vals[-2] - _MARGIN):
            return None
        k = bisect_right(vals, u) - 1  # vals[k] <= u < vals[k + 1]
        if vals[k] + _MARGIN < u < vals[k + 1] - _MARGIN:
            # Clear of both ends of edge k: the only edge the ray meets.
            c0, s0, c1, s1 = crossing[k]
            return _through(
                ox, oy, dx, dy, p0 + p2 * c0, p1 + p3 * s0, p0 + p2 * c1, p1 + p3 * s1
            )
        # At a vertex (the centre line through a compass point, the usual
        # case): the two edges that meet there; the next ones are a whole
        # edge away.
        near = at_low[k] if u <= vals[k] + _MARGIN else at_high[k]
        return _best(
            ox,
            oy,
            dx,
            dy,
            [
                (p0 + p2 * c0, p1 + p3 * s0, p0 + p2 * c1, p1 + p3 * s1)
                for c0, s0, c1, s1 in near
            ],
            eps,
        )
    if fam == _POLYGON:
        return _best(ox, oy, dx, dy, edges, eps)
    # A rectangle (p0..p3: left, top, right, bottom) or a rounded one (p4:
    # the radius): the side's straight edge a-b, clockwise, as
    # rounded_outline builds it; a ray clear of the corners meets no other.
    x, y, right, bottom = p0, p1, p2, p3
    if fam == _RECT:
        m = p4
        if side == "e":
            ax, ay, bx, by = right, y, right, bottom
        elif side == "w":
            ax, ay, bx, by = x, bottom, x, y
        elif side == "s":
            ax, ay, bx, by = right, bottom, x, bottom
        else:
            ax, ay, bx, by = x, y, right, y
    else:
        r = p4
        m = _MARGIN * (abs(x) + abs(y) + (right - x) + (bottom - y) + 1.0)
        (c0, s0), (c1, s1) = _SIDE_ARCS[side]
        # From the end of one corner arc (centres x + r ... bottom - r) to
        # the start of the next.
        if side == "e":
            ax, ay = (right - r) + r * c0, (y + r) + r * s0
            bx, by = (right - r) + r * c1, (bottom - r) + r * s1
        elif side == "w":
            ax, ay = (x + r) + r * c0, (bottom - r) + r * s0
            bx, by = (x + r) + r * c1, (y + r) + r * s1
        elif side == "s":
            ax, ay = (right - r) + r * c0, (bottom - r) + r * s0
            bx, by = (x + r) + r * c1, (bottom - r) + r * s1
        else:
            ax, ay = (x + r) + r * c0, (y + r) + r * s0
            bx, by = (right - r) + r * c1, (y + r) + r * s1
    if dy == 0:
        lo, hi = (ay, by) if ay <= by else (by, ay)
        if not (lo + m < oy < hi - m):
            return None
    else:
        lo, hi = (ax, bx) if ax <= bx else (bx, ax)
        if not (lo + m < ox < hi - m):
            return None
    return _through(ox, oy, dx, dy, ax, ay, bx, by)


def _through(
    ox: float,
    oy: float,
    dx: float,
    dy: float,
    ax: float,
    ay: float,
    bx: float,
    by: float,
) -> Vec:
    """Return where the ray meets edge a-b: ``farthest_hit``'s point when that
    edge is the only one the ray meets, strictly between its ends and ahead
    (so its tests pass and the clamp changes nothing); same expressions."""
    ex, ey = bx - ax, by - ay
    s = ((ax - ox) * dy - (ay - oy) * dx) / (dx * ey - dy * ex)
    return Vec(ax + ex * s, ay + ey * s)


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
