"""Is a file a picture to insert, or a diagram to open? (web/editor/pictures.js)

* ``{"type": "picture-kind", "data"}`` → ``{"ok", "kind"}`` with ``kind``:
  ``"picture"`` for a plain PNG, JPEG, GIF, WebP or SVG file (insert it with
  the editor's ``insert-picture``), ``"diagram"`` for a file Open reads (a
  Linework export with its diagram inside, a draw.io PNG or SVG…), ``"none"``
  for anything else.

Dropping a Linework PNG export opens it as the diagram it carries; dropping a
photo inserts it. The core decides, so the page never parses file formats.
"""

from __future__ import annotations

import base64
import binascii
from typing import TYPE_CHECKING, Any, Final

from linework.errors import LineworkError

if TYPE_CHECKING:
    from linework.bridge.session import Session

Reply = dict[str, Any]


def kind_of(data: bytes) -> str:
    """Return ``"picture"``, ``"diagram"`` or ``"none"`` for file bytes."""
    from linework import files
    from linework.formats import imports, pictures

    fmt = imports.sniff(data)
    if fmt == "linework-image":
        try:
            inner = files.embedded_document(data)
        except LineworkError:
            inner = None
        if inner is not None:
            return "diagram"
    elif fmt is not None:
        return "diagram"
    return "picture" if pictures.sniff(data) is not None else "none"


def picture_kind(session: Session, message: dict[str, Any]) -> Reply:
    """Answer ``picture-kind`` (see the module)."""
    raw = message.get("data")
    if not isinstance(raw, str):
        raise LineworkError("LW-E0001", "message field 'data' must be base64 text")
    try:
        data = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise LineworkError("LW-E0208", "The data is not base64.") from None
    return {"ok": True, "kind": kind_of(data)}


HANDLERS: Final = {"picture-kind": picture_kind}
