"""DraggingLabel: sliding a connector's label along it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    move_label,
)
from linework.editor.labels import LabelHit, position_near
from linework.editor.protocol import Mods
from linework.editor.tools.base import Gesture
from linework.geometry import Vec
from linework.model import (
    Connector,
)
from linework.render.connector import label_center

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class DraggingLabel(Gesture):
    """Sliding a connector label along its path; it keeps its offset from it."""

    name = "dragging-label"
    cursor = "move"
    history_name = "Move label"

    def __init__(self, ed: Editor, start: Vec, hit: LabelHit) -> None:
        super().__init__(ed)
        self.conn = hit.conn
        self.index = hit.index
        c = self.base.typed(hit.conn, Connector)
        # Labels never change the route, so the path is measured once.
        self.route = ed.hits.routes.route(self.base, c)
        label = c.labels[hit.index]
        self.offset = label.offset
        self.grab = start - label_center(self.route, label)

    def move(self, p: Vec, mods: Mods) -> None:
        """Put the label at the point of the path nearest the pointer."""
        at = position_near(self.route, p - self.grab - self.offset)
        self.show(move_label(self.base, self.conn, self.index, at))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit."""
        self.finish()
