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

The digests are 128-bit BLAKE2b (twice as fast as SHA-256 in Pyodide, which
has no SHA instructions): passing a hostile SVG off as a known icon would take
a second preimage, not a collision.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

#: Bytes per digest in ``data/known.bin`` (records laid end to end).
DIGEST_BYTES: Final = 16


def digest(src: str) -> bytes:
    """Return the digest the table records for a stored ``src``.

    >>> len(digest("data:image/svg+xml;base64,PHN2Zy8+"))
    16
    """
    data = src.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


def pack(digests: set[bytes]) -> bytes:
    """Return the table's file contents for a set of digests (sorted, so builds
    of the same icons give the same bytes)."""
    return b"".join(sorted(digests))


def unpack(data: bytes) -> frozenset[bytes]:
    """Return the digests of a table file (a trailing partial record is ignored).

    One regex pass cuts the records (in C): a Python loop over thousands of
    slices took a noticeable part of the first icon render in Pyodide.
    """
    return frozenset(_RECORD.findall(data))


_RECORD: Final = re.compile(rb"(?s).{%d}" % DIGEST_BYTES)
_TABLE: Final = Path(__file__).with_name("data") / "known.bin"


@cache
def table() -> frozenset[bytes]:
    """Return the carried digests; empty when the wheel was built without icons.

    Read on first use (the first SVG a render meets), not at start-up; from
    the installed file when there is one (the wheel is unpacked, in Pyodide
    too), else through importlib.resources (a zipped installation).
    """
    try:
        return unpack(_TABLE.read_bytes())
    except OSError:
        pass
    try:
        path = resources.files("linework.icons").joinpath("data/known.bin")
        return unpack(path.read_bytes())
    except (FileNotFoundError, OSError):
        return frozenset()


def is_known(src: str) -> bool:
    """Return whether ``src`` is a library icon in the sanitizer's own form."""
    known = table()
    return bool(known) and digest(src) in known
