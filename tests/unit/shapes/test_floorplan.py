"""Floor-plan corner and U walls: where the walls are, turned by direction."""

from __future__ import annotations

from typing import Any

import pytest

from linework.geometry import Box, Vec
from linework.model import Shape, frozen_map
from linework.shapes.floorplan import WALL_CORNER, WALL_U


def _shape(kind: str, **props: Any) -> Shape:
    return Shape(
        id="s",
        page="p",
        layer="l",
        kind=kind,
        box=Box(0, 0, 100, 60),
        props=frozen_map(props),
    )


@pytest.mark.parametrize(
    ("direction", "points"),
    [
        # east: walls on the top and the left
        ("east", [(0, 60), (0, 0), (100, 0), (100, 10), (10, 10), (10, 60)]),
        # south: a quarter turn clockwise, walls on the right and the top
        ("south", [(0, 0), (100, 0), (100, 60), (90, 60), (90, 10), (0, 10)]),
        # west: walls on the bottom and the right
        ("west", [(100, 0), (100, 60), (0, 60), (0, 50), (90, 50), (90, 0)]),
        # north: walls on the left and the bottom
        ("north", [(100, 60), (0, 60), (0, 0), (10, 0), (10, 50), (100, 50)]),
    ],
)
def test_corner_walls_turn_with_direction(
    direction: str, points: list[tuple[float, float]]
) -> None:
    walls = WALL_CORNER.walls(_shape("floorplan-wall-corner", direction=direction))

    assert [(p.x, p.y) for p in walls] == points


def test_u_walls_leave_one_side_open_and_take_their_thickness() -> None:
    walls = WALL_U.walls(_shape("floorplan-wall-u", thickness=5))

    assert [(p.x, p.y) for p in walls] == [
        (0, 60),
        (0, 0),
        (100, 0),
        (100, 60),
        (95, 60),
        (95, 5),
        (5, 5),
        (5, 60),
    ]
    # Picked and connected by the box, as in draw.io.
    assert WALL_U.outline(_shape("floorplan-wall-u"))[2] == Vec(100, 60)
