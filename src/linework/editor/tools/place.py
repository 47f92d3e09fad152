"""Place: the place tool adds a palette shape by click or drag."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    add_shape,
)
from linework.commands._base import snap_vec
from linework.commands.containers import (
    joined,
)
from linework.editor.protocol import Mods
from linework.editor.tools.base import DRAG_PX, State
from linework.geometry import Box, Vec

if TYPE_CHECKING:
    from linework.editor.editor import Editor


# --------------------------------------------------------------------------- place
class Place(State):
    """The palette's place tool: click to drop the kind, or drag out its box."""

    name = "place"
    cursor = "crosshair"

    def __init__(self, ed: Editor, kind: str) -> None:
        super().__init__(ed)
        self.kind = kind
        self.start: Vec | None = None

    @property
    def busy(self) -> bool:
        """Return whether the button is down."""
        return self.start is not None

    def down(self, p: Vec, mods: Mods) -> None:
        """Remember where the box starts."""
        self.start = snap_vec(p, self.ed.grid) if self.ed.grid else p

    def move(self, p: Vec, mods: Mods) -> None:
        """Show the box being drawn."""
        if self.start is not None:
            q = snap_vec(p, self.ed.grid) if self.ed.grid else p
            self.ed.extras.placing = Box.around([self.start, q])

    def up(self, p: Vec, mods: Mods) -> None:
        """Add the shape (default size for a click) and go back to selecting."""
        ed = self.ed
        start, self.start = self.start, None
        ed.extras.placing = None
        if start is None:
            return
        q = snap_vec(p, ed.grid) if ed.grid else p
        box = Box.around([start, q])
        small = box.w * ed.zoom < 2 * DRAG_PX or box.h * ed.zoom < 2 * DRAG_PX
        patch = add_shape(
            ed.document,
            ed.ids,
            page=ed.session.page_id,
            layer=ed.active_layer(),
            kind=self.kind,
            center=start if small else None,
            box=None if small else box,
            grid=ed.grid,
            kinds=ed.kinds,
        )
        added = list(patch.added)
        ed.apply(joined(ed.document, patch, added), "Add shape")
        ed.select(added)
        ed.to_idle()

    def cancel(self) -> None:
        """Stop placing and go back to selecting."""
        self.ed.extras.placing = None
        self.ed.to_idle()
