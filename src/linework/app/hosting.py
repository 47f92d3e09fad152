"""What a host page hands an embedded editor: its text, and the format it names.

A host's ``load`` sends text as it has it (linework JSON, draw.io XML, Gliffy,
Excalidraw, Mermaid) or a ``data:`` URI of a PNG/SVG export, optionally naming
the format; the content must agree with the name (docs/embedding.md).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Final

from linework.errors import LineworkError
from linework.formats import imports

#: Formats a host may name in ``load``; the content must agree.
LOAD_FORMATS: Final = frozenset(
    {"linework", "drawio", "gliffy", "excalidraw", "mermaid"}
)
#: What ``sniff`` may answer for each named format.
_SNIFFED: Final[dict[str, frozenset[str]]] = {
    # What `save`/`autosave` sent back for a sealed document loads again as linework.
    "linework": frozenset({"linework", "linework-sealed", "linework-image"}),
    "drawio": frozenset({"drawio"}),
    "gliffy": frozenset({"gliffy"}),
    "excalidraw": frozenset({"excalidraw"}),
    "mermaid": frozenset({"mermaid"}),
}
#: Formats a host may ask ``export`` for.
EXPORT_FORMATS: Final = ("svg", "png", "linework", "drawio")
_DATA_URI: Final = re.compile(
    r"data:image/(png|svg\+xml);base64,([A-Za-z0-9+/=\s]*)", re.ASCII
)
_MAX_LOAD_CHARS: Final = 64 * 1024 * 1024


def host_bytes(data: str) -> bytes:
    """Return the bytes of a host's ``data``: a data URI's payload, else UTF-8.

    Raises:
        LineworkError: LW-E0104 too big, LW-E0602 a bad data URI, LW-E0107
            lone surrogates.
    """
    if len(data) > _MAX_LOAD_CHARS:
        raise LineworkError("LW-E0104", f"It has {len(data):,} characters.")
    is_uri = data.lstrip().startswith("data:")
    m = _DATA_URI.fullmatch(data.strip()) if is_uri else None
    if is_uri and m is None:
        raise LineworkError("LW-E0602", "Only PNG and SVG data URIs in base64.")
    if m is not None:
        try:
            return base64.b64decode("".join(m.group(2).split()), validate=True)
        except (binascii.Error, ValueError):
            raise LineworkError("LW-E0602", "The data URI is not base64.") from None
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError:
        raise LineworkError("LW-E0107", "It holds lone surrogates.") from None


def check_named(named: object) -> str | None:
    """Return the format a host named (or None), refusing names Linework does not load.

    Raises:
        LineworkError: LW-E0601.
    """
    if named is not None and named not in LOAD_FORMATS:
        raise LineworkError("LW-E0601", "'format' is not a format Linework loads")
    return named if isinstance(named, str) else None


def matched_format(raw: bytes, named: str | None) -> str:
    """Return the format ``raw`` is in, checked against the one a host named.

    Raises:
        LineworkError: LW-E0601 an unknown name, LW-E0100 unknown content,
            LW-E0602 content that is not the named format.
    """
    check_named(named)
    kind = imports.sniff(raw)
    if kind is None:
        raise LineworkError("LW-E0100")
    if named is not None and kind not in _SNIFFED[named]:
        raise LineworkError("LW-E0602", f"The data is not {named}.")
    return kind
