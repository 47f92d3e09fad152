"""DraggingEnd: a connector's end handle reattaches it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    set_end,
)
from linework.editor.protocol import Mods
from linework.editor.tools.base import Gesture
from linework.editor.tools.connecting import end_under
from linework.geometry import Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class DraggingEnd(Gesture):
    """Dragging a connector end: drop on a shape or port to reconnect, else detach."""

    name = "dragging-end"
    cursor = "crosshair"
    history_name = "Reconnect"

    def __init__(self, ed: Editor, conn: str, which: str) -> None:
        super().__init__(ed)
        self.conn = conn
        self.which = which

    def move(self, p: Vec, mods: Mods) -> None:
        """Steer the end."""
        end = end_under(self.ed, p)
        self.ed.apply(set_end(self.ed.document, self.conn, self.which, end))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit."""
        self.ed.extras.target = self.ed.extras.target_port = None
        self.finish()

    def cancel(self) -> None:
        """Put the end back."""
        self.ed.extras.target = self.ed.extras.target_port = None
        super().cancel()
