"""The default kinds, as an explicit tuple: the registry is data, not import effects.

Adding a kind is adding its module and one entry here. Tests and embedders may
build their own tuple and mapping and pass it where ``kinds`` is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from linework.shapes.bpmn import BPMN_KINDS
from linework.shapes.c4 import C4_KINDS
from linework.shapes.cloud import CLOUD
from linework.shapes.container import CONTAINER, SWIMLANE
from linework.shapes.cylinder import CYLINDER
from linework.shapes.document import DOCUMENT, MULTI_DOCUMENT
from linework.shapes.ellipse import (
    CIRCLE,
    ELLIPSE,
    ON_PAGE_CONNECTOR,
    OR,
    SUMMING_JUNCTION,
)
from linework.shapes.er import ER_KINDS
from linework.shapes.floorplan import FLOORPLAN_KINDS
from linework.shapes.flowchart import (
    DELAY,
    DISPLAY,
    INTERNAL_STORAGE,
    PREDEFINED_PROCESS,
    STORED_DATA,
    TERMINATOR,
)
from linework.shapes.icon import ICON
from linework.shapes.image import IMAGE
from linework.shapes.kind import ShapeKind
from linework.shapes.mockup import MOCKUP_KINDS
from linework.shapes.note import NOTE
from linework.shapes.orgchart import ORGCHART_KINDS
from linework.shapes.polygons import (
    BLOCK_ARROW,
    CALLOUT,
    CROSS,
    DATA,
    DECISION,
    DIAMOND,
    EXTRACT,
    HEXAGON,
    MANUAL_INPUT,
    MANUAL_OPERATION,
    MERGE,
    OCTAGON,
    OFF_PAGE_CONNECTOR,
    PARALLELOGRAM,
    PREPARATION,
    TRAPEZOID,
    TRIANGLE,
)
from linework.shapes.rect import PROCESS, RECTANGLE, ROUNDED_RECTANGLE
from linework.shapes.star import STAR
from linework.shapes.text import TEXT
from linework.shapes.uml import UML_KINDS

#: Every built-in kind, in palette order (basic, flowchart, UML, ER, BPMN, C4).
DEFAULT_KINDS: Final[tuple[ShapeKind, ...]] = (
    RECTANGLE,
    ROUNDED_RECTANGLE,
    ELLIPSE,
    CIRCLE,
    DIAMOND,
    TRIANGLE,
    PARALLELOGRAM,
    TRAPEZOID,
    HEXAGON,
    OCTAGON,
    STAR,
    CROSS,
    CYLINDER,
    CLOUD,
    NOTE,
    CALLOUT,
    BLOCK_ARROW,
    TEXT,
    IMAGE,
    ICON,
    CONTAINER,
    PROCESS,
    DECISION,
    TERMINATOR,
    DATA,
    DOCUMENT,
    MULTI_DOCUMENT,
    PREDEFINED_PROCESS,
    MANUAL_INPUT,
    MANUAL_OPERATION,
    PREPARATION,
    DELAY,
    STORED_DATA,
    INTERNAL_STORAGE,
    DISPLAY,
    ON_PAGE_CONNECTOR,
    OFF_PAGE_CONNECTOR,
    MERGE,
    EXTRACT,
    OR,
    SUMMING_JUNCTION,
    SWIMLANE,
    *UML_KINDS,
    *ER_KINDS,
    *BPMN_KINDS,
    *C4_KINDS,
    *FLOORPLAN_KINDS,
    *MOCKUP_KINDS,
    *ORGCHART_KINDS,
)

#: The default kinds by name (read-only).
KINDS: Final[Mapping[str, ShapeKind]] = MappingProxyType(
    {k.name: k for k in DEFAULT_KINDS}
)

#: What unknown kind names (say, from a newer version's file) are drawn as.
FALLBACK_KIND: Final[ShapeKind] = RECTANGLE


def kind_of(name: str, kinds: Mapping[str, ShapeKind] = KINDS) -> ShapeKind:
    """Return the kind called ``name``, or the rectangle if there is none.

    Unknown names come from files written by newer versions; drawing them as
    rectangles keeps the diagram usable and the record (with its name) intact.

    >>> kind_of("diamond").title, kind_of("hologram").name
    ('Diamond', 'rectangle')
    """
    found = kinds.get(name)
    if found is not None:
        return found
    return kinds.get(FALLBACK_KIND.name, FALLBACK_KIND)
