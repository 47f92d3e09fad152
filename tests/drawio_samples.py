"""Hand-made draw.io files for the import tests: pages, cells, compression and PNG chunks."""

from __future__ import annotations

import base64
import struct
import urllib.parse
import zlib
from xml.sax.saxutils import quoteattr

from linework.formats import drawio, native
from linework.formats.imports import ImportResult
from linework.model import Connector, Document, Shape

ROOT = '<mxCell id="0"/><mxCell id="1" parent="0"/>'


def page(body: str, *, root: str = ROOT, **model: str) -> str:
    """Return an mxGraphModel holding the given cells after the root and layer."""
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in model.items())
    return f"<mxGraphModel{attrs}><root>{root}{body}</root></mxGraphModel>"


def mxfile(*pages: str, names: tuple[str, ...] = ()) -> bytes:
    """Return an uncompressed .drawio file of the given pages."""
    diagrams = "".join(
        f'<diagram id="d{i}" name={quoteattr(names[i] if names else f"P{i}")}>{p}</diagram>'
        for i, p in enumerate(pages)
    )
    return f"<mxfile>{diagrams}</mxfile>".encode()


def compress(xml: str) -> str:
    """Compress a page the way draw.io does (Graph.compress)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(urllib.parse.quote(xml, safe="~()*!.'").encode()) + c.flush()
    return base64.b64encode(raw).decode()


def vertex(
    cid: str,
    *,
    x: float = 0,
    y: float = 0,
    w: float = 80,
    h: float = 40,
    style: str = "",
    value: str = "",
    parent: str = "1",
    extra: str = "",
) -> str:
    return (
        f'<mxCell id="{cid}" value={quoteattr(value)} style={quoteattr(style)} '
        f'vertex="1" parent="{parent}"{extra}>'
        f'<mxGeometry x="{x}" y="{y}" width="{w}" height="{h}" as="geometry"/></mxCell>'
    )


def read(data: bytes) -> ImportResult:
    """Import, and check the result is a valid Linework document."""
    result = drawio.read(data)
    again = native.decode(native.encode(result.doc))
    assert native.encode(again) == native.encode(result.doc)
    return result


def shapes(doc: Document) -> list[Shape]:
    return [r for r in doc.records.values() if isinstance(r, Shape)]


def only_shape(doc: Document) -> Shape:
    """Return the document's one shape (failing if it has more or none)."""
    (s,) = shapes(doc)
    return s


def connectors(doc: Document) -> list[Connector]:
    return [r for r in doc.records.values() if isinstance(r, Connector)]


def png_with_text(key: str, value: bytes, ctype: bytes = b"tEXt") -> bytes:
    """Return a 1x1 PNG carrying a text chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00\x00\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(ctype, key.encode("latin-1") + b"\0" + value)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )
