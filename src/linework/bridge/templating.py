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

from typing import TYPE_CHECKING, Any, Final

from linework.errors import LineworkError
from linework.gcpause import paused_gc

if TYPE_CHECKING:
    from linework.bridge.session import Session

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
    from linework.bridge.filing import _canvas, _present
    from linework.formats import native

    name = message.get("name")
    if not isinstance(name, str):
        raise LineworkError("LW-E0108", "no template name was given")
    with paused_gc():
        doc = native.decode(templates.data(name))
        response = session.editor.load(doc, _canvas(message))
    session.opened = True
    session.title = "Untitled"
    return _present(
        session,
        response,
        format="linework",
        warnings=[],
        native=False,
        sealed=False,
        template=name,
    )


HANDLERS: Final = {
    "templates": gallery,
    "file-template": open_template,
}
