"""RubberBand: a drag on empty canvas selects what it encloses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor.protocol import Mods
from linework.editor.tools.base import State
from linework.geometry import Box, Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class RubberBand(State):
    """Dragging a band on empty canvas selects what lies wholly inside it."""

    name = "rubber-band"
    cursor = "crosshair"

    def __init__(self, ed: Editor, start: Vec, additive: bool) -> None:
        super().__init__(ed)
        self.start = start
        self.prior = ed.session.selection if additive else ()

    @property
    def busy(self) -> bool:
        """Return True: the button is down."""
        return True

    def move(self, p: Vec, mods: Mods) -> None:
        """Grow the band and select what it holds."""
        band = Box.around([self.start, p])
        self.ed.extras.band = band
        self.ed.select([*self.prior, *self.ed.units_inside(band)])

    def up(self, p: Vec, mods: Mods) -> None:
        """Keep the selection, drop the band."""
        self.ed.extras.band = None
        self.ed.to_idle()

    def cancel(self) -> None:
        """Drop the band and restore the prior selection."""
        self.ed.extras.band = None
        self.ed.select(self.prior)
        self.ed.to_idle()
