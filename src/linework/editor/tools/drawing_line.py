"""Drawing a line: the line tool's drag (:mod:`linework.editor.tools.line_tool`).

It ends where it is released (a shape, a port or a free point), as drawing
from a port does. One connector is one undo step; the tool then goes back to
selecting, with the new connector selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import connect, set_end
from linework.editor.protocol import Mods
from linework.editor.tools.base import DRAG_PX, Gesture
from linework.editor.tools.connecting import end_under
from linework.geometry import Vec
from linework.model import Attached, End, Free

if TYPE_CHECKING:
    from linework.editor.editor import Editor


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
