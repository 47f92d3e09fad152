"""draw.io's mockup and org chart shapes ↔ Linework's mockup kinds and person card.

Import: ``mxgraph.mockup.*`` shapes (and the phone stencils of the Android and
iOS libraries) become the mockup kinds; their parts that are plain boxes or
labels (``rrect``, ``anchor``, button bars) become rectangles and texts, so no
mockup cell stays unmapped. draw.io's ``label`` shape with an ``image`` (its
org chart card) becomes a person card carrying the picture.

Export writes each kind as draw.io's own equivalent (``KIND_SHAPES``) plus the
``lineworkKind`` hint and the kind's props as ``linework*`` keys (draw.io
keeps unknown keys), so Linework → draw.io → Linework gives the same kinds and
props back; a cell restyled in draw.io to another shape keeps the new shape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from linework.formats.drawio.names import KIND_HINT_KEY
from linework.formats.drawio.styles import image_src, style_image

#: Our kinds → the draw.io shape exported for them (its ``shape=`` value).
KIND_SHAPES: Final[Mapping[str, str]] = {
    "mockup-browser": "mxgraph.mockup.containers.browserWindow",
    "mockup-phone": "mxgraph.android.phone2",
    "mockup-navbar": "mxgraph.mockup.forms.rrect",
    "mockup-button": "mxgraph.mockup.buttons.button",
    "mockup-input": "mxgraph.mockup.forms.pwField",
    "mockup-dropdown": "mxgraph.mockup.forms.comboBox",
    "mockup-checkbox": "mxgraph.mockup.forms.rrect",
    "mockup-radio": "mxgraph.mockup.forms.rrect",
    "mockup-toggle": "mxgraph.mockup.buttons.onOffButton",
    "mockup-slider": "mxgraph.mockup.forms.horSlider",
    "mockup-tabs": "mxgraph.mockup.containers.marginRect2",
    "mockup-table": "table",
    "mockup-image": "mxgraph.mockup.graphics.simpleIcon",
    "person-card": "label",
}

#: draw.io shape names → our kinds (the widgets and devices).
SHAPE_KINDS: Final[Mapping[str, str]] = {
    "mxgraph.mockup.containers.browserWindow": "mockup-browser",
    "mxgraph.mockup.containers.window": "mockup-browser",
    "mxgraph.android.phone2": "mockup-phone",
    "mxgraph.ios.iPhone": "mockup-phone",
    "mxgraph.ios7.misc.iphone": "mockup-phone",
    "mxgraph.mockup.buttons.button": "mockup-button",
    "mxgraph.mockup.buttons.multiButton": "mockup-button",
    "mxgraph.mockup.buttons.onOffButton": "mockup-toggle",
    "mxgraph.mockup.forms.pwField": "mockup-input",
    "mxgraph.mockup.forms.searchBox": "mockup-input",
    "mxgraph.mockup.forms.spinner": "mockup-input",
    "mxgraph.mockup.forms.comboBox": "mockup-dropdown",
    "mxgraph.mockup.forms.checkbox": "mockup-checkbox",
    "mxgraph.mockup.forms.checkboxGroup": "mockup-checkbox",
    "mxgraph.mockup.forms.radioButton": "mockup-radio",
    "mxgraph.mockup.forms.radioGroup": "mockup-radio",
    "mxgraph.mockup.forms.horSlider": "mockup-slider",
    "mxgraph.mockup.misc.volumeSlider": "mockup-slider",
    "mxgraph.mockup.misc.progressBar": "mockup-slider",
    "mxgraph.mockup.navigation.scrollBar": "mockup-slider",
    "mxgraph.mockup.containers.marginRect2": "mockup-tabs",
    "mxgraph.mockup.containers.horTabBar": "mockup-tabs",
    "mxgraph.mockup.containers.verTabBar": "mockup-tabs",
    "mxgraph.mockup.forms.listBox": "mockup-table",
    "mxgraph.mockup.graphics.simpleIcon": "mockup-image",
    "mxgraph.mockup.graphics.iconGrid": "mockup-image",
    "mxgraph.mockup.containers.videoPlayer": "mockup-image",
    "mxgraph.mockup.misc.map": "mockup-image",
}

#: draw.io's icon grid mock-up: our image placeholder with ``columns`` and ``rows``.
ICON_GRID: Final = "mxgraph.mockup.graphics.iconGrid"
#: The most boxes an icon grid has across or down (as a table's grid).
_MAX_GRID: Final = 50

#: Parts of composite mockups that are plain boxes: a rectangle each.
_BOX_PARTS: Final = re.compile(
    r"mxgraph\.mockup\.(?:\w+\.)?(?:rrect|uRect|marginRect|topButton|bottomButton"
    r"|leftButton|rightButton|splitter|line|curlyBrace)"
)
#: Parts that only carry a label: a text each.
_TEXT_PARTS: Final = re.compile(r"mxgraph\.mockup\.(?:\w+\.)?(?:anchor|text\.\w+)")

#: Prop name ↔ draw.io style key (values: ``1``/``0``, numbers, words).
_PROP_KEYS: Final[Mapping[str, str]] = {
    "theme": "lineworkTheme",
    "checked": "lineworkChecked",
    "value": "lineworkValue",
    "tabs": "lineworkTabs",
    "active": "lineworkActive",
    "rows": "lineworkRows",
    "columns": "lineworkColumns",
}
_INT_PROPS: Final = frozenset({"tabs", "active", "rows", "columns"})


def _number(raw: str, lo: float, hi: float) -> float | None:
    try:
        v = float(raw)
    except ValueError:
        return None
    if v != v:  # NaN
        return None
    return max(lo, min(hi, v))


def _props_from(style: Mapping[str, str]) -> dict[str, Any]:
    """Read the ``linework*`` keys an export wrote (bounded, typed)."""
    props: dict[str, Any] = {}
    for name, key in _PROP_KEYS.items():
        raw = style.get(key)
        if raw is None:
            continue
        if name == "theme":
            if raw in ("dark", "light"):
                props[name] = raw
        elif name == "checked":
            props[name] = raw == "1"
        elif name in _INT_PROPS:
            v = _number(raw, 0, 50)
            if v is not None:
                props[name] = int(v)
        else:
            v = _number(raw, 0.0, 1.0)
            if v is not None:
                props[name] = v
    return props


def drawio_kind(
    shape: str, style: Mapping[str, str]
) -> tuple[str, dict[str, Any]] | None:
    """Return the kind and props a draw.io cell imports as, or None if not ours.

    ``shape`` is the cell's ``shape=`` value (or its bare first style token).
    """
    hinted = style.get(KIND_HINT_KEY, "")
    if hinted in KIND_SHAPES and KIND_SHAPES[hinted] == shape:
        props = _props_from(style)
        if hinted == "person-card":
            src = image_src(style.get("image"))
            if src is not None:
                props["src"] = src
        return hinted, props
    if shape == ICON_GRID:
        return "mockup-image", _grid_props(style)
    kind = SHAPE_KINDS.get(shape)
    if kind is not None:
        return kind, _native_props(kind, style)
    if shape == "label" and style.get("image"):
        src = image_src(style.get("image"))
        return "person-card", ({"src": src} if src is not None else {})
    if _BOX_PARTS.fullmatch(shape):
        return "rectangle", {}
    if _TEXT_PARTS.fullmatch(shape):
        return "text", {}
    return None


def _grid_props(style: Mapping[str, str]) -> dict[str, Any]:
    """Read an icon grid's ``gridSize`` ("columns,rows"; draw.io's default 3,3)."""
    cols, _, rows = style.get("gridSize", "3,3").partition(",")
    out = {}
    for name, raw in (("columns", cols), ("rows", rows)):
        v = _number(raw.strip(), 1, _MAX_GRID)
        out[name] = int(v) if v is not None else 3
    return out


def _grid_count(v: object) -> int:
    """Return an icon grid's count as the file may hold it (1 if unset or bad)."""
    if isinstance(v, bool) or not isinstance(v, int | float) or v != v:
        return 1
    return int(max(1, min(_MAX_GRID, v)))


def _native_props(kind: str, style: Mapping[str, str]) -> dict[str, Any]:
    """Read what draw.io's own keys say (a switch's state, a slider's place)."""
    if kind == "mockup-toggle":
        return {"checked": style.get("buttonState", "on") == "on"}
    if kind == "mockup-slider":
        raw = style.get("sliderPos") or style.get("barPos")
        v = _number(raw, 0.0, 100.0) if raw else None
        return {"value": v / 100} if v is not None else {}
    return {}


def export_pairs(kind: str, props: Mapping[str, Any]) -> list[tuple[str, str]] | None:
    """Return the draw.io style pairs of one of our kinds, or None if not ours."""
    shape = KIND_SHAPES.get(kind)
    if shape is None:
        return None
    grid = kind == "mockup-image" and ("columns" in props or "rows" in props)
    if grid:  # draw.io draws the icon grid itself
        shape = ICON_GRID
    pairs = [("shape", shape), (KIND_HINT_KEY, kind)]
    for name, key in _PROP_KEYS.items():
        v = props.get(name)
        if name == "theme" and v in ("dark", "light"):
            pairs.append((key, str(v)))
        elif name == "checked" and isinstance(v, bool):
            pairs.append((key, "1" if v else "0"))
        elif isinstance(v, int | float) and not isinstance(v, bool):
            pairs.append((key, str(int(v)) if name in _INT_PROPS else repr(float(v))))
    if kind == "mockup-toggle":
        pairs.append(("buttonState", "on" if props.get("checked") is True else "off"))
    if kind == "mockup-slider":
        v = props.get("value", 0.5)
        if isinstance(v, int | float) and not isinstance(v, bool):
            pairs.append(
                ("sliderPos", repr(round(max(0.0, min(1.0, float(v))) * 100, 3)))
            )
    if grid:
        c, r = (_grid_count(props.get(n)) for n in ("columns", "rows"))
        pairs.append(("gridSize", f"{c},{r}"))
    if kind == "person-card":
        src = props.get("src")
        uri = style_image(src) if isinstance(src, str) else None
        pairs += [("rounded", "1"), ("imageAlign", "left"), ("imageWidth", "48")]
        pairs.append(("imageHeight", "48"))
        if uri is not None:
            pairs.append(("image", uri))
    return pairs
