"""Tools as small state classes (tldraw's StateNode): one class per thing the
pointer can be doing, one module per state.

The select tool goes Idle → Pointing… → a gesture (Translating, Resizing,
Rotating, RubberBand, Connecting, DraggingEnd, DraggingWaypoint,
DraggingLabel) → Idle; the place tool draws a new shape of a palette kind,
the line tool (LineTool → DrawingLine) a connector. A
gesture opens a history mark on its first real change and recomputes its
whole effect from the document as it was at the start (``base``) on every
move, so rounding never accumulates, pointer-up squashes the gesture into one
undo step, and cancel (Escape, a lost pointer) bails out leaving neither a
step nor a changed redo stack.

States lead one way, Idle → pointing → gestures; going back to idle is the
editor's :meth:`~linework.editor.editor.Editor.to_idle`, so no state module
imports one that imports it.
"""

from linework.editor.tools.base import (
    DRAG_PX,
    GUIDE_REACH_PX,
    PREVIEW_AT,
    ROTATE_SNAP_DEG,
    Gesture,
    Pointing,
    State,
)
from linework.editor.tools.connecting import Connecting
from linework.editor.tools.dragging_end import DraggingEnd
from linework.editor.tools.dragging_label import DraggingLabel
from linework.editor.tools.dragging_waypoint import DraggingWaypoint
from linework.editor.tools.drawing_line import DrawingLine
from linework.editor.tools.idle import Idle
from linework.editor.tools.line_tool import LineTool
from linework.editor.tools.place import Place
from linework.editor.tools.pointing_arrow import PointingArrow
from linework.editor.tools.pointing_canvas import PointingCanvas
from linework.editor.tools.pointing_element import PointingElement
from linework.editor.tools.pointing_handle import PointingHandle
from linework.editor.tools.pointing_label import PointingLabel
from linework.editor.tools.pointing_port import PointingPort
from linework.editor.tools.preview import Preview
from linework.editor.tools.resizing import Resizing
from linework.editor.tools.rotating import Rotating
from linework.editor.tools.rubber_band import RubberBand
from linework.editor.tools.text_entry import TextEntry
from linework.editor.tools.translating import Translating

__all__ = [
    "DRAG_PX",
    "GUIDE_REACH_PX",
    "PREVIEW_AT",
    "ROTATE_SNAP_DEG",
    "Connecting",
    "DraggingEnd",
    "DraggingLabel",
    "DraggingWaypoint",
    "DrawingLine",
    "Gesture",
    "Idle",
    "LineTool",
    "Place",
    "Pointing",
    "PointingArrow",
    "PointingCanvas",
    "PointingElement",
    "PointingHandle",
    "PointingLabel",
    "PointingPort",
    "Preview",
    "Resizing",
    "Rotating",
    "RubberBand",
    "State",
    "TextEntry",
    "Translating",
]
