"""Pictures: sniffed, measured from their headers, capped, SVG rebuilt inert."""

from __future__ import annotations

import base64
import struct

import pytest

from linework.errors import LineworkError
from linework.formats import pictures
from linework.geometry import Box
from linework.model import Shape, frozen_map
from linework.render.shape import shape_node
from linework.svg import serialize
from picture_samples import HOSTILE_SVG, jpeg, png


@pytest.mark.parametrize(
    ("data", "mime", "size"),
    [
        (png(7, 3), "image/png", (7, 3)),
        (jpeg(640, 480), "image/jpeg", (640, 480)),
        (b"GIF89a" + struct.pack("<HH", 33, 44) + b"\x00" * 8, "image/gif", (33, 44)),
        (
            b"RIFF\x00\x00\x00\x00WEBPVP8X"
            + b"\x0a\x00\x00\x00"
            + b"\x00" * 4
            + (99).to_bytes(3, "little")
            + (49).to_bytes(3, "little"),
            "image/webp",
            (100, 50),
        ),
    ],
)
def test_raster_pictures_are_sniffed_and_measured(
    data: bytes, mime: str, size: tuple[int, int]
) -> None:
    pic = pictures.picture(data)

    assert (mime, (float(size[0]), float(size[1]))) == (
        pic.mime,
        (pic.width, pic.height),
    )
    assert pic.src == f"data:{mime};base64,{base64.b64encode(data).decode()}"


def test_svg_size_comes_from_its_attributes_or_view_box() -> None:
    assert (64, 32) == (pictures.picture(HOSTILE_SVG.encode()).width, 32)
    assert (200.0, 100.0) == pictures.svg_size({"viewBox": "0 0 200 100"})
    assert (50.0, 25.0) == pictures.svg_size(
        {"width": "50px", "viewBox": "0 0 200 100"}
    )
    assert pictures.DEFAULT_SVG_SIZE == pictures.svg_size({"width": "50%"})


def test_hostile_svg_is_rebuilt_inert() -> None:
    clean, size = pictures.sanitize_svg(HOSTILE_SVG)

    assert (64.0, 32.0) == size
    low = clean.lower()
    for bad in ("script", "onload", "onclick", "onmouseover", "foreignobject",
                "evil", "javascript", "@import", "<set", "<a ", "alert"):  # fmt: skip
        assert bad not in low, bad
    assert '<rect height="10" style="fill:url(#g)" width="10">' in clean
    assert '<circle r="5">' in clean  # what the link drew stays
    assert '<use xlink:href="#r">' in clean
    assert "<text>Hi &amp; bye</text>" in clean


def test_hostile_xml_in_an_svg_is_refused() -> None:
    bomb = '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    with pytest.raises(LineworkError) as exc:
        pictures.picture(bomb.encode())
    assert "LW-E0204" == exc.value.code
    with pytest.raises(LineworkError) as exc:
        pictures.picture(b"<svg><g></svg>")
    assert "LW-E0209" == exc.value.code


def test_too_large_and_not_a_picture_have_their_codes() -> None:
    with pytest.raises(LineworkError) as exc:
        pictures.picture(b"\x89PNG\r\n\x1a\n" + b"\x00" * pictures.MAX_PICTURE_BYTES)
    assert "LW-E0207" == exc.value.code
    for data in (b"hello", b"%PDF-1.4", b'{"format":"linework"}'):
        with pytest.raises(LineworkError) as exc:
            pictures.picture(data)
        assert "LW-E0208" == exc.value.code


def test_fitted_size_scales_down_never_up() -> None:
    big = pictures.Picture(src="", mime="image/png", width=1920, height=1080)
    small = pictures.Picture(src="", mime="image/png", width=20, height=10)

    assert (480.0, 270.0) == pictures.fitted_size(big)
    assert (20.0, 10.0) == pictures.fitted_size(small)


def _image(src: str) -> Shape:
    return Shape(
        id="shape:1",
        page="page:1",
        layer="layer:1",
        kind="image",
        box=Box(0, 0, 64, 32),
        props=frozen_map({"src": src}),
    )


@pytest.mark.parametrize(
    "src",
    [
        "data:image/svg+xml;base64," + base64.b64encode(HOSTILE_SVG.encode()).decode(),
        # draw.io writes SVG icons without ";base64" (and sometimes percent-encoded).
        "data:image/svg+xml," + base64.b64encode(HOSTILE_SVG.encode()).decode(),
    ],
)
def test_renderer_draws_svg_pictures_sanitized_through_image(src: str) -> None:
    if ";base64" not in src:
        src = "data:image/svg+xml," + HOSTILE_SVG.replace("#", "%23")
    out = serialize(shape_node(_image(src)))

    assert (
        '<image x="0" y="0" width="64" height="32" href="data:image/svg+xml;base64,'
        in out
    )
    href = out.split('href="', 1)[1].split('"', 1)[0]
    inner = base64.b64decode(href.split(",", 1)[1]).decode()
    assert inner == pictures.sanitize_svg(HOSTILE_SVG)[0]
    assert "<svg" not in out.split("href=", 1)[0]  # never inline


def test_renderer_draws_a_placeholder_for_remote_or_broken_sources() -> None:
    for src in ("https://evil.example/a.svg", "data:image/svg+xml;base64,!!!",
                "data:image/svg+xml,<notsvg/>"):  # fmt: skip
        out = serialize(shape_node(_image(src)))
        assert "<image" not in out and "evil" not in out
