"""Connecting: a drag from a port draws a new connector."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    connect,
    set_end,
)
from linework.commands._base import snap_vec
from linework.editor.overlay import port_at
from linework.editor.protocol import Mods
from linework.editor.tools.base import Gesture
from linework.geometry import Vec
from linework.model import (
    Attached,
    End,
    Free,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor


def end_under(ed: Editor, p: Vec) -> End:
    """Return the end a connector dropped at ``p`` gets: a port, a shape, or free."""
    shape = ed.shape_at(p)
    ed.extras.target = shape.id if shape else None
    ed.extras.target_port = None
    if shape is None:
        return Free(point=snap_vec(p, ed.grid) if ed.grid else p)
    port = port_at(shape, p, ed.zoom, ed.kinds)
    ed.extras.target_port = port
    return Attached(shape=shape.id, port=port)


class Connecting(Gesture):
    """Drawing a connector from a port; it attaches where it is released."""

    name = "connecting"
    cursor = "crosshair"
    history_name = "Connect"

    def __init__(self, ed: Editor, shape: str, port: str) -> None:
        super().__init__(ed)
        self.source = Attached(shape=shape, port=port)
        self.conn: str | None = None

    def move(self, p: Vec, mods: Mods) -> None:
        """Create the connector on the first move, then steer its target."""
        end = end_under(self.ed, p)
        if self.conn is None:
            page, layer = self.ed.session.page_id, self.ed.active_layer()
            patch = connect(
                self.base,
                self.ed.ids,
                page=page,
                layer=layer,
                source=self.source,
                target=end,
                style=self.ed.connector_style,
            )
            self.conn = next(iter(patch.added))
            self.show(patch)
            return
        self.ed.apply(set_end(self.ed.document, self.conn, "target", end))

    def up(self, p: Vec, mods: Mods) -> None:
        """Keep the connector and select it."""
        self.ed.extras.target = self.ed.extras.target_port = None
        conn = self.conn
        self.finish()
        if conn is not None:
            self.ed.select([conn])

    def cancel(self) -> None:
        """Remove the connector being drawn."""
        self.ed.extras.target = self.ed.extras.target_port = None
        super().cancel()
