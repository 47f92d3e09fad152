"""draw.io style values (colours, arrows, dashes, text, label position, images).

Shared by the import and the export, so both read a style the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Final

from linework.formats import limits, pictures
from linework.formats.colours import NAMED_COLOURS
from linework.formats.drawio.names import ARROWS, IMAGE_TYPES, SAFE_NAME
from linework.geometry.fmt import rounded
from linework.model import (
    LabelPosition,
)
from linework.model.rich import safe_family


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


def flag(style: Mapping[str, str], key: str, default: bool = False) -> bool:
    v = style.get(key)
    if v is None:
        return default
    return v.strip() not in ("0", "", "false")


def locked(style: Mapping[str, str]) -> bool:
    """Return whether a cell is locked: ``locked=1``, or neither movable nor resizable.

    Our lock is whole (no moving, resizing or editing), so a cell that only
    forbids one of moving and resizing stays unlocked.
    """
    return flag(style, "locked") or not (
        flag(style, "movable", True) or flag(style, "resizable", True)
    )


def arrowhead(name: str | None, filled: bool, *, default: str) -> tuple[str, bool]:
    """Return our arrowhead for a draw.io arrow, and whether the name was known."""
    if name is None:
        return default, True
    pair = ARROWS.get(name.strip())
    if pair is None:
        return "classic", False
    return pair[0] if filled else pair[1], True


def _dash(style: Mapping[str, str]) -> str:
    if not flag(style, "dashed"):
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


def bounded(raw: str | None, default: float, lo: float, hi: float) -> float:
    try:
        x = float(raw) if raw is not None else default
    except ValueError:
        x = default
    if not math.isfinite(x):
        x = default
    return rounded(max(lo, min(hi, x)))


def text_style(
    style: Mapping[str, str],
    names: tuple[str, ...],
    *,
    bold: bool,
    italic: bool,
    underline: bool,
    edge: bool = False,
) -> dict[str, Any]:
    """Return the text fields of our style from draw.io keys.

    Missing keys take draw.io's defaults, which depend on the named style: the
    default stylesheet sets ``text`` and ``edgeLabel`` left/top, ``label``
    bold and left, and ``swimlane`` bold; its vertices' font size is 12, its
    edges' and edge labels' 11 (``edge``: the style is an edge's).
    """
    text_like = "text" in names or "edgeLabel" in names
    # draw.io's stylesheet makes ``label`` and ``swimlane`` titles bold.
    default_style = "1" if "label" in names or "swimlane" in names else "0"
    try:
        font_style = int(float(style.get("fontStyle", default_style)))
    except (ValueError, OverflowError):
        font_style = 0
    default_align = "left" if text_like or "label" in names else "center"
    align = style.get("align", default_align)
    top = text_like or not _OUTSIDE_BELOW.isdisjoint(names)
    valign = style.get("verticalAlign", "top" if top else "middle")
    spacing = bounded(style.get("spacing"), 2.0, 0.0, 100_000.0)
    default_size = 11.0 if edge or "edgeLabel" in names else 12.0
    return {
        **_side_spacing(style, spacing),
        "font_size": bounded(style.get("fontSize"), default_size, 1.0, 1000.0),
        "font_color": colour(style.get("fontColor"), "#000000"),
        # Arial/Helvetica, Times, Courier… map to the shipped family like them.
        "font_family": safe_family(style.get("fontFamily")) or "Arimo",
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
        extra = bounded(style.get(key), 0.0, -100_000.0, 100_000.0)
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


def hides_frame(shape: str, style: Mapping[str, str]) -> bool:
    """Return whether draw.io draws a group shape without its frame.

    AWS group shapes (``mxgraph.aws4.group``, ``groupCenter``) take
    ``grStroke=0`` to fill the box but stroke only the corner icon with
    ``strokeColor``: the frame itself has no line.

    >>> hides_frame("mxgraph.aws4.group", {"grStroke": "0"})
    True
    >>> hides_frame("mxgraph.aws4.group", {}), hides_frame("rect", {"grStroke": "0"})
    (False, False)
    """
    return (
        shape.startswith("mxgraph.aws4.group")
        and style.get("grStroke", "1").strip() == "0"
    )


def flip(style: Mapping[str, str], implied: str = "") -> str:
    """Return our ``flip`` prop (``"h"``, ``"v"``, ``"hv"`` or ``""``) for a vertex.

    ``implied`` is the kind's own draw.io style: a flip it already carries
    (a UML node is draw.io's cube with ``flipH=1``) is the kind, not a mirror.

    >>> flip({"flipH": "1"}), flip({"flipV": "1", "flipH": "1"}), flip({"flipH": "0"})
    ('h', 'hv', '')
    >>> flip({"flipH": "1"}, "shape=cube;size=12;flipH=1;")
    ''
    """
    out = ""
    for key, axis in (("flipH", "h"), ("flipV", "v")):
        if flag(style, key) and f"{key}=1" not in implied:
            out += axis
    return out


def line_style(style: Mapping[str, str]) -> dict[str, Any]:
    return {
        "stroke_width": bounded(style.get("strokeWidth"), 1.0, 0.0, 1000.0),
        "dash": _dash(style),
        "opacity": bounded(style.get("opacity"), 100.0, 0.0, 100.0) / 100.0,
        "shadow": flag(style, "shadow"),
    }


def head_size(raw: str | None, stroke_width: float) -> float | None:
    """Return an arrowhead's length from draw.io's ``startSize``/``endSize``.

    draw.io draws a marker of size s over s plus the stroke width (mxMarker);
    absent or unreadable leaves the automatic size (None).
    """
    if raw is None:
        return None
    try:
        x = float(raw)
    except ValueError:
        return None
    if not math.isfinite(x):
        return None
    return rounded(max(1.0, min(200.0, x + max(stroke_width, 0.0))))


def image_src(raw: str | None) -> str | None:
    """Return a draw.io ``image=`` value as a base64 PNG/JPEG/GIF/WebP/SVG data URI.

    draw.io drops ``;base64`` from data URIs in styles (``;`` separates keys).
    An SVG comes back rebuilt from allowed parts (``pictures.safe_src``); it is
    drawn only through ``<image>``. Anything else, remote URLs included, gives
    None.
    """
    if not raw or not raw.startswith("data:image/"):
        return None
    head, comma, payload = raw.partition(",")
    if not comma:
        return None
    mime = head[len("data:image/") :].split(";")[0].lower()
    if mime == "svg+xml":
        return _svg_src(payload.strip(), raw)
    kind = IMAGE_TYPES.get(mime)
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


def _svg_src(payload: str, raw: str) -> str | None:
    """Return an SVG ``image=`` value sanitized, from base64 or percent-encoding."""
    if len(payload) > limits.MAX_IMAGE_CHARS - 64:
        return None
    if payload and not payload.strip(_B64) and len(payload) % 4 == 0:
        return pictures.safe_src(f"data:image/svg+xml;base64,{payload}")
    return pictures.safe_src(raw)


_B64: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="


def style_image(src: str) -> str | None:
    """Return a data URI as draw.io writes it in a style (no ``;base64``), or None.

    Only sources that ``image_src`` reads back the same are returned.

    >>> style_image("data:image/png;base64,iVBORw0KGgo=")
    'data:image/png,iVBORw0KGgo='
    """
    head, comma, payload = src.partition(",")
    if not comma or not head.endswith(";base64"):
        return None
    out = f"{head[: -len(';base64')]},{payload}"
    return out if image_src(out) == src else None


def is_safe_shape_name(name: str) -> bool:
    """Return whether a draw.io shape name may be written into a style string."""
    return SAFE_NAME.fullmatch(name) is not None
