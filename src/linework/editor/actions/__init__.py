"""Named actions: every toolbar, menu and shortcut command, by its ``data-action`` name.

Each action is one record (:class:`~linework.editor.actions._spec.Spec`) in
the module of its family; :data:`REGISTRY` gathers them. Names follow
docs/architecture.md and docs/automation.md (``new``, ``undo``,
``align-left``, …); they are the automation contract and are never renamed.
File actions (open, save, export…) belong to the browser: the editor answers
them with ``ui.request`` so one toolbar handler can send every button here.

| family | module |
|---|---|
| undo, redo, clipboard, delete, duplicate, format painter | :mod:`.edit` |
| z-order, align, distribute, group, lock | :mod:`.arrange` |
| select all / none / next / nearest, Escape | :mod:`.selection` |
| add shape, icon, text, picture; the place tool | :mod:`.insert` |
| the in-place text editor, double-click | :mod:`.text` |
| connect, routing, arrowheads, waypoints | :mod:`.connectors` |
| style, geometry, rotation, link, nudge | :mod:`.format` |
| pages and layers | :mod:`.pages` |
| zoom, snapping, grid, context menu, help | :mod:`.view` |
| new, open, save, export | :mod:`.file` |
| swimlane lanes | :mod:`.containers` |

Made from the records: the key map (:mod:`.keymap`), the ``?`` panel
(:mod:`.help`), the context menu (:mod:`.menu`), ``ui.enabled``, the edit
bar, and the read-only allow-lists; :meth:`Registry.page_data` is what the
page gets of them (the generated module ``actions.js``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from linework.editor.actions import (
    arrange,
    connectors,
    containers,
    edit,
    file,
    format,
    insert,
    pages,
    selection,
    text,
    view,
)
from linework.editor.actions._args import PASTE_OFFSET
from linework.editor.actions._spec import ActionFn, Args, Shortcut, Spec
from linework.editor.actions.help import help_rows
from linework.editor.actions.menu import context_menu
from linework.editor.actions.registry import Registry
from linework.editor.actions.text import (
    double_click,
    edit_box,
    start_edit,
    start_text_at,
)
from linework.editor.editor import Editor
from linework.editor.protocol import Key

REGISTRY: Final = Registry(
    (
        *file.SPECS,
        *edit.SPECS,
        *selection.SPECS,
        *arrange.SPECS,
        *insert.SPECS,
        *containers.SPECS,
        *text.SPECS,
        *connectors.SPECS,
        *format.SPECS,
        *view.SPECS,
        *pages.SPECS,
    ),
    double_click=double_click,
    edit_box=edit_box,
    help_rows=help_rows,
)

#: Every action's run function by name (scripts and tests list them here).
ACTIONS: Final[Mapping[str, ActionFn]] = {s.name: s.run for s in REGISTRY.specs}
#: The actions the browser carries out (the core only answers ``ui.request``).
BROWSER_ACTIONS: Final = tuple(s.name for s in REGISTRY.specs if s.page)


def run(ed: Editor, name: str, args: Args) -> None:
    """Run the action ``name`` with the registry (see :meth:`Registry.run`)."""
    REGISTRY.run(ed, name, args)


def enabled(ed: Editor) -> dict[str, bool]:
    """Return which actions can run now (``ui.enabled``)."""
    return REGISTRY.enabled(ed)


def key_action(key: Key, ed: Editor) -> tuple[str, dict[str, object]] | None:
    """Return the action a key press stands for, or None for keys we ignore."""
    return REGISTRY.key(ed, key)


__all__ = [
    "ACTIONS",
    "BROWSER_ACTIONS",
    "PASTE_OFFSET",
    "REGISTRY",
    "ActionFn",
    "Args",
    "Registry",
    "Shortcut",
    "Spec",
    "context_menu",
    "double_click",
    "edit_box",
    "enabled",
    "key_action",
    "run",
    "start_edit",
    "start_text_at",
]
