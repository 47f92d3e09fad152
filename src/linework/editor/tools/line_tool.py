"""The line tool: draw a connector anywhere, free or attached at either end.

draw.io's and Excalidraw's line/arrow tool. Pressed on a shape the connector
starts attached to it (at the port under the pointer, if any), on the canvas
it starts free; the drag is :mod:`linework.editor.tools.drawing_line`. Escape
leaves the tool.
"""

from __future__ import annotations

from linework.commands._base import snap_vec
from linework.editor.overlay import port_at
from linework.editor.protocol import Mods
from linework.editor.tools.base import State
from linework.editor.tools.drawing_line import DrawingLine
from linework.geometry import Vec
from linework.model import Attached, End, Free


class LineTool(State):
    """Waiting for a press that starts a connector."""

    name = "line"
    cursor = "crosshair"

    def down(self, p: Vec, mods: Mods) -> None:
        """Start a line at ``p``: on a shape (its port if under), else free."""
        ed = self.ed
        shape = ed.shape_at(p)
        start: End
        if shape is not None:
            start = Attached(shape=shape.id, port=port_at(shape, p, ed.zoom, ed.kinds))
        else:
            start = Free(point=snap_vec(p, ed.grid) if ed.grid else p)
        ed.transition(DrawingLine(ed, p, start))

    def cancel(self) -> None:
        """Escape: back to selecting."""
        self.ed.to_idle()
