"""The action registry: the records of every family, and what is made from them.

:class:`Registry` runs actions by name, turns key presses into actions through
its :class:`~linework.editor.actions.keymap.KeyMap`, answers ``ui.enabled``,
and gives the page its part (:meth:`Registry.page_data`): labels, shortcuts,
icons, the edit bar's groups, the key map, the ``?`` panel's rows and the
read-only allow-lists. The :class:`~linework.editor.editor.Editor` gets one
passed in and never imports an action itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from linework.commands import CommandError
from linework.editor.actions._spec import Args, Facts, Spec
from linework.editor.actions.keymap import KeyMap
from linework.editor.editor import Editor
from linework.editor.protocol import Key
from linework.editor.session import Editing
from linework.editor.typeedit import typed_edit
from linework.geometry import Vec

Json = dict[str, Any]


class Registry:
    """Every action by name, and the key map, menus and lists made from them.

    Args:
        specs: the records, in the order menus and the edit bar list them.
        double_click: what a double-click at a page point does.
        edit_box: where the in-place editor shows for an edit in progress.
        help_rows: the ``?`` panel's rows, made from this registry.

    Raises:
        ValueError: for a name given twice or a key bound twice.
    """

    def __init__(
        self,
        specs: Iterable[Spec],
        *,
        double_click: Callable[[Editor, Vec], None],
        edit_box: Callable[[Editor, Editing], Json | None],
        help_rows: Callable[[Registry, bool], list[list[str]]],
    ) -> None:
        self.specs = tuple(specs)
        self.by_name: Mapping[str, Spec] = {s.name: s for s in self.specs}
        if len(self.by_name) != len(self.specs):
            names = [s.name for s in self.specs]
            twice = sorted({n for n in names if names.count(n) > 1})
            raise ValueError(f"actions named twice: {twice}")
        self.keymap = KeyMap(self.specs)
        self._double_click = double_click
        self._edit_box = edit_box
        self._help_rows = help_rows
        self.viewer_actions = frozenset(s.name for s in self.specs if s.viewer)
        self.embed_actions = frozenset(s.name for s in self.specs if s.embed_allowed)

    def __getitem__(self, name: str) -> Spec:
        """Return the record of ``name`` (KeyError for an unknown name)."""
        return self.by_name[name]

    # --- what the editor asks ---------------------------------------------------
    def run(self, ed: Editor, name: str, args: Args) -> None:
        """Run the action ``name``; every other one than ``keeps_gesture`` ends a
        drag and (unless the browser carries it out) a text edit first.

        Raises:
            CommandError: for an unknown name or bad arguments (nothing changes).
        """
        spec = self.by_name.get(name)
        if spec is None:
            raise CommandError(f"unknown action {name[:60]!r}")
        if not spec.keeps_gesture:
            if ed.state.busy:
                ed.state.cancel()
            if ed.session.editing is not None and not spec.page:
                ed.end_text_edit()
        spec.run(ed, args)

    def key(self, ed: Editor, key: Key) -> tuple[str, dict[str, Any]] | None:
        """Return the action and arguments a key press stands for (None: ignored)."""
        found = self.keymap.find(key)
        if found is None:
            # A printable key on one selected element edits its label
            # (linework.editor.typeedit), as in draw.io.
            return typed_edit(key, ed)
        return found.action, dict(found.args)

    def enabled(self, ed: Editor) -> dict[str, bool]:
        """Return which actions can run now (``ui.enabled``, the toolbar's state)."""
        facts = Facts(ed)
        out = {s.name: s.enabled(facts) for s in self.specs if s.enabled is not None}
        facts.keep()
        return out

    def double_click(self, ed: Editor, at: Vec) -> None:
        """Edit the label under the pointer, remove a waypoint, or add a text."""
        self._double_click(ed, at)

    def edit_box(self, ed: Editor, editing: Editing) -> Json | None:
        """Return where and how the in-place editor shows."""
        return self._edit_box(ed, editing)

    # --- what the page gets -----------------------------------------------------
    def help_rows(self, viewer: bool = False) -> list[list[str]]:
        """Return the ``?`` panel's rows, [keys, description] ("Mod" is Ctrl or Cmd).

        ``viewer``: only the rows of what the viewer can do (its own panel).
        """
        return self._help_rows(self, viewer)

    def toolbar(self) -> list[list[str]]:
        """Return the edit bar's groups of action names, in order."""
        placed = sorted((s.toolbar, s.name) for s in self.specs if s.toolbar)
        groups: dict[int, list[str]] = {}
        for (group, _), name in placed:
            groups.setdefault(group, []).append(name)
        return [groups[g] for g in sorted(groups)]

    def page_data(self) -> Json:
        """Return the page-facing part: what web/ builds its controls and keys from.

        ``actions`` holds, per labelled action: ``label``, ``shortcut`` (the one
        tooltips and menus show), ``icon`` (path data) and ``viewer``. ``page``
        names the actions the page carries out itself: its key router
        (web/keys.js) runs their keys with the handler a page module registered.
        """
        return {
            "actions": {
                s.name: {
                    "label": s.label,
                    "shortcut": s.shortcut,
                    "icon": list(s.icon),
                    "viewer": s.viewer,
                    "embed": s.embed_allowed,
                }
                for s in self.specs
                if s.label
            },
            "toolbar": self.toolbar(),
            "keys": self.keymap.page_data(),
            "help": self.help_rows(),
            "viewer_help": self.help_rows(viewer=True),
            "viewer": sorted(self.viewer_actions),
            "embed": sorted(self.embed_actions),
            "page": sorted(s.name for s in self.specs if s.page),
        }


def registry_of(ed: Editor) -> Registry:
    """Return the registry the editor was given (actions that list actions need it).

    Raises:
        CommandError: when the editor runs another kind of action table.
    """
    table = ed.actions
    if not isinstance(table, Registry):
        raise CommandError("this editor's actions are not a registry")
    return table
