"""Images draw only embedded picture data; anything else gets a placeholder.

A base64 SVG passes the kind; the renderer hands the kind only a sanitized one
(tests/unit/render/test_pictures_render.py).
"""

from __future__ import annotations

import pytest

from linework.geometry import Box
from linework.model import Shape, frozen_map
from linework.shapes import is_safe_image_src, kind_of
from linework.svg import serialize

PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
GOOD = [
    PNG,
    "data:image/jpeg;base64,/9j/4AAQSkZJRg==",
    "data:image/gif;base64,R0lGODlhAQABAAAAACw=",
    "data:image/webp;base64,UklGRhoAAABXRUJQ",
]
BAD = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "https://example.com/a.png",
    "//example.com/a.png",
    "a.png",
    "data:image/png,rawbytes",
    "data:image/png;base64,",
    "data:image/png;base64,abc",
    "data:image/png;base64,iVBO Rw==",
    "data:image/png;base64,iVBORw==\n",
    " data:image/png;base64,iVBORw==",
    'data:image/png;base64,iVBORw=="><script>',
    "data:image/png;charset=utf-8;base64,iVBORw==",
    "data:image/png;base64,iVBORw===",
    "",
]


def image(src: object) -> Shape:
    """Return an image shape whose ``props["src"]`` is ``src``."""
    return Shape(
        id="shape:1",
        page="page:1",
        layer="layer:1",
        kind="image",
        box=Box(0, 0, 40, 30),
        props=frozen_map({"src": src}),
    )


@pytest.mark.parametrize("src", GOOD)
def test_raster_data_uri_is_drawn(src: str) -> None:
    """PNG, JPEG, GIF and WebP data URIs become an <image>, fitted, with a border."""
    expected = (
        f'<image x="0" y="0" width="40" height="30" href="{src}"'
        ' preserveAspectRatio="xMidYMid meet"/>'
        '<rect x="0" y="0" width="40" height="30" fill="none"/>'
    )

    body = kind_of("image").body(image(src))
    assert expected == "".join(serialize(n) for n in body)


@pytest.mark.parametrize("src", [*BAD, None, 42, b"data:image/png;base64,AAAA"])
def test_anything_else_is_a_placeholder(src: object) -> None:
    """Scripts, SVG, HTML, URLs and malformed base64 are never referenced."""
    expected = (
        False,
        '<rect x="0" y="0" width="40" height="30"/>'
        '<path d="M0 0L40 30M40 0L0 30" fill="none"/>',
    )

    body = kind_of("image").body(image(src))
    assert expected == (is_safe_image_src(src), "".join(serialize(n) for n in body))


def test_missing_src_is_a_placeholder() -> None:
    """An image without props draws the crossed box."""
    s = Shape(
        id="shape:1", page="page:1", layer="layer:1", kind="image", box=Box(0, 0, 4, 3)
    )

    assert "image" not in "".join(serialize(n) for n in kind_of("image").body(s))
