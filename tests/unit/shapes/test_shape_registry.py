"""The registry: names are file format, so they are pinned here."""

from __future__ import annotations

from linework.shapes import DEFAULT_KINDS, FALLBACK_KIND, KINDS, ShapeKind, kind_of
from linework.shapes.polygons import DIAMOND
from linework.shapes.rect import RECTANGLE

BASIC = (
    "rectangle",
    "rounded-rectangle",
    "ellipse",
    "circle",
    "diamond",
    "triangle",
    "parallelogram",
    "trapezoid",
    "hexagon",
    "octagon",
    "star",
    "cross",
    "cylinder",
    "cloud",
    "note",
    "callout",
    "block-arrow",
    "text",
    "image",
    "icon",
    "container",
)
FLOWCHART = (
    "process",
    "decision",
    "terminator",
    "data",
    "document",
    "multi-document",
    "predefined-process",
    "manual-input",
    "manual-operation",
    "preparation",
    "delay",
    "stored-data",
    "internal-storage",
    "display",
    "on-page-connector",
    "off-page-connector",
    "merge",
    "extract",
    "or",
    "summing-junction",
    "swimlane",
)
UML = (
    "uml-class",
    "uml-interface",
    "uml-enumeration",
    "uml-package",
    "uml-component",
    "uml-node",
    "uml-note",
    "uml-actor",
    "uml-use-case",
    "uml-boundary",
    "uml-lifeline",
    "uml-fragment",
    "uml-destroy",
    "uml-state",
    "uml-initial",
    "uml-final",
    "uml-choice",
    "uml-fork",
    "uml-action",
)
ER = ("er-entity",)
BPMN = (
    "bpmn-start-event",
    "bpmn-start-message",
    "bpmn-start-timer",
    "bpmn-start-signal",
    "bpmn-intermediate-event",
    "bpmn-intermediate-message",
    "bpmn-intermediate-timer",
    "bpmn-intermediate-error",
    "bpmn-intermediate-signal",
    "bpmn-end-event",
    "bpmn-end-message",
    "bpmn-end-error",
    "bpmn-end-signal",
    "bpmn-end-terminate",
    "bpmn-task",
    "bpmn-user-task",
    "bpmn-service-task",
    "bpmn-script-task",
    "bpmn-send-task",
    "bpmn-receive-task",
    "bpmn-manual-task",
    "bpmn-sub-process",
    "bpmn-gateway-exclusive",
    "bpmn-gateway-parallel",
    "bpmn-gateway-inclusive",
    "bpmn-gateway-event-based",
    "bpmn-data-object",
    "bpmn-data-store",
    "bpmn-message",
)
C4 = (
    "c4-person",
    "c4-software-system",
    "c4-container",
    "c4-component",
    "c4-system-boundary",
    "c4-container-boundary",
)
FLOORPLAN = ("floorplan-wall-corner", "floorplan-wall-u")
MOCKUPS = (
    "mockup-browser",
    "mockup-phone",
    "mockup-navbar",
    "mockup-button",
    "mockup-input",
    "mockup-dropdown",
    "mockup-checkbox",
    "mockup-radio",
    "mockup-toggle",
    "mockup-slider",
    "mockup-tabs",
    "mockup-table",
    "mockup-image",
)
ORGCHART = ("person-card",)


def test_names_are_pinned() -> None:
    """Renaming, dropping or reordering a kind fails here: names are stored in files."""

    expected = BASIC + FLOWCHART + UML + ER + BPMN + C4 + FLOORPLAN + MOCKUPS + ORGCHART

    assert expected == tuple(k.name for k in DEFAULT_KINDS)


def test_libraries() -> None:
    """Each kind sits in the palette section the issue lists it under."""

    expected = (BASIC, FLOWCHART, UML, ER, BPMN, C4, FLOORPLAN, MOCKUPS, ORGCHART)

    actual = (
        tuple(k.name for k in DEFAULT_KINDS if k.library == "basic"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "flowchart"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "uml"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "er"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "bpmn"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "c4"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "floorplan"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "mockups"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "orgchart"),
    )
    assert expected == actual


def test_names_unique_and_mapping_matches() -> None:
    """KINDS maps every default kind by its (unique) name."""

    assert list(KINDS) == [k.name for k in DEFAULT_KINDS]
    assert all(KINDS[k.name] is k for k in DEFAULT_KINDS)


def test_palette_metadata() -> None:
    """Every kind has a title, a positive default size and lowercase keywords."""

    bad = [
        k.name
        for k in DEFAULT_KINDS
        if not k.title
        or min(k.default_size) <= 0
        or any(not w or w != w.lower() for w in k.keywords)
    ]

    assert bad == []


def test_unknown_kind_falls_back_to_rectangle() -> None:
    """A kind name from a newer version is drawn as a rectangle."""

    expected = (RECTANGLE, RECTANGLE)

    assert expected == (kind_of("hologram"), FALLBACK_KIND)


def test_kind_of_with_custom_registry() -> None:
    """A custom registry is honoured; it falls back to the built-in rectangle."""

    custom: dict[str, ShapeKind] = {"diamond": DIAMOND}

    expected = (DIAMOND, RECTANGLE)

    assert expected == (kind_of("diamond", custom), kind_of("star", custom))
