"""The action record: everything the editor and the page know about one action.

One :class:`Spec` per action name holds how it runs, when it can run, its
label, shortcuts, toolbar and menu place, icon and whether the viewer and an
embedding host may send it. The key map, the ``?`` panel, the context menu,
the toolbar and the read-only allow-lists are all made from these records
(:mod:`linework.editor.actions.registry`), so a fact about an action is
written once, in its family's module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Final

from linework import commands as cmd
from linework.editor import lanes
from linework.editor.editor import Editor
from linework.model import Connector, Group, Shape

Args = Mapping[str, Any]
ActionFn = Callable[[Editor, Args], None]


@dataclass(frozen=True, slots=True)
class Shortcut:
    """One key combination for an action, written as the help panel shows it.

    ``keys`` is ``[Mod+][Alt+][Shift+]<key>`` ("Mod" is Ctrl, or Cmd on macOS);
    :mod:`linework.editor.actions.keymap` reads the matching rule from it. A
    letter matches by ``key`` or, for other keyboard layouts, by ``code``;
    ``[`` and ``]`` match by ``code`` only. ``loose`` names modifiers that may
    also be held ("alt", "shift"). ``shown`` is False for aliases the tooltips
    and menus leave out (Backspace beside Delete). ``args`` go to the action.
    """

    keys: str
    args: Mapping[str, Any] = field(default_factory=dict)
    loose: frozenset[str] = frozenset()
    shown: bool = True


@dataclass(frozen=True, slots=True)
class Spec:
    """One action.

    Attributes:
        name: the ``data-action`` name (the automation contract: never renamed).
        run: carries it out on the editor with its JSON ``args``.
        label: what the toolbar, menus and tooltips call it.
        enabled: whether it can run now (listed in ``ui.enabled``); None: not listed.
        shortcuts: its keys, in the order the help panel shows them.
        hint: the shortcut shown in menus and tooltips (default: the first shown).
        toolbar: (group, place) on the edit bar; None: not there.
        menu: (group, place) in the context menu of a selection; None: not there.
        menu_when: whether the menu shows it now (default: always).
        icon: the toolbar icon, 24×24 path data ("F:" marks a filled path).
        viewer: a read-only session (the viewer) may run it.
        embed: a read-only embedded editor may run it (None: as ``viewer``).
        page: the page handles it itself (files, zoom, help): the core only
            answers with ``ui.request``, and the page's key router
            (web/keys.js) runs its keys with the handler a page module
            registered under its name (``onAction``) instead of sending them.
        keeps_gesture: it runs without ending a drag or text edit first.
    """

    name: str
    run: ActionFn
    label: str = ""
    enabled: Callable[[Facts], bool] | None = None
    shortcuts: tuple[Shortcut, ...] = ()
    hint: str | None = None
    toolbar: tuple[int, int] | None = None
    menu: tuple[int, int] | None = None
    menu_when: Callable[[Facts], bool] | None = None
    icon: tuple[str, ...] = ()
    viewer: bool = False
    embed: bool | None = None
    page: bool = False
    keeps_gesture: bool = False

    @property
    def shortcut(self) -> str:
        """Return the shortcut menus and tooltips show ("" for none)."""
        if self.hint is not None:
            return self.hint
        return next((s.keys for s in self.shortcuts if s.shown), "")

    @property
    def embed_allowed(self) -> bool:
        """Return whether a read-only embedded editor may run it."""
        return self.viewer if self.embed is None else self.embed


#: The facts that depend only on the document and the selection, kept from the
#: last answer: a drag preview or an ``idle`` event leaves both as they were,
#: and recounting a 5,000-element selection for every response costs more than
#: the move itself.
_KEPT: Final = ("groups", "connectors", "units", "locked")
_last: list[Any] = [None, None, {}]  # [document, selection, {fact: value}]


class Facts:
    """What ``enabled`` rules ask about the editor, each worked out once per answer
    (and the selection's own facts once per document and selection)."""

    def __init__(self, ed: Editor) -> None:
        self.ed = ed
        self.doc = ed.document
        self.sel = ed.session.selection
        self.has = bool(self.sel)
        if _last[0] is self.doc and _last[1] == self.sel:
            # cached_property reads the instance dict first.
            self.__dict__.update(_last[2])

    def keep(self) -> None:
        """Remember the selection's facts worked out so far for the next answer."""
        known = {k: self.__dict__[k] for k in _KEPT if k in self.__dict__}
        _last[:] = [self.doc, self.sel, known]

    @cached_property
    def groups(self) -> bool:
        """Return whether a group is selected."""
        return any(isinstance(self.doc.get(r), Group) for r in self.sel)

    @cached_property
    def connectors(self) -> bool:
        """Return whether a connector is among the selected leaves."""
        return any(isinstance(e, Connector) for e in self.ed.selection_leaves())

    @cached_property
    def units(self) -> int:
        """Return how many movable shapes and groups are selected.

        Counting is enough here; align itself measures them.
        """
        doc = self.doc
        locked = cmd.lock_checker(doc)
        return sum(
            1
            for r in self.sel
            if isinstance(e := doc.get(r), Shape | Group) and not locked(e)
        )

    @cached_property
    def locked(self) -> bool:
        """Return whether everything selected is locked (the menu offers Unlock)."""
        leaves = self.ed.selection_leaves()
        return bool(leaves) and all(map(cmd.lock_checker(self.doc), leaves))

    @cached_property
    def lanes(self) -> dict[str, bool]:
        """Return which lane actions can run (:func:`linework.editor.lanes.enabled`)."""
        return lanes.enabled(self.ed)
