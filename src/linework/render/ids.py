"""Per-render id prefixes: several drawings in one page without clashing ids.

The renderer's defs (``lw-shadow``) carry fixed ids, which the canvas and an
exported file use as they are. Where several renders share one page (the
template gallery's thumbnails beside the canvas), each takes a prefix: its
``id`` attributes and the local references to them (``url(#…)``, ``href="#…"``)
are rewritten in the node tree, never in the serialized text, so a label that
happens to read ``url(#lw-shadow)`` stays as typed. With no prefix nothing is
rewritten, so normal renders keep their bytes.
"""

from __future__ import annotations

import re
from typing import Final

from linework.svg import AttrValue, SvgNode

#: A prefix must itself be a plain id start: letters, digits, ``-`` and ``_``.
_PREFIX: Final = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,63}")
_URL_REF: Final = re.compile(r"url\(#([^)\s]+)\)")
_HREFS: Final = frozenset({"href", "xlink:href"})
#: The ids the renderer's own defs declare (render.SVG_DEFS).
_DEFS_ID: Final = re.compile(r'\bid="([^"]+)"')


def check_prefix(prefix: str) -> str:
    """Return ``prefix`` if it may start an id ('' for none).

    Raises:
        ValueError: for anything else (a prefix is ours, never user text).
    """
    if prefix and not _PREFIX.fullmatch(prefix):
        raise ValueError(f"not an id prefix: {prefix!r}")
    return prefix


def _attr(name: str, value: AttrValue, prefix: str) -> AttrValue:
    if not isinstance(value, str):
        return value
    if name == "id":
        return prefix + value
    if name in _HREFS and value.startswith("#"):
        return "#" + prefix + value[1:]
    if "url(#" in value:
        return _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value)
    return value


def prefixed(n: SvgNode, prefix: str) -> SvgNode:
    """Return the node tree with its ids and local references prefixed."""
    if not prefix:
        return n
    return SvgNode(
        n.tag,
        tuple((k, _attr(k, v, prefix)) for k, v in n.attrs),
        tuple(prefixed(c, prefix) for c in n.children),
        n.text,
    )


def prefixed_defs(defs: str, prefix: str) -> str:
    """Return the renderer's fixed defs text (ours, no user data) with ids prefixed."""
    if not prefix:
        return defs
    return _DEFS_ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', defs)
