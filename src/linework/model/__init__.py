"""The document model: frozen records, typed ids, styles and patches."""

from linework.model.document import Document, PatchConflict
from linework.model.ids import IdSource
from linework.model.patch import Patch, Transaction
from linework.model.records import (
    EMPTY,
    ROUTINGS,
    Attached,
    Connector,
    ConnectorLabel,
    Element,
    End,
    Free,
    Grid,
    Group,
    JsonObject,
    Layer,
    Page,
    Record,
    Routing,
    Shape,
    frozen_map,
)
from linework.model.style import ARROWHEADS, DASHES, DEFAULT_STYLE, STYLE_FIELDS, Style

__all__ = [
    "ARROWHEADS",
    "DASHES",
    "DEFAULT_STYLE",
    "EMPTY",
    "ROUTINGS",
    "STYLE_FIELDS",
    "Attached",
    "Connector",
    "ConnectorLabel",
    "Document",
    "Element",
    "End",
    "Free",
    "Grid",
    "Group",
    "IdSource",
    "JsonObject",
    "Layer",
    "Page",
    "Patch",
    "PatchConflict",
    "Record",
    "Routing",
    "Shape",
    "Style",
    "Transaction",
    "frozen_map",
]
