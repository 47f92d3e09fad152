"""Moving through the diagram and connecting shapes from the keyboard.

- ``select-nearest`` (direction: left, right, up or down; extend?; Primary+arrow
  keys, with Shift: extend): select the shape or group nearest to the selection
  in that direction (within a 45° cone either side); with nothing selected, the
  first one in reading order. ``extend`` adds it to the selection, walking on
  from the one added last (so two shapes can be picked to connect them).
  Nothing there: the selection stays and ``ui.say`` says so.
- ``connect-selection`` (Alt+Shift+C): with exactly two shapes selected,
  connect the first selected to the second (ends float on the outlines, as a
  drop on a shape's body does), select the new connector and say so (``ui.say``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from linework import commands as cmd
from linework.commands import CommandError
from linework.editor import describe, placement
from linework.editor.editor import Editor
from linework.geometry import Box
from linework.model import Attached, Connector, Shape

Args = Mapping[str, Any]
DIRECTIONS: Final[dict[str, tuple[float, float]]] = {
    "left": (-1.0, 0.0),
    "right": (1.0, 0.0),
    "up": (0.0, -1.0),
    "down": (0.0, 1.0),
}
_ROW: Final = 40.0


def _units(ed: Editor) -> list[tuple[str, Box]]:
    """Return the page's top-level shapes and groups with their bounds."""
    doc = ed.document
    out: list[tuple[str, Box]] = []
    for e in doc.elements(ed.session.page_id):
        if e.parent is not None or isinstance(e, Connector):
            continue
        if cmd.is_hidden(doc, e):
            continue
        b = cmd.unit_bounds(doc, e.id)
        if b is not None:
            out.append((e.id, b))
    return out


def nearest(
    origin: Box, candidates: list[tuple[str, Box]], direction: tuple[float, float]
) -> str | None:
    """Return the candidate nearest ``origin`` in ``direction`` (None: nothing there).

    A candidate counts when its centre lies ahead, within 45° of the direction;
    the score weighs sideways distance double, so a shape straight ahead beats
    a nearer one off to the side.
    """
    dx, dy = direction
    c = origin.center
    best: tuple[float, str] | None = None
    for rid, b in candidates:
        d = b.center - c
        along = d.x * dx + d.y * dy
        across = abs(d.x * dy - d.y * dx)
        if along <= 1e-6 or across > along:
            continue
        score = along + 2 * across
        if best is None or (score, rid) < best:
            best = (score, rid)
    return best[1] if best is not None else None


def _select_nearest(ed: Editor, args: Args) -> None:
    raw = args.get("direction")
    if not isinstance(raw, str) or raw not in DIRECTIONS:
        raise CommandError("argument 'direction' must be left, right, up or down")
    units = _units(ed)
    sel = [r for r in ed.session.selection if ed.document.get(r) is not None]
    if not sel:
        if units:
            first = min(
                units,
                key=lambda u: (round(u[1].center.y / _ROW), u[1].center.x, u[0]),
            )
            ed.select([first[0]])
        return
    extend = args.get("extend") is True
    # Extending walks on from the shape added last; else from the first selected.
    origin = cmd.unit_bounds(ed.document, sel[-1] if extend else sel[0])
    if origin is None:
        return
    found = nearest(origin, [u for u in units if u[0] not in sel], DIRECTIONS[raw])
    if found is None:
        ed.note("say", f"No shape {_where(raw)}")
        return
    ed.select([*sel, found] if extend else [found])
    placement.reveal(ed, [found])


def _where(direction: str) -> str:
    return {"left": "to the left", "right": "to the right"}.get(
        direction, "above" if direction == "up" else "below"
    )


def _connect_selection(ed: Editor, args: Args) -> None:
    doc = ed.document
    shapes = [r for r in ed.session.selection if isinstance(doc.get(r), Shape)]
    if len(shapes) != 2 or len(ed.session.selection) != 2:
        raise CommandError("select two shapes to connect them")
    patch = cmd.connect(
        doc,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        source=Attached(shape=shapes[0]),
        target=Attached(shape=shapes[1]),
        style=ed.connector_style,
    )
    ed.apply(patch, "Connect")
    added = cmd.pasted_roots(patch)
    ed.select(added)
    if added:
        ed.note(
            "say",
            f"{describe.name_of(ed.document, shapes[0], ed.kinds)} connected to "
            f"{describe.name_of(ed.document, shapes[1], ed.kinds)}",
        )


ACTIONS: Final = {
    "select-nearest": _select_nearest,
    "connect-selection": _connect_selection,
}
