"""Kinds whose silhouette is a fixed polygon, given as fractions of the box.

Adding one is adding a table entry: the points (clockwise from the top-left),
and the label rectangle as fractions too. Ports are found by casting compass
rays in the unit square; axis-aligned scaling keeps them valid for any box.
"""

from __future__ import annotations

from dataclasses import dataclass

from linework.geometry import Box, Vec
from linework.model import Shape
from linework.shapes.kind import KindBase, compass_ports

Frac = tuple[float, float]
_UNIT = Box(0.0, 0.0, 1.0, 1.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class PolygonKind(KindBase):
    """A polygon defined by ``points`` (fractions of the box, clockwise).

    ``label`` is ``(left, top, right, bottom)`` as fractions, chosen to lie
    inside the polygon.
    """

    points: tuple[Frac, ...]
    label: tuple[float, float, float, float] = (0.0, 0.0, 1.0, 1.0)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the table's points scaled into the box."""
        b = shape.box
        return tuple(b.at(fx, fy) for fx, fy in self.points)

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return where compass rays from the centre leave the polygon."""
        unit = tuple(Vec(fx, fy) for fx, fy in self.points)
        b = shape.box
        return {k: b.at(p.x, p.y) for k, p in compass_ports(_UNIT, unit).items()}

    def label_box(self, shape: Shape) -> Box:
        """Return the table's label rectangle scaled into the box."""
        b = shape.box
        x0, y0, x1, y1 = self.label
        return Box(b.x + b.w * x0, b.y + b.h * y0, b.w * (x1 - x0), b.h * (y1 - y0))


_T = 1 / 3  # arm width of the cross
_OCT = 0.29  # corner cut of the octagon, ≈ 1 - 1/√2 for a regular one

DIAMOND = PolygonKind(
    name="diamond",
    title="Diamond",
    library="basic",
    default_size=(120.0, 80.0),
    keywords=("rhombus", "rhomb", "lozenge"),
    points=((0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)),
    label=(0.25, 0.25, 0.75, 0.75),
)
TRIANGLE = PolygonKind(
    name="triangle",
    title="Triangle",
    library="basic",
    default_size=(100.0, 90.0),
    keywords=("delta", "pyramid", "up"),
    points=((0.5, 0.0), (1.0, 1.0), (0.0, 1.0)),
    label=(0.25, 0.5, 0.75, 1.0),
)
PARALLELOGRAM = PolygonKind(
    name="parallelogram",
    title="Parallelogram",
    library="basic",
    default_size=(140.0, 70.0),
    keywords=("slanted", "skewed", "rhomboid"),
    points=((0.2, 0.0), (1.0, 0.0), (0.8, 1.0), (0.0, 1.0)),
    label=(0.2, 0.0, 0.8, 1.0),
)
TRAPEZOID = PolygonKind(
    name="trapezoid",
    title="Trapezoid",
    library="basic",
    default_size=(140.0, 70.0),
    keywords=("trapezium",),
    points=((0.2, 0.0), (0.8, 0.0), (1.0, 1.0), (0.0, 1.0)),
    label=(0.2, 0.0, 0.8, 1.0),
)
HEXAGON = PolygonKind(
    name="hexagon",
    title="Hexagon",
    library="basic",
    default_size=(120.0, 100.0),
    keywords=("six", "polygon"),
    points=((0.25, 0.0), (0.75, 0.0), (1.0, 0.5), (0.75, 1.0), (0.25, 1.0), (0.0, 0.5)),
    label=(0.125, 0.25, 0.875, 0.75),
)
OCTAGON = PolygonKind(
    name="octagon",
    title="Octagon",
    library="basic",
    default_size=(100.0, 100.0),
    keywords=("eight", "polygon", "stop"),
    points=(
        (_OCT, 0.0),
        (1 - _OCT, 0.0),
        (1.0, _OCT),
        (1.0, 1 - _OCT),
        (1 - _OCT, 1.0),
        (_OCT, 1.0),
        (0.0, 1 - _OCT),
        (0.0, _OCT),
    ),
    label=(_OCT / 2, _OCT / 2, 1 - _OCT / 2, 1 - _OCT / 2),
)
CROSS = PolygonKind(
    name="cross",
    title="Cross",
    library="basic",
    default_size=(90.0, 90.0),
    keywords=("plus", "add", "health"),
    points=(
        (_T, 0.0),
        (2 * _T, 0.0),
        (2 * _T, _T),
        (1.0, _T),
        (1.0, 2 * _T),
        (2 * _T, 2 * _T),
        (2 * _T, 1.0),
        (_T, 1.0),
        (_T, 2 * _T),
        (0.0, 2 * _T),
        (0.0, _T),
        (_T, _T),
    ),
    label=(0.0, _T, 1.0, 2 * _T),
)
CALLOUT = PolygonKind(
    name="callout",
    title="Callout",
    library="basic",
    default_size=(120.0, 80.0),
    keywords=("speech", "bubble", "balloon", "comment", "say"),
    points=(
        (0.0, 0.0),
        (1.0, 0.0),
        (1.0, 0.75),
        (0.45, 0.75),
        (0.25, 1.0),
        (0.3, 0.75),
        (0.0, 0.75),
    ),
    label=(0.0, 0.0, 1.0, 0.75),
)
BLOCK_ARROW = PolygonKind(
    name="block-arrow",
    title="Block arrow",
    library="basic",
    default_size=(120.0, 60.0),
    keywords=("arrow", "right", "direction", "next"),
    points=(
        (0.0, 0.25),
        (0.6, 0.25),
        (0.6, 0.0),
        (1.0, 0.5),
        (0.6, 1.0),
        (0.6, 0.75),
        (0.0, 0.75),
    ),
    label=(0.0, 0.25, 0.8, 0.75),
)

DECISION = PolygonKind(
    name="decision",
    title="Decision",
    library="flowchart",
    default_size=(120.0, 80.0),
    keywords=("if", "choice", "branch", "condition", "diamond"),
    points=DIAMOND.points,
    label=DIAMOND.label,
)
DATA = PolygonKind(
    name="data",
    title="Data (I/O)",
    library="flowchart",
    default_size=(140.0, 70.0),
    keywords=("input", "output", "io", "parallelogram"),
    points=PARALLELOGRAM.points,
    label=PARALLELOGRAM.label,
)
MANUAL_INPUT = PolygonKind(
    name="manual-input",
    title="Manual input",
    library="flowchart",
    default_size=(120.0, 70.0),
    keywords=("keyboard", "type", "enter", "input"),
    points=((0.0, 0.25), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)),
    label=(0.0, 0.25, 1.0, 1.0),
)
MANUAL_OPERATION = PolygonKind(
    name="manual-operation",
    title="Manual operation",
    library="flowchart",
    default_size=(140.0, 70.0),
    keywords=("human", "hand", "offline", "trapezoid"),
    points=((0.0, 0.0), (1.0, 0.0), (0.8, 1.0), (0.2, 1.0)),
    label=(0.2, 0.0, 0.8, 1.0),
)
PREPARATION = PolygonKind(
    name="preparation",
    title="Preparation",
    library="flowchart",
    default_size=(140.0, 70.0),
    keywords=("setup", "initialise", "initialize", "loop", "hexagon"),
    points=((0.2, 0.0), (0.8, 0.0), (1.0, 0.5), (0.8, 1.0), (0.2, 1.0), (0.0, 0.5)),
    label=(0.1, 0.25, 0.9, 0.75),
)
OFF_PAGE_CONNECTOR = PolygonKind(
    name="off-page-connector",
    title="Off-page connector",
    library="flowchart",
    default_size=(50.0, 50.0),
    keywords=("reference", "jump", "page", "link", "pentagon"),
    points=((0.0, 0.0), (1.0, 0.0), (1.0, 0.6), (0.5, 1.0), (0.0, 0.6)),
    label=(0.0, 0.0, 1.0, 0.6),
)
MERGE = PolygonKind(
    name="merge",
    title="Merge",
    library="flowchart",
    default_size=(80.0, 70.0),
    keywords=("combine", "join", "triangle", "down"),
    points=((0.0, 0.0), (1.0, 0.0), (0.5, 1.0)),
    label=(0.25, 0.0, 0.75, 0.5),
)
EXTRACT = PolygonKind(
    name="extract",
    title="Extract",
    library="flowchart",
    default_size=(80.0, 70.0),
    keywords=("split", "triangle", "up"),
    points=TRIANGLE.points,
    label=TRIANGLE.label,
)
