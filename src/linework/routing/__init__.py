"""Connector routes: where the ends sit, and straight, orthogonal or curved paths.

``route(doc, connector)`` resolves the ends (ports, anchors, floating ends,
free points) and runs the connector's router from ``ROUTERS``; the helpers
turn a ``Route`` into SVG path data and answer label and hit-testing queries.
"""

from linework.routing.curves import beziers, curved, knots
from linework.routing.ends import end_points, is_self_loop, route_input
from linework.routing.measure import (
    hit_distance,
    length,
    path_data,
    point_at,
    polyline,
    trimmed,
)
from linework.routing.orthogonal import BEND_COST, MARGIN, orthogonal
from linework.routing.routers import ROUTERS, forget_routes, route
from linework.routing.straight import straight
from linework.routing.types import (
    SIDE_NORMALS,
    SIDES,
    Route,
    RouteEnd,
    RouteInput,
    Router,
    Side,
)

__all__ = [
    "BEND_COST",
    "MARGIN",
    "ROUTERS",
    "SIDES",
    "SIDE_NORMALS",
    "Route",
    "RouteEnd",
    "RouteInput",
    "Router",
    "Side",
    "beziers",
    "curved",
    "end_points",
    "forget_routes",
    "hit_distance",
    "is_self_loop",
    "knots",
    "length",
    "orthogonal",
    "path_data",
    "point_at",
    "polyline",
    "route",
    "route_input",
    "straight",
    "trimmed",
]
