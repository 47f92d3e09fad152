"""Selection actions: all, none, by id, cycling, the nearest shape, Escape.

- ``select-all``, ``select-none``
- ``select`` (ids): select these elements (top-level ids)
- ``select-next``, ``select-previous``: cycle through the page's top-level elements
- ``select-nearest`` (direction, extend?): keyboard navigation
  (:mod:`linework.editor.navigate`)
- ``escape``: cancel a gesture, leave the place tool, or clear the selection
"""

from __future__ import annotations

from linework import commands as cmd
from linework.editor import navigate
from linework.editor.actions._args import _ids, _sel
from linework.editor.actions._spec import Args, Shortcut, Spec
from linework.editor.editor import Editor
from linework.editor.tools import Idle
from linework.model import Group


def _select_all(ed: Editor, args: Args) -> None:
    doc = ed.document
    out: list[str] = []
    for e in doc.elements(ed.session.page_id):
        if isinstance(e, Group) or e.parent is not None:
            continue
        if cmd.is_hidden(doc, e) or cmd.is_locked(doc, e):
            continue
        out.append(e.id)
    groups = [
        e.id
        for e in doc.elements(ed.session.page_id)
        if isinstance(e, Group) and e.parent is None and not cmd.is_locked(doc, e)
    ]
    ed.select(out + groups)


def _select_none(ed: Editor, args: Args) -> None:
    ed.select([])


def _select(ed: Editor, args: Args) -> None:
    doc, page = ed.document, ed.session.page_id
    ids = [
        r
        for r in _ids(args)
        if (e := doc.get(r)) is not None and getattr(e, "page", None) == page
    ]
    ed.select(ids)


def _cycle(ed: Editor, step: int) -> None:
    doc = ed.document
    units = [
        e.id
        for e in doc.elements(ed.session.page_id)
        if e.parent is None
        and not isinstance(e, Group)
        and not cmd.is_hidden(doc, e)
        and not cmd.is_locked(doc, e)
    ]
    if not units:
        return
    cur = _sel(ed)[-1] if _sel(ed) else None
    i = units.index(cur) + step if cur in units else (0 if step > 0 else -1)
    ed.select([units[i % len(units)]])


def _escape(ed: Editor, args: Args) -> None:
    if ed.state.busy:
        ed.state.cancel()
    elif ed.session.editing is not None:
        ed.end_text_edit()
    elif not isinstance(ed.state, Idle):
        ed.state.cancel()
    else:
        ed.select([])


_ALT = frozenset({"alt"})
_DIRECTIONS = {"Left": "left", "Right": "right", "Up": "up", "Down": "down"}

SPECS = (
    Spec(
        "select-all",
        _select_all,
        "Select all",
        lambda f: bool(f.doc.paint_ids(f.ed.session.page_id)),
        (Shortcut("Mod+A"),),
    ),
    Spec("select-none", _select_none, "Select none", viewer=True),
    Spec("select", _select, "Select"),
    Spec(
        "select-next",
        lambda ed, a: _cycle(ed, 1),
        "Select the next element",
        shortcuts=(Shortcut("Tab", loose=_ALT),),
    ),
    Spec(
        "select-previous",
        lambda ed, a: _cycle(ed, -1),
        "Select the previous element",
        shortcuts=(Shortcut("Shift+Tab", loose=_ALT),),
    ),
    Spec(
        "select-nearest",
        navigate.ACTIONS["select-nearest"],
        "Select the nearest shape",
        shortcuts=tuple(
            Shortcut(
                f"Mod+{shift}Arrow{name}",
                {"direction": way, **({"extend": True} if shift else {})},
                shown=False,
            )
            for shift in ("", "Shift+")
            for name, way in _DIRECTIONS.items()
        ),
    ),
    Spec(
        "escape",
        _escape,
        "Cancel",
        shortcuts=(Shortcut("Escape", loose=frozenset({"alt", "shift"})),),
        viewer=True,
        keeps_gesture=True,
    ),
)
