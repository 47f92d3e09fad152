"""Handlers for the template gallery (web/templates.js).

- ``{"type": "templates"}``: the gallery: ``{"ok", "templates": [{"name",
  "title", "elements", "svg"}]}``, one entry per ``.linework`` file of
  ``linework.templates``, each with its first page drawn by the renderer.
- ``{"type": "file-template", "name", "canvas"?}``: open template ``name`` as a
  new document: titled "Untitled", no history, not saved anywhere (Save asks
  for a file), clean like ``file-new``. Reply as ``file-new``, plus
  ``template``. The page asks about unsaved changes first, as for New.
"""

from __future__ import annotations

from typing import Any

from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.bridge.filing import _canvas, document_reply
from linework.formats import native
from linework.gcpause import paused_gc

Reply = dict[str, Any]


def gallery(session: Session, message: dict[str, Any]) -> Reply:
    """Return every template with its title, element count and thumbnail."""
    from linework import templates

    return {
        "ok": True,
        "templates": [
            {"name": t.name, "title": t.title, "elements": t.elements, "svg": t.svg}
            for t in templates.gallery()
        ],
    }


def open_template(session: Session, message: dict[str, Any]) -> Reply:
    """Open a template as a new, untitled document (see the module docstring)."""
    from linework import templates

    name = fields.field(message, "name", str, code="LW-E0108")
    with paused_gc():
        doc = native.decode(templates.data(name))
        reply = document_reply(session.new_from(doc, _canvas(message)))
    reply["template"] = name
    return reply
