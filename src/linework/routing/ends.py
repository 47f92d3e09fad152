"""Resolve connector ends to page points, sides and obstacles.

An end attached at a port sits on the (rotated) port; at an anchor, on that
fraction of the (rotated) box; otherwise it *floats* on the outline toward the
next point of the route. Orthogonal routes float differently from straight
ones: they leave from the middle of the side that faces the other end (or
from a spot level with it when a straight run fits), because a point picked
by a diagonal ray would force needless bends.

An end whose shape is missing (a dangling id in a damaged or half-loaded file)
never raises: it degrades to a free end at the nearest known point.
"""

from __future__ import annotations

from typing import Final, assert_never

from linework import shapes
from linework.geometry import Box, Vec, rotate_about
from linework.model import Attached, Connector, Document, Free, Shape
from linework.routing._geom import EPS
from linework.routing.types import SIDE_NORMALS, SIDES, RouteEnd, RouteInput, Side

_ORIGIN: Final = Vec(0.0, 0.0)
#: How close to its outline an anchored end counts as on it (page units).
_ON_OUTLINE: Final = 0.5
#: The side a self-loop's far end takes, turning counter-clockwise on screen.
_LOOP_NEXT: Final[dict[Side, Side]] = {"e": "n", "n": "w", "w": "s", "s": "e"}
_LOOP_PREV: Final[dict[Side, Side]] = {v: k for k, v in _LOOP_NEXT.items()}


class _End:
    """An end looked up in the document, before floating ends are placed.

    A plain slotted class, never changed after construction: two are built
    per routed connector, and a frozen dataclass's ``__init__`` costs more.
    """

    __slots__ = ("fixed", "missing", "port", "shape")

    def __init__(
        self, shape: Shape | None, fixed: Vec | None, port: str | None, missing: bool
    ) -> None:
        self.shape = shape  # None for free ends and for missing shapes
        self.fixed = fixed  # port, anchor or free point; None while floating
        self.port = port  # the port, if it resolved
        self.missing = missing  # attached to a shape that is not in the document

    def reference(self) -> Vec | None:
        """Return the point the other end aims at when floating."""
        if self.fixed is not None:
            return self.fixed
        return None if self.shape is None else self.shape.box.center


def is_self_loop(doc: Document, connector: Connector) -> bool:
    """Return whether both ends sit on the same existing shape with no waypoints.

    Such a connector has no line of sight between its ends, so every routing
    draws it as an orthogonal loop around the shape.
    """
    s, t = connector.source, connector.target
    return (
        not connector.waypoints
        and isinstance(s, Attached)
        and isinstance(t, Attached)
        and s.shape == t.shape
        and isinstance(doc.get(s.shape), Shape)
    )


def uses_sides(doc: Document, connector: Connector) -> bool:
    """Return whether the connector is routed orthogonally (and so by sides)."""
    return connector.routing != "straight" or is_self_loop(doc, connector)


def route_input(doc: Document, connector: Connector) -> RouteInput:
    """Resolve both ends of ``connector`` for its router.

    Args:
        doc: The document holding the connector's end shapes.
        connector: The connector to resolve.

    Returns:
        Points, sides and obstacles of both ends, plus the waypoints.
    """
    s, t = connector.source, connector.target
    wps = connector.waypoints
    # The commonest connector: both ends floating on two shapes, no
    # waypoints, routed by sides. The steps of the general case below
    # (_lookup, _place), minus the calls that find out which case it is.
    if (
        not wps
        and type(s) is Attached
        and type(t) is Attached
        and s.port is None
        and t.port is None
        and s.anchor is None
        and t.anchor is None
        and s.shape != t.shape
        and connector.routing != "straight"
    ):
        sa, sb = doc.get(s.shape), doc.get(t.shape)
        if isinstance(sa, Shape) and isinstance(sb, Shape):
            ba, bb = shapes.bounds(sa), shapes.bounds(sb)
            side_a, side_b = _facing_side(ba, bb), _facing_side(bb, ba)
            return RouteInput(
                source=RouteEnd(
                    point=_side_point(sa, ba, side_a, bb),
                    side=side_a,
                    bounds=ba,
                    shape=sa.id,
                ),
                target=RouteEnd(
                    point=_side_point(sb, bb, side_b, ba),
                    side=side_b,
                    bounds=bb,
                    shape=sb.id,
                ),
                waypoints=wps,
            )
    a = _lookup(doc, s)
    b = _lookup(doc, t)
    # is_self_loop, from the shapes just looked up (same test, asked once).
    loop = (
        not wps
        and a.shape is not None
        and isinstance(s, Attached)
        and isinstance(t, Attached)
        and s.shape == t.shape
    )
    if loop:
        src, tgt = _self_loop(a, b)
    else:
        # uses_sides: not straight, or a self-loop (which this is not).
        sides = connector.routing != "straight"
        src = _place(a, b, wps[0] if wps else None, sides=sides)
        tgt = _place(b, a, wps[-1] if wps else None, sides=sides)
    # A missing shape leaves a dangling end: put it at the nearest known point.
    if a.missing:
        src = RouteEnd(
            point=wps[0] if wps else (tgt.point if not b.missing else _ORIGIN)
        )
    if b.missing:
        tgt = RouteEnd(point=wps[-1] if wps else src.point)
    return RouteInput(source=src, target=tgt, waypoints=wps)


def end_points(doc: Document, connector: Connector) -> tuple[Vec, Vec]:
    """Return where the connector's source and target ends sit on the page."""
    inp = route_input(doc, connector)
    return inp.source.point, inp.target.point


def _lookup(doc: Document, end: Attached | Free) -> _End:
    match end:
        case Free(point=p):
            return _End(None, p, None, missing=False)
        case Attached(shape=sid, port=port, anchor=anchor):
            rec = doc.get(sid)
            if not isinstance(rec, Shape):
                return _End(None, None, None, missing=True)
            fixed = None if port is None else shapes.port_page(rec, port)
            if fixed is not None:
                return _End(rec, fixed, port, missing=False)
            if anchor is not None:
                box = rec.box
                at = shapes.to_page(rec, box.at(anchor.x, anchor.y))
                # A point of the box off a round or slanted outline (draw.io's
                # fixed points on a diamond, an ellipse) goes onto the outline
                # along the ray from the centre, as draw.io's perimeter does:
                # the end then meets the shape rather than stopping short.
                if not shapes.contains(rec, at, _ON_OUTLINE):
                    at = shapes.boundary_point(rec, at)
                return _End(rec, at, None, False)
            return _End(rec, None, None, missing=False)
        case _:
            assert_never(end)


def _place(end: _End, other: _End, waypoint: Vec | None, *, sides: bool) -> RouteEnd:
    """Resolve one end; ``waypoint`` is the waypoint next to it, if any."""
    shape = end.shape
    if shape is None:
        # Free, or missing (fixed up by the caller).
        return RouteEnd(point=end.fixed if end.fixed is not None else _ORIGIN)
    bounds = shapes.bounds(shape)
    if end.fixed is not None:
        toward = waypoint if waypoint is not None else other.reference()
        side = _fixed_side(shape, bounds, end.fixed, end.port, toward)
        return RouteEnd(point=end.fixed, side=side, bounds=bounds, shape=shape.id)
    if not sides:
        toward = waypoint if waypoint is not None else other.reference()
        aim = toward if toward is not None else shape.box.center + Vec(1.0, 0.0)
        point = _boundary_toward(shape, aim)
        side = _nearest_side(bounds, point, aim)
        return RouteEnd(point=point, side=side, bounds=bounds, shape=shape.id)
    # Floating on an orthogonal route: face the waypoint, the other end's
    # point, or the other floating shape as a whole.
    if waypoint is not None:
        target = Box(waypoint.x, waypoint.y, 0.0, 0.0)
    elif other.fixed is not None:
        target = Box(other.fixed.x, other.fixed.y, 0.0, 0.0)
    elif other.shape is not None:
        target = shapes.bounds(other.shape)
    else:
        target = Box(bounds.right + 1.0, bounds.center.y, 0.0, 0.0)
    side = _facing_side(bounds, target)
    point = _side_point(shape, bounds, side, target)
    return RouteEnd(point=point, side=side, bounds=bounds, shape=shape.id)


def _self_loop(a: _End, b: _End) -> tuple[RouteEnd, RouteEnd]:
    """Place the ends of a loop on adjacent sides, so it hugs one corner."""
    shape = a.shape
    assert shape is not None  # is_self_loop checked the shape exists
    bounds = shapes.bounds(shape)
    side_a: Side | None = None
    side_b: Side | None = None
    if a.fixed is not None:
        side_a = _fixed_side(shape, bounds, a.fixed, a.port, b.reference())
    if b.fixed is not None:
        side_b = _fixed_side(shape, bounds, b.fixed, b.port, a.reference())
    if side_a is None:
        side_a = "e" if side_b is None else _LOOP_PREV[side_b]
    if side_b is None:
        side_b = _LOOP_NEXT[side_a]
    pa = a.fixed if a.fixed is not None else _side_point(shape, bounds, side_a, None)
    pb = b.fixed if b.fixed is not None else _side_point(shape, bounds, side_b, None)
    return (
        RouteEnd(point=pa, side=side_a, bounds=bounds, shape=shape.id),
        RouteEnd(point=pb, side=side_b, bounds=bounds, shape=shape.id),
    )


def _boundary_toward(shape: Shape, toward: Vec) -> Vec:
    """Return the outline point toward ``toward``; aim east if it is the centre."""
    c = shape.box.center
    if toward.distance(c) <= EPS:
        toward = c + Vec(1.0, 0.0)
    return shapes.boundary_point(shape, toward)


def _fixed_side(
    shape: Shape, bounds: Box, point: Vec, port: str | None, toward: Vec | None
) -> Side:
    """Return the side a port or anchor leaves through.

    A cardinal port names its side, turned with the shape (a triangle's "w"
    port sits on a slanted edge, nearer the bottom than the left of its
    bounds); anything else leaves through the nearest side of the bounds.
    """
    if port in SIDES:
        normal = SIDE_NORMALS[port]
        fh, fv = shapes.flip_of(shape)
        if fh or fv:  # a mirrored shape's "e" port faces west
            normal = Vec(-normal.x if fh else normal.x, -normal.y if fv else normal.y)
        normal = rotate_about(normal, _ORIGIN, shape.rotation_deg)
        best = max(abs(normal.x), abs(normal.y))
        cands = tuple(s for s in SIDES if SIDE_NORMALS[s].dot(normal) >= best - 1e-6)
        return _prefer(cands, point, toward)
    return _nearest_side(bounds, point, toward)


def _nearest_side(bounds: Box, p: Vec, toward: Vec | None) -> Side:
    """Return the side of ``bounds`` nearest ``p``; ties go to one facing ``toward``."""
    dist = {
        "n": p.y - bounds.top,
        "e": bounds.right - p.x,
        "s": bounds.bottom - p.y,
        "w": p.x - bounds.left,
    }
    low = min(dist.values())
    return _prefer(tuple(s for s in SIDES if dist[s] <= low + 1e-6), p, toward)


def _prefer(cands: tuple[Side, ...], p: Vec, toward: Vec | None) -> Side:
    """Pick the candidate side that faces ``toward`` best (first one on a tie)."""
    if len(cands) == 1 or toward is None:
        return cands[0]
    d = toward - p
    return max(cands, key=lambda s: SIDE_NORMALS[s].dot(d))


def _facing_side(bounds: Box, target: Box) -> Side:
    """Return the side of ``bounds`` that faces ``target``.

    The axis is the one along which the two are farther apart, as draw.io
    does, so two boxes side by side connect side to side even when one sits
    a little lower.
    """
    # Box's edge and centre properties, spelled out (same expressions).
    bx, by, bw, bh = bounds.x, bounds.y, bounds.w, bounds.h
    tx, ty, tw, th = target.x, target.y, target.w, target.h
    gx = max(tx - (bx + bw), bx - (tx + tw))
    gy = max(ty - (by + bh), by - (ty + th))
    if gx >= gy:
        return "e" if tx + tw / 2 >= bx + bw / 2 else "w"
    return "s" if ty + th / 2 >= by + bh / 2 else "n"


def _side_point(shape: Shape, bounds: Box, side: Side, target: Box | None) -> Vec:
    """Return where a floating orthogonal end leaves ``side`` of the outline.

    When ``target`` spans part of the same band as the side, the end sits
    level with the middle of the shared band so a straight run fits;
    otherwise it leaves from the middle of the side.
    """
    box = shape.box
    if target is not None:
        # Box properties spelled out (same expressions: right is x + w, ...).
        if side in ("e", "w"):
            lo = max(bounds.y, target.y)
            hi = min(bounds.y + bounds.h, target.y + target.h)
            oy = (lo + hi) / 2
            if lo <= hi:
                hit = shapes.axis_exit(shape, side, box.x + box.w / 2, oy, EPS)
                if hit is not None:
                    # Keep the band's coordinate exact, so both ends line up.
                    return Vec(hit.x, oy)
        else:
            lo = max(bounds.x, target.x)
            hi = min(bounds.x + bounds.w, target.x + target.w)
            ox = (lo + hi) / 2
            if lo <= hi:
                hit = shapes.axis_exit(shape, side, ox, box.y + box.h / 2, EPS)
                if hit is not None:
                    return Vec(ox, hit.y)
    reach = bounds.w + bounds.h + 1.0
    return _side_middle(shape, side, reach)


def _side_middle(shape: Shape, side: Side, reach: float) -> Vec:
    """Return ``_boundary_toward(shape, centre + normal * reach)``: the middle
    of the side (on the outline) for an unrotated shape.

    An unrotated, unmirrored shape is asked along the axis directly (the
    same ray boundary_point casts, without building the outline).
    """
    normal = SIDE_NORMALS[side]
    c = shape.box.center
    toward = c + normal * reach
    if shape.rotation_deg == 0 and shapes.flip_of(shape) == (False, False):
        d = toward - c
        if d.length() > EPS:  # else _boundary_toward aims east instead
            u = d.normalized()
            if u.x == normal.x and u.y == normal.y:
                # boundary_point's ray (its eps); to_page changes nothing here.
                hit = shapes.axis_exit(shape, side, c.x, c.y, 1e-12)
                if hit is not None:
                    return hit
    return _boundary_toward(shape, toward)
