"""Arrange actions: z-order, align, distribute, group, lock.

- ``to-front``, ``to-back``, ``bring-forward``, ``send-backward``: z-order
- ``align-left``, ``align-center``, ``align-right``, ``align-top``,
  ``align-middle``, ``align-bottom``
- ``distribute-h``, ``distribute-v``: equal gaps
- ``group``, ``ungroup``
- ``lock``, ``unlock``, ``toggle-lock``: lock the selection (unlock with no
  selection: all of the page)
"""

from __future__ import annotations

from typing import Any

from linework import commands as cmd
from linework.editor.actions._args import _do, _sel
from linework.editor.actions._spec import ActionFn, Args, Facts, Shortcut, Spec
from linework.editor.editor import Editor
from linework.model import Connector, Group, Page, Shape


def _group(ed: Editor, args: Args) -> None:
    patch = cmd.group_elements(ed.document, list(_sel(ed)), ed.ids)
    ed.apply(patch, "Group")
    ed.select([r for r, rec in patch.added.items() if isinstance(rec, Group)])


def _ungroup(ed: Editor, args: Args) -> None:
    doc = ed.document
    groups = [r for r in _sel(ed) if isinstance(doc.get(r), Group)]
    members = [m.id for g in groups for m in doc.members(g)]
    rest = [r for r in _sel(ed) if r not in groups]
    ed.apply(cmd.ungroup_elements(doc, groups), "Ungroup")
    ed.select(rest + members)


def _order(how: cmd.arrange.Order) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        _do(ed, cmd.reorder(ed.document, _sel(ed), how), "Arrange")

    return run


def _align(how: cmd.arrange.Align) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        _do(ed, cmd.align(ed.document, _sel(ed), how), "Align")

    return run


def _distribute(axis: str) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        _do(
            ed,
            cmd.distribute(ed.document, _sel(ed), "h" if axis == "h" else "v"),
            "Distribute",
        )

    return run


def _distribute_spec(axis: str, way: str, slot: int, icon: tuple[str, ...]) -> Spec:
    """Distribute along ``axis``: three or more units, on the toolbar."""
    return Spec(
        f"distribute-{axis}",
        _distribute(axis),
        f"Distribute {way}",
        lambda f: f.units >= 3,
        toolbar=(5, slot),
        icon=icon,
    )


def _lock(ed: Editor, args: Args) -> None:
    _do(ed, cmd.set_locked(ed.document, _sel(ed), True), "Lock")
    ed.select([])


def _unlock(ed: Editor, args: Args) -> None:
    doc = ed.document
    ids = [
        r for r in _sel(ed) if (e := doc.get(r)) is not None and e.__class__ is not Page
    ]
    flagged = [
        r
        for r in ids
        if isinstance(e := doc.get(r), Shape | Connector | Group) and e.locked
    ]
    if not flagged:
        flagged = [e.id for e in doc.elements(ed.session.page_id) if e.locked]
    _do(ed, cmd.set_locked(doc, flagged, False), "Unlock")
    ed.select(flagged)


def _toggle_lock(ed: Editor, args: Args) -> None:
    if _sel(ed):
        _lock(ed, args)
    else:
        _unlock(ed, args)


_locked_memo: list[Any] = [None, None, False]  # [document, page id, answer]


def _page_has_locked(ed: Editor) -> bool:
    """Whether the page shows a locked element (memoized per document and page)."""
    doc, page = ed.document, ed.session.page_id
    memo = _locked_memo
    if memo[0] is not doc or memo[1] != page:
        found = any(e.locked for e in doc.elements(page))
        memo[:] = [doc, page, found]
    return bool(memo[2])


def _has(f: Facts) -> bool:
    return f.has


def _z(name: str, how: cmd.arrange.Order, label: str, keys: str, **more: Any) -> Spec:
    return Spec(name, _order(how), label, _has, (Shortcut(keys),), **more)


def _aligner(
    at: int, how: cmd.arrange.Align, label: str, icon: tuple[str, ...]
) -> Spec:
    return Spec(
        f"align-{how}",
        _align(how),
        label,
        lambda f: f.units >= 2,
        toolbar=(5, at),
        icon=icon,
    )


_LOCK_ICON = ("M6 11h12v9H6z", "M9 11V8a3 3 0 0 1 6 0v3")

SPECS = (
    _z(
        "to-front",
        "front",
        "Bring to front",
        "Mod+Shift+]",
        toolbar=(3, 1),
        menu=(2, 1),
        icon=("F:M8 8h10v10H8z", "M4 4h10v3", "M4 4v10h3"),
    ),
    _z(
        "to-back",
        "back",
        "Send to back",
        "Mod+Shift+[",
        toolbar=(3, 2),
        menu=(2, 2),
        icon=("M8 8h10v10H8z", "F:M4 4h10v4H8v6H4z"),
    ),
    _z("bring-forward", "forward", "Bring forward", "Mod+]"),
    _z("send-backward", "backward", "Send backward", "Mod+["),
    _aligner(1, "left", "Align left", ("M4 3v18", "F:M7 6h10v4H7z", "F:M7 14h6v4H7z")),
    _aligner(
        2, "center", "Align centre", ("M12 3v18", "F:M6 6h12v4H6z", "F:M8 14h8v4H8z")
    ),
    _aligner(
        3, "right", "Align right", ("M20 3v18", "F:M7 6h10v4H7z", "F:M11 14h6v4h-6z")
    ),
    _aligner(4, "top", "Align top", ("M3 4h18", "F:M6 7h4v10H6z", "F:M14 7h4v6h-4z")),
    _aligner(
        5, "middle", "Align middle", ("M3 12h18", "F:M6 6h4v12H6z", "F:M14 8h4v8h-4z")
    ),
    _aligner(
        6,
        "bottom",
        "Align bottom",
        ("M3 20h18", "F:M6 7h4v10H6z", "F:M14 11h4v6h-4z"),
    ),
    _distribute_spec("h", "horizontally", 7, ("M3 3v18", "M21 3v18", "F:M9 7h6v10H9z")),
    _distribute_spec("v", "vertically", 8, ("M3 3h18", "M3 21h18", "F:M7 9h10v6H7z")),
    Spec(
        "group",
        _group,
        "Group",
        lambda f: len(f.sel) >= 2,
        (Shortcut("Mod+G"),),
        toolbar=(4, 1),
        menu=(3, 1),
        icon=(
            "M3 3h4v4H3z",
            "M17 3h4v4h-4z",
            "M3 17h4v4H3z",
            "M17 17h4v4h-4z",
            "M7 5h10",
            "M7 19h10",
            "M5 7v10",
            "M19 7v10",
        ),
    ),
    Spec(
        "ungroup",
        _ungroup,
        "Ungroup",
        lambda f: f.groups,
        (Shortcut("Mod+Shift+G"),),
        toolbar=(4, 2),
        menu=(3, 2),
        icon=("M3 3h8v8H3z", "M13 13h8v8h-8z"),
    ),
    Spec(
        "lock",
        _lock,
        "Lock",
        _has,
        hint="Mod+Shift+L",
        menu=(3, 3),
        menu_when=lambda f: not f.locked,
    ),
    Spec(
        "unlock",
        _unlock,
        "Unlock",
        lambda f: True,
        hint="Mod+Shift+L",
        menu=(3, 3),
        menu_when=lambda f: f.locked,
    ),
    Spec(
        "toggle-lock",
        _toggle_lock,
        "Lock or unlock",
        # Nothing selected, the button unlocks the page's locked elements.
        lambda f: f.has or _page_has_locked(f.ed),
        (Shortcut("Mod+Shift+L"),),
        toolbar=(6, 1),
        icon=_LOCK_ICON,
    ),
)
