"""draw.io's vocabulary: media type, limits, shape and arrow names, id prefixes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from linework.formats.drawio.uml_names import UML_KIND_HINTS, UML_SHAPE_KINDS
from linework.geometry import COMPASS_FRACTIONS

#: Where each named port sits in its shape's box, as fractions: the
#: ``exitX``/``exitY`` anchor draw.io keeps for it (draw.io has no ports).
PORT_ANCHORS: Final[Mapping[str, tuple[float, float]]] = COMPASS_FRACTIONS

MEDIA_TYPE: Final = "application/vnd.jgraph.mxfile"
#: Most bytes all compressed pages of one file may inflate to, together.
MAX_INFLATED: Final = 32 * 1024 * 1024
#: Coordinates and sizes are clamped to this magnitude (well inside the model's).
MAX_COORD: Final = 1_000_000.0
#: Space kept between the content and the page edge when the page is grown.
PAGE_MARGIN: Final = 40.0
#: Where an unmapped shape's draw.io name is kept, so export can restore it.
EXTRA_SHAPE_KEY: Final = "drawio_shape"
#: A draw.io style key Linework's export adds where draw.io's own shape only
#: approximates the kind (draw.io keeps unknown keys): ``lineworkKind=circle``
#: on an ``ellipse;aspect=fixed`` whose box is not square, which draw.io draws
#: as an oval filling the box and Linework as the circle inside it.
KIND_HINT_KEY: Final = "lineworkKind"
#: Kinds the hint may restore, each from the draw.io kind it is exported as.
KIND_HINTS: Final[dict[str, str]] = {"circle": "ellipse", **UML_KIND_HINTS}

CODE: Final = "LW-E0200"
ID_PREFIXES: Final = ("shape:", "conn:", "group:", "layer:", "page:")
SAFE_NAME: Final = re.compile(r"[A-Za-z0-9_.()\-]{1,200}")
PLACEHOLDER: Final = re.compile(r"%([A-Za-z0-9_]+)%")
GREMLINS: Final = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)
_SAFE_LINK_PREFIXES: Final = ("http://", "https://", "mailto:")
IMAGE_TYPES: Final = {
    "png": "png",
    "jpeg": "jpeg",
    "jpg": "jpeg",
    "gif": "gif",
    "webp": "webp",
}

#: draw.io shape names (``shape=`` values or bare style tokens) → Linework kinds.
SHAPE_KINDS: Final[Mapping[str, str]] = {
    "rect": "rectangle",
    "rectangle": "rectangle",
    "mxgraph.basic.rect": "rectangle",
    "label": "rectangle",
    "ext": "rectangle",
    "swimlane": "rectangle",
    "table": "rectangle",
    "tableRow": "rectangle",
    "partialRectangle": "rectangle",
    "line": "rectangle",
    "ellipse": "ellipse",
    "doubleEllipse": "ellipse",
    "rhombus": "diamond",
    "triangle": "triangle",
    "parallelogram": "parallelogram",
    "trapezoid": "trapezoid",
    "hexagon": "hexagon",
    "mxgraph.basic.octagon": "octagon",
    "mxgraph.basic.octagon2": "octagon",
    "mxgraph.basic.star": "star",
    "cross": "cross",
    "mxgraph.basic.cross2": "cross",
    "cylinder": "cylinder",
    "cylinder3": "cylinder",
    "datastore": "cylinder",
    "cloud": "cloud",
    "note": "note",
    "note2": "note",
    "callout": "callout",
    "mxgraph.basic.rectCallout": "callout",
    "singleArrow": "block-arrow",
    "mxgraph.arrows2.arrow": "block-arrow",
    "text": "text",
    "edgeLabel": "text",
    "image": "image",
    "process": "predefined-process",
    "document": "document",
    "offPageConnector": "off-page-connector",
    "dataStorage": "stored-data",
    "internalStorage": "internal-storage",
    "display": "display",
    "delay": "delay",
    "manualInput": "manual-input",
    "mxgraph.flowchart.process": "process",
    "mxgraph.flowchart.decision": "decision",
    "mxgraph.flowchart.terminator": "terminator",
    "mxgraph.flowchart.data": "data",
    "mxgraph.flowchart.document": "document",
    "mxgraph.flowchart.multi-document": "multi-document",
    "mxgraph.flowchart.predefined_process": "predefined-process",
    "mxgraph.flowchart.manual_input": "manual-input",
    "mxgraph.flowchart.manual_operation": "manual-operation",
    "mxgraph.flowchart.preparation": "preparation",
    "mxgraph.flowchart.delay": "delay",
    "mxgraph.flowchart.stored_data": "stored-data",
    "mxgraph.flowchart.internal_storage": "internal-storage",
    "mxgraph.flowchart.display": "display",
    "mxgraph.flowchart.on-page_reference": "on-page-connector",
    "mxgraph.flowchart.off-page_reference": "off-page-connector",
    "mxgraph.flowchart.merge_or_storage": "merge",
    "mxgraph.flowchart.extract_or_measurement": "extract",
    "mxgraph.flowchart.or": "or",
    "mxgraph.flowchart.summing_function": "summing-junction",
    "mxgraph.flowchart.start_1": "ellipse",
    "mxgraph.flowchart.start_2": "circle",
    "mxgraph.flowchart.database": "cylinder",
    **UML_SHAPE_KINDS,
}
#: draw.io arrow name → our arrowhead when filled, and when hollow (fill=0).
#: draw.io ignores the fill of open and ER arrows, so both entries agree there.
ARROWS: Final[Mapping[str, tuple[str, str]]] = {
    "classic": ("classic", "block-hollow"),
    "classicThin": ("classic", "block-hollow"),
    "block": ("block", "block-hollow"),
    "blockThin": ("block", "block-hollow"),
    "doubleBlock": ("block", "block-hollow"),
    "box": ("block", "block-hollow"),
    "open": ("open", "open"),
    "openThin": ("open", "open"),
    "openAsync": ("open", "open"),
    "async": ("open", "open"),
    "oval": ("circle", "circle-hollow"),
    "halfCircle": ("circle-hollow", "circle-hollow"),
    "circle": ("circle", "circle-hollow"),
    "circlePlus": ("circle-hollow", "circle-hollow"),
    "diamond": ("diamond", "diamond-hollow"),
    "diamondThin": ("diamond", "diamond-hollow"),
    "ERone": ("er-one", "er-one"),
    "ERmandOne": ("er-one", "er-one"),
    "ERmany": ("er-many", "er-many"),
    "ERzeroToOne": ("er-zero-or-one", "er-zero-or-one"),
    "ERoneToMany": ("er-one-or-many", "er-one-or-many"),
    "ERzeroToMany": ("er-zero-or-many", "er-zero-or-many"),
    "none": ("none", "none"),
    "": ("none", "none"),
    "dash": ("none", "none"),
    "cross": ("cross", "cross"),
    "baseDash": ("none", "none"),
}
ORTHOGONAL: Final = frozenset(
    {
        "orthogonalEdgeStyle",
        "elbowEdgeStyle",
        "segmentEdgeStyle",
        "entityRelationEdgeStyle",
        "sideToSideEdgeStyle",
        "topToBottomEdgeStyle",
    }
)


def fresh_id(base: str, used: set[str], resume: dict[str, int]) -> str:
    """Return ``base``, else ``base-2``, ``base-3``, … the first not in ``used``.

    The id is added to ``used``. ``resume`` keeps, per base, where the suffix
    search goes on, so many ids that clean to the same text cost linear time.
    """
    rid = base
    n = resume.get(base, 2)
    while rid in used:
        rid = f"{base}-{n}"
        n += 1
    resume[base] = n
    used.add(rid)
    return rid
