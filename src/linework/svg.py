"""A tiny frozen SVG tree and its one serializer.

Everything that reaches SVG text goes through ``serialize``, which escapes every
attribute value and text node, so user text is always data, never markup.
Attributes keep the order they were given in, so output is byte-stable.
"""

from __future__ import annotations

import re
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


def _clean(s: str) -> str:
    """Drop characters XML 1.0 cannot carry (C0 controls but tab/newlines, etc.)."""
    return _UNSAFE.sub("", s) if _UNSAFE.search(s) else s


def esc_attr(s: str) -> str:
    """Escape text for a double-quoted XML attribute.

    >>> esc_attr('"><svg onload=x>')
    '&quot;&gt;&lt;svg onload=x&gt;'
    """
    return _clean(s).translate(_ATTR_ESCAPES)


def esc_text(s: str) -> str:
    """Escape text for an XML text node.

    >>> esc_text("<script>&")
    '&lt;script&gt;&amp;'
    """
    return _clean(s).translate(_TEXT_ESCAPES)


AttrValue = str | float | int


@dataclass(frozen=True, slots=True)
class SvgNode:
    """An SVG element: tag, ordered attributes, children and optional text."""

    tag: str
    attrs: tuple[tuple[str, AttrValue], ...] = ()
    children: tuple[SvgNode, ...] = ()
    text: str = ""


def node(
    tag: str, *children: SvgNode, text: str = "", **attrs: AttrValue | None
) -> SvgNode:
    """Build a node; ``None`` attributes are left out and ``_`` in names becomes ``-``.

    >>> serialize(node("rect", x=1.0, stroke_width=2, fill=None))
    '<rect x="1" stroke-width="2"/>'
    """
    items = tuple(
        (k.rstrip("_").replace("_", "-"), v) for k, v in attrs.items() if v is not None
    )
    return SvgNode(tag, items, children, text)


def _value(v: AttrValue) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float | int):
        return fmt(float(v))
    return esc_attr(v)


def serialize(n: SvgNode) -> str:
    """Return the SVG text of a node and its children."""
    parts: list[str] = []
    _write(n, parts)
    return "".join(parts)


def _write(n: SvgNode, out: list[str]) -> None:
    out.append("<")
    out.append(n.tag)
    for k, v in n.attrs:
        out.append(f' {k}="{_value(v)}"')
    if not n.children and not n.text:
        out.append("/>")
        return
    out.append(">")
    if n.text:
        out.append(esc_text(n.text))
    for c in n.children:
        _write(c, out)
    out.append(f"</{n.tag}>")


def path_d(commands: list[tuple[str, tuple[float, ...]]]) -> str:
    """Format path commands, e.g. ``[("M", (0, 0)), ("L", (1, 2)), ("Z", ())]``.

    >>> path_d([("M", (0, 0.5)), ("L", (1, 2)), ("Z", ())])
    'M0 0.5L1 2Z'
    """
    return "".join(c + " ".join(fmt(v) for v in args) for c, args in commands)
