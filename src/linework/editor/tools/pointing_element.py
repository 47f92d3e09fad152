"""Pressed on an element: a drag moves the selection, a click selects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor.protocol import Mods
from linework.editor.tools.base import Pointing
from linework.editor.tools.translating import Translating
from linework.geometry import Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class PointingElement(Pointing):
    """Pressed on an element: a drag moves the selection, a click selects."""

    name = "pointing-element"

    cursor = "move"

    def __init__(
        self,
        ed: Editor,
        start: Vec,
        unit: str,
        toggle_off: bool,
        additive: bool,
        *,
        copy: bool = False,
    ) -> None:
        super().__init__(ed, start)
        self.unit = unit
        self.toggle_off = toggle_off
        self.additive = additive
        self.copy = copy

    def move(self, p: Vec, mods: Mods) -> None:
        """Start moving the selection once dragged (a copy of it with Alt)."""
        if self.dragged(p) and self.ed.session.selection:
            t = Translating(
                self.ed,
                self.start,
                self.ed.session.selection,
                copy=self.copy or mods.alt,
            )
            self.ed.transition(t)
            t.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click: Shift-click on a selected element deselects it; a plain
        click inside a multi-selection selects just that element."""
        sel = self.ed.session.selection
        if self.toggle_off:
            self.ed.select([s for s in sel if s != self.unit])
        elif not self.additive and len(sel) > 1:
            self.ed.select([self.unit])
        self.ed.to_idle()
