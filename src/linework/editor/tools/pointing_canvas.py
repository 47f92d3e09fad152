"""Pressed on empty canvas: a drag becomes a rubber band."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor.protocol import Mods
from linework.editor.tools.base import Pointing
from linework.editor.tools.rubber_band import RubberBand
from linework.geometry import Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class PointingCanvas(Pointing):
    """Pressed on empty canvas: a drag becomes a rubber band."""

    name = "pointing-canvas"

    def __init__(self, ed: Editor, start: Vec, additive: bool) -> None:
        super().__init__(ed, start)
        self.additive = additive

    def move(self, p: Vec, mods: Mods) -> None:
        """Start the rubber band once dragged."""
        if self.dragged(p):
            band = RubberBand(self.ed, self.start, self.additive)
            self.ed.transition(band)
            band.move(p, mods)
