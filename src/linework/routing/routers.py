"""The router registry and ``route``: connector in, routed polyline out."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Final

from linework.geometry import Vec
from linework.model import Attached, Connector, Document, Shape
from linework.routing.curves import curved, knots
from linework.routing.ends import is_self_loop, route_input
from linework.routing.obstacles import in_the_way, runs_into, with_obstacles
from linework.routing.orthogonal import avoid, orthogonal
from linework.routing.straight import straight
from linework.routing.types import EAST, SIDE_NORMALS, WEST, Route, RouteEnd, Router
from linework.shapes import bounds

#: Routers by ``Connector.routing`` name (maxGraph's EdgeStyleRegistry).
ROUTERS: Final[Mapping[str, Router]] = MappingProxyType(
    {"straight": straight, "orthogonal": orthogonal, "curved": curved}
)


# Routes are asked for more than once per connector (an export's view box, then
# its fragment; the editor's hit tests and overlay), so they are memoized like
# shape outlines: by the identity of the connector record and of its end shapes,
# the only parts of the document a route reads. The stored records are compared
# with ``is``, so a recycled id() cannot alias. Each entry also keeps the
# orthogonal route under the result when it went round no shape (None when it
# did): that is what a rigid move may translate (see :func:`_translated`).
_ROUTES: dict[int, tuple[Connector, object, object, Route, tuple[Vec, ...] | None]] = {}
_ROUTE_CACHE_MAX: Final = 200_000
#: Two end shapes moved "by the same offset" when their offsets differ by less.
_SAME: Final = 1e-6


def route(doc: Document, connector: Connector) -> Route:
    """Route ``connector`` through ``doc`` with its routing's router.

    An unknown routing (from a newer file) falls back to straight; a
    straight self-loop is drawn orthogonally, since a straight line from a
    shape to itself has no length.

    When both end shapes moved by one offset since the connector was last
    routed (a selection moved whole), the route is the last one translated, as
    draw.io moves such a connector: the router would find the same route
    shifted (it depends on nothing else but the shapes in the way). That holds
    only for a route that went round no shape and still runs into none where
    it lands; any other is routed anew.

    Args:
        doc: The document with the connector's end shapes.
        connector: The connector to route.

    Returns:
        The route, at least two points long.
    """
    s, t = connector.source, connector.target
    a = doc.get(s.shape) if isinstance(s, Attached) else None
    b = doc.get(t.shape) if isinstance(t, Attached) else None
    hit = _ROUTES.get(id(connector))
    if hit is not None and hit[0] is connector:
        if hit[1] is a and hit[2] is b:
            return hit[3]
        moved = _translated(doc, connector, hit, a, b)
        if moved is not None:
            _ROUTES[id(connector)] = (connector, a, b, *moved)
            return moved[0]
    out, under = _route(doc, connector)
    if len(_ROUTES) >= _ROUTE_CACHE_MAX:
        _ROUTES.clear()
    _ROUTES[id(connector)] = (connector, a, b, out, under)
    return out


def _translated(
    doc: Document,
    connector: Connector,
    hit: tuple[Connector, object, object, Route, tuple[Vec, ...] | None],
    a: object,
    b: object,
) -> tuple[Route, tuple[Vec, ...]] | None:
    """Return the memoized route moved with its end shapes, with the route
    under it, or None if it must be routed anew.

    Both ends must be shapes that only moved, by the same offset (same size,
    kind, rotation, style and everything else), and the route must have gone
    round no shape before and run into none now.
    """
    under = hit[4]
    a0, b0 = hit[1], hit[2]
    if under is None or not isinstance(a, Shape) or not isinstance(b, Shape):
        return None
    if not isinstance(a0, Shape) or not isinstance(b0, Shape):
        return None
    if (b0 is a0) != (a is b) or (a is a0) != (b is b0):
        return None  # one end stayed: a one-shape drag routes its connectors
    d = _offset(a0, a)
    e = d if b0 is a0 else _offset(b0, b)
    if d is None or e is None:
        return None
    dx, dy = d
    if abs(e[0] - dx) > _SAME or abs(e[1] - dy) > _SAME:
        return None
    pts = tuple(Vec(p.x + dx, p.y + dy) for p in hit[3].points)
    new_under = (
        pts if under is hit[3].points else tuple(Vec(p.x + dx, p.y + dy) for p in under)
    )
    ends = [bounds(a), bounds(b)]
    if connector.routing != "straight" and runs_into(
        doc, connector.page, {a.id, b.id}, ends, new_under
    ):
        return None
    old = hit[3]
    out = Route(
        points=pts, curved=old.curved, start_dir=old.start_dir, end_dir=old.end_dir
    )
    return out, new_under


def _offset(before: Shape, after: Shape) -> tuple[float, float] | None:
    """Return how far ``after`` lies from ``before`` if it is ``before`` moved
    (nothing else changed); else None."""
    p, q = before.box, after.box
    if (p.w, p.h) != (q.w, q.h) or replace(before, box=q) != after:
        return None
    return (q.x - p.x, q.y - p.y)


def forget_routes() -> None:
    """Drop the memoized routes (the editor does when it loads another document,
    so the records of the one before are not kept alive by the memo)."""
    _ROUTES.clear()


def _route(doc: Document, connector: Connector) -> tuple[Route, tuple[Vec, ...] | None]:
    """Route ``connector`` (uncached; see :func:`route`); also return the
    orthogonal route under it, or None if that went round shapes."""
    inp = route_input(doc, connector)
    detour = False
    router = ROUTERS.get(connector.routing, straight)
    if router is straight and is_self_loop(doc, connector):
        router = orthogonal
    if router is not straight:
        under = orthogonal(inp)
        # Waypoints are the route's guide (the user's, or draw.io's): the
        # route follows them, as draw.io does, rather than detour round
        # shapes. Without any, a route that runs into a shape is searched
        # again round the shapes in the way.
        if not inp.waypoints and in_the_way(doc, connector, inp, under):
            inp = with_obstacles(doc, connector, inp)
            under = avoid(inp, under)
            detour = True
        # The knots skip the stubs, so the end directions come from the
        # orthogonal route under them: the curve still leaves and enters
        # perpendicular to the sides (or along the first run of a free end).
        pts = knots(under, inp.waypoints) if router is curved else under
    else:
        under = pts = router(inp)
    if len(pts) < 2 or len(under) < 2:
        under = pts = (inp.source.point, inp.target.point)
    start_dir = _direction(under[1], under[0], inp.source, WEST)
    end_dir = _direction(under[-2], under[-1], inp.target, EAST)
    is_curved = router is curved
    out = Route(points=pts, curved=is_curved, start_dir=start_dir, end_dir=end_dir)
    return out, None if detour else (pts if under is pts else tuple(under))


def _direction(a: Vec, b: Vec, end: RouteEnd, default: Vec) -> Vec:
    """Return the unit vector from ``a`` to ``b``.

    When they coincide (a zero-length route), point into the end's shape
    through its side, or else ``default``.
    """
    # (b - a).normalized() on plain floats (same expressions: hypot, division).
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy)
    if n != 0:
        ux, uy = dx / n, dy / n
        if ux != 0.0 or uy != 0.0:
            return Vec(ux, uy)
    return default if end.side is None else -SIDE_NORMALS[end.side]
