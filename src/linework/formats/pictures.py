"""Pictures a user inserts: sniffed, measured and embedded as ``data:`` URIs.

A picture is an image shape whose ``props["src"]`` is a base64 ``data:`` URI of a
PNG, JPEG, GIF, WebP or SVG file, so the document stays self-contained and
nothing is ever fetched (the same record serves an icon taken from a library).
The pixel size is read here from the file's header, not by the browser, so
native and browser agree on the shape's size.

SVG can carry script, event handlers, external references and HTML in
``<foreignObject>``. It is always drawn through ``<image>`` (an image context
runs no script and loads nothing), and on top of that the core rebuilds it
from an allow-list of elements and attributes (:func:`sanitize_svg`), parsed
with the defused parser of ``formats.xmlsafe``.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache
from typing import Final
from urllib.parse import unquote_to_bytes

from linework import phases
from linework.errors import LineworkError
from linework.formats import xmlsafe
from linework.formats.xmlsafe import local_name
from linework.icons import known
from linework.svg import vouch_data_uri

#: Largest picture file accepted, in bytes (its data URI stays below the
#: 16 MiB image limit of the file format).
MAX_PICTURE_BYTES: Final = 10 * 1024 * 1024
#: A picture is inserted at its natural size, scaled down to fit this square.
MAX_INSERT_SIDE: Final = 480.0
#: Size used for an SVG that states none (the CSS default for replaced elements).
DEFAULT_SVG_SIZE: Final = (300.0, 150.0)

MIME_TYPES: Final = ("image/png", "image/jpeg", "image/gif", "image/webp")
SVG_MIME: Final = "image/svg+xml"

_RASTER_URI: Final = re.compile(
    r"data:image/(?:png|jpeg|gif|webp);base64,([A-Za-z0-9+/]+={0,2})"
)
_SVG_URI: Final = re.compile(r"data:image/svg\+xml(;[^,]*)?,(.*)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Picture:
    """A picture ready to embed: its data URI and natural size in page units."""

    src: str
    mime: str
    width: float
    height: float


def sniff(data: bytes) -> str | None:
    """Return the media type of picture bytes, or None if they are no picture.

    >>> sniff(b"\\x89PNG\\r\\n\\x1a\\n..."), sniff(b"<svg/>"), sniff(b"hello")
    ('image/png', 'image/svg+xml', None)
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if _looks_svg(data):
        return SVG_MIME
    return None


def _looks_svg(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not head.startswith(b"<"):
        return False
    return b"<svg" in head


# --------------------------------------------------------------------------- sizes
def raster_size(data: bytes, mime: str) -> tuple[int, int] | None:
    """Return the pixel size a PNG, JPEG, GIF or WebP header states, or None."""
    try:
        if mime == "image/png":
            if data[12:16] != b"IHDR":
                return None
            w, h = struct.unpack(">II", data[16:24])
            return _positive(w, h)
        if mime == "image/gif":
            w, h = struct.unpack("<HH", data[6:10])
            return _positive(w, h)
        if mime == "image/webp":
            return _webp_size(data)
        if mime == "image/jpeg":
            return _jpeg_size(data)
    except struct.error:
        return None
    return None


def _positive(w: int, h: int) -> tuple[int, int] | None:
    return (w, h) if w > 0 and h > 0 else None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(data[24:27], "little") + 1
        h = int.from_bytes(data[27:30], "little") + 1
        return _positive(w, h)
    if chunk == b"VP8L" and data[20:21] == b"\x2f":
        bits = int.from_bytes(data[21:25], "little")
        return _positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
        w, h = struct.unpack("<HH", data[26:30])
        return _positive(w & 0x3FFF, h & 0x3FFF)
    return None


# Start-of-frame markers carry the size (not DHT 0xC4, JPG 0xC8 or DAC 0xCC).
_SOF: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    i = 2
    n = len(data)
    while i + 4 <= n:
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if marker in _SOF:
            h, w = struct.unpack(">HH", data[i + 5 : i + 9])
            return _positive(w, h)
        if length < 2:
            return None
        i += 2 + length
    return None


_LENGTH: Final = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px)?\s*")


def _svg_length(value: str | None) -> float | None:
    if value is None:
        return None
    m = _LENGTH.fullmatch(value)
    if m is None:
        return None
    v = float(m.group(1))
    return v if 0 < v < 1e6 else None


def svg_size(attrs: dict[str, str]) -> tuple[float, float]:
    """Return an SVG root's size: ``width``/``height``, else its view box's."""
    w = _svg_length(attrs.get("width"))
    h = _svg_length(attrs.get("height"))
    vb = attrs.get("viewBox", "").replace(",", " ").split()
    vw = vh = None
    if len(vb) == 4:
        try:
            vw, vh = float(vb[2]), float(vb[3])
        except ValueError:
            vw = vh = None
    if vw is not None and vh is not None and (vw <= 0 or vh <= 0 or vw > 1e6):
        vw = vh = None
    if w and h:
        return (w, h)
    if vw and vh:
        if w:
            return (w, w * vh / vw)
        if h:
            return (h * vw / vh, h)
        return (vw, vh)
    return DEFAULT_SVG_SIZE


# --------------------------------------------------------------------------- SVG
_SVG_NS: Final = "http://www.w3.org/2000/svg"
_XLINK_NS: Final = "http://www.w3.org/1999/xlink"
#: Elements kept (with their allowed attributes); anything else is dropped
#: with everything inside it (``script``, ``foreignObject``, ``iframe``,
#: animations, which can rewrite links, and other vocabularies).
_ELEMENTS: Final = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "switch",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "clipPath", "mask",
        "pattern", "marker", "image", "style",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer",
        "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood",
        "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
        "feMerge", "feMergeNode", "feMorphology", "feOffset",
        "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
        "feTurbulence",
    }
)  # fmt: skip
#: Elements whose text is kept (the rest only hold whitespace in SVG).
_TEXT_ELEMENTS: Final = frozenset(
    {"text", "tspan", "textPath", "title", "desc", "style"}
)
#: ``<a>`` keeps what it draws but loses the link.
_UNWRAP: Final = frozenset({"a"})
_ATTR_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_URL: Final = re.compile(r"url\s*\(\s*(['\"]?)\s*([^)'\"]*)\1\s*\)", re.IGNORECASE)
# CSS that can name something outside without url(): image-set("…"),
# image("…") and src("…") take plain strings as addresses.
_BAD_CSS: Final = re.compile(
    r"@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|\\"
    r"|image-set\s*\(|\bimage\s*\(|\bsrc\s*\(",
    re.IGNORECASE,
)


def _css_ok(text: str) -> bool:
    """Return whether CSS (a ``style`` attribute or element) refers to nothing outside.

    Only ``url(#id)`` references to the picture itself are allowed.
    """
    if _BAD_CSS.search(text):
        return False
    return all(m.group(2).strip().startswith("#") for m in _URL.finditer(text))


# What an attribute's name alone decides (the value is checked after):
_REFUSED, _HREF, _STYLE, _PLAIN = range(4)


@lru_cache(maxsize=4096)
def _name_rule(name: str) -> int:
    """Return what an attribute name allows: refused, href, style or plain.

    Memoized: a picture repeats a handful of names thousands of times.
    """
    prefix, _, local = name.rpartition(":")
    if prefix not in ("", "xlink", "xml") or not _ATTR_NAME.fullmatch(local):
        return _REFUSED
    low = local.lower()
    if low.startswith("on") or low in ("xmlns", "base", "src"):
        return _REFUSED
    if low == "href":
        return _HREF
    return _STYLE if low == "style" else _PLAIN


def _attr_ok(tag: str, name: str, value: str) -> bool:
    rule = _name_rule(name)
    if rule == _PLAIN:
        lowered = value.lower()
        if "url" in lowered:
            return _css_ok(value)
        return "javascript:" not in lowered and "data:" not in lowered
    if rule == _HREF:
        if tag == "image":
            return _RASTER_URI.fullmatch(value.strip()) is not None
        return value.strip().startswith("#")
    if rule == _STYLE:
        return _css_ok(value)
    return False


def _esc(text: str, quote: bool = False) -> str:
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return out.replace('"', "&quot;") if quote else out


def sanitize_svg(text: str) -> tuple[str, tuple[float, float]]:
    """Return an SVG rebuilt from allowed parts only, and its size.

    Keeps shapes, text, gradients, clips, masks, filters and internal
    references; drops scripts, event handlers, ``<foreignObject>``, animation,
    links and every reference outside the picture (``href``, ``url()``, CSS
    ``@import``), and raster images other than embedded PNG/JPEG/GIF/WebP.

    Raises:
        LineworkError: LW-E0209 if the text is not an SVG document; the codes of
            ``xmlsafe.parse`` for hostile XML (DTDs, entities, deep nesting).
    """
    root = xmlsafe.parse(text, code="LW-E0209", allow_doctype=("svg",))
    if local_name(root.tag) != "svg" or root.tag.rpartition(":")[0] not in ("", "svg"):
        raise LineworkError("LW-E0209", "Its root element is not <svg>.")
    size = svg_size(dict(root.attrib))
    out: list[str] = []
    # An explicit stack of elements to write and text already escaped (closing
    # tags and tails), so no depth of nesting can exhaust the call stack.
    stack: list[ET.Element | str] = [root]
    push, emit = stack.append, out.append
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            emit(item)
            continue
        prefix, _, local = item.tag.rpartition(":")
        raw_tail = item.tail if item is not root else None
        tail = _esc(raw_tail) if raw_tail else ""
        if prefix not in ("", "svg") or (
            local not in _ELEMENTS and local not in _UNWRAP
        ):
            emit(tail)  # dropped with everything inside it
            continue
        if local in _UNWRAP:  # keep what a link draws, lose the link
            push(tail)
            stack.extend(reversed(item))
            continue
        parts = [f"<{local}"]
        if item is root:
            parts.append(f' xmlns="{_SVG_NS}" xmlns:xlink="{_XLINK_NS}"')
        for k, v in sorted(item.attrib.items()):
            if _attr_ok(local, k, v):
                parts.append(f' {k}="{_esc(v, True)}"')
        body = item.text or ""
        if local == "style" and not _css_ok(body):
            body = ""
        parts.append(">")
        if body and local in _TEXT_ELEMENTS:
            parts.append(_esc(body))
        emit("".join(parts))
        push(f"</{local}>{tail}")
        stack.extend(reversed(item))
    return "".join(out), size


# --------------------------------------------------------------------------- URIs
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _check_size(n: int) -> None:
    if n > MAX_PICTURE_BYTES:
        raise LineworkError(
            "LW-E0207",
            f"It has {n:,} bytes; the limit is {MAX_PICTURE_BYTES:,}.",
        )


def _svg_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError(
            "LW-E0209", f"It is not UTF-8 text (bad byte at offset {exc.start})."
        ) from None


def picture(data: bytes) -> Picture:
    """Return picture bytes as an embeddable picture with its natural size.

    Raises:
        LineworkError: LW-E0207 above ``MAX_PICTURE_BYTES``, LW-E0208 for bytes
            that are no PNG, JPEG, GIF, WebP or SVG file (or a raster file whose
            header states no size), LW-E0209 for an unreadable SVG.
    """
    _check_size(len(data))
    mime = sniff(data)
    if mime is None:
        raise LineworkError("LW-E0208")
    if mime == SVG_MIME:
        clean, (w, h) = sanitize_svg(_svg_text(data))
        src = f"data:{SVG_MIME};base64,{_b64(clean.encode('utf-8'))}"
        return Picture(src=src, mime=mime, width=w, height=h)
    size = raster_size(data, mime)
    if size is None:
        raise LineworkError("LW-E0208", "Its header states no picture size.")
    return Picture(
        src=f"data:{mime};base64,{_b64(data)}",
        mime=mime,
        width=float(size[0]),
        height=float(size[1]),
    )


def fitted_size(pic: Picture, side: float = MAX_INSERT_SIDE) -> tuple[float, float]:
    """Return the picture's size scaled down (never up) to fit ``side`` square."""
    w, h = pic.width, pic.height
    scale = min(1.0, side / max(w, h))
    return (max(1.0, round(w * scale, 3)), max(1.0, round(h * scale, 3)))


def _svg_uri_bytes(src: str) -> bytes | None:
    m = _SVG_URI.fullmatch(src)
    if m is None:
        return None
    params, payload = m.group(1) or "", m.group(2)
    if ";base64" in params.lower():
        try:
            return base64.b64decode(payload, validate=True)
        except (binascii.Error, ValueError):
            return None
    return unquote_to_bytes(payload)


def is_svg_src(src: object) -> bool:
    """Return whether ``src`` is an SVG data URI (sanitized or not)."""
    return isinstance(src, str) and src[:19].lower() == "data:image/svg+xml,"[:19]


# Large enough for a diagram of a thousand different icons (each render of the
# page asks once per shape): at 256 such a page sanitized every icon again on
# every render.
@lru_cache(maxsize=1024)
def safe_src(src: str) -> str | None:
    """Return a source that is safe to draw, or None for one that is not.

    Raster data URIs come back as they are; an SVG data URI (base64, or
    percent-encoded as draw.io writes it) comes back sanitized and base64; a
    remote URL, ``javascript:`` or anything else is None. Memoized: a diagram
    of a thousand copies of an icon sanitizes it once. A library icon stored
    as this function's own output comes back unparsed when the wheel's table
    of such icons knows its digest (linework.icons.known): the same string a
    full sanitizing would return, checked for each icon when the wheel was built.
    """
    if len(src) > 16 * 1024 * 1024:
        return None
    # What is returned as it came was checked here to be a base64 data URI
    # (the alphabet, or the digest of one): the serializer and the icon kind
    # are told so (svg.vouch_data_uri) instead of scanning it again.
    m = _RASTER_URI.fullmatch(src)
    if m is not None:
        return vouch_data_uri(src) if len(m.group(1)) % 4 == 0 else None
    # Timed (bench.phases): sanitizing a page of distinct icons is most of
    # what they add to an open.
    with phases.phase("pictures"):
        if known.is_known(src):
            return vouch_data_uri(src)
        return sanitize_src(src)


def sanitize_src(src: str) -> str | None:
    """Return an SVG data URI sanitized and base64, or None if it is no SVG.

    The full sanitizer, never the table of known icons: the build calls it to
    check that an icon's stored form is a fixed point (and so may be known).
    """
    raw = _svg_uri_bytes(src)
    if raw is None or len(raw) > MAX_PICTURE_BYTES:
        return None
    try:
        clean, _ = sanitize_svg(raw.decode("utf-8-sig"))
    except (LineworkError, UnicodeDecodeError):
        return None
    return f"data:{SVG_MIME};base64,{_b64(clean.encode('utf-8'))}"
