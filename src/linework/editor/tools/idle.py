"""Idle: nothing pressed; hover shows outlines and ports, a press starts pointing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    is_locked,
    top_of,
)
from linework.commands._base import ancestors
from linework.editor.labels import LabelHit
from linework.editor.overlay import Handle, bend_at, port_at
from linework.editor.protocol import Mods
from linework.editor.tools.base import State
from linework.editor.tools.pointing_canvas import PointingCanvas
from linework.editor.tools.pointing_element import PointingElement
from linework.editor.tools.pointing_handle import PointingHandle, handle_cursor
from linework.editor.tools.pointing_label import PointingLabel
from linework.editor.tools.pointing_port import PointingPort
from linework.geometry import Vec
from linework.model import (
    Connector,
    Element,
    Free,
    Shape,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor


# --------------------------------------------------------------------------- idle
def _port(ed: Editor, shape: Shape, p: Vec) -> str | None:
    """Return the port of ``shape`` under ``p`` where it is drawn now."""
    selected = shape.id in ed.session.selection
    return port_at(shape, p, ed.zoom, ed.kinds, selected=selected)


def _selected_port(ed: Editor, p: Vec) -> tuple[str, str] | None:
    """Return (shape id, port) of a selected shape's port drawn outside it at
    ``p`` (:func:`linework.editor.overlay.port_points`), if any."""
    sel = ed.session.selection
    if len(sel) > 20:
        return None
    doc = ed.document
    for rid in sel:
        shape = doc.get(rid)
        if isinstance(shape, Shape) and not is_locked(doc, shape):
            port = port_at(shape, p, ed.zoom, ed.kinds, selected=True)
            if port is not None:
                return rid, port
    return None


class Idle(State):
    """Nothing pressed: hover shows outlines and ports; a press starts pointing."""

    def move(self, p: Vec, mods: Mods) -> None:
        """Update hover and the cursor."""
        ed = self.ed
        h = ed.handle_at(p)
        # As in down(): a selected connector's label wins over a virtual bend.
        on_bend = h is None or h.name == "add-waypoint"
        if on_bend and _selected_label(ed, p) is not None:
            ed.set_hover(None)
            self.cursor = "move"
            return
        if h is not None:
            ed.set_hover(None)  # no ports under a handle: the handle wins
            self.cursor = handle_cursor(ed, h)
            return
        outside = _selected_port(ed, p)
        if outside is not None:
            ed.set_hover(outside[0])
            self.cursor = "crosshair"
            return
        under = ed.element_at(p)
        shape = under if isinstance(under, Shape) else ed.shape_at(p)
        ed.set_hover(under.id if under is not None else shape.id if shape else None)
        if shape is not None and _port(ed, shape, p):
            self.cursor = "crosshair"
        elif under is not None:
            self.cursor = "move"
        else:
            self.cursor = "default"

    def down(self, p: Vec, mods: Mods) -> None:
        """Decide what the press grabbed: a handle, a port, an element or canvas."""
        ed = self.ed
        additive = mods.shift or mods.primary
        h = ed.handle_at(p)
        # A selected connector's label wins over the virtual bend under it.
        if h is None or h.name == "add-waypoint":
            hit = _selected_label(ed, p)
            if hit is not None and not additive:
                ed.transition(PointingLabel(ed, p, hit, copy=mods.alt))
                return
        if h is not None:
            ed.transition(PointingHandle(ed, p, h))
            return
        outside = _selected_port(ed, p)
        if outside is not None:
            ed.transition(PointingPort(ed, p, *outside))
            return
        under = ed.element_at(p)
        shape = under if isinstance(under, Shape) else ed.shape_at(p)
        if shape is not None:
            port = _port(ed, shape, p)
            if port is not None:
                ed.transition(PointingPort(ed, p, shape.id, port))
                return
        label = ed.label_at(p)
        if label is not None:
            under = ed.document.typed(label.conn, Connector)
        if under is None:
            if not additive:
                ed.select([])
            ed.transition(PointingCanvas(ed, p, additive))
            return
        sel = list(ed.session.selection)
        if not (additive or mods.alt):
            bend = _bend_under(ed, p, under)
            if bend is not None:
                ed.transition(PointingHandle(ed, p, bend))
                return
        if mods.alt:
            # Alt picks inside groups, unless the press is on a selected unit:
            # then Alt-dragging copies the selection as it is.
            held = [under.id, *(g.id for g in ancestors(ed.document, under))]
            unit = next((r for r in held if r in sel), under.id)
        else:
            unit = top_of(ed.document, under).id
        toggle_off = False
        if additive:
            if unit in sel:
                toggle_off = True
            else:
                ed.select([*sel, unit])
        elif unit not in sel:
            ed.select([unit])
        ed.transition(PointingElement(ed, p, unit, toggle_off, additive, copy=mods.alt))


def _selected_label(ed: Editor, p: Vec) -> LabelHit | None:
    """Return the label under ``p`` of a selected connector (it can be dragged)."""
    sel = ed.session.selection
    if not sel or not any(isinstance(ed.document.get(r), Connector) for r in sel):
        return None
    return ed.label_at(p, only=sel)


def _bend_under(ed: Editor, p: Vec, under: Element) -> Handle | None:
    """Return a virtual bend where ``p`` presses on the selected connector's line.

    Only for the one selected connector with no free end: dragging it could
    not move it, so dragging its line bends it there instead, as draw.io
    does (a waypoint that follows the pointer).
    """
    doc = ed.document
    if (
        not isinstance(under, Connector)
        or list(ed.session.selection) != [under.id]
        or isinstance(under.source, Free)
        or isinstance(under.target, Free)
        or is_locked(doc, under)
    ):
        return None
    index = bend_at(doc, under, ed.hits.routes, p, ed.tolerance())
    if index is None:
        return None
    return Handle("add-waypoint", p, p, under.id, index)
