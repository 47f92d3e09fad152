"""DraggingWaypoint: moving (or adding) a waypoint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    add_waypoint,
    move_waypoint,
)
from linework.commands._base import snap_vec
from linework.editor.protocol import Mods
from linework.editor.tools.base import Gesture
from linework.geometry import Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class DraggingWaypoint(Gesture):
    """Dragging a waypoint, or a virtual bend that becomes one."""

    name = "dragging-waypoint"
    cursor = "move"
    history_name = "Move waypoint"

    def __init__(self, ed: Editor, conn: str, index: int, *, inserting: bool) -> None:
        super().__init__(ed)
        self.conn = conn
        self.index = index
        self.inserting = inserting

    def move(self, p: Vec, mods: Mods) -> None:
        """Put the waypoint under the pointer (snapped to the grid when on)."""
        q = snap_vec(p, self.ed.grid) if self.ed.grid else p
        if self.inserting:
            ins = add_waypoint(self.base, self.conn, self.index, q)
            self.show(ins)
        else:
            self.show(move_waypoint(self.base, self.conn, self.index, q))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit."""
        self.finish()
