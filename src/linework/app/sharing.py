"""Share links: a whole diagram in a URL fragment ``d=<base64url(deflate-raw)>``.

Browsers never send the fragment to a server, so the link carries the diagram
without uploading it (``index.html?mode=view#d=…``).
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from typing import Final

from linework.app.titles import UNTITLED
from linework.errors import LineworkError
from linework.formats import imports, limits, native, png
from linework.model import Document, frozen_map

#: The longest share-link fragment (``d=`` and the base64url text), in characters.
SHARE_LIMIT: Final = 100_000
_BASE64URL: Final = re.compile(r"[A-Za-z0-9_-]*", re.ASCII)


def share_fragment(doc: Document, title: str) -> str:
    """Return ``doc`` as a share-link fragment, titled ``title`` if it has none.

    The viewer titles a link by ``meta.title``: a document without one gets
    the title on screen (unless Untitled); a title of its own is kept.

    Raises:
        LineworkError: LW-E0402 over :data:`SHARE_LIMIT` characters.
    """
    own = doc.meta.get("title")
    if not (isinstance(own, str) and own.strip()) and title not in ("", UNTITLED):
        meta = frozen_map({**doc.meta, "title": title})
        doc = Document(records=doc.records, meta=meta, extra=doc.extra)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(native.encode(doc)) + packer.flush()
    fragment = "d=" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")
    if len(fragment) > SHARE_LIMIT:
        raise LineworkError(
            "LW-E0402",
            f"The link would be {len(fragment) // 1000:,} KB; "
            f"the limit is {SHARE_LIMIT // 1000} KB.",
        )
    return fragment


def link_bytes(fragment: str) -> bytes:
    """Return the bytes packed in a share-link fragment ``d=…``.

    Raises:
        LineworkError: LW-E0604 for anything that is not such a fragment.
    """
    if not fragment.startswith("d=") or len(fragment) > 8 * SHARE_LIMIT:
        raise LineworkError("LW-E0604", "The link has no diagram in it.")
    text = fragment[2:]
    if not _BASE64URL.fullmatch(text):
        raise LineworkError("LW-E0604", "The link was cut or changed.")
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        return png.inflate(packed, limits.MAX_FILE_BYTES, wbits=-15)
    except (binascii.Error, ValueError, zlib.error):
        raise LineworkError("LW-E0604", "The link was cut or changed.") from None


def link_document(fragment: str) -> bytes:
    """Return the ``.linework`` bytes of a share link (to open like a file).

    Raises:
        LineworkError: LW-E0604 when the link holds anything else.
    """
    data = link_bytes(fragment)
    if imports.sniff(data) != "linework":
        raise LineworkError("LW-E0604", "The link holds no Linework diagram.")
    return data
