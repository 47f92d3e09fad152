"""Tools as small state classes (tldraw's StateNode): one class per thing the
pointer can be doing.

The select tool goes Idle → Pointing… → a gesture (Translating, Resizing,
Rotating, RubberBand, Connecting, DraggingEnd, DraggingWaypoint,
DraggingLabel) → Idle; the
place tool draws a new shape of a palette kind. A gesture opens a history mark
on its first real change and recomputes its whole effect from the document as
it was at the start (``base``) on every move, so rounding never accumulates,
pointer-up squashes the gesture into one undo step, and cancel (Escape, a lost
pointer) bails out leaving neither a step nor a changed redo stack.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Final

from linework.commands import (
    add_shape,
    add_waypoint,
    connect,
    duplicate,
    is_locked,
    move_elements,
    move_label,
    move_waypoint,
    pasted_roots,
    resize_shape,
    resized_box,
    rotate_elements,
    scale_elements,
    set_end,
    top_of,
)
from linework.commands._base import ancestors, snap_vec, union
from linework.commands.containers import (
    carried,
    container_id,
    drop_candidates,
    drop_target,
    join_containers,
    joined,
)
from linework.commands.lanes import resize_lane
from linework.editor import hoverarrows
from linework.editor.labels import LabelHit, position_near
from linework.editor.overlay import Handle, bend_at, cursor_for, port_at
from linework.editor.protocol import Mods
from linework.editor.snapping import Guide, Snapper
from linework.geometry import Box, Vec
from linework.history import Mark
from linework.model import (
    Attached,
    Connector,
    Document,
    Element,
    End,
    Free,
    Group,
    Patch,
    Shape,
)
from linework.render.connector import label_center

if TYPE_CHECKING:
    from linework.editor.editor import Editor

DRAG_PX: Final = 3.0  # a press becomes a drag after this many screen pixels
#: Drags moving more elements than this are previewed (translated in the
#: browser) and get their real geometry on release.
PREVIEW_AT: Final = 200
#: Smart guides come from shapes within this many screen pixels of the drag.
GUIDE_REACH_PX: Final = 1600.0
ROTATE_SNAP_DEG: Final = 15.0


class State:
    """A state of the current tool; every method may hand over to another state."""

    name = "idle"
    cursor = "default"

    def __init__(self, ed: Editor) -> None:
        self.ed = ed

    def down(self, p: Vec, mods: Mods) -> None:
        """Handle a main-button press."""

    def move(self, p: Vec, mods: Mods) -> None:
        """Handle a pointer move."""

    def up(self, p: Vec, mods: Mods) -> None:
        """Handle the release."""

    def cancel(self) -> None:
        """Abandon whatever is in progress (Escape, lost pointer)."""
        self.ed.transition(Idle(self.ed))

    @property
    def busy(self) -> bool:
        """Return whether a press or gesture is in progress."""
        return False


class Gesture(State):
    """A drag that changes the document: one undo step, or none if cancelled."""

    name = "gesture"
    history_name = "Edit"

    def __init__(self, ed: Editor) -> None:
        super().__init__(ed)
        self.base = ed.document
        self.mark: Mark = ed.history.mark(self.history_name)
        self.total = Patch()

    @property
    def busy(self) -> bool:
        """Return True: a gesture is in progress."""
        return True

    def show(self, new_total: Patch) -> None:
        """Bring the document to ``base`` + ``new_total`` with one incremental patch."""
        step = self.total.inverse().then(new_total)
        self.total = new_total
        self.ed.apply(step)

    def finish(self) -> None:
        """Squash the gesture into one undo step and return to idle."""
        self.ed.squash(self.mark, self.history_name)
        self.ed.transition(Idle(self.ed))

    def cancel(self) -> None:
        """Revert the gesture; no undo step stays and redo is untouched."""
        self.ed.bail(self.mark)
        self.ed.transition(Idle(self.ed))


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


def _arrow(ed: Editor, p: Vec) -> tuple[str, str] | None:
    """Return (shape id, direction) of the hover arrow under ``p``, if any.

    A shape under ``p`` (another one, or the hovered one's label running
    past its outline) wins over the arrow; a connector does not.
    """
    hit = hoverarrows.arrow_at(
        ed.document, ed.session.hover, ed.session.selection, p, ed.zoom
    )
    if hit is None or ed.shape_at(p) is not None:
        return None
    return hit


def _toward_arrows(ed: Editor, p: Vec) -> bool:
    """Return whether ``p`` is between the hovered shape and its arrows."""
    hov = ed.document.get(ed.session.hover) if ed.session.hover else None
    return isinstance(hov, Shape) and hoverarrows.near_arrows(hov, p, ed.zoom)


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
            self.cursor = _handle_cursor(ed, h)
            return
        if _arrow(ed, p) is not None:
            self.cursor = "pointer"  # the hover stays on the arrow's shape
            return
        outside = _selected_port(ed, p)
        if outside is not None:
            ed.set_hover(outside[0])
            self.cursor = "crosshair"
            return
        under = ed.element_at(p)
        shape = under if isinstance(under, Shape) else ed.shape_at(p)
        if under is None and shape is None and _toward_arrows(ed, p):
            self.cursor = "default"  # crossing the gap to the hover arrows
            return
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
        arrow = _arrow(ed, p)
        if arrow is not None:
            ed.transition(PointingArrow(ed, p, *arrow))
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


def _handle_cursor(ed: Editor, h: Handle) -> str:
    if h.name == "rotate":
        return "grab"
    if h.name in ("source", "target", "waypoint", "add-waypoint"):
        return "pointer"
    frame = ed.selection_frame()
    return cursor_for(h.name, frame[1] if frame else 0.0)


class _Pointing(State):
    """A press that has not moved far enough to be a drag yet."""

    def __init__(self, ed: Editor, start: Vec) -> None:
        super().__init__(ed)
        self.start = start

    @property
    def busy(self) -> bool:
        """Return True: the button is down."""
        return True

    def dragged(self, p: Vec) -> bool:
        """Return whether the pointer left the click tolerance."""
        return p.distance(self.start) > DRAG_PX / self.ed.zoom

    def up(self, p: Vec, mods: Mods) -> None:
        """A click: nothing more to do."""
        self.ed.transition(Idle(self.ed))


class PointingCanvas(_Pointing):
    """Pressed on empty canvas: a drag becomes a rubber band."""

    name = "pointing-canvas"

    def __init__(self, ed: Editor, start: Vec, additive: bool) -> None:
        super().__init__(ed, start)
        self.additive = additive

    def move(self, p: Vec, mods: Mods) -> None:
        """Start the rubber band once dragged."""
        if self.dragged(p):
            band = RubberBand(self.ed, self.start, self.additive)
            self.ed.transition(band)
            band.move(p, mods)


class PointingElement(_Pointing):
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
        self.ed.transition(Idle(self.ed))


class PointingLabel(_Pointing):
    """Pressed on a selected connector's label: a drag slides it along the path.

    With Alt the drag copies the selection instead, as on any element.
    """

    name = "pointing-label"
    cursor = "move"

    def __init__(self, ed: Editor, start: Vec, hit: LabelHit, *, copy: bool) -> None:
        super().__init__(ed, start)
        self.hit = hit
        self.copy = copy

    def move(self, p: Vec, mods: Mods) -> None:
        """Start dragging the label (or copying the selection) once dragged."""
        if not self.dragged(p):
            return
        ed = self.ed
        nxt: State
        if self.copy or mods.alt:
            nxt = Translating(ed, self.start, ed.session.selection, copy=True)
        else:
            nxt = DraggingLabel(ed, self.start, self.hit)
        ed.transition(nxt)
        nxt.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click on the label: just that connector stays selected."""
        self.ed.select([self.hit.conn])
        self.ed.transition(Idle(self.ed))


class PointingHandle(_Pointing):
    """Pressed on a handle: a drag resizes, rotates, or drags an end or waypoint."""

    name = "pointing-handle"

    def __init__(self, ed: Editor, start: Vec, handle: Handle) -> None:
        super().__init__(ed, start)
        self.handle = handle
        self.cursor = _handle_cursor(ed, handle)

    def move(self, p: Vec, mods: Mods) -> None:
        """Start the handle's gesture once dragged."""
        if not self.dragged(p):
            return
        ed, h = self.ed, self.handle
        nxt: State
        if h.name == "rotate":
            nxt = Rotating(ed, self.start)
        elif h.name in ("source", "target"):
            nxt = DraggingEnd(ed, h.owner, h.name)
        elif h.name in ("waypoint", "add-waypoint"):
            nxt = DraggingWaypoint(ed, h.owner, h.index, inserting=h.name != "waypoint")
        else:
            nxt = Resizing(ed, self.start, h)
        ed.transition(nxt)
        nxt.move(p, mods)


class PointingPort(_Pointing):
    """Pressed on a port of the hovered shape: a drag draws a connector."""

    name = "pointing-port"

    cursor = "crosshair"

    def __init__(self, ed: Editor, start: Vec, shape: str, port: str) -> None:
        super().__init__(ed, start)
        self.shape = shape
        self.port = port

    def move(self, p: Vec, mods: Mods) -> None:
        """Start connecting once dragged."""
        if self.dragged(p):
            c = Connecting(self.ed, self.shape, self.port)
            self.ed.transition(c)
            c.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click on a port selects its shape, as a click on the shape would."""
        unit = top_of(self.ed.document, self.ed.document.typed(self.shape, Shape))
        if not (mods.shift or mods.primary):
            self.ed.select([unit.id])
        elif unit.id not in self.ed.session.selection:
            self.ed.select([*self.ed.session.selection, unit.id])
        self.ed.transition(Idle(self.ed))


class PointingArrow(_Pointing):
    """Pressed on a hover arrow: a click clones the shape that way and
    connects it (:mod:`linework.editor.hoverarrows`); a drag draws a
    connector from the shape's side facing the arrow."""

    name = "pointing-arrow"
    cursor = "pointer"

    def __init__(self, ed: Editor, start: Vec, shape: str, direction: str) -> None:
        super().__init__(ed, start)
        self.shape = shape
        self.direction = direction

    def move(self, p: Vec, mods: Mods) -> None:
        """Start connecting from the side facing the arrow once dragged."""
        if self.dragged(p):
            shape = self.ed.document.typed(self.shape, Shape)
            port = hoverarrows.port_toward(shape, self.direction, self.ed.kinds)
            c = Connecting(self.ed, self.shape, port)
            self.ed.transition(c)
            c.move(p, mods)

    def up(self, p: Vec, mods: Mods) -> None:
        """A click: clone and connect (one undo step), the clone selected."""
        self.ed.transition(Idle(self.ed))
        hoverarrows.clone_and_connect(self.ed, self.shape, self.direction)


# --------------------------------------------------------------------------- gestures
class Translating(Gesture):
    """Dragging the selection, snapped to smart guides or the grid."""

    name = "translating"
    cursor = "move"
    history_name = "Move"

    def __init__(
        self, ed: Editor, start: Vec, ids: tuple[str, ...], *, copy: bool = False
    ) -> None:
        self.history_name = "Duplicate" if copy else "Move"
        super().__init__(ed)
        self.start = start
        self.original = ids
        if copy:
            # The copies are made where the originals are and then dragged;
            # they share the gesture's mark, so one undo (or Escape) takes
            # back both. Connectors between copied shapes follow the copies.
            made = duplicate(self.base, ids, ed.ids, Vec(0.0, 0.0))
            ed.apply(made)
            ids = tuple(pasted_roots(made))
            ed.select(ids)
            self.base = ed.document
        self.ids = ids
        self.bounds = union(ed.unit_bounds(i) for i in ids)
        moving = set(carried(self.base, ids))
        self.moving = moving
        # Containers the selection may be dropped into (highlighted on the way).
        page = ed.session.page_id
        self.containers = drop_candidates(self.base, page, moving)
        self.window: Box | None = None
        self.snapper: Snapper | None = None
        self.delta = Vec(0.0, 0.0)
        self.preview: Preview | None = None
        if len(moving) > PREVIEW_AT:
            self.preview = Preview(self.base, moving)

    def move(self, p: Vec, mods: Mods) -> None:
        """Move the selection to follow the pointer."""
        d = p - self.start
        axis = ""
        if mods.shift:  # constrain to the dominant axis
            axis = "x" if abs(d.x) >= abs(d.y) else "y"
            d = Vec(d.x, 0.0) if axis == "x" else Vec(0.0, d.y)
        guides: list[Guide] = []
        if self.bounds is not None and self.ed.session.guides:
            self._refresh_snapper(self.bounds.translated(d))
        if self.bounds is not None and (self.snapper or self.ed.grid):
            d, guides = (self.snapper or Snapper(())).snap(
                self.bounds,
                d,
                zoom=self.ed.zoom,
                grid=self.ed.grid,
                guides=self.snapper is not None,
            )
            if axis == "x":
                d, guides = Vec(d.x, 0.0), [g for g in guides if g.vertical]
            elif axis == "y":
                d, guides = Vec(0.0, d.y), [g for g in guides if not g.vertical]
        self.ed.extras.guides = guides
        self.delta = d
        box = self.bounds.translated(d) if self.bounds is not None else None
        target = drop_target(self.base, self.containers, box) if box else None
        self.ed.extras.drop_into = target.id if target is not None else None
        if self.preview is not None:
            self.ed.extras.offset = d
            self.ed.preview(self.preview, d)
        else:
            self.show(move_elements(self.base, self.ids, d))

    def _refresh_snapper(self, box: Box) -> None:
        """Collect guide lines from shapes around ``box`` (a screenful or two).

        Rebuilt when the dragged box leaves the window, so a drag across a
        5,000-shape page never looks at all of them at once.
        """
        w = self.window
        if (
            w is not None
            and w.x <= box.x
            and w.y <= box.y
            and box.right <= w.right
            and box.bottom <= w.bottom
        ):
            return
        reach = GUIDE_REACH_PX / self.ed.zoom
        self.window = box.inflated(reach / 2)
        near = box.inflated(reach)
        self.snapper = Snapper(self.ed.other_shape_bounds(self.moving, near))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit the move (a previewed move gets its real geometry now)."""
        self.ed.extras.guides = []
        self.ed.extras.offset = None
        self.ed.extras.drop_into = None
        if self.preview is not None:
            self.show(move_elements(self.base, self.ids, self.delta))
        # Dropped: each moved unit joins the container it now lies in, or
        # leaves the one it left (same undo step as the move). With no
        # container staying behind, a rigid move changes no membership
        # (select all and move costs nothing more).
        if self.containers or self._leaves_a_container():
            self.show(self.total.then(join_containers(self.ed.document, self.ids)))
        self.finish()

    def _leaves_a_container(self) -> bool:
        for rid in self.ids:
            el = self.base.get(rid)
            cid = container_id(el) if isinstance(el, Shape | Group) else None
            if cid is not None and cid not in self.moving:
                return True
        return False

    def cancel(self) -> None:
        """Put everything back (and drop the copies of a copying drag)."""
        self.ed.extras.guides = []
        self.ed.extras.offset = None
        self.ed.extras.drop_into = None
        if self.preview is not None:
            self.ed.preview(self.preview, Vec(0.0, 0.0))
        super().cancel()
        self.ed.select(self.original)


class Preview:
    """What a large drag shows without changing the document until release.

    Moving thousands of elements cannot re-render them all on every pointer
    move (docs/architecture.md §2, "Painting large diagrams"), so the browser translates
    the elements that move rigidly (``rigid``) and only connectors with one end
    staying (``followers``) are re-rendered per move.
    """

    def __init__(self, base: Document, moving: set[str]) -> None:
        self.base = base
        shapes = {
            r
            for r in moving
            if isinstance(e := base.get(r), Shape) and not is_locked(base, e)
        }
        selected = {
            r
            for r in moving
            if isinstance(e := base.get(r), Connector) and not is_locked(base, e)
        }
        candidates = set(selected)
        for sid in shapes:
            candidates.update(c.id for c in base.connectors_of(sid))
        rigid = set(shapes)
        followers: set[str] = set()
        for cid in candidates:
            c = base.typed(cid, Connector)
            ends = [
                e.shape in shapes if isinstance(e, Attached) else cid in selected
                for e in (c.source, c.target)
            ]
            if all(ends):
                rigid.add(cid)
            else:
                followers.add(cid)
        page = next(
            (e.page for r in moving if isinstance(e := base.get(r), Shape | Group)),
            "",
        )
        self.page = page
        order = base.paint_index(page)
        self.rigid = sorted(rigid, key=lambda r: order.get(r, 0))
        self.followers = sorted(followers, key=lambda r: order.get(r, 0))
        self.shapes = shapes


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


class RubberBand(State):
    """Dragging a band on empty canvas selects what lies wholly inside it."""

    name = "rubber-band"
    cursor = "crosshair"

    def __init__(self, ed: Editor, start: Vec, additive: bool) -> None:
        super().__init__(ed)
        self.start = start
        self.prior = ed.session.selection if additive else ()

    @property
    def busy(self) -> bool:
        """Return True: the button is down."""
        return True

    def move(self, p: Vec, mods: Mods) -> None:
        """Grow the band and select what it holds."""
        band = Box.around([self.start, p])
        self.ed.extras.band = band
        self.ed.select([*self.prior, *self.ed.units_inside(band)])

    def up(self, p: Vec, mods: Mods) -> None:
        """Keep the selection, drop the band."""
        self.ed.extras.band = None
        self.ed.transition(Idle(self.ed))

    def cancel(self) -> None:
        """Drop the band and restore the prior selection."""
        self.ed.extras.band = None
        self.ed.select(self.prior)
        self.ed.transition(Idle(self.ed))


def _end_under(ed: Editor, p: Vec) -> End:
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

    def __init__(self, ed: Editor, shape: str, port: str | None) -> None:
        super().__init__(ed)
        self.source = Attached(shape=shape, port=port)
        self.conn: str | None = None

    def move(self, p: Vec, mods: Mods) -> None:
        """Create the connector on the first move, then steer its target."""
        end = _end_under(self.ed, p)
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


class DraggingEnd(Gesture):
    """Dragging a connector end: drop on a shape or port to reconnect, else detach."""

    name = "dragging-end"
    cursor = "crosshair"
    history_name = "Reconnect"

    def __init__(self, ed: Editor, conn: str, which: str) -> None:
        super().__init__(ed)
        self.conn = conn
        self.which = which

    def move(self, p: Vec, mods: Mods) -> None:
        """Steer the end."""
        end = _end_under(self.ed, p)
        self.ed.apply(set_end(self.ed.document, self.conn, self.which, end))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit."""
        self.ed.extras.target = self.ed.extras.target_port = None
        self.finish()

    def cancel(self) -> None:
        """Put the end back."""
        self.ed.extras.target = self.ed.extras.target_port = None
        super().cancel()


class DraggingWaypoint(Gesture):
    """Dragging a waypoint, or a virtual bend that becomes one."""

    name = "dragging-waypoint"
    cursor = "move"
    history_name = "Move waypoint"

    def __init__(self, ed: Editor, conn: str, index: int, *, inserting: bool) -> None:
        super().__init__(ed)
        self.conn = conn
        self.index = index
        self.inserting = inserting

    def move(self, p: Vec, mods: Mods) -> None:
        """Put the waypoint under the pointer (snapped to the grid when on)."""
        q = snap_vec(p, self.ed.grid) if self.ed.grid else p
        if self.inserting:
            ins = add_waypoint(self.base, self.conn, self.index, q)
            self.show(ins)
        else:
            self.show(move_waypoint(self.base, self.conn, self.index, q))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit."""
        self.finish()


class DraggingLabel(Gesture):
    """Sliding a connector label along its path; it keeps its offset from it."""

    name = "dragging-label"
    cursor = "move"
    history_name = "Move label"

    def __init__(self, ed: Editor, start: Vec, hit: LabelHit) -> None:
        super().__init__(ed)
        self.conn = hit.conn
        self.index = hit.index
        c = self.base.typed(hit.conn, Connector)
        # Labels never change the route, so the path is measured once.
        self.route = ed.hits.routes.route(self.base, c)
        label = c.labels[hit.index]
        self.offset = label.offset
        self.grab = start - label_center(self.route, label)

    def move(self, p: Vec, mods: Mods) -> None:
        """Put the label at the point of the path nearest the pointer."""
        at = position_near(self.route, p - self.grab - self.offset)
        self.show(move_label(self.base, self.conn, self.index, at))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit."""
        self.finish()


class TextEntry(Gesture):
    """A text just added by double-click, waiting for its first words.

    Committing text squashes the two into one step; committing nothing (or any
    other input) bails, so an abandoned empty text leaves no trace.
    """

    name = "text-entry"
    history_name = "Add text"


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
        ed.transition(Idle(ed))

    def cancel(self) -> None:
        """Stop placing and go back to selecting."""
        self.ed.extras.placing = None
        self.ed.transition(Idle(self.ed))
