"""A tiny frozen SVG tree and its one serializer.

Everything that reaches SVG text goes through ``serialize``, which escapes every
attribute value and text node, so user text is always data, never markup.
Attributes keep the order they were given in, so output is byte-stable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from linework.geometry import fmt

_ATTR_ESCAPES: Final = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)
_TEXT_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


# Characters XML 1.0 cannot carry at all: C0 controls but tab and newlines,
# lone surrogates, and U+FFFE/U+FFFF.
_UNSAFE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Anything esc_attr would drop or replace. Most values (colours, numbers, path
# data, ids) hold none of it, and one scan is much cheaper than a translate.
_ATTR_SPECIAL: Final = re.compile(
    '[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]'
)


def _clean(s: str) -> str:
    """Drop characters XML 1.0 cannot carry (C0 controls but tab/newlines, etc.)."""
    return _UNSAFE.sub("", s) if _UNSAFE.search(s) else s


def esc_attr(s: str) -> str:
    """Escape text for a double-quoted XML attribute.

    >>> esc_attr('"><svg onload=x>')
    '&quot;&gt;&lt;svg onload=x&gt;'
    """
    if len(s) > 256 and s.startswith("data:") and is_data_uri(s):
        return s  # a picture's base64: nothing to escape, and known already
    if _ATTR_SPECIAL.search(s) is None:
        return s
    return _clean(s).translate(_ATTR_ESCAPES)


#: A base64 data URI, as pictures and icons carry them (the payload's length a
#: multiple of 4 is checked apart).
_DATA_URI: Final = re.compile(r"data:[a-z]+/[a-z0-9.+-]+;base64,([A-Za-z0-9+/]+={0,2})")
#: Base64 data URIs met already, by value (see is_data_uri); bounded.
_DATA_URIS: set[str] = set()
_DATA_URIS_MAX: Final = 1024


def is_data_uri(s: str) -> bool:
    """Return whether ``s`` is a base64 data URI (``data:<type>;base64,<base64>``).

    Such text holds nothing an attribute escapes. A page of icons carries a few
    thousand base64 characters per icon, and the renderer asked this of each
    (the icon kind, then the serializer) with a scan each time: each distinct
    URI is scanned once now, and later asked for by value (its hash is kept by
    the string; an equal copy costs a compare).

    >>> is_data_uri("data:image/png;base64,iVBO"), is_data_uri("data:,<b>")
    (True, False)
    """
    if s in _DATA_URIS:
        return True
    m = _DATA_URI.fullmatch(s)
    if m is None or len(m.group(1)) % 4:
        return False
    vouch_data_uri(s)
    return True


def vouch_data_uri(uri: str) -> str:
    """Remember ``uri`` as a base64 data URI without scanning it; return it.

    Only for the code that built it from base64 or checked it so
    (``formats.pictures.safe_src``): what it vouches for is never escaped.
    """
    if len(_DATA_URIS) >= _DATA_URIS_MAX:
        _DATA_URIS.clear()
    _DATA_URIS.add(uri)
    return uri


def esc_text(s: str) -> str:
    """Escape text for an XML text node.

    >>> esc_text("<script>&")
    '&lt;script&gt;&amp;'
    """
    if _TEXT_SPECIAL.search(s) is None:  # most labels: one scan, as esc_attr
        return s
    return _clean(s).translate(_TEXT_ESCAPES)


# Anything esc_text would drop or replace.
_TEXT_SPECIAL: Final = re.compile(
    "[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
)


AttrValue = str | float | int


@dataclass(frozen=True, slots=True)
class SvgNode:
    """An SVG element: tag, ordered attributes, children and optional text."""

    tag: str
    attrs: tuple[tuple[str, AttrValue], ...] = ()
    children: tuple[SvgNode, ...] = ()
    text: str = ""

    def __init__(
        self,
        tag: str,
        attrs: tuple[tuple[str, AttrValue], ...] = (),
        children: tuple[SvgNode, ...] = (),
        text: str = "",
    ) -> None:
        # The generated frozen __init__'s work through the slot descriptors
        # directly: several nodes are built per element, and this is cheaper.
        _SET_TAG(self, tag)
        _SET_ATTRS(self, attrs)
        _SET_CHILDREN(self, children)
        _SET_TEXT(self, text)


_SET_TAG: Final[Callable[[SvgNode, object], None]] = SvgNode.__dict__["tag"].__set__
_SET_ATTRS: Final[Callable[[SvgNode, object], None]] = SvgNode.__dict__["attrs"].__set__
_SET_CHILDREN: Final[Callable[[SvgNode, object], None]] = SvgNode.__dict__[
    "children"
].__set__
_SET_TEXT: Final[Callable[[SvgNode, object], None]] = SvgNode.__dict__["text"].__set__


def node(
    tag: str, *children: SvgNode, text: str = "", **attrs: AttrValue | None
) -> SvgNode:
    """Build a node; ``None`` attributes are left out and ``_`` in names becomes ``-``.

    >>> serialize(node("rect", x=1.0, stroke_width=2, fill=None))
    '<rect x="1" stroke-width="2"/>'
    """
    names = _NAMES
    for k in attrs:
        if k not in names:
            names[k] = k.rstrip("_").replace("_", "-")
    items = tuple([(names[k], v) for k, v in attrs.items() if v is not None])
    return SvgNode(tag, items, children, text)


# Keyword name → attribute name; the set of names in use is small and fixed.
_NAMES: Final[dict[str, str]] = {}


def _value(v: AttrValue) -> str:
    # Exact-type checks first: they are the common cases and cheaper than
    # isinstance with a union; anything else takes the general path below.
    t = type(v)
    if t is str:
        return esc_attr(v)  # type: ignore[arg-type]
    if t is float:
        return fmt(v)  # type: ignore[arg-type]
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float | int):
        return fmt(float(v))
    return esc_attr(v)


def attrs_text(attrs: tuple[tuple[str, AttrValue], ...]) -> str:
    """Return the text ``serialize`` writes for ``attrs``: `` name="value"`` each.

    For renderers that write the frame of a fragment themselves and memoize
    the attributes that depend on a style alone.

    >>> attrs_text((("fill", "none"), ("stroke-width", 1.5)))
    ' fill="none" stroke-width="1.5"'
    """
    return "".join([f' {k}="{_value(v)}"' for k, v in attrs])


def serialize(n: SvgNode) -> str:
    """Return the SVG text of a node and its children."""
    parts: list[str] = []
    _write(n, parts)
    return "".join(parts)


# The text of an attribute, `` name="value"``, by its (name, value) pair. Most
# pairs recur (colours, widths, kinds, grid coordinates), and hashing the pair
# is cheaper than formatting or escaping it. Only floats and short strings are
# stored (path data rarely recurs). Equal pairs print alike (an int hitting a
# float entry prints the same, as _value formats ints as floats), except
# booleans, which never look here.
_ATTR_TEXT: dict[tuple[str, AttrValue], str] = {}
_ATTR_TEXT_MAX = 65_536


def _write(n: SvgNode, out: list[str]) -> None:
    tag = n.tag
    append = out.append
    append("<" + tag)
    cache = _ATTR_TEXT
    get = cache.get
    for item in n.attrs:
        v = item[1]
        text = None if v is True or v is False else get(item)
        if text is None:
            text = f' {item[0]}="{_value(v)}"'
            t = type(v)
            if t is float or (t is str and len(v) <= 64):  # type: ignore[arg-type]
                if len(cache) >= _ATTR_TEXT_MAX:
                    cache.clear()
                cache[item] = text
        append(text)
    children, body = n.children, n.text
    if not children and not body:
        append("/>")
        return
    append(">")
    if body:
        append(esc_text(body))
    for c in children:
        _write(c, out)
    append(f"</{tag}>")


def path_d(commands: list[tuple[str, tuple[float, ...]]]) -> str:
    """Format path commands, e.g. ``[("M", (0, 0)), ("L", (1, 2)), ("Z", ())]``.

    >>> path_d([("M", (0, 0.5)), ("L", (1, 2)), ("Z", ())])
    'M0 0.5L1 2Z'
    """
    f = fmt
    return "".join(
        [
            c + f(args[0]) + " " + f(args[1])
            if len(args) == 2
            else c + " ".join([f(v) for v in args])
            for c, args in commands
        ]
    )
