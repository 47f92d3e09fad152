"""View actions: zoom, snapping, guides, the grid, the context menu and help.

- ``toggle-snap``, ``set-snap`` (snap?): grid snapping for this session
- ``set-guides`` (on): smart guides for this session
- ``set-grid`` (size?, visible?, snap?): the page's grid (an undo step)
- ``zoom-in``, ``zoom-out``, ``help``: ``request`` for the browser (help
  carries ``shortcuts`` [[keys, description]], the ``?`` panel's rows)
- ``zoom-fit``: ``request`` with the page's ``bounds``
- the page runs the shortcuts of ``zoom-in``, ``zoom-out``, ``zoom-fit`` and
  ``help`` itself (``page``: web/keys.js), without asking the core
- ``context-menu`` (x?, y?): select what is under the point (unless it is
  selected) and answer ``request: context-menu`` with the menu
  (:func:`linework.editor.actions.menu.context_menu`); without a point, at the
  selection or the pointer
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from linework.commands import CommandError
from linework.editor.actions._args import _bool, _num, _opt_num
from linework.editor.actions._spec import Args, Shortcut, Spec
from linework.editor.actions.file import ask
from linework.editor.actions.menu import context_menu
from linework.editor.actions.registry import registry_of
from linework.editor.editor import Editor
from linework.geometry import Box, Vec
from linework.model import Page, Patch


def _toggle_snap(ed: Editor, args: Args) -> None:
    ed.session.snap = _bool(args, "snap", not ed.session.snap)


def _set_guides(ed: Editor, args: Args) -> None:
    ed.session.guides = _bool(args, "on", not ed.session.guides)


def _set_grid(ed: Editor, args: Args) -> None:
    page = ed.document.typed(ed.session.page_id, Page)
    g = page.grid
    size = _num(args, "size", g.size)
    if not 1 <= size <= 1000:
        raise CommandError("grid size must be from 1 to 1000")
    grid = replace(
        g,
        size=size,
        visible=_bool(args, "visible", g.visible),
        snap=_bool(args, "snap", g.snap),
    )
    if grid != g:
        ed.apply(Patch(updated={page.id: (page, replace(page, grid=grid))}), "Grid")


def _zoom_fit(ed: Editor, args: Args) -> None:
    doc = ed.document
    box: Box | None = None
    idx = ed.hits.index(doc, ed.session.page_id)
    for b in idx.bounds.values():
        box = b if box is None else box.union(b)
    req: dict[str, Any] = {"action": "zoom-fit"}
    if box is not None:
        req["bounds"] = {"x": box.x, "y": box.y, "w": box.w, "h": box.h}
    ed.note("request", req)


def _context_menu(ed: Editor, args: Args) -> None:
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    at = Vec(x, y) if x is not None and y is not None else None
    ed.note("request", context_menu(ed, at))


def _help(ed: Editor, args: Args) -> None:
    rows = registry_of(ed).help_rows
    ed.note(
        "request",
        {"action": "help", "shortcuts": rows(), "viewer_shortcuts": rows(viewer=True)},
    )


_LENS = "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z"
_LOOSE = frozenset({"alt", "shift"})
_SHIFT = frozenset({"shift"})

SPECS = (
    Spec(
        "toggle-snap",
        _toggle_snap,
        "Snap to grid",
        shortcuts=(Shortcut("Mod+'"), Shortcut("Mod+quote", shown=False)),
    ),
    Spec("set-snap", _toggle_snap, "Snap to grid"),
    Spec("set-guides", _set_guides, "Smart guides"),
    Spec("set-grid", _set_grid, "Grid"),
    Spec(
        "zoom-in",
        ask("zoom-in"),
        "Zoom in",
        icon=(_LENS, "m20 20-4-4", "M8 11h6", "M11 8v6"),
        shortcuts=(
            Shortcut("Mod+=", loose=_SHIFT),
            Shortcut("Mod++", loose=_SHIFT, shown=False),
        ),
        viewer=True,
        page=True,
    ),
    Spec(
        "zoom-out",
        ask("zoom-out"),
        "Zoom out",
        icon=(_LENS, "m20 20-4-4", "M8 11h6"),
        shortcuts=(Shortcut("Mod+-"),),
        viewer=True,
        page=True,
    ),
    Spec(
        "zoom-fit",
        _zoom_fit,
        "Fit to window",
        icon=("M4 9V4h5", "M20 9V4h-5", "M4 15v5h5", "M20 15v5h-5"),
        # Mod+0 as in browsers; the help row and the top bar's Fit name it.
        shortcuts=(Shortcut("Mod+Shift+H"), Shortcut("Mod+0", shown=False)),
        viewer=True,
        page=True,
    ),
    Spec(
        "context-menu",
        _context_menu,
        "Context menu",
        shortcuts=(
            Shortcut("Shift+F10", loose=frozenset({"alt"})),
            Shortcut("ContextMenu", loose=_LOOSE),
        ),
    ),
    Spec(
        "help",
        _help,
        "Keyboard shortcuts",
        shortcuts=(Shortcut("?", loose=_LOOSE),),
        icon=(
            "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z",
            "M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14",
            "M12 17.5v.01",
        ),
        viewer=True,
        page=True,
    ),
)
