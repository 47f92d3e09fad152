"""The line tool: draw a connector anywhere, free or attached at either end.

draw.io's and Excalidraw's line/arrow tool. Pressed on a shape the connector
starts attached to it (at the port under the pointer, if any), on the canvas
it starts free; it ends where it is released (a shape, a port or a free
point), as drawing from a port does. One connector is one undo step; the tool
then goes back to selecting, with the new connector selected. Escape leaves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linework.commands import connect, set_end
from linework.commands._base import snap_vec
from linework.editor.overlay import port_at
from linework.editor.protocol import Mods
from linework.editor.tools.base import DRAG_PX, Gesture, State
from linework.editor.tools.connecting import end_under
from linework.geometry import Vec
from linework.model import Attached, End, Free

if TYPE_CHECKING:
    from collections.abc import Mapping

    from linework.editor.editor import Editor


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


class DrawingLine(Gesture):
    """The button is down in the line tool: the connector follows the pointer."""

    name = "drawing-line"
    cursor = "crosshair"
    history_name = "Draw line"

    def __init__(self, ed: Editor, start: Vec, source: End) -> None:
        super().__init__(ed)
        self.start = start
        self.source = source
        self.conn: str | None = None

    def move(self, p: Vec, mods: Mods) -> None:
        """Create the connector once dragged, then steer its end."""
        ed = self.ed
        if self.conn is None and p.distance(self.start) <= DRAG_PX / ed.zoom:
            return
        end = end_under(ed, p)
        src = self.source
        if isinstance(src, Attached) and end == src:
            end = Free(point=p)  # not back onto the port it starts from
        if self.conn is None:
            patch = connect(
                self.base,
                ed.ids,
                page=ed.session.page_id,
                layer=ed.active_layer(),
                source=self.source,
                target=end,
                routing="straight",
                style=ed.connector_style,
            )
            self.conn = next(iter(patch.added))
            self.show(patch)
            return
        ed.apply(set_end(ed.document, self.conn, "target", end))

    def up(self, p: Vec, mods: Mods) -> None:
        """Keep the line (a click without a drag draws nothing) and select it."""
        ed = self.ed
        ed.extras.target = ed.extras.target_port = None
        conn = self.conn
        if conn is None:
            self.cancel()
            return
        self.finish()
        ed.select([conn])

    def cancel(self) -> None:
        """Drop the line being drawn."""
        self.ed.extras.target = self.ed.extras.target_port = None
        super().cancel()


def line_tool_action(ed: Editor, args: Mapping[str, Any]) -> None:
    """The ``line-tool`` action: the next drag on the canvas draws a connector."""
    if ed.state.busy:
        ed.state.cancel()
    ed.transition(LineTool(ed))
