"""A picture's base64 is scanned once per distinct URI, never per render, and
whatever is no base64 data URI is still escaped."""

from __future__ import annotations

import base64

import workcount
from linework import svg
from linework.formats import pictures
from linework.geometry import Box
from linework.model import Shape, Style, frozen_map
from linework.render.shape_text import shape_svg
from linework.shapes import icon
from linework.svg import esc_attr, is_data_uri, node, serialize

#: An icon about the size of a library's (a few KB of base64 once sanitized).
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" '
    'height="4"/><path d="M0 0'
    + "".join(f" L{i % 8} {i % 5}" for i in range(400))
    + '"/></svg>'
)


def _icon_src(n: int) -> str:
    """A sanitized icon's URI, its drawing made different by ``n``."""
    svg_text = SVG.replace('"4"', f'"{n + 1}"')
    src = pictures.sanitize_src(
        "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode()).decode()
    )
    assert src is not None
    return src


def test_only_base64_data_uris_pass_unescaped() -> None:
    b64 = "A" * 400
    assert is_data_uri(f"data:image/png;base64,{b64}")
    assert is_data_uri(f"data:image/svg+xml;base64,{b64[:-2]}==")
    for bad in (
        f"data:image/png;base64,{b64[:-1]}",  # not a multiple of 4
        f'data:image/png;base64,{b64}"><script>alert(1)</script>',
        f"data:text/html,{b64}<b>",
        f"data:image/png;base64,{b64}\n",
        "data:image/png;base64,",
    ):
        assert not is_data_uri(bad)
    hostile = f'data:image/png;base64,{b64}"><svg onload=alert(1)>'
    assert esc_attr(hostile).endswith("&quot;&gt;&lt;svg onload=alert(1)&gt;")
    out = serialize(node("image", href=hostile))
    assert '"><svg' not in out and "&quot;&gt;&lt;svg" in out


def test_an_equal_copy_is_known_without_a_scan() -> None:
    uri = "data:image/png;base64," + "QUJD" * 300
    copy = "".join(["data:image/png;base64,", "QUJD" * 300])
    assert copy is not uri
    with workcount.regex_work(svg) as work:
        assert is_data_uri(uri)
        first = work[0]
        assert is_data_uri(copy) and esc_attr(copy) is copy
    assert first >= len(uri)
    assert work[0] == first  # the copy cost a lookup, not a scan


def test_rendering_icons_scans_each_distinct_icon_at_most_once() -> None:
    srcs = [_icon_src(i) for i in range(7)]
    shapes = [
        Shape(
            id=f"i{i}",
            page="p",
            layer="l",
            z=i,
            kind="icon",
            box=Box(i * 80.0, 0.0, 64.0, 64.0),
            text=f"icon {i}",
            style=Style(label_position="bottom"),
            # A fresh copy per shape, as a decoded file holds them.
            props=frozen_map({"src": "".join([srcs[i % 7][:30], srcs[i % 7][30:]])}),
        )
        for i in range(70)
    ]
    svg._DATA_URIS.clear()
    pictures.safe_src.cache_clear()
    with workcount.regex_work(svg, icon) as work:
        frags = [shape_svg(s) for s in shapes]
    # Before: the icon kind's check and the serializer's scan, per shape.
    assert work[0] < 2 * sum(len(s) for s in srcs)
    for s, frag in zip(shapes, frags, strict=True):
        assert f'href="{s.props["src"]}"' in frag
