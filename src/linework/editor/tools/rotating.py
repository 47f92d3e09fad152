"""Rotating: the rotate handle turns the selection."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from linework.commands import (
    rotate_elements,
)
from linework.editor.protocol import Mods
from linework.editor.tools.base import ROTATE_SNAP_DEG, Gesture
from linework.geometry import Vec
from linework.model import (
    Shape,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor


def _angle(v: Vec) -> float:
    return math.degrees(math.atan2(v.y, v.x))


class Rotating(Gesture):
    """Dragging the rotate handle; Shift snaps to 15° steps."""

    name = "rotating"
    cursor = "grabbing"
    history_name = "Rotate"

    def __init__(self, ed: Editor, start: Vec) -> None:
        super().__init__(ed)
        self.ids = ed.session.selection
        frame = ed.selection_frame()
        self.center = frame[0].center if frame else start
        self.rotation = frame[1] if frame else 0.0
        first = self.base.get(self.ids[0]) if len(self.ids) == 1 else None
        self.single = isinstance(first, Shape)
        self.a0 = _angle(start - self.center)

    def move(self, p: Vec, mods: Mods) -> None:
        """Turn to follow the pointer."""
        delta = _angle(p - self.center) - self.a0
        if self.single:
            target = self.rotation + delta
            if mods.shift:
                target = round(target / ROTATE_SNAP_DEG) * ROTATE_SNAP_DEG
            delta = target - self.rotation
            total = rotate_elements(self.base, self.ids, delta)
        else:
            if mods.shift:
                delta = round(delta / ROTATE_SNAP_DEG) * ROTATE_SNAP_DEG
            total = rotate_elements(self.base, self.ids, delta, self.center)
        self.show(total)

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit the rotation."""
        self.finish()
