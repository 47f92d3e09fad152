"""The values routing works with: resolved ends, router input, and the route."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from linework.geometry import Box, Vec

Side = Literal["n", "e", "s", "w"]
SIDES: Final[tuple[Side, ...]] = ("n", "e", "s", "w")
#: Outward unit normal of each side of an axis-aligned box (y grows downwards).
SIDE_NORMALS: Final[dict[Side, Vec]] = {
    "n": Vec(0.0, -1.0),
    "e": Vec(1.0, 0.0),
    "s": Vec(0.0, 1.0),
    "w": Vec(-1.0, 0.0),
}

WEST: Final = Vec(-1.0, 0.0)
EAST: Final = Vec(1.0, 0.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteEnd:
    """One end of a connector, resolved to page coordinates.

    ``side`` is the side of ``bounds`` the end leaves through (orthogonal routes
    start perpendicular to it); ``bounds`` is the end shape's axis-aligned
    bounds, the obstacle to route around. Both are None for free ends and for
    ends whose shape is missing. ``shape`` tells self-loops apart.
    """

    point: Vec
    side: Side | None = None
    bounds: Box | None = None
    shape: str | None = None

    def __init__(
        self,
        *,
        point: Vec,
        side: Side | None = None,
        bounds: Box | None = None,
        shape: str | None = None,
    ) -> None:
        # The generated frozen __init__'s work through the slot descriptors
        # directly (cheaper; routing builds these for every connector).
        _END_POINT(self, point)
        _END_SIDE(self, side)
        _END_BOUNDS(self, bounds)
        _END_SHAPE(self, shape)


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteInput:
    """Everything a router needs: both ends, the waypoints in order, and the
    bounds of other shapes in the way (``obstacles``; orthogonal routes go
    round them)."""

    source: RouteEnd
    target: RouteEnd
    waypoints: tuple[Vec, ...] = ()
    obstacles: tuple[Box, ...] = ()

    def __init__(
        self,
        *,
        source: RouteEnd,
        target: RouteEnd,
        waypoints: tuple[Vec, ...] = (),
        obstacles: tuple[Box, ...] = (),
    ) -> None:
        # As RouteEnd.__init__.
        _INPUT_SOURCE(self, source)
        _INPUT_TARGET(self, target)
        _INPUT_WAYPOINTS(self, waypoints)
        _INPUT_OBSTACLES(self, obstacles)


#: A router turns resolved ends into the polyline from source to target.
Router: TypeAlias = Callable[[RouteInput], tuple[Vec, ...]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Route:
    """A routed connector.

    ``points`` runs from the source end to the target end (at least two). For a
    straight or orthogonal route they are the polyline's vertices; when
    ``curved`` they are the knots a Catmull-Rom spline passes through (see
    :func:`linework.routing.path_data`).

    ``start_dir`` and ``end_dir`` are unit vectors pointing *out of* the path at
    each end (the direction an arrowhead at that end points), so a head is drawn
    the same way at either end.
    """

    points: tuple[Vec, ...]
    curved: bool = False
    start_dir: Vec = WEST
    end_dir: Vec = EAST

    def __init__(
        self,
        *,
        points: tuple[Vec, ...],
        curved: bool = False,
        start_dir: Vec = WEST,
        end_dir: Vec = EAST,
    ) -> None:
        # As RouteEnd.__init__.
        _ROUTE_POINTS(self, points)
        _ROUTE_CURVED(self, curved)
        _ROUTE_START_DIR(self, start_dir)
        _ROUTE_END_DIR(self, end_dir)


def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    """Return the slot descriptor's setter of ``cls.name`` (bypasses frozen)."""
    setter: Callable[[object, object], None] = cls.__dict__[name].__set__
    return setter


_END_POINT: Final = _setter(RouteEnd, "point")
_END_SIDE: Final = _setter(RouteEnd, "side")
_END_BOUNDS: Final = _setter(RouteEnd, "bounds")
_END_SHAPE: Final = _setter(RouteEnd, "shape")
_INPUT_SOURCE: Final = _setter(RouteInput, "source")
_INPUT_TARGET: Final = _setter(RouteInput, "target")
_INPUT_WAYPOINTS: Final = _setter(RouteInput, "waypoints")
_INPUT_OBSTACLES: Final = _setter(RouteInput, "obstacles")
_ROUTE_POINTS: Final = _setter(Route, "points")
_ROUTE_CURVED: Final = _setter(Route, "curved")
_ROUTE_START_DIR: Final = _setter(Route, "start_dir")
_ROUTE_END_DIR: Final = _setter(Route, "end_dir")
