"""File actions: new, and the ones the browser carries out.

- ``new``: empty document (clean, no history)
- ``saved``: the browser saved the file: the document is clean
- ``open``, ``save``, ``save-as``, ``save-sealed``, ``export-svg``,
  ``export-png``, ``export-drawio``: ``request`` for the browser (the page's
  own key router runs their shortcuts without asking the core)
"""

from __future__ import annotations

from linework.editor.actions._spec import ActionFn, Args, Shortcut, Spec
from linework.editor.editor import Editor
from linework.model import Document


def _new(ed: Editor, args: Args) -> None:
    ed.start_over(Document.new(ed.ids))


def _saved(ed: Editor, args: Args) -> None:
    ed.mark_saved()


def ask(name: str) -> ActionFn:
    """Return an action that only asks the browser to carry out ``name``."""

    def run(ed: Editor, args: Args) -> None:
        ed.note("request", {"action": name})

    return run


def request(name: str, label: str, *keys: str, viewer: bool = False) -> Spec:
    """Return an action the browser carries out: the core answers ``request``."""
    return Spec(
        name,
        ask(name),
        label,
        shortcuts=tuple(Shortcut(k) for k in keys),
        viewer=viewer,
        page=True,
    )


SPECS = (
    Spec("new", _new, "New diagram"),
    Spec("saved", _saved, keeps_gesture=True),
    request("open", "Open", "Mod+O"),
    request("save", "Save", "Mod+S"),
    request("save-as", "Save as", "Mod+Shift+S"),
    request("save-sealed", "Save encrypted"),
    request("export-svg", "Export SVG"),
    request("export-png", "Export PNG"),
    request("export-drawio", "Export draw.io"),
)
