"""An embedded picture; only PNG, JPEG, GIF, WebP and SVG data URIs are drawn.

Anything else (``javascript:``, remote URLs, ``data:text/html``) gets a crossed
placeholder box instead, so a hostile file can neither run code nor make the
viewer fetch anything. An SVG is drawn only through ``<image>`` (an image
context runs no script and loads nothing) and only as the renderer hands it
over: rebuilt by ``formats.pictures.safe_src`` from allowed parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from linework.model import Shape
from linework.shapes.kind import (
    BoxKind,
    box_rect,
    diagonals,
    image_node,
    lines_node,
)
from linework.svg import SvgNode

_DATA_URI: Final = re.compile(
    r"data:image/(?:png|jpeg|gif|webp|svg\+xml);base64,([A-Za-z0-9+/]+={0,2})"
)


def is_safe_image_src(src: object) -> bool:
    """Return whether ``src`` is a base64 data URI of a PNG, JPEG, GIF, WebP or SVG.

    >>> is_safe_image_src("data:image/png;base64,iVBORw0KGgo=")
    True
    >>> is_safe_image_src("https://example.com/a.png")
    False
    """
    if not isinstance(src, str):
        return False
    m = _DATA_URI.fullmatch(src)
    return m is not None and len(m.group(1)) % 4 == 0


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageKind(BoxKind):
    """``props["src"]`` scaled to fit the box (aspect kept), with a thin border."""

    def body(self, shape: Shape) -> tuple[SvgNode, ...]:
        """Return the image and its border, or a crossed placeholder box."""
        b = shape.box
        src = shape.props.get("src")
        border = box_rect(b, fill="none")
        if isinstance(src, str) and is_safe_image_src(src):
            return (image_node(b, src), border)
        return (
            box_rect(b),
            lines_node(*diagonals(b)),
        )
