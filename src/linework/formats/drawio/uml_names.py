"""draw.io's UML and ER shape names and the kinds they read as (see ``drawio.uml``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

#: draw.io shape names → UML and ER kinds.
UML_SHAPE_KINDS: Final[Mapping[str, str]] = {
    "umlActor": "uml-actor",
    "mxgraph.uml.actor": "uml-actor",
    "umlLifeline": "uml-lifeline",
    "umlFrame": "uml-fragment",
    "umlDestroy": "uml-destroy",
    "startState": "uml-initial",
    "endState": "uml-final",
    "folder": "uml-package",
    "mxgraph.sysml.package": "uml-package",
    "mxgraph.uml.package": "uml-package",
    "component": "uml-component",
    "module": "uml-component",
    "mxgraph.uml.component": "uml-component",
    "cube": "uml-node",
    "mxgraph.uml.node": "uml-node",
    "umlState": "uml-state",
    "mxgraph.er.entity": "er-entity",
}
#: Kinds restored from ``lineworkKind``, each from the kind its draw.io style reads as.
UML_KIND_HINTS: Final[Mapping[str, str]] = {
    "uml-use-case": "ellipse",
    "uml-state": "rectangle",
    "uml-action": "rectangle",
    "uml-boundary": "rectangle",
    "uml-fork": "rectangle",
    "uml-choice": "diamond",
    "uml-note": "note",
}

__all__ = ["UML_KIND_HINTS", "UML_SHAPE_KINDS"]
