"""The default kinds, as an explicit tuple: the registry is data, not import effects.

The kinds are the rows of ``kinds.json`` (see ``linework.shapes.table``), built
by the classes of their modules. A kind that draws like an existing one is a
row there; a new look is a class in its module, named here or in its module's
tuple. Tests and embedders may build their own tuple and mapping and pass it
where ``kinds`` is accepted.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from linework.shapes.bpmn import BPMN_KINDS
from linework.shapes.c4 import C4_KINDS
from linework.shapes.cloud import CloudKind
from linework.shapes.container import ContainerKind
from linework.shapes.cylinder import CylinderKind
from linework.shapes.document import DocumentKind, MultiDocumentKind
from linework.shapes.ellipse import EllipseKind
from linework.shapes.er import ER_KINDS
from linework.shapes.floorplan import FLOORPLAN_KINDS
from linework.shapes.flowchart import (
    DelayKind,
    DisplayKind,
    InternalStorageKind,
    PredefinedProcessKind,
    StoredDataKind,
    TerminatorKind,
)
from linework.shapes.icon import IconKind
from linework.shapes.image import ImageKind
from linework.shapes.kind import KindBase, ShapeKind
from linework.shapes.mockup import MOCKUP_KINDS
from linework.shapes.note import NoteKind
from linework.shapes.orgchart import ORGCHART_KINDS
from linework.shapes.polygons import PolygonKind
from linework.shapes.rect import RECTANGLE, RectKind
from linework.shapes.star import StarKind
from linework.shapes.table import in_palette_order, table_kinds
from linework.shapes.text import TextKind
from linework.shapes.uml import UML_KINDS

#: The basic and flowchart kinds, each module drawing one or a few of them.
_SHAPES: Final[tuple[KindBase, ...]] = table_kinds(
    RectKind,
    EllipseKind,
    PolygonKind,
    StarKind,
    CylinderKind,
    CloudKind,
    NoteKind,
    TextKind,
    ImageKind,
    IconKind,
    ContainerKind,
    TerminatorKind,
    DocumentKind,
    MultiDocumentKind,
    PredefinedProcessKind,
    DelayKind,
    StoredDataKind,
    InternalStorageKind,
    DisplayKind,
)

#: Every built-in kind, in palette order (the order of kinds.json).
DEFAULT_KINDS: Final[tuple[ShapeKind, ...]] = in_palette_order(
    _SHAPES,
    UML_KINDS,
    ER_KINDS,
    BPMN_KINDS,
    C4_KINDS,
    FLOORPLAN_KINDS,
    MOCKUP_KINDS,
    ORGCHART_KINDS,
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
