"""The outline-free bounds and axis exits give the polygon's answers, bit for bit.

Routing reads both for every attached end (see linework.shapes.exits); a
last-bit difference would move a connector end and change the SVG bytes, so
every answer is compared with the polygon's own, floats by their bits.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Iterator

import pytest

from linework.geometry import Box, Vec
from linework.geometry.polygon import farthest_hit
from linework.model import Shape, Style
from linework.shapes import KINDS, axis_exit, bounds, exits, kind_of, outline_page

SIDES = ("n", "e", "s", "w")
NORMALS = {
    "n": Vec(0.0, -1.0),
    "e": Vec(1.0, 0.0),
    "s": Vec(0.0, 1.0),
    "w": Vec(-1.0, 0.0),
}
#: Kinds the fast path answers for (one of each family) and one it does not.
KIND_NAMES = (
    "rectangle",
    "rounded-rectangle",
    "process",
    "ellipse",
    "circle",
    "diamond",
    "decision",
    "parallelogram",
    "hexagon",
    "cloud",
    "text",
    "uml-class",
)


def bits(v: float) -> bytes:
    return struct.pack("<d", v)


def same(a: Vec | None, b: Vec | None) -> bool:
    if a is None or b is None:
        return a is b
    return bits(a.x) == bits(b.x) and bits(a.y) == bits(b.y)


def boxes(seed: int, n: int) -> Iterator[Box]:
    rng = random.Random(seed)
    for i in range(n):
        match i % 5:
            case 0:  # a grid, as most drawn diagrams
                yield Box(
                    rng.randrange(0, 5000, 10),
                    rng.randrange(0, 5000, 10),
                    rng.choice((40, 60, 80, 100, 120, 160)),
                    rng.choice((30, 40, 60, 80)),
                )
            case 1:  # imported: odd fractions
                yield Box(
                    rng.uniform(-3000, 3000),
                    rng.uniform(-3000, 3000),
                    rng.uniform(5, 400),
                    rng.uniform(5, 400),
                )
            case 2:  # far from the origin
                yield Box(
                    rng.uniform(1e5, 1e7),
                    rng.uniform(-1e7, -1e5),
                    rng.uniform(1, 50),
                    rng.uniform(1, 50),
                )
            case 3:  # tiny
                yield Box(
                    rng.uniform(-10, 10),
                    rng.uniform(-10, 10),
                    rng.uniform(1e-3, 1.0),
                    rng.uniform(1e-3, 1.0),
                )
            case _:  # halves and thirds
                yield Box(
                    rng.randrange(-400, 400) / 3,
                    rng.randrange(-400, 400) / 2,
                    rng.randrange(3, 600) / 3,
                    rng.randrange(3, 600) / 7,
                )


def shapes_of(seed: int, n: int) -> Iterator[Shape]:
    rng = random.Random(seed + 1)
    for i, box in enumerate(boxes(seed, n)):
        radius = rng.choice((0.0, 0.0, 4.0, 10.0, 1000.0, min(box.w, box.h) / 2))
        yield Shape(
            id=f"s{i}",
            page="p",
            layer="l",
            kind=KIND_NAMES[i % len(KIND_NAMES)],
            box=box,
            style=Style(corner_radius=radius),
        )


def probes(shape: Shape, side: str, rng: random.Random) -> Iterator[Vec]:
    """Ray origins on the box's centre line: random, on every outline
    vertex's level and a hair either side of it, and past the ends."""
    b = shape.box
    cx, cy = b.x + b.w / 2, b.y + b.h / 2
    outline = outline_page(shape)
    across = [p.y for p in outline] if side in ("e", "w") else [p.x for p in outline]
    lo, hi = (b.y, b.y + b.h) if side in ("e", "w") else (b.x, b.x + b.w)
    values = [rng.uniform(lo, hi) for _ in range(12)]
    values += [lo, hi, (lo + hi) / 2, lo - 1.0, hi + 1.0]
    for v in across:
        values += [v, v * (1 + 1e-15), v - 1e-9, v + 1e-6]
    for v in values:
        yield Vec(cx, v) if side in ("e", "w") else Vec(v, cy)


@pytest.mark.parametrize("seed", range(4))
def test_bounds_are_the_outline_polygons_bounds(seed: int) -> None:
    answered = 0
    for shape in shapes_of(seed, 400):
        kind = kind_of(shape.kind)
        want = Box.around(kind.outline(shape))
        fast = exits.bounds_of(shape)
        if fast is not None:
            answered += 1
            assert [bits(v) for v in (fast.x, fast.y, fast.w, fast.h)] == [
                bits(v) for v in (want.x, want.y, want.w, want.h)
            ], (shape.kind, shape.box, shape.style.corner_radius)
        assert bounds(shape) == want
    assert answered > 250  # the common kinds did answer


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("eps", [1e-9, 1e-12])
def test_axis_exits_are_the_outline_polygons_farthest_hits(
    seed: int, eps: float
) -> None:
    rng = random.Random(seed)
    answered = asked = 0
    for shape in shapes_of(seed, 50):
        outline = outline_page(shape)
        for side in SIDES:
            for origin in probes(shape, side, rng):
                want = farthest_hit(origin, NORMALS[side], outline, eps=eps)
                fast = exits.axis_exit(shape, side, origin.x, origin.y, eps, KINDS)
                asked += 1
                if fast is not None:
                    answered += 1
                    assert same(fast, want), (shape.kind, shape.box, side, origin)
                assert same(axis_exit(shape, side, origin.x, origin.y, eps), want)
    assert answered > asked // 5


def test_rotated_mirrored_and_odd_shapes_take_the_polygon() -> None:
    box = Box(10, 20, 100, 60)
    base = Shape(id="s", page="p", layer="l", kind="ellipse", box=box)
    for odd in (
        Shape(id="s", page="p", layer="l", kind="ellipse", box=box, rotation_deg=90),
        Shape(
            id="s", page="p", layer="l", kind="ellipse", box=box, props={"flip": "h"}
        ),
        Shape(id="s", page="p", layer="l", kind="ellipse", box=Box(10, 20, 0, 60)),
        Shape(
            id="s",
            page="p",
            layer="l",
            kind="ellipse",
            box=Box(10, 20, float("nan"), 60),
        ),
    ):
        assert exits.bounds_of(odd) is None
        assert exits.axis_exit(odd, "e", 60.0, 50.0, 1e-9, KINDS) is None
    # Off the centre line: not answered (the caller's rays never are).
    assert exits.axis_exit(base, "e", 61.0, 50.0, 1e-9, KINDS) is None
    assert exits.axis_exit(base, "e", 60.0, 50.0, 1e-9, KINDS) == Vec(110.0, 50.0)
    # A kind with its own outline (a cloud) always takes the polygon.
    cloud = Shape(id="s", page="p", layer="l", kind="cloud", box=box)
    assert exits.bounds_of(cloud) is None


def test_every_kind_answers_as_its_polygon() -> None:
    """Each kind of the registry, in a few boxes: what the closed forms answer
    (every family they know) is the polygon's answer."""
    rng = random.Random(7)
    for name in sorted(KINDS):
        for box in (Box(10, 20, 120, 60), Box(-33.5, 7.25, 41.0 / 3, 90.5)):
            shape = Shape(id="s", page="p", layer="l", kind=name, box=box)
            outline = outline_page(shape)
            fast = exits.bounds_of(shape)
            if fast is not None:
                assert fast == Box.around(outline), name
            for side in SIDES:
                for origin in list(probes(shape, side, rng))[:40]:
                    want = farthest_hit(origin, NORMALS[side], outline, eps=1e-9)
                    got = exits.axis_exit(shape, side, origin.x, origin.y, 1e-9, KINDS)
                    assert got is None or same(got, want), (name, side, origin)
