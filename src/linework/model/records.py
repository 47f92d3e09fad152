"""The records a document is made of: pages, layers, shapes, connectors, groups.

Records are frozen values; change one with ``dataclasses.replace``. Everything
that belongs to a page says so with ``page``, and elements paint in
``(layer order, z, id)`` order, so a reorder touches only the moved records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal, TypeAlias

from linework.geometry import Box, Vec
from linework.model.rich import RichText
from linework.model.style import DEFAULT_STYLE, Style

JsonObject: TypeAlias = Mapping[str, Any]
EMPTY: Final[JsonObject] = MappingProxyType({})
Routing = Literal["straight", "orthogonal", "curved"]
ORIGIN: Final = Vec(0.0, 0.0)
ROUTINGS: Final[tuple[Routing, ...]] = ("straight", "orthogonal", "curved")
#: The ``extra`` key of an element naming the container shape it belongs to
#: (file format 1.1): it moves, copies and deletes with that container.
CONTAINER_KEY: Final = "container"


def _empty() -> JsonObject:
    return EMPTY


def frozen_map(d: Mapping[str, Any] | None = None) -> JsonObject:
    """Return a read-only copy of ``d`` (the empty map is shared)."""
    return MappingProxyType(dict(d)) if d else EMPTY


@dataclass(frozen=True, slots=True, kw_only=True)
class Grid:
    """The page grid: spacing in page units, whether it shows, whether moves snap."""

    size: float = 10.0
    visible: bool = True
    snap: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A page: its own canvas size, background and grid; order among pages is ``z``."""

    id: str
    name: str
    z: int = 0
    width: float = 1100.0
    height: float = 850.0
    background: str = "#ffffff"
    grid: Grid = field(default_factory=Grid)
    extra: JsonObject = field(default_factory=_empty)


@dataclass(frozen=True, slots=True, kw_only=True)
class Layer:
    """A layer of a page: elements of lower layers paint first."""

    id: str
    page: str
    name: str
    z: int = 0
    visible: bool = True
    locked: bool = False
    extra: JsonObject = field(default_factory=_empty)


@dataclass(frozen=True, slots=True, kw_only=True)
class Shape:
    """A node of the diagram: ``kind`` names its ShapeKind (outline, ports, label box).

    ``props`` holds per-kind data such as an image's data URI or a star's point count.
    ``rich`` holds the label's runs when it has formatting (``text`` is then its
    plain text; see :mod:`linework.model.rich`).
    """

    id: str
    page: str
    layer: str
    parent: str | None = None
    z: int = 0
    kind: str = "rectangle"
    box: Box
    rotation_deg: float = 0.0
    style: Style = DEFAULT_STYLE
    text: str = ""
    rich: RichText | None = None
    link: str = ""
    props: JsonObject = field(default_factory=_empty)
    #: The element itself may not be moved or edited (its layer or a group
    #: holding it can lock it too: ``commands.is_locked``).
    locked: bool = False
    extra: JsonObject = field(default_factory=_empty)


@dataclass(frozen=True, slots=True, kw_only=True)
class Attached:
    """A connector end fixed to a shape.

    ``port`` names one of the shape's ports; ``anchor`` is a fixed point in the
    shape's box as fractions (0..1); with neither, the end floats on the outline
    towards the other end.
    """

    shape: str
    port: str | None = None
    anchor: Vec | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Free:
    """A connector end at a point of the page."""

    point: Vec


End: TypeAlias = Attached | Free


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectorLabel:
    """Text along a connector: ``position`` 0..1 along the path, ``offset`` from it.

    ``rich``: the label's runs when it has formatting (as ``Shape.rich``).
    """

    text: str
    rich: RichText | None = None
    position: float = 0.5
    offset: Vec = ORIGIN


@dataclass(frozen=True, slots=True, kw_only=True)
class Connector:
    """An edge between two ends, routed through optional waypoints."""

    id: str
    page: str
    layer: str
    parent: str | None = None
    z: int = 0
    source: End
    target: End
    waypoints: tuple[Vec, ...] = ()
    routing: Routing = "orthogonal"
    style: Style = DEFAULT_STYLE
    labels: tuple[ConnectorLabel, ...] = ()
    locked: bool = False
    extra: JsonObject = field(default_factory=_empty)


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """Elements that select and move together; members point here via ``parent``."""

    id: str
    page: str
    layer: str
    parent: str | None = None
    z: int = 0
    #: Locks the group and, through it, its members.
    locked: bool = False
    extra: JsonObject = field(default_factory=_empty)


Element: TypeAlias = Shape | Connector | Group
Record: TypeAlias = Page | Layer | Shape | Connector | Group
