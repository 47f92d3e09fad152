"""Pictures the tests insert: tiny valid PNGs, a JPEG header, a hostile SVG."""

from __future__ import annotations

import struct
import zlib


def png(w: int, h: int) -> bytes:
    """Return a real (tiny, valid) PNG of ``w`` × ``h`` grey pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x80" * w for _ in range(h))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(w: int, h: int) -> bytes:
    """Return a JPEG header: SOI, an APP0 segment, then SOF0 with the size."""
    app0 = (
        b"\xff\xe0"
        + struct.pack(">H", 16)
        + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    )
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, h, w, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


HOSTILE_SVG = (
    '<?xml version="1.0"?>'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="64" height="32" onload="alert(1)">'
    "<script>alert(2)</script>"
    '<rect width="10" height="10" onclick="x()" fill="url(http://evil.example/f)"'
    ' style="fill:url(#g)"/>'
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onmouseover="y()">'
    "hi</div></foreignObject>"
    '<a href="javascript:alert(3)"><circle r="5"/></a>'
    '<image href="https://evil.example/p.png"/>'
    '<use xlink:href="https://evil.example/s.svg#x"/><use xlink:href="#r"/>'
    "<style>@import url(https://evil.example/x.css); rect{fill:red}</style>"
    '<set attributeName="href" to="javascript:alert(4)"/>'
    "<text>Hi &amp; bye</text></svg>"
)
