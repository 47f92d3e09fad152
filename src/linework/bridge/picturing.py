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

from typing import Any

from linework.app.opening import kind_of
from linework.app.workspace import Workspace as Session
from linework.bridge import fields

Reply = dict[str, Any]


def picture_kind(session: Session, message: dict[str, Any]) -> Reply:
    """Say whether a file is a picture to insert or a diagram to open."""
    return {"ok": True, "kind": kind_of(fields.data(message, "data", "LW-E0208"))}
