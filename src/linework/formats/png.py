"""Reading and writing text chunks of PNG files, where diagrams travel inside images.

draw.io keeps its XML in a ``tEXt``/``zTXt`` chunk keyed ``mxfile``; Excalidraw in
``tEXt`` keyed ``application/vnd.excalidraw+json``; Linework in an ``iTXt`` chunk
keyed ``linework``. Decompression is streamed and capped, so a zip bomb stops at
the limit instead of eating memory.
"""

from __future__ import annotations

import struct
import zlib
from typing import Final

from linework.errors import LineworkError

SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
MAX_INFLATED: Final = 64 * 1024 * 1024


def is_png(data: bytes) -> bool:
    """Return whether the bytes start with the PNG signature."""
    return data.startswith(SIGNATURE)


def inflate(data: bytes, limit: int = MAX_INFLATED, *, wbits: int = 15) -> bytes:
    """Decompress zlib/deflate data, refusing output beyond ``limit`` bytes.

    Raises:
        LineworkError: LW-E0205 when the data would expand past the limit.
    """
    d = zlib.decompressobj(wbits)
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise LineworkError("LW-E0205", f"The limit is {limit:,} bytes.")
    out += d.flush()
    if len(out) > limit:
        raise LineworkError("LW-E0205", f"The limit is {limit:,} bytes.")
    return out


def text_chunks(data: bytes) -> dict[str, bytes]:
    """Return the text chunks of a PNG as ``{keyword: raw text bytes}`` (first wins).

    Handles ``tEXt``, ``zTXt`` and ``iTXt`` (compressed or not). Malformed chunks
    end the scan; whatever was read before them is returned.
    """
    out: dict[str, bytes] = {}
    if not is_png(data):
        return out
    pos = len(SIGNATURE)
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        ctype = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if len(body) < length:
            break
        pos += 12 + length
        if ctype == b"IEND":
            break
        try:
            key, value = _decode_chunk(ctype, body)
        except (ValueError, zlib.error):
            continue
        if key is not None and key not in out:
            out[key] = value
    return out


def _decode_chunk(ctype: bytes, body: bytes) -> tuple[str | None, bytes]:
    if ctype == b"tEXt":
        key, _, value = body.partition(b"\0")
        return key.decode("latin-1"), value
    if ctype == b"zTXt":
        key, _, rest = body.partition(b"\0")
        return key.decode("latin-1"), inflate(rest[1:])
    if ctype == b"iTXt":
        key, _, rest = body.partition(b"\0")
        compressed, _method = rest[0], rest[1]
        rest = rest[2:]
        _lang, _, rest = rest.partition(b"\0")
        _tkey, _, text = rest.partition(b"\0")
        return key.decode("latin-1"), inflate(text) if compressed else text
    return None, b""


def _chunk(ctype: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(ctype + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", crc)


def with_text_chunk(
    png: bytes, key: str, text: bytes, *, compress: bool = True
) -> bytes:
    """Return the PNG with an ``iTXt`` chunk ``key`` holding UTF-8 ``text`` before IEND.

    Raises:
        ValueError: if ``png`` is not a PNG with an IEND chunk.
    """
    if not is_png(png):
        raise ValueError("not a PNG")
    end = png.rfind(b"IEND")
    if end < 8:
        raise ValueError("PNG has no IEND chunk")
    start = end - 4
    payload = zlib.compress(text, 9) if compress else text
    body = (
        key.encode("latin-1")
        + b"\0"
        + bytes([1 if compress else 0, 0])
        + b"\0\0"
        + payload
    )
    return png[:start] + _chunk(b"iTXt", body) + png[start:]
