"""Pressed on a selected connector's label: a drag slides it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor.labels import LabelHit
from linework.editor.protocol import Mods
from linework.editor.tools.base import Pointing, State
from linework.editor.tools.dragging_label import DraggingLabel
from linework.editor.tools.translating import Translating
from linework.geometry import Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class PointingLabel(Pointing):
    """Pressed on a selected connector's label: a drag slides it along the path.

    With Alt the drag copies the selection instead, as on any element.
    """

    name = "pointing-label"
    cursor = "move"

    def __init__(self, ed: Editor, start: Vec, hit: LabelHit, *, copy: bool) -> None:
        super().__init__(ed, start)
        self.hit = hit
        self.copy = copy

    def move(self, p: Vec, mods: Mods) -> None:
        """Start dragging the label (or copying the selection) once dragged."""
        if not self.dragged(p):
            return
        ed = self.ed
        nxt: State
        if self.copy or mods.alt:
            nxt = Translating(ed, self.start, ed.session.selection, copy=True)
        else:
            nxt = DraggingLabel(ed, self.start, self.hit)
        ed.transition(nxt)
        nxt.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click on the label: just that connector stays selected."""
        self.ed.select([self.hit.conn])
        self.ed.to_idle()
