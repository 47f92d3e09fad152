"""Resizing: a selection handle scales the selection (or resizes a lane)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    resize_shape,
    resized_box,
    scale_elements,
)
from linework.commands._base import snap_vec
from linework.commands.lanes import resize_lane
from linework.editor.overlay import Handle, cursor_for
from linework.editor.protocol import Mods
from linework.editor.tools.base import Gesture
from linework.geometry import Vec
from linework.model import (
    Shape,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor


class Resizing(Gesture):
    """Dragging a resize handle; Shift keeps the proportions."""

    name = "resizing"
    history_name = "Resize"

    def __init__(self, ed: Editor, start: Vec, handle: Handle) -> None:
        super().__init__(ed)
        self.handle = handle
        self.grab = start - handle.anchor
        self.ids = ed.session.selection
        frame = ed.selection_frame()
        self.frame = frame[0] if frame else None
        self.rotation = frame[1] if frame else 0.0
        first = self.base.get(self.ids[0]) if len(self.ids) == 1 else None
        self.single = first.id if isinstance(first, Shape) else None
        self.cursor = cursor_for(handle.name, self.rotation)

    def move(self, p: Vec, mods: Mods) -> None:
        """Resize to follow the pointer."""
        if self.frame is None:
            return
        q = p - self.grab
        if self.ed.grid is not None and self.rotation % 90 == 0:
            q = snap_vec(q, self.ed.grid)
        if self.single is not None:
            total = resize_shape(
                self.base, self.single, self.handle.name, q, keep_ratio=mods.shift
            )
            # A lane of a row moves its neighbours and stretches its pool.
            change = total.updated.get(self.single)
            if change is not None and isinstance(after := change[1], Shape):
                total = resize_lane(self.base, self.single, after.box) or total
        else:
            nb = resized_box(self.frame, self.handle.name, q, keep_ratio=mods.shift)
            total = scale_elements(self.base, self.ids, self.frame, nb)
        self.show(total)

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit the resize."""
        self.finish()
