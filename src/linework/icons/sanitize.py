"""An allowlist SVG sanitizer for icons (library data and pasted icon SVG).

Only drawing elements and presentation attributes survive; scripts,
``<foreignObject>``, event handlers, styles with anything but plain values and
every reference outside the icon (``href`` not starting with ``#``, ``url()``
not naming a local id) are dropped. The output is re-serialized by the core's
one serializer, so it is byte-stable and well-formed. Icons are further drawn
only through ``<image>``, where an SVG can neither run script nor fetch.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Final

from linework.errors import LineworkError
from linework.svg import AttrValue, SvgNode, serialize

SVG_NS: Final = "http://www.w3.org/2000/svg"
_XLINK_NS: Final = "http://www.w3.org/1999/xlink"

#: Largest SVG text accepted (library icons are a few kB; logos up to ~100 kB).
MAX_SVG_CHARS: Final = 400_000

_ELEMENTS: Final = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "clipPath", "mask", "pattern",
        "linearGradient", "radialGradient", "stop", "path", "rect", "circle",
        "ellipse", "line", "polyline", "polygon", "filter", "feBlend",
        "feColorMatrix", "feComposite", "feDropShadow", "feFlood",
        "feGaussianBlur", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    }
)  # fmt: skip

_ATTRIBUTES: Final = frozenset(
    {
        "id", "transform", "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
        "rx", "ry", "fx", "fy", "fr", "width", "height", "points", "pathLength",
        "viewBox", "preserveAspectRatio", "fill", "fill-opacity", "fill-rule",
        "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
        "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "opacity", "color", "visibility", "display",
        "vector-effect", "paint-order", "shape-rendering", "clip-path",
        "clip-rule", "mask", "filter", "offset", "stop-color", "stop-opacity",
        "gradientUnits", "gradientTransform", "spreadMethod", "patternUnits",
        "patternContentUnits", "patternTransform", "clipPathUnits", "maskUnits",
        "maskContentUnits", "filterUnits", "primitiveUnits", "in", "in2",
        "result", "mode", "operator", "k1", "k2", "k3", "k4", "type", "values",
        "stdDeviation", "dx", "dy", "radius", "flood-color", "flood-opacity",
        "color-interpolation-filters", "color-interpolation", "mix-blend-mode",
        "href",
    }
)  # fmt: skip

_LOCAL_HREF: Final = re.compile(r"#[A-Za-z][A-Za-z0-9_.:-]{0,100}")
_URL: Final = re.compile(r"url\(", re.IGNORECASE)
_LOCAL_URL: Final = re.compile(
    r"url\(\s*['\"]?#[A-Za-z][A-Za-z0-9_.:-]{0,100}['\"]?\s*\)"
)
_BAD_VALUE: Final = re.compile(r"[<>\\@]|expression|javascript:", re.IGNORECASE)
_NUMBER: Final = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
_MAX_DEPTH: Final = 40
_MAX_NODES: Final = 20_000


class IconError(LineworkError):
    """An icon's SVG could not be read (LW-E0220)."""

    def __init__(self, detail: str) -> None:
        super().__init__("LW-E0220", detail)


def _safe_value(name: str, value: str) -> str | None:
    """Return the value if it may stay on attribute ``name``, else None."""
    value = value.strip()
    if len(value) > 200_000 or _BAD_VALUE.search(value):
        return None
    if name == "href":
        return value if _LOCAL_HREF.fullmatch(value) else None
    if _URL.search(value):
        # Only a whole-value local reference: fill="url(#g)".
        m = _LOCAL_URL.fullmatch(value)
        if m is None:
            return None
        return "url(#" + value.split("#", 1)[1].strip(" )'\"") + ")"
    return value


def _attrs(el: ET.Element) -> tuple[tuple[str, AttrValue], ...]:
    out: dict[str, str] = {}
    for raw, value in el.attrib.items():
        name = raw
        if raw.startswith("{"):
            ns, _, local = raw[1:].partition("}")
            if ns != _XLINK_NS or local != "href":
                continue
            name = "href"
        if name == "style":
            for decl in value.split(";"):
                prop, colon, v = decl.partition(":")
                prop = prop.strip()
                if colon and prop in _ATTRIBUTES and prop != "href":
                    safe = _safe_value(prop, v)
                    if safe is not None:
                        out.setdefault(prop, safe)
            continue
        if name not in _ATTRIBUTES:
            continue
        safe = _safe_value(name, value)
        if safe is not None:
            out[name] = safe
    return tuple(out.items())


def _convert(el: ET.Element, depth: int, budget: list[int]) -> SvgNode | None:
    tag: object = el.tag  # comments and PIs have a function here
    if not isinstance(tag, str) or not tag.startswith("{" + SVG_NS + "}"):
        return None
    local = tag[len(SVG_NS) + 2 :]
    if local not in _ELEMENTS or depth > _MAX_DEPTH:
        return None
    budget[0] -= 1
    if budget[0] < 0:
        raise IconError("The icon has too many elements.")
    children = tuple(
        c for c in (_convert(ch, depth + 1, budget) for ch in el) if c is not None
    )
    return SvgNode(local, _attrs(el), children)


def _dimension(value: str | None) -> float | None:
    if value is None:
        return None
    m = _NUMBER.match(value.strip())
    return float(m.group(0)) if m else None


def sanitize_svg(text: str) -> tuple[str, float, float]:
    """Return ``(svg, width, height)``: the sanitized SVG document and its size.

    Raises:
        IconError: the text is not an SVG document, is too big, or declares
            entities or a DTD.

    >>> svg, w, h = sanitize_svg('<svg xmlns="http://www.w3.org/2000/svg" '
    ...     'viewBox="0 0 24 24" onload="x()"><script>x()</script>'
    ...     '<path d="M0 0h4" style="fill:url(https://e/x)"/></svg>')
    >>> svg.removeprefix('<svg xmlns="http://www.w3.org/2000/svg" '), w, h
    ('viewBox="0 0 24 24" width="24" height="24"><path d="M0 0h4"/></svg>', 24.0, 24.0)
    """
    if len(text) > MAX_SVG_CHARS:
        raise IconError("The icon is too big.")
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        raise IconError("The icon declares a DTD or entities, which are not allowed.")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise IconError(f"The icon is not well-formed SVG ({error}).") from None
    if root.tag != "{" + SVG_NS + "}svg":
        raise IconError("The icon is not an SVG document.")
    converted = _convert(root, 0, [_MAX_NODES])
    assert converted is not None
    attrs = dict(converted.attrs)
    w = _dimension(str(attrs.pop("width", "")) or None)
    h = _dimension(str(attrs.pop("height", "")) or None)
    box = str(attrs.get("viewBox", "")).replace(",", " ").split()
    if len(box) == 4 and all(_NUMBER.fullmatch(b) for b in box):
        vw, vh = float(box[2]), float(box[3])
        w, h = w or vw, h or vh
    if not w or not h or w <= 0 or h <= 0:
        w, h = w or 24.0, h or 24.0
    attrs.pop("x", None)
    attrs.pop("y", None)
    items: tuple[tuple[str, AttrValue], ...] = (
        ("xmlns", SVG_NS),
        *attrs.items(),
        ("width", w),
        ("height", h),
    )
    return serialize(SvgNode("svg", items, converted.children)), w, h


def icon_svg(body: str, width: float, height: float, *, extra: str = "") -> str:
    """Wrap an Iconify-style ``body`` in an ``<svg>`` root (not yet sanitized).

    >>> sanitize_svg(icon_svg('<path d="M0 0"/>', 24, 24))[1:]
    (24.0, 24.0)
    """
    from linework.geometry import fmt

    return (
        f'<svg xmlns="{SVG_NS}" xmlns:xlink="{_XLINK_NS}" '
        f'viewBox="0 0 {fmt(width)} {fmt(height)}" '
        f'width="{fmt(width)}" height="{fmt(height)}"{extra}>{body}</svg>'
    )
