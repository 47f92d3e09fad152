"""Connector presets: the lines a notation draws (UML relations, ER cardinalities,
BPMN flows, C4 relationships), one table for the editor's two preset actions.

A preset is a set of connector style fields (arrowheads, dash, line width):
``set-relation`` and ``connector-preset`` apply one to the selected connectors
in one undo step (with nothing selected, to the connectors drawn next). A file
keeps no preset name: a sequence flow is a solid line with a filled head,
wherever it came from. The UML heads get a 2-unit line, so hollow triangles and
diamonds come out 11 units long: legible at 100 %; the BPMN and C4 lines keep
the width they have.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final


def _p(
    title: str, start: str, end: str, dash: str = "solid", width: float | None = 1.5
) -> Mapping[str, Any]:
    fields: dict[str, Any] = {"start_arrow": start, "end_arrow": end, "dash": dash}
    if width is not None:
        fields["stroke_width"] = width
    return MappingProxyType({"title": title, "fields": MappingProxyType(fields)})


#: Preset name → its title and style fields, in menu order.
RELATIONS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        "association": _p("Association", "none", "none"),
        "directed-association": _p("Directed association", "none", "open"),
        "aggregation": _p("Aggregation", "diamond-hollow", "none", width=2.0),
        "composition": _p("Composition", "diamond", "none", width=2.0),
        "generalization": _p("Generalization", "none", "block-hollow", width=2.0),
        "realization": _p("Realization", "none", "block-hollow", "dashed", 2.0),
        "dependency": _p("Dependency", "none", "open", "dashed"),
        "message": _p("Message", "none", "block"),
        "reply": _p("Reply", "none", "open", "dashed"),
        "er-one-to-one": _p("One to one", "er-one", "er-one"),
        "er-one-to-many": _p("One to many", "er-one", "er-one-or-many"),
        "er-one-to-zero-or-many": _p(
            "One to zero or many", "er-one", "er-zero-or-many"
        ),
        "er-zero-or-one-to-many": _p(
            "Zero or one to many", "er-zero-or-one", "er-zero-or-many"
        ),
        "er-many-to-many": _p("Many to many", "er-many", "er-many"),
        # BPMN: the order of activities.
        "bpmn-sequence-flow": _p("BPMN sequence flow", "none", "block", width=None),
        # BPMN: messages between pools, dashed from a small circle to an open head.
        "bpmn-message-flow": _p(
            "BPMN message flow", "circle-hollow", "block-hollow", "dashed", None
        ),
        # BPMN: data and annotations, dotted and without heads.
        "bpmn-association": _p("BPMN association", "none", "none", "dotted", None),
        # C4: a relationship, dashed with a filled head.
        "c4-relationship": _p("C4 relationship", "none", "classic", "dashed", None),
    }
)
