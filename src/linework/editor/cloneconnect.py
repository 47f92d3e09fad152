"""Clone and connect: the hover arrows' click and Alt+Shift+arrow keys.

The shape is copied (kind, size, style, label) beside itself that way,
CLONE_GAP past it (further while a shape is in the spot), and connected from
its side facing the clone to the clone's facing side; the clone is selected,
so typing names it. One undo step ("Clone and connect").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from linework.commands import CommandError, connect, is_locked
from linework.commands._base import ZCounter
from linework.editor.hoverarrows import OPPOSITE, UNIT, port_toward
from linework.geometry import Box, Vec
from linework.model import Attached, Patch, Shape

if TYPE_CHECKING:
    from linework.editor.editor import Editor

#: Page units between a shape and its clone.
CLONE_GAP: Final = 60.0


def clone_box(ed: Editor, shape: Shape, direction: str) -> Box:
    """Return where the clone goes: beside the shape, past any shape there."""
    b = shape.box
    ux, uy = UNIT[direction]
    step = Vec(ux * (b.w + CLONE_GAP), uy * (b.h + CLONE_GAP))
    doc = ed.document
    idx = ed.hits.index(doc, shape.page)
    box = b
    for _ in range(12):
        box = box.translated(step)
        probe = Box(box.x - 10, box.y - 10, box.w + 20, box.h + 20)
        if not any(_blocks(doc.get(rid), shape, probe) for rid in idx.near(probe)):
            break
    return box


def _blocks(el: object, shape: Shape, probe: Box) -> bool:
    """Return whether ``el`` takes the clone's place (its container does not)."""
    if not isinstance(el, Shape) or el.id == shape.id:
        return False
    b, s = el.box, shape.box
    holds = b.x <= s.x and b.y <= s.y and s.right <= b.right and s.bottom <= b.bottom
    return not holds and b.intersects(probe)


def clone_and_connect(ed: Editor, shape_id: str, direction: str) -> str | None:
    """Clone ``shape_id`` toward ``direction``, connect it, select the clone.

    One undo step ("Clone and connect"). Returns the clone's id.
    """
    doc = ed.document
    shape = doc.get(shape_id)
    if not isinstance(shape, Shape) or direction not in UNIT or is_locked(doc, shape):
        return None
    box = clone_box(ed, shape, direction)
    clone = replace(
        shape,
        id=ed.ids.new("shape"),
        box=box,
        z=ZCounter(doc, shape.page).above(shape.layer),
        parent=None,
    )
    add = Patch(added={clone.id: clone})
    after = doc.apply(add)
    link = connect(
        after,
        ed.ids,
        page=shape.page,
        layer=shape.layer,
        source=Attached(shape=shape.id, port=port_toward(shape, direction, ed.kinds)),
        target=Attached(
            shape=clone.id, port=port_toward(clone, OPPOSITE[direction], ed.kinds)
        ),
        style=ed.connector_style,
    )
    ed.apply(add.then(link), "Clone and connect")
    ed.select([clone.id])
    return clone.id


def clone_connect_action(ed: Editor, args: Mapping[str, object]) -> None:
    """The ``clone-connect`` action: (direction, id?) — the selected shape by default.

    ``direction`` is n, e, s or w (or up, right, down, left).
    """
    d = args.get("direction")
    d = {"up": "n", "right": "e", "down": "s", "left": "w"}.get(str(d), d)
    if d not in UNIT:
        raise CommandError("argument 'direction' must be n, e, s or w")
    rid = args.get("id")
    if rid is None:
        sel = ed.session.selection
        rid = sel[0] if len(sel) == 1 else None
    if not isinstance(rid, str) or not isinstance(ed.document.get(rid), Shape):
        raise CommandError("select one shape to clone and connect it")
    clone_and_connect(ed, rid, str(d))
