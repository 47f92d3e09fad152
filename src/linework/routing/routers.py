"""The router registry and ``route``: connector in, routed polyline out."""

from __future__ import annotations

import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from linework.geometry import Vec
from linework.model import Attached, Connector, Document
from linework.routing.curves import curved, knots
from linework.routing.ends import is_self_loop, route_input
from linework.routing.obstacles import in_the_way, with_obstacles
from linework.routing.orthogonal import avoid, orthogonal
from linework.routing.straight import straight
from linework.routing.types import EAST, SIDE_NORMALS, WEST, Route, RouteEnd, Router

#: Routers by ``Connector.routing`` name (maxGraph's EdgeStyleRegistry).
ROUTERS: Final[Mapping[str, Router]] = MappingProxyType(
    {"straight": straight, "orthogonal": orthogonal, "curved": curved}
)


# Routes are asked for more than once per connector (an export's view box, then
# its fragment; the editor's hit tests and overlay), so they are memoized like
# shape outlines: by the identity of the connector record and of its end shapes,
# the only parts of the document a route reads. The stored records are compared
# with ``is``, so a recycled id() cannot alias.
_ROUTES: dict[int, tuple[Connector, object, object, Route]] = {}
_ROUTE_CACHE_MAX: Final = 200_000


def route(doc: Document, connector: Connector) -> Route:
    """Route ``connector`` through ``doc`` with its routing's router.

    An unknown routing (from a newer file) falls back to straight; a
    straight self-loop is drawn orthogonally, since a straight line from a
    shape to itself has no length.

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
    if hit is not None and hit[0] is connector and hit[1] is a and hit[2] is b:
        return hit[3]
    out = _route(doc, connector)
    if len(_ROUTES) >= _ROUTE_CACHE_MAX:
        _ROUTES.clear()
    _ROUTES[id(connector)] = (connector, a, b, out)
    return out


def forget_routes() -> None:
    """Drop the memoized routes (the editor does when it loads another document,
    so the records of the one before are not kept alive by the memo)."""
    _ROUTES.clear()


def _route(doc: Document, connector: Connector) -> Route:
    """Route ``connector`` (uncached; see :func:`route`)."""
    inp = route_input(doc, connector)
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
    return Route(points=pts, curved=is_curved, start_dir=start_dir, end_dir=end_dir)


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
