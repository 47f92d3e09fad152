"""The ShapeKind protocol and the small base class most kinds build on.

A kind holds no state: every method receives the ``Shape`` record and answers
in unrotated page coordinates. Rotation is applied once, by the helpers in
``linework.shapes.geometry`` and by the renderer's transform.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal, Protocol, TypeAlias

from linework.geometry import Box, Vec, fmt
from linework.geometry.polygon import farthest_hit
from linework.model import Shape
from linework.svg import AttrValue, SvgNode, node, path_d

Library: TypeAlias = Literal[
    "basic",
    "flowchart",
    "uml",
    "er",
    "bpmn",
    "c4",
    "mockups",
    "orgchart",
    "floorplan",
]

#: Palette sections in order: (library, title, search keywords every entry of
#: the section also answers to). Floor-plan walls are import-only.
LIBRARIES: tuple[tuple[Library, str, tuple[str, ...]], ...] = (
    ("basic", "Basic shapes", ()),
    ("flowchart", "Flowchart", ("flowchart",)),
    ("uml", "UML", ("uml",)),
    ("er", "ER", ("entity relationship", "erd")),
    ("bpmn", "BPMN", ("bpmn",)),
    ("c4", "C4", ("c4",)),
    ("mockups", "Mockups", ("mockup", "wireframe", "ui")),
    ("orgchart", "Org chart", ("org chart", "organization")),
)

COMPASS: tuple[tuple[str, Vec], ...] = (
    ("n", Vec(0.0, -1.0)),
    ("e", Vec(1.0, 0.0)),
    ("s", Vec(0.0, 1.0)),
    ("w", Vec(-1.0, 0.0)),
)


class ShapeKind(Protocol):
    """What the renderer, routing and editor need to know about one kind of shape."""

    @property
    def name(self) -> str:
        """Return the key stored in files (kebab-case, never renamed)."""
        ...

    @property
    def title(self) -> str:
        """Return the label shown in the palette."""
        ...

    @property
    def library(self) -> Library:
        """Return the palette section the kind belongs to."""
        ...

    @property
    def default_size(self) -> tuple[float, float]:
        """Return (width, height) of a freshly dropped shape."""
        ...

    @property
    def keywords(self) -> tuple[str, ...]:
        """Return extra words palette search matches."""
        ...

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the silhouette as a closed polygon (last point joins the first)."""
        ...

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return named connection points on the outline, "n", "e", "s", "w" first."""
        ...

    def label_box(self, shape: Shape) -> Box:
        """Return where the label is laid out, before the style's text padding."""
        ...

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return geometry-only SVG nodes; the renderer's group supplies the style."""
        ...


_NONE: Final[Mapping[str, Any]] = MappingProxyType({})


def frozen(d: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """Return a read-only copy of ``d``."""
    return MappingProxyType(dict(d)) if d else _NONE


@dataclass(frozen=True, slots=True, kw_only=True)
class KindBase:
    """Palette data, what a new shape starts with, and default geometry: ports
    where the compass rays leave the outline.

    Subclasses implement ``outline`` and override the rest where they know
    better (exact ports, an inner label box, decoration in ``body``). The
    starting text, props and style fields are what a fresh shape of the kind
    gets (a UML class: a name, rows and a bold title; a BPMN event: its label
    below), read by ``linework.shapes.defaults``.
    """

    name: str
    title: str
    library: Library
    default_size: tuple[float, float]
    keywords: tuple[str, ...] = ()
    default_text: str = ""
    default_props: Mapping[str, Any] = field(default_factory=frozen)
    #: Style fields to override on the default style (``label_position`` …).
    default_style: Mapping[str, Any] = field(default_factory=frozen)

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the silhouette polygon (subclasses must override)."""
        raise NotImplementedError

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return "n", "e", "s", "w" where rays from the centre leave the outline."""
        return compass_ports(shape.box, self.outline(shape))

    def label_box(self, shape: Shape) -> Box:
        """Return the whole box."""
        return shape.box

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the outline as one closed path."""
        return (polygon_node(self.outline(shape)),)


def compass_ports(box: Box, outline: Sequence[Vec]) -> dict[str, Vec]:
    """Return the outermost crossings of the outline straight up, right, down, left.

    Falls back to the box edge midpoint if a ray finds no edge (degenerate box).
    """
    c = box.center
    half = Vec(box.w / 2, box.h / 2)
    out: dict[str, Vec] = {}
    for name, d in COMPASS:
        hit = farthest_hit(c, d, outline)
        out[name] = (
            hit if hit is not None else Vec(c.x + d.x * half.x, c.y + d.y * half.y)
        )
    return out


def side_ports(b: Box, south: float | None = None) -> dict[str, Vec]:
    """Return the four side midpoints; ``south`` moves "s" to that height."""
    c = b.center
    return {
        "n": Vec(c.x, b.y),
        "e": Vec(b.right, c.y),
        "s": Vec(c.x, b.bottom if south is None else south),
        "w": Vec(b.x, c.y),
    }


def rect_ports(box: Box, inset: float = 0.0) -> dict[str, Vec]:
    """Return the compass ports of a rectangle plus its corners.

    ``inset`` pulls each corner in along both axes, onto a rounded corner's arc.
    """
    x, y, r, b = box.x, box.y, box.right, box.bottom
    c = box.center
    return {
        "n": Vec(c.x, y),
        "e": Vec(r, c.y),
        "s": Vec(c.x, b),
        "w": Vec(x, c.y),
        "nw": Vec(x + inset, y + inset),
        "ne": Vec(r - inset, y + inset),
        "se": Vec(r - inset, b - inset),
        "sw": Vec(x + inset, b - inset),
    }


class BoxOutline:
    """Mix-in: the silhouette is the box, ports at edge midpoints and corners."""

    __slots__ = ()

    def outline(self, shape: Shape) -> tuple[Vec, ...]:
        """Return the box corners."""
        return shape.box.corners()

    def ports(self, shape: Shape) -> dict[str, Vec]:
        """Return edge midpoints and corners."""
        return rect_ports(shape.box)


@dataclass(frozen=True, slots=True, kw_only=True)
class BoxKind(BoxOutline, KindBase):
    """A kind whose silhouette is its box: box corners and rect ports.

    Text, images and icons; flowchart boxes with inner lines draw their own body.
    """


def polygon_d(points: Sequence[Vec]) -> str:
    """Return path data for a closed polygon.

    >>> polygon_d([Vec(0, 0), Vec(1, 0), Vec(0, 1)])
    'M0 0L1 0L0 1Z'
    """
    # What path_d makes of these commands, without building them.
    return (
        "".join(
            [
                ("L" if i else "M") + fmt(p.x) + " " + fmt(p.y)
                for i, p in enumerate(points)
            ]
        )
        + "Z"
    )


def polyline_d(*runs: Sequence[Vec]) -> str:
    """Return path data for open polylines (one ``M`` per run).

    >>> polyline_d([Vec(0, 0), Vec(1, 1)], [Vec(1, 0), Vec(0, 1)])
    'M0 0L1 1M1 0L0 1'
    """
    cmds: list[tuple[str, tuple[float, ...]]] = []
    for run in runs:
        cmds.extend(("L" if i else "M", (p.x, p.y)) for i, p in enumerate(run))
    return path_d(cmds)


def polygon_node(points: Sequence[Vec]) -> SvgNode:
    """Return a filled closed path through the points."""
    return node("path", d=polygon_d(points))


def box_rect(b: Box, **attrs: AttrValue | None) -> SvgNode:
    """Return a ``<rect>`` covering the box, then ``attrs`` (None ones left out)."""
    if not attrs:  # what node() builds, without its keyword handling
        return SvgNode(
            "rect", (("x", b.x), ("y", b.y), ("width", b.w), ("height", b.h))
        )
    return node("rect", text="", x=b.x, y=b.y, width=b.w, height=b.h, **attrs)


def image_node(b: Box, src: str) -> SvgNode:
    """Return an ``<image>`` of ``src`` fitted into the box, its aspect kept."""
    box = box_rect(b).attrs  # x, y, width, height
    return SvgNode(
        "image", (*box, ("href", src), ("preserveAspectRatio", "xMidYMid meet"))
    )


def diagonals(box: Box) -> tuple[tuple[Vec, Vec], tuple[Vec, Vec]]:
    """Return the box's two diagonals: the cross of a placeholder or a destruction."""
    return (
        (Vec(box.x, box.y), Vec(box.right, box.bottom)),
        (Vec(box.right, box.y), Vec(box.x, box.bottom)),
    )


def lines_node(*runs: Sequence[Vec]) -> SvgNode:
    """Return an unfilled path of decoration lines (stroked with the style)."""
    return node("path", d=polyline_d(*runs), fill="none")
