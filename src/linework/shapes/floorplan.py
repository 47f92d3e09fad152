"""Floor-plan walls that are not straight: a corner (L) and three sides (U).

draw.io's floor plans build rooms from ``mxgraph.floorplan.wallCorner`` and
``wallU``: bars ``props["thickness"]`` thick (draw.io's ``wallThickness``,
default 10) along two or three sides of the box. ``props["direction"]`` turns
them as draw.io's ``direction`` does: ``east`` (default) puts a corner's walls
on the top and left and leaves a U open at the bottom; ``south``, ``west`` and
``north`` turn that a quarter, a half and three quarters clockwise. A straight
wall is a plain filled ``rectangle``. These kinds come from imports; the
palette does not list them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.geometry import Vec
from linework.model import Shape
from linework.shapes.kind import BoxKind, polygon_node
from linework.shapes.table import table_kinds
from linework.svg import SvgNode

#: draw.io's directions, as quarter turns clockwise from ``east``.
TURNS: Final[dict[str, int]] = {"east": 0, "south": 1, "west": 2, "north": 3}
DEFAULT_THICKNESS: Final = 10.0
#: Inward normals of the box's sides, clockwise from the top.
_NORMALS: Final = (Vec(0.0, 1.0), Vec(-1.0, 0.0), Vec(0.0, -1.0), Vec(1.0, 0.0))


def thickness(shape: Shape) -> float:
    """Return the wall thickness, at most half the box's short side."""
    raw = shape.props.get("thickness", DEFAULT_THICKNESS)
    t = float(raw) if isinstance(raw, int | float) and raw > 0 else DEFAULT_THICKNESS
    return min(t, min(shape.box.w, shape.box.h) / 2)


def turns(shape: Shape) -> int:
    """Return the quarter turns clockwise ``props["direction"]`` asks for."""
    d = shape.props.get("direction")
    return TURNS.get(d, 0) if isinstance(d, str) else 0


def wall_chain(shape: Shape, first: int, count: int) -> tuple[Vec, ...]:
    """Return the outline of walls along ``count`` sides clockwise from side ``first``.

    Sides are numbered clockwise from the top (0 top, 1 right, 2 bottom, 3 left).
    The outer edge runs round the box's corners; the inner edge comes back
    ``thickness`` inside it.
    """
    b = shape.box
    t = thickness(shape)
    corners = b.corners()

    def corner(i: int) -> Vec:
        return corners[i % 4]

    def normal(i: int) -> Vec:
        return _NORMALS[i % 4]

    outer = [corner(first + k) for k in range(count + 1)]
    last = first + count - 1
    end = corner(first + count)
    inner = [Vec(end.x + normal(last).x * t, end.y + normal(last).y * t)]
    for j in range(first + count - 1, first, -1):
        c, n1, n2 = corner(j), normal(j - 1), normal(j)
        inner.append(Vec(c.x + (n1.x + n2.x) * t, c.y + (n1.y + n2.y) * t))
    start = corner(first)
    inner.append(Vec(start.x + normal(first).x * t, start.y + normal(first).y * t))
    return (*outer, *inner)


@dataclass(frozen=True, slots=True, kw_only=True)
class WallKind(BoxKind):
    """Walls along ``sides`` adjacent sides of the box (2: a corner, 3: a U).

    Facing east, the walls start on the left side and run clockwise. As in
    draw.io, the shape is picked, snapped and connected by its box (a click in
    the room selects it); only the drawing is the walls.
    """

    sides: int = 2

    def walls(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the walls as one polygon."""
        return wall_chain(shape, 3 + turns(shape), self.sides)

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the walls, filled and stroked with the style."""
        return (polygon_node(self.walls(shape)),)


#: Import-only walls (rows of kinds.json): a corner and a U.
FLOORPLAN_KINDS: Final = table_kinds(WallKind)
WALL_CORNER, WALL_U = FLOORPLAN_KINDS
