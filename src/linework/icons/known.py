"""Library icons the picture sanitizer already made: known by digest, not parsed again.

An icon inserted from a bundled library is stored as the picture sanitizer's
own output (``formats.pictures.safe_src``). The build checks, for every library
icon, that sanitizing that stored ``src`` again gives it back unchanged (a
fixed point; the few that do not stay out) and records a digest of it in
``data/known.bin`` (generated, carried by the wheel; tools/icon_libraries.py).
Rendering a document of a thousand different icons then hashes each ``src``
(microseconds) instead of parsing and rebuilding its SVG (about a millisecond
in Pyodide). A ``src`` the table does not know (a picture, a draw.io image, a
library icon changed by one byte) is sanitized as before.

The digests are 128 bits of SHA-256: passing a hostile SVG off as a known icon
would take a second preimage, not a collision.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Final

#: Bytes per digest in ``data/known.bin`` (records laid end to end).
DIGEST_BYTES: Final = 16


def digest(src: str) -> bytes:
    """Return the digest the table records for a stored ``src``.

    >>> len(digest("data:image/svg+xml;base64,PHN2Zy8+"))
    16
    """
    data = src.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).digest()[:DIGEST_BYTES]


def pack(digests: set[bytes]) -> bytes:
    """Return the table's file contents for a set of digests (sorted, so builds
    of the same icons give the same bytes)."""
    return b"".join(sorted(digests))


def unpack(data: bytes) -> frozenset[bytes]:
    """Return the digests of a table file (a trailing partial record is ignored)."""
    n = len(data) - len(data) % DIGEST_BYTES
    return frozenset(data[i : i + DIGEST_BYTES] for i in range(0, n, DIGEST_BYTES))


@cache
def table() -> frozenset[bytes]:
    """Return the carried digests; empty when the wheel was built without icons.

    Read on first use (the first SVG a render meets), not at start-up.
    """
    try:
        path = resources.files("linework.icons").joinpath("data/known.bin")
        return unpack(path.read_bytes())
    except (FileNotFoundError, OSError):
        return frozenset()


def is_known(src: str) -> bool:
    """Return whether ``src`` is a library icon in the sanitizer's own form."""
    known = table()
    return bool(known) and digest(src) in known
