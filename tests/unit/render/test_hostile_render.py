"""User text and links are data: markup in them never reaches the SVG as markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from linework.geometry import Box
from linework.model import Document, IdSource, Shape, Transaction
from linework.render import export_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "</text><image href=x onerror=alert(1)>",
    "&amp; &lt; ]]> <!-- -->",
    "\x00\x01 control\x1f chars",
]


def _doc(text: str, link: str = "", kind: str = "rectangle", **props: str) -> Document:
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0]
    tx = Transaction(doc)
    tx.put(
        Shape(
            id=ids.new("shape"),
            page=page.id,
            layer=doc.layers(page.id)[0].id,
            kind=kind,
            box=Box(0, 0, 200, 80),
            text=text,
            link=link,
            props=props,
        )
    )
    return doc.apply(tx.patch())


def _tags_and_attrs(svg: str) -> tuple[set[str], set[str]]:
    root = ET.fromstring(svg)
    tags = {el.tag.removeprefix(SVG) for el in root.iter()}
    attrs = {k for el in root.iter() for k in el.attrib}
    return tags, attrs


def test_hostile_text_is_inert() -> None:
    """Script tags, attribute breakouts and entities in labels stay text."""
    for text in HOSTILE:
        doc = _doc(text)
        svg = export_svg(doc, doc.pages()[0].id)

        tags, attrs = _tags_and_attrs(svg)

        assert "script" not in tags
        assert not any(a.startswith("on") for a in attrs)
        assert "image" not in tags


def test_only_safe_links_are_rendered() -> None:
    """``javascript:`` and other schemes are dropped; https and mailto are kept."""
    for bad in (
        "javascript:alert(1)",
        " JAVASCRIPT:x",
        "data:text/html,<b>",
        "vbscript:x",
    ):
        doc = _doc("click", link=bad)
        assert "<a " not in export_svg(doc, doc.pages()[0].id)
    for good in ("https://example.org/", "mailto:someone@example.org"):
        doc = _doc("click", link=good)
        assert f'href="{good}"' in export_svg(doc, doc.pages()[0].id)


def test_images_accept_only_raster_data_uris() -> None:
    """An image shape with a script or SVG source draws a placeholder, not the source."""
    for src in (
        "javascript:alert(1)",
        "data:image/svg+xml;base64,PHN2Zz4=",
        "https://x/y.png",
    ):
        doc = _doc("", kind="image", src=src)
        svg = export_svg(doc, doc.pages()[0].id)
        assert src not in svg


def test_huge_but_valid_numbers_render_finite() -> None:
    """A shape at the edge of the allowed range still renders to finite numbers."""
    doc = _doc("far")
    shape = next(iter(e for e in doc.elements(doc.pages()[0].id)))
    assert isinstance(shape, Shape)
    tx = Transaction(doc)
    tx.put(replace(shape, box=Box(9_999_000, -9_999_000, 1_000, 1_000)))
    doc = doc.apply(tx.patch())

    svg = export_svg(doc, doc.pages()[0].id)

    assert "nan" not in svg.lower()
    assert "inf" not in svg.lower()
