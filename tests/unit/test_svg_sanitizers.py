"""The two SVG sanitizers refuse the same hostile inputs.

Linework has two allow-list sanitizers with different jobs:
linework.icons.sanitize (library icons and pasted icon SVG: drawing elements
and presentation attributes only, re-serialized) and
linework.formats.pictures (pictures a user inserts and draw.io's SVG images:
text, CSS, markers and embedded raster images kept for fidelity). Their
allow-lists differ on purpose, so they stay two; what must not differ is
what neither lets through. Every hostile input below goes through both (and
through ``pictures.safe_src``, the import path) and must come out inert: no
script, handler, foreign content, animation, link, or reference outside the
picture (every hostile reference points at evil.example).
"""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from urllib.parse import quote

import pytest

from linework.errors import LineworkError
from linework.formats import pictures
from linework.icons import sanitize
from picture_samples import HOSTILE_SVG

OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' viewBox="0 0 10 10">'
)
HOSTILE: dict[str, str] = {
    "picture sample": HOSTILE_SVG,
    "script": OPEN + "<script>alert(1)</script></svg>",
    "script in the svg prefix": OPEN
    + '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script></svg>',
    "handlers": OPEN + '<rect width="1" height="1" onclick="a()" ONLOAD="b()"/></svg>',
    "foreignObject": OPEN + '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"'
    ' onclick="x()">hi</div></foreignObject></svg>',
    "iframe": OPEN + '<iframe src="https://evil.example/f"/></svg>',
    "javascript link": OPEN + '<a href="javascript:alert(1)"><rect width="1"'
    ' height="1"/></a></svg>',
    "external use": OPEN + '<use xlink:href="https://evil.example/s.svg#a"/></svg>',
    "external image": OPEN + '<image href="https://evil.example/p.png"/></svg>',
    "image src": OPEN + '<image src="https://evil.example/p.png"/></svg>',
    "nested svg image": OPEN
    + '<image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>',
    "feImage": OPEN
    + '<filter id="f"><feImage href="https://evil.example/i"/></filter></svg>',
    "external fill": OPEN
    + '<rect width="1" height="1" fill="url(https://evil.example/f)"/></svg>',
    "upper-case URL": OPEN
    + '<rect width="1" height="1" fill="URL(https://evil.example/f)"/></svg>',
    "external mask": OPEN
    + '<rect width="1" height="1" mask="url(https://evil.example/m#a)"/></svg>',
    "cursor": OPEN
    + '<rect width="1" height="1" cursor="url(https://evil.example/c),auto"/></svg>',
    "style url": OPEN
    + '<rect width="1" height="1" style="fill: url( \'https://evil.example/x\' )"/></svg>',
    "style image-set": OPEN + '<rect width="1" height="1" style="fill:red;'
    "background-image:image-set('https://evil.example/a.png' 1x)\"/></svg>",
    "style element image-set": OPEN
    + '<style>rect{background:image-set("https://evil.example/b.png" 1x)}'
    '</style><rect width="1" height="1"/></svg>',
    "style element -webkit-image-set": OPEN
    + "<style>rect{background:-webkit-image-set("
    '"https://evil.example/b.png" 1x)}</style></svg>',
    "style element src()": OPEN
    + '<style>@font-face{font-family:x;src:src("https://evil.example/f")}'
    "</style></svg>",
    "style element image()": OPEN
    + '<style>rect{background:image("https://evil.example/i.png")}'
    "</style></svg>",
    "style import": OPEN + '<style>@import "https://evil.example/x.css";</style></svg>',
    "css escapes": OPEN
    + "<style>rect{fill:u\\72l(https://evil.example/c)}</style></svg>",
    "expression": OPEN
    + '<rect width="1" height="1" style="width:expression(alert(1))"/></svg>',
    "animation": OPEN
    + '<a href="#x"><animate attributeName="href" to="javascript:alert(1)"/>'
    '<set attributeName="onload" to="alert(1)"/><animateMotion/><rect width="1" height="1"/></a></svg>',
    "xml:base": OPEN + '<g xml:base="https://evil.example/"><use href="#a"/></g></svg>',
}

#: What a drawing may still name: local ids only, or an embedded raster image.
_RASTER = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]*={0,2}")
_ACTIVE = frozenset(
    {"script", "foreignObject", "iframe", "object", "embed", "a", "animate", "set",
     "animateMotion", "animateTransform", "feImage", "handler", "listener"}
)  # fmt: skip


def _icon(text: str) -> str:
    return sanitize.sanitize_svg(text)[0]


def _picture(text: str) -> str:
    return pictures.sanitize_svg(text)[0]


def _imported(text: str) -> str:
    """What an import (a draw.io SVG image) keeps: safe_src's data URI, decoded."""
    src = pictures.safe_src("data:image/svg+xml," + quote(text))
    if src is None:
        raise LineworkError("LW-E0209", "refused")
    return base64.b64decode(src.split(",", 1)[1]).decode()


PATHS: dict[str, Callable[[str], str]] = {
    "icons.sanitize": _icon,
    "pictures.sanitize_svg": _picture,
    "pictures.safe_src": _imported,
}


def assert_inert(svg: str) -> None:
    """Check sanitized SVG draws only itself: no active part, no outside reference."""
    low = svg.lower()
    for needle in (
        "evil.example",
        "javascript:",
        "@import",
        "expression(",
        "image-set",
    ):
        assert needle not in low, needle
    root = ET.fromstring(svg)
    for el in root.iter():
        local = el.tag.rpartition("}")[2]
        assert local not in _ACTIVE, local
        for name, value in el.attrib.items():
            attr = name.rpartition("}")[2].lower()
            assert not attr.startswith("on"), name
            assert attr not in ("src", "base"), name
            if attr == "href":
                assert value.startswith("#") or (
                    local == "image" and _RASTER.fullmatch(value)
                ), (local, value)
            for ref in re.findall(r"url\(\s*['\"]?([^)'\"]*)", value, re.IGNORECASE):
                assert ref.strip().startswith("#"), value


@pytest.mark.parametrize("path", PATHS.values(), ids=PATHS.keys())
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_every_path_makes_every_hostile_svg_inert(
    path: Callable[[str], str], text: str
) -> None:
    """Each sanitizer either refuses the input (a coded error) or returns an
    SVG in which nothing is active and nothing outside is named."""
    try:
        out = path(text)
    except LineworkError as error:
        assert error.code.startswith("LW-E0")
        return
    assert_inert(out)


def test_the_checker_sees_what_it_must() -> None:
    """The inertness check itself fails on each kind of leak it looks for."""
    for leak in (
        OPEN + "<script/></svg>",
        OPEN + '<rect onclick="x"/></svg>',
        OPEN + '<use href="https://a.example/x#y"/></svg>',
        OPEN + '<rect fill="url(https://a.example/f)"/></svg>',
        OPEN + "<rect style=\"background:image-set('a.png' 1x)\"/></svg>",
    ):
        with pytest.raises(AssertionError):
            assert_inert(leak)
    assert_inert(OPEN + '<rect fill="url(#g)"/><use href="#r"/></svg>')
