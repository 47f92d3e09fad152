"""An icon from a library: a sanitized SVG carried by the document itself.

``props``: ``src`` (``data:image/svg+xml;base64,…`` made by the core's icon
sanitizer), ``library`` and ``icon`` (where it came from, for the palette and
export), and optionally ``stencil`` (the foreign stencil an import mapped or
could not map). The SVG is drawn only as an ``<image>``, where it can neither
run script nor fetch anything, so a hostile file stays inert. An icon without
a usable ``src`` (an import stencil with no library equivalent) is drawn as a
neutral placeholder: a grey tile with a generic glyph, never a blank box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from linework.model import Shape
from linework.shapes.kind import BoxKind, box_rect, image_node
from linework.svg import SvgNode, is_data_uri, node

_SVG_PREFIX: Final = "data:image/svg+xml;base64,"
#: Placeholder colours: neutral greys that read as "something goes here".
_TILE_FILL: Final = "#f3f4f6"
_TILE_STROKE: Final = "#9ca3af"


def is_icon_src(src: object) -> bool:
    """Return whether ``src`` is a base64 SVG data URI (what icons carry).

    >>> is_icon_src("data:image/svg+xml;base64,PHN2Zy8+"), is_icon_src("x.svg")
    (True, False)
    """
    # The base64 check is remembered per URI (svg.is_data_uri): a page of
    # icons asks it of every icon on every render.
    return isinstance(src, str) and src.startswith(_SVG_PREFIX) and is_data_uri(src)


@dataclass(frozen=True, slots=True, kw_only=True)
class IconKind(BoxKind):
    """The icon's SVG scaled to fit the box (aspect kept), or a placeholder."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the ``<image>``, or the placeholder tile and glyph."""
        b = shape.box
        src = shape.props.get("src")
        if is_icon_src(src):
            assert isinstance(src, str)
            return (image_node(b, src),)
        s = min(b.w, b.h)
        cx, cy = b.x + b.w / 2, b.y + b.h / 2
        g = s * 0.22  # a small cube: a generic "component" glyph
        glyph = (
            f"M{cx - g:g} {cy - g / 2:g}L{cx:g} {cy - g:g}L{cx + g:g} {cy - g / 2:g}"
            f"L{cx + g:g} {cy + g / 2:g}L{cx:g} {cy + g:g}L{cx - g:g} {cy + g / 2:g}Z"
            f"M{cx - g:g} {cy - g / 2:g}L{cx:g} {cy:g}L{cx + g:g} {cy - g / 2:g}"
            f"M{cx:g} {cy:g}L{cx:g} {cy + g:g}"
        )
        return (
            box_rect(
                b,
                rx=min(6.0, s / 8),
                fill=_TILE_FILL,
                stroke=_TILE_STROKE,
            ),
            node(
                "path",
                d=glyph,
                fill="none",
                stroke=_TILE_STROKE,
            ),
        )
