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

    expected = BASIC + FLOWCHART + MOCKUPS + ORGCHART

    assert expected == tuple(k.name for k in DEFAULT_KINDS)


def test_libraries() -> None:
    """Each kind sits in the palette section the issue lists it under."""

    expected = (BASIC, FLOWCHART, MOCKUPS, ORGCHART)

    actual = (
        tuple(k.name for k in DEFAULT_KINDS if k.library == "basic"),
        tuple(k.name for k in DEFAULT_KINDS if k.library == "flowchart"),
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
