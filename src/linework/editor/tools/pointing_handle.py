"""Pressed on a handle: a drag resizes, rotates, or moves an end or waypoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor.overlay import Handle, cursor_for
from linework.editor.protocol import Mods
from linework.editor.tools.base import Pointing, State
from linework.editor.tools.dragging_end import DraggingEnd
from linework.editor.tools.dragging_waypoint import DraggingWaypoint
from linework.editor.tools.resizing import Resizing
from linework.editor.tools.rotating import Rotating
from linework.geometry import Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class PointingHandle(Pointing):
    """Pressed on a handle: a drag resizes, rotates, or drags an end or waypoint."""

    name = "pointing-handle"

    def __init__(self, ed: Editor, start: Vec, handle: Handle) -> None:
        super().__init__(ed, start)
        self.handle = handle
        self.cursor = handle_cursor(ed, handle)

    def move(self, p: Vec, mods: Mods) -> None:
        """Start the handle's gesture once dragged."""
        if not self.dragged(p):
            return
        ed, h = self.ed, self.handle
        nxt: State
        if h.name == "rotate":
            nxt = Rotating(ed, self.start)
        elif h.name in ("source", "target"):
            nxt = DraggingEnd(ed, h.owner, h.name)
        elif h.name in ("waypoint", "add-waypoint"):
            nxt = DraggingWaypoint(ed, h.owner, h.index, inserting=h.name != "waypoint")
        else:
            nxt = Resizing(ed, self.start, h)
        ed.transition(nxt)
        nxt.move(p, mods)


def handle_cursor(ed: Editor, h: Handle) -> str:
    """Return the cursor over a handle (its direction follows the rotation)."""
    if h.name == "rotate":
        return "grab"
    if h.name in ("source", "target", "waypoint", "add-waypoint"):
        return "pointer"
    frame = ed.selection_frame()
    return cursor_for(h.name, frame[1] if frame else 0.0)
