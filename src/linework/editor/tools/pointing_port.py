"""Pressed on a shape's port: a drag draws a connector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    top_of,
)
from linework.editor.protocol import Mods
from linework.editor.tools.base import Pointing
from linework.editor.tools.connecting import Connecting
from linework.geometry import Vec
from linework.model import (
    Shape,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class PointingPort(Pointing):
    """Pressed on a port of the hovered shape: a drag draws a connector."""

    name = "pointing-port"

    cursor = "crosshair"

    def __init__(self, ed: Editor, start: Vec, shape: str, port: str) -> None:
        super().__init__(ed, start)
        self.shape = shape
        self.port = port

    def move(self, p: Vec, mods: Mods) -> None:
        """Start connecting once dragged."""
        if self.dragged(p):
            c = Connecting(self.ed, self.shape, self.port)
            self.ed.transition(c)
            c.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click on a port selects its shape, as a click on the shape would."""
        unit = top_of(self.ed.document, self.ed.document.typed(self.shape, Shape))
        if not (mods.shift or mods.primary):
            self.ed.select([unit.id])
        elif unit.id not in self.ed.session.selection:
            self.ed.select([*self.ed.session.selection, unit.id])
        self.ed.to_idle()
