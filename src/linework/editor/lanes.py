"""Lane actions: ``add-lane``, ``remove-lane``, ``lane-earlier``, ``lane-later``.

Each takes ``id`` (default: the one selected lane; ``add-lane`` also takes a
pool, adding after its last lane) and is one undo step. They show in the
context menu of a selected lane and in ``ui.enabled``. Resizing a lane with
its handles moves its neighbours (``Resizing`` calls ``commands.lanes``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final

from linework.commands import CommandError, delete_elements, is_locked
from linework.commands import lanes as cmd_lanes
from linework.model import Document, Shape

if TYPE_CHECKING:
    from linework.editor.editor import Editor

Args = Mapping[str, Any]


def _target(ed: Editor, args: Args) -> str:
    rid = args.get("id")
    if isinstance(rid, str):
        return rid
    sel = ed.session.selection
    if len(sel) == 1:
        return sel[0]
    raise CommandError("select one lane")


def _lane(ed: Editor, args: Args) -> Shape:
    s = ed.document.get(_target(ed, args))
    if (
        not isinstance(s, Shape)
        or not cmd_lanes.is_lane(s)
        or is_locked(ed.document, s)
    ):
        raise CommandError("select one lane")
    return s


def add_lane(ed: Editor, args: Args) -> None:
    """Add an empty lane after the lane (or at the end of the pool) and select it."""
    patch = cmd_lanes.add_lane(ed.document, ed.ids, _target(ed, args))
    ed.apply(patch, "Add lane")
    ed.select([r for r, rec in patch.added.items() if isinstance(rec, Shape)])


def remove_lane(ed: Editor, args: Args) -> None:
    """Delete the lane with its members; the lanes after it close the gap."""
    lane = _lane(ed, args)
    doc = ed.document
    gone = delete_elements(doc, [lane.id])
    after = doc.apply(gone)
    ed.apply(gone.then(cmd_lanes.remove_gaps(doc, after, [lane.id])), "Remove lane")
    ed.select([])


def _move(step: int) -> Callable[[Editor, Args], None]:
    def run(ed: Editor, args: Args) -> None:
        lane = _lane(ed, args)
        ed.apply(cmd_lanes.move_lane(ed.document, lane.id, step), "Move lane")

    return run


ACTIONS: Final[dict[str, Callable[[Editor, Args], None]]] = {
    "add-lane": add_lane,
    "remove-lane": remove_lane,
    "lane-earlier": _move(-1),
    "lane-later": _move(1),
}


_memo: list[Any] = [None, None, {}]  # [document, selection, answer]


def enabled(ed: Editor) -> dict[str, bool]:
    """Return which lane actions can run on the selection (memoized: every
    response asks, and finding a lane's row looks at the whole page)."""
    doc, sel = ed.document, ed.session.selection
    if _memo[0] is doc and _memo[1] == sel:
        return dict(_memo[2])
    out = _enabled(doc, sel)
    _memo[:] = [doc, sel, out]
    return dict(out)


def _enabled(doc: Document, sel: tuple[str, ...]) -> dict[str, bool]:
    one = doc.get(sel[0]) if len(sel) == 1 else None
    lane = isinstance(one, Shape) and cmd_lanes.is_lane(one)
    row = cmd_lanes.row_of(doc, one.id) if lane and one is not None else None
    pool = isinstance(one, Shape) and any(
        cmd_lanes.is_lane(e) for e in doc.contents(one.id)
    )
    i = (
        next(k for k, e in enumerate(row.lanes) if one is not None and e.id == one.id)
        if row is not None
        else -1
    )
    return {
        "add-lane": lane or pool,
        "remove-lane": lane,
        "lane-earlier": row is not None and i > 0,
        "lane-later": row is not None and 0 <= i < len(row.lanes) - 1,
    }


def menu_items(ed: Editor) -> list[dict[str, Any]]:
    """Return the context menu entries for a selected lane or pool (or none)."""
    on = enabled(ed)
    if not (on["add-lane"] or on["remove-lane"]):
        return []
    labels = (
        ("add-lane", "Add lane"),
        ("remove-lane", "Remove lane"),
        ("lane-earlier", "Move lane earlier"),
        ("lane-later", "Move lane later"),
    )
    return [{"separator": True}] + [
        {"action": a, "label": t, "shortcut": "", "enabled": on[a], "args": {}}
        for a, t in labels
    ]
