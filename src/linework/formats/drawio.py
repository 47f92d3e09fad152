"""draw.io import: ``.drawio``/``.xml``/``.dio``, ``.drawio.svg`` and ``.drawio.png``.

A draw.io file is an ``<mxfile>`` of ``<diagram>`` pages, each an ``<mxGraphModel>``
(or the same XML compressed: base64 of raw deflate of the URL-encoded text). Its
cells are flat and name their parent: the root cell's children are layers, and
the geometry of a cell inside a group or container is relative to that parent.
See ``shared/FORMATS.md`` for the facts this module relies on.

Hostile files are expected. XML goes through ``xmlsafe`` (no DTDs or entities,
depth checked by a linear scan first), decompression is capped, parent chains are
walked iteratively with cycles and missing ids broken, numbers are clamped, links
other than http(s)/mailto are dropped and HTML labels become plain text.

Ids are derived from draw.io ids (``shape:<cell id>``), so they are deterministic
and a file exported by ``drawio_export`` reads back with the same ids.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import html
import json
import math
import re
import urllib.parse
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Final

from linework.errors import LineworkError
from linework.formats import htmltext, limits, mermaid, png, stencils, xmlsafe
from linework.formats.colours import NAMED_COLOURS
from linework.formats.imports import ImportResult, unmapped_warning
from linework.geometry import Box, Vec, rotate_about
from linework.geometry.fmt import rounded
from linework.links import safe_link
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    End,
    Free,
    Grid,
    Group,
    LabelPosition,
    Layer,
    Page,
    Record,
    Routing,
    Shape,
    Style,
    frozen_map,
)

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
KIND_HINTS: Final[dict[str, str]] = {"circle": "ellipse"}

_CODE: Final = "LW-E0200"
_ID_PREFIXES: Final = ("shape:", "conn:", "group:", "layer:", "page:")
_SAFE_NAME: Final = re.compile(r"[A-Za-z0-9_.()\-]{1,200}")
_PLACEHOLDER: Final = re.compile(r"%([A-Za-z0-9_]+)%")
_GREMLINS: Final = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]
)
_SAFE_LINK_PREFIXES: Final = ("http://", "https://", "mailto:")
_IMAGE_TYPES: Final = {
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
}
#: draw.io arrow name → our arrowhead when filled, and when hollow (fill=0).
#: draw.io ignores the fill of open and ER arrows, so both entries agree there.
_ARROWS: Final[Mapping[str, tuple[str, str]]] = {
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
_ORTHOGONAL: Final = frozenset(
    {
        "orthogonalEdgeStyle",
        "elbowEdgeStyle",
        "segmentEdgeStyle",
        "entityRelationEdgeStyle",
        "sideToSideEdgeStyle",
        "topToBottomEdgeStyle",
    }
)


# --------------------------------------------------------------------------- cells
@dataclass(slots=True)
class _Geo:
    """An ``mxGeometry``: numbers already parsed, clamped and finite."""

    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    relative: bool = False
    points: list[Vec] = field(default_factory=list)
    source_point: Vec | None = None
    target_point: Vec | None = None
    offset: Vec | None = None


@dataclass(slots=True)
class _Cell:
    """One ``mxCell`` with its ``UserObject``/``object`` wrapper folded in."""

    id: str
    order: int
    parent: str | None
    style: dict[str, str]
    names: tuple[str, ...]
    vertex: bool
    edge: bool
    source: str | None
    target: str | None
    label: str
    attrs: dict[str, str]
    placeholders: bool
    link: str
    visible: bool
    geo: _Geo


class _Report:
    """Counts what the user should hear about, worded once at the end."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.unmapped_names: dict[str, int] = {}
        #: Mermaid source characters the file's Mermaid cells may still use.
        self.mermaid_budget = mermaid.MAX_SOURCE_BYTES
        self.mermaid_warnings: list[str] = []

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def warnings(self) -> tuple[str, ...]:
        c = self.counts
        out = []
        note = unmapped_warning(self.unmapped_names)
        if note:
            out.append(note)
        out.extend(dict.fromkeys(self.mermaid_warnings))
        messages = {
            "clamped": "{} number(s) were not finite or too large and were clamped.",
            "missing_parent": "{} cell(s) named a missing parent; "
            "they were put on the first layer.",
            "cycle": "{} cell(s) were their own ancestor; the cycle was broken.",
            "loose_end": "{} connector end(s) were not attached to a shape and "
            "were left free.",
            "no_ends": "{} connector(s) had no ends to place and were skipped.",
            "links": "{} link(s) were dropped: only http, https and mailto "
            "links are kept.",
            "arrows": "{} arrowhead(s) of unknown kinds became classic arrows.",
            "group_depth": "{} group(s) nested too deeply were flattened.",
            "truncated": "{} label(s) were too long and were cut.",
            "waypoints": "{} connector(s) had too many waypoints; some were dropped.",
            "labels": "{} connector(s) had too many labels; some were dropped.",
            "hidden": "{} hidden cell(s) are shown.",
            "mermaid_unmapped": "{} Mermaid node(s) have no Linework shape and "
            "are drawn as rectangles.",
            "shifted": "{} page(s) had content left of or above the page origin; "
            "it was moved onto the page.",
        }
        for key, text in messages.items():
            if c.get(key):
                out.append(text.format(c[key]))
        return tuple(out)


def _number(raw: str | None, report: _Report, default: float = 0.0) -> float:
    """Parse a draw.io number; junk gives ``default``, huge or infinite is clamped."""
    if raw is None:
        return default
    try:
        x = float(raw)
    except ValueError:
        return default
    if math.isnan(x):
        report.add("clamped")
        return default
    if not -MAX_COORD <= x <= MAX_COORD:
        report.add("clamped")
        return math.copysign(MAX_COORD, x)
    return x


def _point(el: ET.Element, report: _Report) -> Vec:
    return Vec(_number(el.get("x"), report), _number(el.get("y"), report))


def _parse_style(raw: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Split ``key=value;token;…`` into a dict and the bare tokens, in order."""
    values: dict[str, str] = {}
    names: list[str] = []
    for part in raw.split(";"):
        key, eq, value = part.partition("=")
        key = key.strip()
        if not key:
            continue
        if eq:
            values[key] = value.strip()
        else:
            names.append(key)
    return values, tuple(names)


def _geometry(cell: ET.Element, report: _Report) -> _Geo:
    geo = _Geo()
    g = next(
        (
            c
            for c in cell
            if c.tag == "mxGeometry" and c.get("as", "geometry") == "geometry"
        ),
        None,
    )
    if g is None:
        return geo
    geo.x = _number(g.get("x"), report)
    geo.y = _number(g.get("y"), report)
    geo.w = _number(g.get("width"), report)
    geo.h = _number(g.get("height"), report)
    geo.relative = g.get("relative") == "1"
    for child in g:
        role = child.get("as")
        if child.tag == "mxPoint":
            if role == "sourcePoint":
                geo.source_point = _point(child, report)
            elif role == "targetPoint":
                geo.target_point = _point(child, report)
            elif role == "offset":
                geo.offset = _point(child, report)
        elif child.tag == "Array" and role == "points":
            geo.points = [_point(p, report) for p in child if p.tag == "mxPoint"]
    return geo


def _cells(model: ET.Element, report: _Report, budget: list[int]) -> list[_Cell]:
    """Read the flat cell list of an ``mxGraphModel``, wrappers folded in."""
    root = next((c for c in model if c.tag == "root"), None)
    if root is None:
        return []
    out: list[_Cell] = []
    for order, el in enumerate(root):
        budget[0] -= 1
        if budget[0] < 0:
            raise LineworkError(
                "LW-E0105", f"The limit is {limits.MAX_ELEMENTS:,} elements."
            )
        if el.tag == "mxCell":
            cell, wrapper = el, None
        else:
            inner = next((c for c in el if c.tag == "mxCell"), None)
            if inner is None:
                continue
            cell, wrapper = inner, el
        style, names = _parse_style(cell.get("style") or "")
        attrs: dict[str, str] = {}
        if wrapper is not None:
            attrs = {
                k: v
                for k, v in wrapper.attrib.items()
                if k not in ("id", "label", "placeholders", "link", "tooltip")
            }
            label = wrapper.get("label") or ""
            cid = wrapper.get("id") or cell.get("id")
        else:
            label = cell.get("value") or ""
            cid = cell.get("id")
        out.append(
            _Cell(
                id=cid if cid is not None else f"#{order}",
                order=order,
                parent=cell.get("parent"),
                style=style,
                names=names,
                vertex=cell.get("vertex") == "1",
                edge=cell.get("edge") == "1" and cell.get("vertex") != "1",
                source=cell.get("source"),
                target=cell.get("target"),
                label=label,
                attrs=attrs,
                placeholders=wrapper is not None and wrapper.get("placeholders") == "1",
                link=(wrapper.get("link") or "") if wrapper is not None else "",
                visible=cell.get("visible") != "0",
                geo=_geometry(cell, report),
            )
        )
    return out


# --------------------------------------------------------------------------- values
def colour(raw: str | None, default: str) -> str:
    """Return a draw.io colour as ``#rrggbb`` or ``none``; unknown gives ``default``.

    >>> colour("#ABC", "#000000"), colour("none", "#000000"), colour("x", "#111111")
    ('#aabbcc', 'none', '#111111')
    """
    if raw is None:
        return default
    v = raw.strip().lower()
    if v.startswith("light-dark(") and v.endswith(")"):
        v = v[len("light-dark(") : -1].split(",")[0].strip()
    if v in ("none", "transparent"):
        return "none"
    if v.startswith("#"):
        digits = v[1:]
        if all(c in "0123456789abcdef" for c in digits):
            if len(digits) in (3, 4):
                return "#" + "".join(c * 2 for c in digits[:3])
            if len(digits) in (6, 8):
                return "#" + digits[:6]
        return default
    if v.startswith(("rgb(", "rgba(")) and v.endswith(")"):
        parts = v[v.index("(") + 1 : -1].split(",")
        try:
            rgb = [max(0, min(255, round(float(p)))) for p in parts[:3]]
        except ValueError:
            return default
        if len(rgb) == 3:
            return "#{:02x}{:02x}{:02x}".format(*rgb)
        return default
    return NAMED_COLOURS.get(v, default)


def _flag(style: Mapping[str, str], key: str, default: bool = False) -> bool:
    v = style.get(key)
    if v is None:
        return default
    return v.strip() not in ("0", "", "false")


def arrowhead(name: str | None, filled: bool, *, default: str) -> tuple[str, bool]:
    """Return our arrowhead for a draw.io arrow, and whether the name was known."""
    if name is None:
        return default, True
    pair = _ARROWS.get(name.strip())
    if pair is None:
        return "classic", False
    return pair[0] if filled else pair[1], True


def _dash(style: Mapping[str, str]) -> str:
    if not _flag(style, "dashed"):
        return "solid"
    pattern = style.get("dashPattern", "").replace(",", " ").split()
    try:
        nums = [float(p) for p in pattern]
    except ValueError:
        return "dashed"
    if len(nums) >= 4:
        return "dash-dot"
    if len(nums) >= 1 and nums[0] <= 1.5:
        return "dotted"
    return "dashed"


def _bounded(raw: str | None, default: float, lo: float, hi: float) -> float:
    try:
        x = float(raw) if raw is not None else default
    except ValueError:
        x = default
    if not math.isfinite(x):
        x = default
    return rounded(max(lo, min(hi, x)))


def _text_style(
    style: Mapping[str, str],
    names: tuple[str, ...],
    *,
    bold: bool,
    italic: bool,
    underline: bool,
) -> dict[str, Any]:
    """Return the text fields of our style from draw.io keys.

    Missing keys take draw.io's defaults, which depend on the named style: the
    default stylesheet sets ``text`` and ``edgeLabel`` left/top, and ``label``
    bold and left.
    """
    text_like = "text" in names or "edgeLabel" in names
    default_style = "1" if "label" in names else "0"
    try:
        font_style = int(float(style.get("fontStyle", default_style)))
    except (ValueError, OverflowError):
        font_style = 0
    default_align = "left" if text_like or "label" in names else "center"
    align = style.get("align", default_align)
    top = text_like or not _OUTSIDE_BELOW.isdisjoint(names)
    valign = style.get("verticalAlign", "top" if top else "middle")
    spacing = _bounded(style.get("spacing"), 2.0, 0.0, 100_000.0)
    return {
        **_side_spacing(style, spacing),
        "font_size": _bounded(style.get("fontSize"), 11.0, 1.0, 1000.0),
        "font_color": colour(style.get("fontColor"), "#000000"),
        "bold": bool(font_style & 1) or bold,
        "italic": bool(font_style & 2) or italic,
        "underline": bool(font_style & 4) or underline,
        "align": align if align in ("left", "center", "right") else "center",
        "valign": valign if valign in ("top", "middle", "bottom") else "middle",
        "text_padding": spacing,
    }


#: draw.io's per-side label spacing keys, added to ``spacing`` on that side.
_SPACING_SIDES: Final = (
    ("spacingTop", "text_padding_top"),
    ("spacingRight", "text_padding_right"),
    ("spacingBottom", "text_padding_bottom"),
    ("spacingLeft", "text_padding_left"),
)


def _side_spacing(style: Mapping[str, str], spacing: float) -> dict[str, float]:
    """Return per-side text padding where a side's padding differs from ``spacing``.

    draw.io insets a label by ``spacing`` plus the side's own spacing
    (``spacingLeft`` …, default 0); a side equal to ``spacing`` stays None.
    """
    out: dict[str, float] = {}
    for key, name in _SPACING_SIDES:
        extra = _bounded(style.get(key), 0.0, -100_000.0, 100_000.0)
        side = rounded(min(max(spacing + extra, 0.0), 100_000.0))
        if side != spacing:
            out[name] = side
    return out


#: Named styles whose label sits below the shape in draw.io's default stylesheet
#: (``verticalLabelPosition=bottom;verticalAlign=top``).
_OUTSIDE_BELOW: Final = frozenset({"image", "roundImage", "rhombusImage", "icon"})


def wraps(style: Mapping[str, str]) -> bool:
    """Return whether draw.io wraps a vertex's label to its box.

    Only ``whiteSpace=wrap`` wraps (mxGraph's ``isWrapping``). Wrapping needs
    an HTML label, but draw.io's ``Graph.isHtmlLabel`` counts
    ``whiteSpace=wrap`` as HTML too, so ``html=1`` does not matter. Any other
    label breaks only at its own line breaks and may overflow the shape.

    >>> wraps({"whiteSpace": "wrap", "html": "1"}), wraps({"whiteSpace": "wrap"})
    (True, True)
    >>> wraps({"html": "1"}), wraps({})
    (False, False)
    """
    return style.get("whiteSpace", "").strip() == "wrap"


def label_position(style: Mapping[str, str], names: tuple[str, ...]) -> LabelPosition:
    """Return our ``label_position`` for draw.io's label position keys.

    ``verticalLabelPosition`` top/bottom wins over ``labelPosition`` left/right
    (our model has no diagonal places; draw.io files rarely use them).

    >>> label_position({"verticalLabelPosition": "bottom"}, ())
    'bottom'
    >>> label_position({"labelPosition": "left"}, ()), label_position({}, ("image",))
    ('left', 'bottom')
    """
    default = "bottom" if not _OUTSIDE_BELOW.isdisjoint(names) else "middle"
    vertical = style.get("verticalLabelPosition", default).strip()
    horizontal = style.get("labelPosition", "center").strip()
    if vertical == "top":
        return "top"
    if vertical == "bottom":
        return "bottom"
    if horizontal == "left":
        return "left"
    if horizontal == "right":
        return "right"
    return "inside"


def _line_style(style: Mapping[str, str]) -> dict[str, Any]:
    return {
        "stroke_width": _bounded(style.get("strokeWidth"), 1.0, 0.0, 1000.0),
        "dash": _dash(style),
        "opacity": _bounded(style.get("opacity"), 100.0, 0.0, 100.0) / 100.0,
        "shadow": _flag(style, "shadow"),
    }


def _image_src(raw: str | None) -> str | None:
    """Return a draw.io ``image=`` value as a base64 PNG/JPEG/GIF/WebP data URI.

    draw.io drops ``;base64`` from data URIs in styles (``;`` separates keys).
    Anything else, remote URLs and SVG included, gives None.
    """
    if not raw or not raw.startswith("data:image/"):
        return None
    head, comma, payload = raw.partition(",")
    if not comma:
        return None
    mime = head[len("data:image/") :].split(";")[0].lower()
    kind = _IMAGE_TYPES.get(mime)
    payload = payload.strip()
    if (
        kind is None
        or not payload
        or len(payload) % 4
        or len(payload) > limits.MAX_IMAGE_CHARS - 64
        or payload.rstrip("=").strip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        )
        or len(payload) - len(payload.rstrip("=")) > 2
    ):
        return None
    return f"data:image/{kind};base64,{payload}"


def style_image(src: str) -> str | None:
    """Return a data URI as draw.io writes it in a style (no ``;base64``), or None.

    Only sources that ``_image_src`` reads back the same are returned.

    >>> style_image("data:image/png;base64,iVBORw0KGgo=")
    'data:image/png,iVBORw0KGgo='
    """
    head, comma, payload = src.partition(",")
    if not comma or not head.endswith(";base64"):
        return None
    out = f"{head[: -len(';base64')]},{payload}"
    return out if _image_src(out) == src else None


def is_safe_shape_name(name: str) -> bool:
    """Return whether a draw.io shape name may be written into a style string."""
    return _SAFE_NAME.fullmatch(name) is not None


def _lane_title(c: _Cell, lane: Shape) -> Shape | None:
    """Return the title of a vertical swimlane (``horizontal=0``) as its own shape.

    draw.io writes such a title turned a quarter left in the band down the
    lane's left side (``startSize`` wide). Linework cannot turn a label alone,
    so the title becomes a text shape turned -90° over that band; laid flat in
    the lane, nested lanes' titles would pile up on their pool's. The id and
    z are the caller's to set.
    """
    st = c.style
    swimlane = st.get("shape") == "swimlane" or "swimlane" in c.names
    if not swimlane or not lane.text or _flag(st, "horizontal", default=True):
        return None
    box = lane.box
    band = min(box.w, _bounded(st.get("startSize"), 40.0, 0.0, box.w))
    if band <= 0 or lane.rotation_deg:
        return None
    cx, cy = box.x + band / 2, box.y + box.h / 2
    style = replace(
        lane.style,
        fill="none",
        stroke="none",
        shadow=False,
        align="center",
        valign="middle",
        text_padding=2.0,
        text_padding_top=None,
        text_padding_right=None,
        text_padding_bottom=None,
        text_padding_left=None,
        label_position="inside",
    )
    return replace(
        lane,
        kind="text",
        box=Box(rounded(cx - box.h / 2), rounded(cy - band / 2), box.h, band),
        rotation_deg=-90.0,
        style=style,
        link="",
        props=frozen_map(),
        extra=frozen_map(),
    )


#: Smallest factor a Mermaid cell's diagram is scaled by to fit the cell; below
#: it text would be unreadable, so the diagram keeps this size and overflows.
MERMAID_MIN_SCALE: Final = 0.5


def _mermaid_source(c: _Cell, report: _Report) -> str | None:
    """Return the Mermaid text of a cell made by draw.io's Mermaid plugin, or None.

    The plugin keeps its source in the wrapper's ``mermaidData`` attribute: JSON
    with the text under ``data``. Every cell's text counts against one budget
    per file, so many cells cannot cost more than one large chart.
    """
    raw = c.attrs.get("mermaidData")
    if not raw or not c.vertex or len(raw) > 2 * report.mermaid_budget:
        return None
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    text = value.get("data") if isinstance(value, dict) else None
    if not isinstance(text, str) or not text.strip():
        return None
    if len(text) > report.mermaid_budget:
        return None
    report.mermaid_budget -= len(text)
    return text


def _mermaid_elements(
    text: str, box: Box, report: _Report
) -> list[Shape | Connector | Group] | None:
    """Read a Mermaid flowchart and place it in ``box``; None if it is not one.

    The laid-out chart's top-left goes to the box's; a chart larger than the
    box is scaled down uniformly (text and padding too, so labels still fit),
    but not below ``MERMAID_MIN_SCALE``. Ids, page, layer and the top-level
    parent are still Mermaid's: the caller maps them.
    """
    try:
        result = mermaid.read_text(text)
    except LineworkError:
        return None
    report.mermaid_warnings.extend(f"Mermaid: {w}" for w in result.warnings)
    report.add("mermaid_unmapped", result.unmapped)
    items = [
        r
        for r in result.doc.records.values()
        if isinstance(r, Shape | Connector | Group)
    ]
    shapes = [r for r in items if isinstance(r, Shape)]
    if not shapes:
        return None
    pts = [p for r in shapes for p in (Vec(r.box.x, r.box.y), r.box.at(1.0, 1.0))]
    pts += [w for r in items if isinstance(r, Connector) for w in r.waypoints]
    lo = Vec(min(p.x for p in pts), min(p.y for p in pts))
    w = max(p.x for p in pts) - lo.x
    h = max(p.y for p in pts) - lo.y
    k = min(1.0, box.w / w if w > 0 else 1.0, box.h / h if h > 0 else 1.0)
    k = max(MERMAID_MIN_SCALE, k)

    def at(p: Vec) -> Vec:
        return Vec(rounded(box.x + (p.x - lo.x) * k), rounded(box.y + (p.y - lo.y) * k))

    def scaled(st: Style) -> Style:
        if k == 1.0:
            return st
        return replace(
            st,
            font_size=rounded(max(1.0, st.font_size * k)),
            text_padding=rounded(st.text_padding * k),
        )

    out: list[Shape | Connector | Group] = []
    for r in sorted(items, key=lambda r: r.z):
        if isinstance(r, Shape):
            corner = at(Vec(r.box.x, r.box.y))
            b = Box(
                corner.x,
                corner.y,
                max(1.0, rounded(r.box.w * k)),
                max(1.0, rounded(r.box.h * k)),
            )
            out.append(replace(r, box=b, style=scaled(r.style)))
        elif isinstance(r, Connector):
            out.append(
                replace(
                    r,
                    source=_moved(r.source, at),
                    target=_moved(r.target, at),
                    waypoints=tuple(at(p) for p in r.waypoints),
                    style=scaled(r.style),
                )
            )
        else:
            out.append(r)
    return out


def _group_depth(chart: list[Shape | Connector | Group]) -> int:
    """Return how deeply a chart's groups nest (0 without groups)."""
    parent = {r.id: r.parent for r in chart if isinstance(r, Group)}
    deepest = 0
    for gid in parent:
        d, cur = 0, parent[gid]
        while d <= limits.MAX_GROUP_DEPTH:
            d += 1
            if cur is None:
                break
            cur = parent.get(cur)
        deepest = max(deepest, d)
    return deepest


def _moved(end: End, at: Callable[[Vec], Vec]) -> End:
    """Return an end moved by ``at``, a named port written as draw.io keeps it.

    draw.io has no ports, only ``exitX``/``exitY`` fractions: the anchor the
    export writes for the port, so a round trip reads the same end back.
    """
    if isinstance(end, Free):
        return Free(point=at(end.point))
    from linework.formats.drawio_export import PORT_ANCHORS  # imports this module

    if end.port is not None and end.port in PORT_ANCHORS:
        return Attached(shape=end.shape, anchor=Vec(*PORT_ANCHORS[end.port]))
    return end


# --------------------------------------------------------------------------- ids
class _Ids:
    """Readable, unique, deterministic record ids made from draw.io ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}  # per base: where the suffix search resumes

    def make(self, prefix: str, raw: str) -> str:
        """Return a fresh id ``prefix:body``; repeats get ``-2``, ``-3``, ….

        The suffix counter resumes per base, so many ids that sanitize to the same
        text cost linear time, not quadratic.
        """
        body = raw
        for p in _ID_PREFIXES:
            if body.startswith(p):
                body = body[len(p) :]
                break
        body = "".join(
            c if c.isascii() and (c.isalnum() or c in "_.-") else "_" for c in body
        )
        body = body[:180] or "x"
        base = f"{prefix}:{body}"
        rid = base
        n = self.next.get(base, 2)
        while rid in self.used:
            rid = f"{base}-{n}"
            n += 1
        self.next[base] = n
        self.used.add(rid)
        return rid


# --------------------------------------------------------------------------- pages
@dataclass(slots=True)
class _PageResult:
    records: list[Record]
    unmapped: int


class _PageBuilder:
    """Turns the cells of one diagram page into records."""

    def __init__(
        self,
        cells: list[_Cell],
        *,
        page_id: str,
        page_name: str,
        page_index: int,
        page_count: int,
        ids: _Ids,
        report: _Report,
    ) -> None:
        self.cells = cells
        self.page_id = page_id
        self.page_name = page_name
        self.page_index = page_index
        self.page_count = page_count
        self.ids = ids
        self.report = report
        self.by_id: dict[str, _Cell] = {}
        for c in cells:
            if c.id in self.by_id:
                c.id = f"{c.id}#{c.order}"  # duplicate ids: keep both, first wins refs
            self.by_id[c.id] = c
        self.records: list[Record] = []
        self.unmapped = 0

    # --- structure ----------------------------------------------------------
    def _layers(self) -> tuple[str | None, list[_Cell]]:
        """Return the root cell id and the layer cells, in order."""
        root_id = next((c.id for c in self.cells if not c.parent), None)
        layers = [
            c
            for c in self.cells
            if not c.vertex
            and not c.edge
            and c.id != root_id
            and (not c.parent or c.parent == root_id)
        ]
        return root_id, layers

    def _effective_parents(
        self, root_id: str | None, layer_ids: set[str], first_layer: str
    ) -> dict[str, str]:
        """Return each content cell's parent, missing ids and cycles re-rooted.

        A cell whose parent is missing (or is the root itself) hangs from the
        first layer. Cycles are found by walking each chain once with an explicit
        path (no recursion), and broken at the cell where the walk met itself.
        """
        parent: dict[str, str] = {}
        for c in self.cells:
            if c.id == root_id or c.id in layer_ids:
                continue
            p = c.parent
            if p is None or p not in self.by_id or p == root_id or p == c.id:
                if p != root_id:
                    self.report.add("missing_parent" if p != c.id else "cycle")
                parent[c.id] = first_layer
            else:
                parent[c.id] = p
        done: set[str] = set(layer_ids)
        for start in parent:
            path: list[str] = []
            on_path: set[str] = set()
            cur = start
            while cur not in done:
                if cur in on_path:
                    parent[cur] = first_layer
                    self.report.add("cycle")
                    break
                on_path.add(cur)
                path.append(cur)
                cur = parent[cur]
            done.update(path)
        return parent

    # --- labels ---------------------------------------------------------------
    def _placeholder_value(
        self, cell: _Cell, name: str, parent: dict[str, str]
    ) -> str | None:
        cur: _Cell | None = cell
        for _ in range(64):  # draw.io looks up the ancestors too; bounded here
            if cur is None:
                break
            if name in cur.attrs:
                return cur.attrs[name]
            p = parent.get(cur.id) or cur.parent
            cur = self.by_id.get(p) if p else None
        if name == "page":
            return self.page_name
        if name == "pagenumber":
            return str(self.page_index + 1)
        if name == "pagecount":
            return str(self.page_count)
        return None

    def _label(self, cell: _Cell, parent: dict[str, str]) -> htmltext.PlainText:
        raw = cell.label
        is_html = _flag(cell.style, "html")
        if cell.placeholders and "%" in raw:
            # Values are looked up once per name, and the label may grow only so
            # far: "%a%" a million times with a long "a" must not explode.
            found: dict[str, str | None] = {}
            budget = [htmltext.MAX_MARKUP]

            def sub(m: re.Match[str]) -> str:
                name = m.group(1)
                if name not in found:
                    value = self._placeholder_value(cell, name, parent)
                    if value is not None and is_html:
                        value = html.escape(value, quote=False)
                    found[name] = value
                value = found[name]
                if value is None or len(value) > budget[0]:
                    return m.group(0)
                budget[0] -= len(value)
                return value

            raw = _PLACEHOLDER.sub(sub, raw)
        result = htmltext.html_to_text(raw) if is_html else htmltext.PlainText(raw)
        if len(result.text) > limits.MAX_TEXT:
            self.report.add("truncated")
            result = replace(result, text=result.text[: limits.MAX_TEXT])
        return result

    # --- building -------------------------------------------------------------
    def build(self) -> _PageResult:
        root_id, layer_cells = self._layers()
        report = self.report
        if len(layer_cells) > limits.MAX_LAYERS:
            raise LineworkError(
                _CODE,
                f"A page has {len(layer_cells):,} layers; the limit is "
                f"{limits.MAX_LAYERS:,}.",
            )
        layer_rec: dict[str, Layer] = {}
        if not layer_cells:
            synthetic = _Cell(
                id="\x00layer",
                order=-1,
                parent=root_id,
                style={},
                names=(),
                vertex=False,
                edge=False,
                source=None,
                target=None,
                label="",
                attrs={},
                placeholders=False,
                link="",
                visible=True,
                geo=_Geo(),
            )
            layer_cells = [synthetic]
            self.by_id[synthetic.id] = synthetic
        for i, lc in enumerate(layer_cells):
            layer = Layer(
                id=self.ids.make(
                    "layer", lc.id if lc.order >= 0 else f"{self.page_id}-1"
                ),
                page=self.page_id,
                name=(lc.label.strip() or f"Layer {i + 1}")[:200],
                z=i,
                visible=lc.visible,
                locked=_flag(lc.style, "locked"),
            )
            layer_rec[lc.id] = layer
            self.records.append(layer)
        layer_ids = set(layer_rec)
        first_layer = layer_cells[0].id
        parent = self._effective_parents(root_id, layer_ids, first_layer)

        children: dict[str, list[_Cell]] = {}
        for c in self.cells:
            if c.id in parent:
                children.setdefault(parent[c.id], []).append(c)

        # Depth-first from each layer, children in document order: draw.io's
        # paint order, with every parent before its children.
        order: list[_Cell] = []
        layer_of: dict[str, str] = {}
        for lc in layer_cells:
            stack = list(reversed(children.get(lc.id, [])))
            while stack:
                c = stack.pop()
                order.append(c)
                layer_of[c.id] = layer_rec[lc.id].id
                stack.extend(reversed(children.get(c.id, [])))

        def is_label(c: _Cell) -> bool:
            p = self.by_id.get(parent.get(c.id, ""))
            return c.vertex and p is not None and p.edge

        def has_content(c: _Cell) -> bool:
            return any(
                (k.vertex and not is_label(k)) or k.edge for k in children.get(c.id, [])
            )

        origin: dict[str, Vec] = {lid: Vec(0.0, 0.0) for lid in layer_ids}
        boxes: dict[str, Box] = {}
        shape_of: dict[str, str] = {}  # draw.io id → Shape id
        group_of: dict[str, str | None] = dict.fromkeys(layer_ids)
        group_depth: dict[str, int] = {}
        edges: list[tuple[_Cell, int]] = []  # with their place in paint order
        z = 0

        def depth_under(inherited: str | None) -> int:
            """Return how deep a group opened under ``inherited`` would nest."""
            return group_depth.get(inherited, 0) + 1 if inherited else 1

        def open_group(c: _Cell, inherited: str | None, layer: str, at: int) -> str:
            """Add a group for cell ``c`` under ``inherited``; return its id."""
            gid = self.ids.make("group", c.id)
            group_depth[gid] = depth_under(inherited)
            self.records.append(
                Group(id=gid, page=self.page_id, layer=layer, parent=inherited, z=at)
            )
            return gid

        for c in order:
            p = parent[c.id]
            pbox = boxes.get(p)
            porigin = origin[p]
            inherited = group_of[p]
            if not c.visible:
                report.add("hidden")
            if not c.vertex or is_label(c):
                # Edges, edge labels and bare cells own no origin: children of
                # theirs are placed as if they were the parent's own.
                origin[c.id] = porigin
                group_of[c.id] = inherited
                if c.edge:
                    edges.append((c, z))
                    z += 1
                continue
            g = c.geo
            if g.relative and pbox is not None:
                x = pbox.x + g.x * pbox.w + (g.offset.x if g.offset else 0.0)
                y = pbox.y + g.y * pbox.h + (g.offset.y if g.offset else 0.0)
            else:
                x = porigin.x + g.x
                y = porigin.y + g.y
            x = max(-MAX_COORD, min(MAX_COORD, x))
            y = max(-MAX_COORD, min(MAX_COORD, y))
            box = Box(
                rounded(x),
                rounded(y),
                rounded(max(1.0, min(MAX_COORD, abs(g.w)))),
                rounded(max(1.0, min(MAX_COORD, abs(g.h)))),
            )
            boxes[c.id] = box
            origin[c.id] = Vec(box.x, box.y)
            layer_id = layer_of[c.id]
            is_group = "group" in c.names
            label = self._label(c, parent)
            chart = None
            if not label.text:
                source = _mermaid_source(c, report)
                chart = _mermaid_elements(source, box, report) if source else None
            if chart is not None:
                depth = depth_under(inherited)
                if depth + _group_depth(chart) <= limits.MAX_GROUP_DEPTH:
                    chart_group = open_group(c, inherited, layer_id, z)
                    group_of[c.id] = chart_group
                    z = self._chart(c, chart, chart_group, layer_id, z + 1)
                    continue
            group_id: str | None = inherited
            if is_group or has_content(c):
                if depth_under(inherited) > limits.MAX_GROUP_DEPTH:
                    report.add("group_depth")
                else:
                    group_id = open_group(c, inherited, layer_id, z)
                    z += 1
            group_of[c.id] = group_id
            if is_group and not label.text:
                continue
            shape = self._shape(
                c, box, label, layer=layer_id, parent_group=group_id, z=z
            )
            z += 1
            shape_of[c.id] = shape.id
            title = _lane_title(c, shape)
            if title is not None:
                # Without its text the lane wraps, as any unlabelled shape.
                shape = replace(shape, text="", style=replace(shape.style, wrap=True))
                if (
                    group_id == inherited
                    and depth_under(inherited) <= limits.MAX_GROUP_DEPTH
                ):
                    # A lane without members has no group of its own: one
                    # holds it and its title, so they move together.
                    group_id = open_group(c, inherited, layer_id, shape.z)
                    group_of[c.id] = group_id
                    shape = replace(shape, parent=group_id, z=shape.z + 1)
                    z += 1
            self.records.append(shape)
            if title is not None:
                rid = self.ids.make("shape", f"{c.id}-title")
                self.records.append(replace(title, id=rid, parent=shape.parent, z=z))
                z += 1

        # Connectors come last because their ends need every shape's box.
        for c, edge_z in edges:
            conn = self._connector(
                c,
                parent,
                origin,
                boxes,
                shape_of,
                children,
                layer=layer_of[c.id],
                parent_group=group_of[c.id],
                z=edge_z,
            )
            if conn is not None:
                self.records.append(conn)
        return _PageResult(self.records, self.unmapped)

    def _chart(
        self,
        c: _Cell,
        chart: list[Shape | Connector | Group],
        group: str,
        layer: str,
        z: int,
    ) -> int:
        """Add a Mermaid cell's chart under ``group``; return the next z.

        Ids become ``<prefix>:<cell id>-<Mermaid id>``, so they are deterministic.
        """
        new: dict[str, str] = {}
        for r in chart:
            prefix, _, body = r.id.partition(":")
            new[r.id] = self.ids.make(prefix, f"{c.id}-{body}")

        def end(e: End) -> End:
            if isinstance(e, Attached):
                return replace(e, shape=new.get(e.shape, e.shape))
            return e

        for r in chart:
            parent = new.get(r.parent, group) if r.parent else group
            rec: Record = replace(
                r, id=new[r.id], page=self.page_id, layer=layer, parent=parent, z=z
            )
            if isinstance(rec, Connector):
                rec = replace(rec, source=end(rec.source), target=end(rec.target))
            self.records.append(rec)
            z += 1
        return z

    def _shape(
        self,
        c: _Cell,
        box: Box,
        label: htmltext.PlainText,
        *,
        layer: str,
        parent_group: str | None,
        z: int,
    ) -> Shape:
        st = c.style
        shape_name = st.get("shape") or next(
            (n for n in c.names if n in SHAPE_KINDS), ""
        )
        kind = SHAPE_KINDS.get(shape_name, "rectangle") if shape_name else "rectangle"
        mapped = not shape_name or shape_name in SHAPE_KINDS
        props: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        if "group" in c.names:
            kind = "text"  # a labelled group: the label stays, no outline
        if kind == "image":
            src = _image_src(st.get("image"))
            if src is None:
                kind, mapped = "rectangle", False
            else:
                props["src"] = src
        stencil = (
            stencils.drawio_icon(shape_name or "image", st) if not mapped else None
        )
        if stencil is not None:
            # A library icon (mapped) or a labelled icon placeholder (unmapped).
            kind, mapped = "icon", stencil.mapped
            props.update(stencil.props)
            if not label.text and not stencil.mapped:
                label = replace(label, text=stencil.title)
                st = {**st, "verticalLabelPosition": "bottom"}
        if kind == "ellipse" and st.get("aspect") == "fixed" and box.w == box.h:
            kind = "circle"
        hinted = st.get(KIND_HINT_KEY, "")
        if KIND_HINTS.get(hinted) == kind:
            kind = hinted
        textual = kind == "text" or "text" in c.names or "edgeLabel" in c.names
        swimlane = shape_name == "swimlane" or "swimlane" in c.names
        corner = 0.0
        if kind == "rectangle" and _flag(st, "rounded"):
            kind = "rounded-rectangle"
            if _flag(st, "absoluteArcSize"):
                corner = _bounded(st.get("arcSize"), 20.0, 0.0, 200_000.0) / 2
            elif "arcSize" in st:
                frac = _bounded(st.get("arcSize"), 15.0, 0.0, 100.0) / 100
                corner = rounded(min(box.w, box.h) * frac)
        if not mapped:
            self.unmapped += 1
            name = shape_name if _SAFE_NAME.fullmatch(shape_name) else "?"
            self.report.unmapped_names[name] = (
                self.report.unmapped_names.get(name, 0) + 1
            )
            # An image shape without its picture would draw nothing in draw.io.
            if name not in ("?", "image"):
                extra[EXTRA_SHAPE_KEY] = name
        no_box = textual or kind in ("image", "icon")
        fill_default = "none" if no_box else "#ffffff"
        fill = colour(st.get("fillColor"), fill_default)
        if swimlane:
            fill = colour(st.get("swimlaneFillColor"), "none")
        stroke = colour(st.get("strokeColor"), "none" if no_box else "#000000")
        if shape_name in ("partialRectangle", "tableRow") and all(
            st.get(side, "1") == "0" for side in ("top", "left", "bottom", "right")
        ):
            stroke = "none"
        if not mapped and fill == "none" and stroke == "none":
            stroke = "#999999"  # keep a placeholder visible
        lines = _line_style(st)
        if shape_name == "line":
            # A separator line (UML classes): a bar as thick as the stroke,
            # through the middle of the box, filled with the stroke colour.
            width = max(1.0, lines["stroke_width"])
            mid = box.center
            if st.get("direction") in ("north", "south"):
                box = Box(rounded(mid.x - width / 2), box.y, rounded(width), box.h)
            else:
                box = Box(box.x, rounded(mid.y - width / 2), box.w, rounded(width))
            fill = colour(st.get("strokeColor"), "#000000")
            stroke = "none"
        text = _text_style(
            st,
            c.names,
            bold=label.bold,
            italic=label.italic,
            underline=label.underline,
        )
        if swimlane:
            if _flag(st, "horizontal", default=True):
                text["valign"] = "top"
            else:
                text["align"], text["valign"] = "left", "middle"
        style = replace(
            DEFAULT_STYLE,
            fill=fill,
            stroke=stroke,
            corner_radius=corner,
            label_position=label_position(st, c.names),
            wrap=not label.text or wraps(st),
            **lines,
            **text,
        )
        link = ""
        if c.link:
            safe = safe_link(c.link)
            if safe is None:
                self.report.add("links")
            else:
                link = safe
        rotation = _bounded(st.get("rotation"), 0.0, -1e9, 1e9)
        rotation = rounded(math.fmod(rotation, 360.0))
        return Shape(
            id=self.ids.make("shape", c.id),
            page=self.page_id,
            layer=layer,
            parent=parent_group,
            z=z,
            kind=kind,
            box=box,
            rotation_deg=rotation,
            style=style,
            text=label.text,
            link=link,
            props=frozen_map(props),
            extra=frozen_map(extra),
        )

    def _connector(
        self,
        c: _Cell,
        parent: dict[str, str],
        origin: dict[str, Vec],
        boxes: dict[str, Box],
        shape_of: dict[str, str],
        children: dict[str, list[_Cell]],
        *,
        layer: str,
        parent_group: str | None,
        z: int,
    ) -> Connector | None:
        st = c.style
        report = self.report
        base = origin[parent[c.id]]
        g = c.geo

        def absolute(p: Vec) -> Vec:
            return Vec(
                rounded(max(-MAX_COORD, min(MAX_COORD, base.x + p.x))),
                rounded(max(-MAX_COORD, min(MAX_COORD, base.y + p.y))),
            )

        waypoints = [absolute(p) for p in g.points]
        if len(waypoints) > limits.MAX_WAYPOINTS:
            report.add("waypoints")
            del waypoints[limits.MAX_WAYPOINTS :]

        def end(
            terminal: str | None, point: Vec | None, side: str
        ) -> tuple[End | None, bool]:
            """Return the end, and whether it had to fall back to a guess."""
            if terminal is not None and terminal in shape_of:
                ax, ay = st.get(f"{side}X"), st.get(f"{side}Y")
                anchor = None
                if ax is not None and ay is not None:
                    fx = _bounded(ax, 0.5, 0.0, 1.0)
                    fy = _bounded(ay, 0.5, 0.0, 1.0)
                    anchor = Vec(fx, fy)
                return Attached(shape=shape_of[terminal], anchor=anchor), False
            if point is not None:
                return Free(point=absolute(point)), terminal is not None
            if terminal is not None and terminal in boxes:
                return Free(point=boxes[terminal].center), True
            return None, terminal is not None

        def terminal_point(e: End, terminal: str | None) -> Vec:
            if isinstance(e, Free):
                return e.point
            box = boxes[terminal or ""]
            return box.at(e.anchor.x, e.anchor.y) if e.anchor else box.center

        source, s_guess = end(c.source, g.source_point, "exit")
        target, t_guess = end(c.target, g.target_point, "entry")
        if source is None and waypoints:
            source, s_guess = Free(point=waypoints.pop(0)), c.source is not None
        if target is None and waypoints:
            target, t_guess = Free(point=waypoints.pop()), c.target is not None
        if source is None and target is None:
            report.add("no_ends")
            return None
        if source is None and target is not None:
            source, s_guess = Free(point=terminal_point(target, c.target)), True
        elif target is None and source is not None:
            target, t_guess = Free(point=terminal_point(source, c.source)), True
        if source is None or target is None:  # both missing: handled above
            return None
        report.add("loose_end", int(s_guess) + int(t_guess))

        path = [
            terminal_point(source, c.source),
            *waypoints,
            terminal_point(target, c.target),
        ]
        labels: list[ConnectorLabel] = []
        own = self._label(c, parent)
        if own.text:
            labels.append(_edge_label(own.text, g, path))
        bold, italic, underline = own.bold, own.italic, own.underline
        for k in children.get(c.id, []):
            if not k.vertex:
                continue
            text = self._label(k, parent)
            if text.text:
                labels.append(_edge_label(text.text, k.geo, path))
        if len(labels) > limits.MAX_LABELS:
            report.add("labels")
            del labels[limits.MAX_LABELS :]

        start, ok1 = arrowhead(
            st.get("startArrow"), _flag(st, "startFill", True), default="none"
        )
        finish, ok2 = arrowhead(
            st.get("endArrow"), _flag(st, "endFill", True), default="classic"
        )
        report.add("arrows", int(not ok1) + int(not ok2))
        routing: Routing
        if _flag(st, "curved"):
            routing = "curved"
        elif st.get("edgeStyle") in _ORTHOGONAL:
            routing = "orthogonal"
        else:
            routing = "straight"
        style = replace(
            DEFAULT_STYLE,
            stroke=colour(st.get("strokeColor"), "#000000"),
            start_arrow=start,
            end_arrow=finish,
            **_line_style(st),
            **_text_style(st, (), bold=bold, italic=italic, underline=underline),
        )
        return Connector(
            id=self.ids.make("conn", c.id),
            page=self.page_id,
            layer=layer,
            parent=parent_group,
            z=z,
            source=source,
            target=target,
            waypoints=tuple(waypoints),
            routing=routing,
            style=style,
            labels=tuple(labels),
        )


def _along(path: list[Vec], position: float) -> tuple[Vec, Vec]:
    """Return the point at ``position`` (0..1) of a polyline and its segment's unit.

    >>> _along([Vec(0, 0), Vec(10, 0), Vec(10, 10)], 0.75)
    (Vec(x=10.0, y=5.0), Vec(x=0.0, y=1.0))
    """
    if not path:
        return Vec(0.0, 0.0), Vec(0.0, 0.0)
    lengths = [a.distance(b) for a, b in pairwise(path)]
    dist = position * sum(lengths)
    for i, seg in enumerate(lengths):
        if seg > 0 and (dist <= seg or i == len(lengths) - 1):
            d = path[i + 1] - path[i]
            t = min(1.0, dist / seg)
            return path[i] + d * t, Vec(d.x / seg, d.y / seg)
        dist -= seg
    return path[0], Vec(0.0, 0.0)


def _edge_label(text: str, g: _Geo, path: list[Vec]) -> ConnectorLabel:
    """Place a label the way mxGraph does, on the straight path through the points.

    Geometry ``x`` (-1..1) runs along the edge and ``y`` is a distance along the
    segment's normal (mxGraphView.getPoint); our offset is in page axes, so the
    normal is taken from the segment at that position. The route Linework draws
    may bend elsewhere, which is why this is an approximation.
    """
    position = rounded(max(0.0, min(1.0, (g.x + 1) / 2)))
    ox = g.offset.x if g.offset else 0.0
    oy = g.offset.y if g.offset else 0.0
    if g.y:
        _, unit = _along(path, position)
        ox += unit.y * g.y
        oy -= unit.x * g.y
    ox = max(-MAX_COORD, min(MAX_COORD, ox))
    oy = max(-MAX_COORD, min(MAX_COORD, oy))
    return ConnectorLabel(
        text=text, position=position, offset=Vec(rounded(ox), rounded(oy))
    )


# --------------------------------------------------------------------------- containers
def decompress(payload: str, budget: list[int] | None = None) -> str:
    """Return the XML of a compressed ``<diagram>`` payload.

    base64, then raw deflate (capped), then URL-decoding, then the control
    characters draw.io's own reader strips.

    Args:
        payload: the diagram element's text.
        budget: a one-item list of bytes the inflation may still produce; it is
            decreased, so all pages of a file share one cap.

    Raises:
        LineworkError: LW-E0200 for bad base64 or deflate data, LW-E0205 when the
            data inflates beyond the cap.
    """
    cap = budget if budget is not None else [MAX_INFLATED]
    try:
        raw = base64.b64decode(payload.strip())
    except (binascii.Error, ValueError):
        raise LineworkError(
            _CODE, "A page is neither XML nor compressed XML."
        ) from None
    try:
        inflated = png.inflate(raw, max(0, cap[0]), wbits=-15)
    except zlib.error:
        raise LineworkError(_CODE, "A compressed page is damaged.") from None
    cap[0] -= len(inflated)
    text = inflated.decode("utf-8", "replace")
    if not text.lstrip().startswith("<"):
        text = urllib.parse.unquote(text, errors="replace")
    return text.translate(_GREMLINS)


def _decode_bytes(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise LineworkError(_CODE, "The UTF-16 text is damaged.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError(
            _CODE, f"It is not UTF-8 text (bad byte at offset {exc.start})."
        ) from None


def _png_xml(data: bytes) -> str:
    chunks = png.text_chunks(data)
    raw = chunks.get("mxfile")
    if raw is None:
        raw = chunks.get("mxGraphModel")
    if raw is None:
        raise LineworkError("LW-E0206", "The PNG has no draw.io chunk.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    for _ in range(2):  # draw.io URL-encodes, and some writers did it twice
        if text.startswith("%"):
            text = urllib.parse.unquote(text, errors="replace")
    return text.translate(_GREMLINS)


def _mxfile_text(data: bytes, budget: list[int]) -> str:
    """Return the mxfile/mxGraphModel XML carried by PNG, SVG or plain bytes."""
    if png.is_png(data):
        return _png_xml(data)
    text = _decode_bytes(data)
    tag, attrs = xmlsafe.root_attributes(text, code=_CODE, allow_doctype=("svg",))
    if xmlsafe.local_name(tag) != "svg":
        return text
    content = attrs.get("content")
    if not content or not content.strip():
        raise LineworkError("LW-E0206", "The SVG has no draw.io content.")
    if content.lstrip().startswith("<"):
        return content
    return decompress(content, budget)


def _models(
    root: ET.Element, budget: list[int]
) -> list[tuple[dict[str, str], ET.Element | None]]:
    """Return ``(diagram attributes, mxGraphModel or None)`` per page."""
    tag = xmlsafe.local_name(root.tag)
    if tag == "mxGraphModel":
        return [({}, root)]
    if tag == "mxlibrary":
        raise LineworkError(_CODE, "It is a draw.io shape library, not a diagram.")
    if tag != "mxfile":
        raise LineworkError(_CODE, f"Its root element is <{tag[:40]}>, not <mxfile>.")
    diagrams = [d for d in root if xmlsafe.local_name(d.tag) == "diagram"]
    if not diagrams:
        raise LineworkError(_CODE, "It has no pages.")
    if len(diagrams) > limits.MAX_PAGES:
        raise LineworkError(
            _CODE, f"It has {len(diagrams):,} pages; the limit is {limits.MAX_PAGES:,}."
        )
    out: list[tuple[dict[str, str], ET.Element | None]] = []
    for d in diagrams:
        model = next((c for c in d if c.tag == "mxGraphModel"), None)
        if model is None and d.text and d.text.strip():
            payload = d.text.strip()
            xml = payload if payload.startswith("<") else decompress(payload, budget)
            inner = xmlsafe.parse(xml, code=_CODE)
            if inner.tag != "mxGraphModel":
                raise LineworkError(_CODE, "A page holds no <mxGraphModel>.")
            model = inner
        out.append((dict(d.attrib), model))
    return out


def read(data: bytes) -> ImportResult:
    """Import a draw.io diagram (XML, compressed XML, ``.drawio.svg``, ``.drawio.png``).

    Returns:
        The document, with ``unmapped`` counting shapes drawn as rectangles for
        lack of a Linework kind, and warnings about anything repaired or dropped.

    Raises:
        LineworkError: LW-E0200 unreadable, LW-E0204 DTDs or entities, LW-E0205
            decompression beyond the cap, LW-E0206 an image without a diagram,
            LW-E0105 too many elements, LW-E0106 nested too deeply, LW-E0104 too
            large.
    """
    limits.check_size(data)
    budget = [MAX_INFLATED]
    text = _mxfile_text(data, budget)
    root = xmlsafe.parse(text, code=_CODE)
    models = _models(root, budget)
    report = _Report()
    ids = _Ids()
    records: dict[str, Record] = {}
    unmapped = 0
    element_budget = [limits.MAX_ELEMENTS]
    for index, (attrs, model) in enumerate(models):
        cells = _cells(model, report, element_budget) if model is not None else []
        page_name = (attrs.get("name") or f"Page {index + 1}")[:200]
        page_id = ids.make("page", attrs.get("id") or str(index + 1))
        builder = _PageBuilder(
            cells,
            page_id=page_id,
            page_name=page_name,
            page_index=index,
            page_count=len(models),
            ids=ids,
            report=report,
        )
        result = builder.build()
        unmapped += result.unmapped
        m = model.attrib if model is not None else {}
        page, elements = _fit_page(
            Page(
                id=page_id,
                name=page_name,
                z=index,
                width=_bounded(m.get("pageWidth"), 1100.0, 1.0, MAX_COORD),
                height=_bounded(m.get("pageHeight"), 850.0, 1.0, MAX_COORD),
                background=_background(m.get("background")),
                grid=Grid(
                    size=_bounded(m.get("gridSize"), 10.0, 1.0, 1000.0),
                    visible=m.get("grid", "1") != "0",
                    snap=m.get("grid", "1") != "0",
                ),
            ),
            result.records,
            report,
        )
        records[page.id] = page
        for r in elements:
            records[r.id] = r
    return ImportResult(
        doc=Document(records=records),
        format="drawio",
        unmapped=unmapped + report.counts.get("mermaid_unmapped", 0),
        warnings=report.warnings(),
    )


def _background(raw: str | None) -> str:
    c = colour(raw, "#ffffff")
    return "#ffffff" if c == "none" else c


# --------------------------------------------------------------------------- page fit
def _points_of(r: Record, boxes: Mapping[str, Box]) -> Iterable[Vec]:
    """Yield points whose bounding box covers a record as Linework will draw it.

    For a connector: its free ends and waypoints, and the corners of each label
    at roughly its size, on the straight path through those points (the route
    is not known here; the page margin absorbs the difference).
    """
    if isinstance(r, Shape):
        b = r.box
        if r.text and (r.style.label_position != "inside" or not r.style.wrap):
            b = b.union(_outside_label_box(r))
        corners = (
            Vec(b.x, b.y),
            Vec(b.right, b.y),
            Vec(b.right, b.bottom),
            Vec(b.x, b.bottom),
        )
        if r.rotation_deg:
            yield from (rotate_about(p, r.box.center, r.rotation_deg) for p in corners)
        else:
            yield from corners
    elif isinstance(r, Connector):
        path: list[Vec] = []
        for e in (r.source, r.target):
            if isinstance(e, Free):
                yield e.point
        yield from r.waypoints
        ends: list[Vec | End] = [r.source, *r.waypoints, r.target]
        for item in ends:
            if isinstance(item, Vec):
                path.append(item)
            elif isinstance(item, Free):
                path.append(item.point)
            elif item.shape in boxes:
                path.append(boxes[item.shape].center)
        size = r.style.font_size
        for label in r.labels:
            lines = label.text.split("\n")
            hw = max(len(line) for line in lines) * size * 0.3 + 4
            hh = len(lines) * size * 0.625 + 4
            c, _ = _along(path, label.position)
            c = c + label.offset
            yield Vec(c.x - hw, c.y - hh)
            yield Vec(c.x + hw, c.y + hh)


def _outside_label_box(s: Shape) -> Box:
    """Return roughly where a label outside its shape, or not wrapped, is drawn.

    The renderer lays it out unwrapped in a box of the shape's size beside the
    shape, so the box is widened to the text's estimated width (about the
    estimate used for connector labels) on the side its alignment grows to.
    An unwrapped label inside its shape only grows sideways (its lines are
    never more than wrapping would make), and without the margin, so a label
    that fits does not move a shape at the page's edge.
    """
    b, st = s.box, s.style
    position = st.label_position
    lines = s.text.split("\n")
    widest = max(len(line) for line in lines) * st.font_size * 0.6
    if position == "inside":
        w = max(b.w, widest)
        return Box(_aligned(b.x, b.w, w, st.align), b.y, w, b.h)
    dx = {"left": -b.w, "right": b.w}.get(position, 0.0)
    dy = {"top": -b.h, "bottom": b.h}.get(position, 0.0)
    w = max(b.w, widest + 8)
    h = max(b.h, len(lines) * st.font_size * 1.25 + 8)
    y = b.y + dy + (b.h - h if position == "top" else 0.0)
    return Box(_aligned(b.x + dx, b.w, w, st.align), y, w, h)


def _aligned(x: float, box_w: float, w: float, align: str) -> float:
    """Return the left edge of ``w`` aligned in a box ``box_w`` wide at ``x``."""
    if align == "center":
        return x + (box_w - w) / 2
    if align == "right":
        return x + box_w - w
    return x


_NOISE: Final = 1e-6


def _page_extent(x: float) -> float:
    """Round a page size up to whole units, ignoring float noise below 1e-6.

    The size must come out the same when the file is read again after export,
    where the content sits at positions already rounded.
    """
    return float(math.ceil(x - 1e-6))


def _fit_page(
    page: Page, records: list[Record], report: _Report
) -> tuple[Page, list[Record]]:
    """Move content above or left of the origin onto the page, and grow the page.

    draw.io's canvas is unbounded; a Linework page is not, and content outside it
    would be cut off. Content already on the page is left exactly where it is.
    """
    lo_x = lo_y = math.inf
    hi_x = hi_y = -math.inf
    boxes = {r.id: r.box for r in records if isinstance(r, Shape)}
    for r in records:
        for p in _points_of(r, boxes):
            lo_x, lo_y = min(lo_x, p.x), min(lo_y, p.y)
            hi_x, hi_y = max(hi_x, p.x), max(hi_y, p.y)
    if lo_x == math.inf:
        return page, records
    # Rotated corners carry float noise (-1e-15 for an edge on the origin):
    # only content really left of or above the page moves, so a second
    # import of an exported file moves nothing.
    dx = rounded(PAGE_MARGIN - lo_x) if lo_x < -_NOISE else 0.0
    dy = rounded(PAGE_MARGIN - lo_y) if lo_y < -_NOISE else 0.0
    if dx or dy:
        report.add("shifted")
        d = Vec(dx, dy)

        def move(p: Vec) -> Vec:
            return Vec(rounded(p.x + dx), rounded(p.y + dy))

        def move_end(e: End) -> End:
            return Free(point=move(e.point)) if isinstance(e, Free) else e

        moved: list[Record] = []
        for r in records:
            if isinstance(r, Shape):
                b = r.box.translated(d)
                r = replace(r, box=Box(rounded(b.x), rounded(b.y), b.w, b.h))
            elif isinstance(r, Connector):
                r = replace(
                    r,
                    source=move_end(r.source),
                    target=move_end(r.target),
                    waypoints=tuple(move(p) for p in r.waypoints),
                )
            moved.append(r)
        records = moved
    width = min(
        limits.MAX_COORD, max(page.width, _page_extent(hi_x + dx + PAGE_MARGIN))
    )
    height = min(
        limits.MAX_COORD, max(page.height, _page_extent(hi_y + dy + PAGE_MARGIN))
    )
    return replace(page, width=rounded(width), height=rounded(height)), records
