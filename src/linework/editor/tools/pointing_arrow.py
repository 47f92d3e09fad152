"""Pressed on a hover arrow: a click clones and connects, a drag connects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor import hoverarrows
from linework.editor.protocol import Mods
from linework.editor.tools.base import Pointing
from linework.editor.tools.connecting import Connecting
from linework.geometry import Vec
from linework.model import Shape

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class PointingArrow(Pointing):
    """Pressed on a hover arrow: a click clones the shape that way and
    connects it (:mod:`linework.editor.hoverarrows`); a drag draws a
    connector from the shape's side facing the arrow."""

    name = "pointing-arrow"
    cursor = "pointer"

    def __init__(self, ed: Editor, start: Vec, shape: str, direction: str) -> None:
        super().__init__(ed, start)
        self.shape = shape
        self.direction = direction

    def move(self, p: Vec, mods: Mods) -> None:
        """Start connecting from the side facing the arrow once dragged."""
        if self.dragged(p):
            shape = self.ed.document.typed(self.shape, Shape)
            port = hoverarrows.port_toward(shape, self.direction, self.ed.kinds)
            c = Connecting(self.ed, self.shape, port)
            self.ed.transition(c)
            c.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click: clone and connect (one undo step), the clone selected."""
        ed = self.ed
        ed.to_idle()
        # Through the action (linework.editor.cloneconnect), as the keys do.
        ed.actions.run(
            ed, "clone-connect", {"id": self.shape, "direction": self.direction}
        )
