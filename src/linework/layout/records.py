"""What a layout takes and gives: nodes, edges, clusters, routes; shared constants."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal

from linework.geometry import Box, Vec

Direction = Literal["TB", "BT", "LR", "RL"]
DIRECTIONS: Final[tuple[Direction, ...]] = ("TB", "BT", "LR", "RL")

CLUSTER_PAD: Final = 16.0
LOOP_REACH: Final = 24.0
LABEL_MARGIN: Final = 10.0
MAX_DUMMIES: Final = 20_000  # beyond this, long edges go unsplit (bounded time)
MAX_HOLDERS: Final = 20_000  # beyond this, cluster borders skip empty layers
BACK_FRACTION: Final = 0.75
EPS: Final = 1e-6

NODE, DUMMY, HOLDER = 0, 1, 2
# Port names of the rank-start, rank-end, cross-start and cross-end sides.
PORTS: Final[dict[str, tuple[str, str, str, str]]] = {
    "TB": ("n", "s", "w", "e"),
    "BT": ("s", "n", "w", "e"),
    "LR": ("w", "e", "n", "s"),
    "RL": ("e", "w", "n", "s"),
}


@dataclass(frozen=True, slots=True)
class LayoutNode:
    """A box to place: its id, size (page units) and innermost cluster."""

    id: str
    width: float
    height: float
    cluster: str | None = None


@dataclass(frozen=True, slots=True)
class LayoutEdge:
    """A directed edge; ``minlen`` layers apart at least, label size reserved.

    ``routed=False`` edges shape the layering only (Mermaid's invisible links).
    """

    source: str
    target: str
    minlen: int = 1
    label_width: float = 0.0
    label_height: float = 0.0
    routed: bool = True


@dataclass(frozen=True, slots=True)
class LayoutCluster:
    """A subgraph drawn as a box around its members, titled at its top."""

    id: str
    parent: str | None = None
    title_width: float = 0.0
    title_height: float = 0.0


@dataclass(frozen=True, slots=True)
class EdgeRoute:
    """Where an edge leaves and enters its boxes, and the bends in between.

    Anchors are fractions of the end boxes; ``*_port`` names the side ("n",
    "e", "s", "w") when the anchor is that side's midpoint.
    """

    source_anchor: Vec
    target_anchor: Vec
    source_port: str | None
    target_port: str | None
    waypoints: tuple[Vec, ...]


@dataclass(frozen=True, slots=True)
class Layout:
    """The placed boxes (top-left at or after the origin) and edge routes.

    ``routes`` lines up with the input edges; an entry is None when the edge is
    not routed or names an unknown node.
    """

    boxes: Mapping[str, Box]
    clusters: Mapping[str, Box]
    routes: tuple[EdgeRoute | None, ...]
    width: float
    height: float
    crossings: int


def even(size: float) -> float:
    """Round a size up to an even whole number (at least 2).

    With even sizes and whole-number centres every box edge, port and waypoint
    is an exact number, so ports and the bends under them line up exactly.
    """
    if not size > 0 or size != size:
        return 2.0
    return float(2 * math.ceil(min(size, 1e6) / 2 - 1e-9))
