"""The Editor: one document, its history, the session, and ``handle(event)``.

``Editor.apply`` is the single place the document changes (docs/architecture.md
§11.2): it
swaps the document, records the patch in history, asks the one ``Renderer``
for DOM ops (so unchanged fragments stay cached and a one-shape drag touches
only that shape and its connectors) and keeps the hit-test index in step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any, Final, Protocol

from linework import phases
from linework.commands import (
    CommandError,
    descendants,
    is_hidden,
    lock_checker,
    move_elements,
    top_of,
)
from linework.editor import describe, overlay
from linework.editor.hit import HitTester
from linework.editor.labels import LabelHit, label_boxes
from linework.editor.open_view import Canvas, View, drawing_bounds, opening_view
from linework.editor.overlay import Extras, Handle
from linework.editor.painter import VIEW_SLACK_PX, Painter
from linework.editor.protocol import (
    Action,
    DoubleClick,
    DropShape,
    Event,
    Key,
    Op,
    Pointer,
    PointerCancel,
    Refresh,
    Reset,
    Response,
    UiOnce,
    UiState,
    parse_event,
)
from linework.editor.protocol import (
    Idle as Idle_,
)
from linework.editor.richedit import edit_fields
from linework.editor.session import Editing, Session
from linework.editor.tools import Gesture, Idle, Preview, State
from linework.errors import LineworkError
from linework.geometry import Box, Vec
from linework.history import History, Mark
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    Document,
    Element,
    Group,
    IdSource,
    Layer,
    Page,
    Patch,
    Shape,
    Style,
)
from linework.render import Renderer
from linework.render.shape import label_leaves_shape
from linework.routing import forget_routes
from linework.shapes import KINDS, ShapeKind
from linework.shapes import bounds as shape_bounds

Json = dict[str, Any]
_STYLE_NAMES: Final = tuple(f.name for f in fields(Style))
#: Labels are looked for among connectors this near the pointer (page units):
#: a label may sit well away from its path (its offset).
LABEL_REACH: Final = 400.0
#: Pages with more elements get their outline in idle time, not with the edit.
OUTLINE_NOW: Final = 200


class ActionTable(Protocol):
    """What the editor hands actions, shortcuts and double-clicks to.

    The editor imports no action: :class:`linework.editor.actions.Registry`
    is passed in, so actions (which drive the editor) sit above it.
    """

    def run(self, ed: Editor, name: str, args: Mapping[str, Any]) -> None:
        """Run the action ``name``; raise CommandError for an unknown one."""

    def key(self, ed: Editor, key: Key) -> tuple[str, dict[str, Any]] | None:
        """Return the action and arguments a key press stands for."""

    def enabled(self, ed: Editor) -> dict[str, bool]:
        """Return which actions can run now."""

    def double_click(self, ed: Editor, at: Vec) -> None:
        """Edit the label under the pointer, remove a waypoint, or add a text."""

    def edit_box(self, ed: Editor, editing: Editing) -> Json | None:
        """Return where and how the in-place editor shows."""


class Editor:
    """A diagram being edited: call :meth:`handle` with protocol events.

    Args:
        doc: The document to edit (a new empty one by default).
        ids: Where new ids come from; by default one that skips the ids in ``doc``.
        kinds: The shape kinds registry.
        actions: What runs actions and shortcuts (the registry of
            :mod:`linework.editor.actions`; ``linework.editor.Editor`` passes it).
    """

    def __init__(
        self,
        doc: Document | None = None,
        ids: IdSource | None = None,
        *,
        kinds: Mapping[str, ShapeKind] = KINDS,
        actions: ActionTable,
    ) -> None:
        self.kinds = kinds
        self.actions = actions
        self.ids = ids if ids is not None else IdSource()
        self.history = History()
        self.painter = Painter()
        #: The view the page last opened in, and the drawing's box it was
        #: computed from, when the browser told its canvas.
        self.open_view: View | None = None
        self.open_bounds: Box | None = None
        self.hits = HitTester(kinds)
        self.session = Session()
        self.extras = Extras()
        self.state: State = Idle(self)
        self.connector_style: Style = DEFAULT_STYLE
        self._doc = Document.new(self.ids) if doc is None else doc
        self._ops: list[Op] = []
        self._note: Json = {}
        self._panel: tuple[object, ...] | None = None
        self._panel_doc: Document | None = None
        self._panel_sel: tuple[str, ...] = ()
        self._panel_value: tuple[Json | None, Json] = (None, {})
        self._colours_for: tuple[str, ...] | None = None  # editor.swatches
        self._colours: list[str] = []
        self._frame_key: tuple[Document, tuple[str, ...]] | None = None
        self._leaves_key: tuple[Document, tuple[str, ...]] | None = None
        self._leaves: list[Shape | Connector] = []
        self._frame: tuple[Box, float] | None = None
        self._words_key: tuple[Document, str, tuple[str, ...]] | None = None
        self._words: tuple[str, str] = ("", "")
        self._outline_key: tuple[Document, str] | None = None
        self._outline_sent: Json | None = None
        #: A page was just shown (an open, another page): until its outline
        #: comes, the page's must not go on listing the last one.
        self._outline_replaced = False
        self._idle_now = False
        self._reset_to(self._doc)

    # --- document -------------------------------------------------------------
    @property
    def document(self) -> Document:
        """Return the document as it stands."""
        return self._doc

    @property
    def page_id(self) -> str:
        """Return the page on screen."""
        return self.session.page_id

    @property
    def zoom(self) -> float:
        """Return the zoom last reported by the browser."""
        return self.session.zoom

    @property
    def grid(self) -> float | None:
        """Return the grid size to snap to, or None when snapping is off."""
        page = self._doc.get(self.session.page_id)
        if not self.session.snap or not isinstance(page, Page) or not page.grid.snap:
            return None
        return page.grid.size

    def _reset_to(self, doc: Document, canvas: Canvas | None = None) -> None:
        self._doc = doc
        forget_routes()
        self.ids.observe(doc.records)
        self.history.clear()
        self.hits.reset()
        self.painter = Painter()
        self.state = Idle(self)
        self.extras = Extras()
        self.session.select([])
        self.session.hover = None
        self.session.editing = None
        self.session.layer_by_page.clear()
        self._colours_for = None
        pages = doc.pages()
        self.session.page_id = pages[0].id if pages else ""
        self.session.layer_id = ""
        self._ops = [self._reset_op(canvas)]

    def replace(self, doc: Document, canvas: Canvas | None = None) -> Response:
        """Replace the document (opened file or new); history starts empty, clean.

        Args:
            doc: The document.
            canvas: The canvas size in px, if the browser told it: the page
                then opens in :attr:`open_view` and is painted where that
                shows it, the rest on ``idle`` events (``ui.pending``).

        Returns:
            The response, with a ``reset`` op of the first page.
        """
        self._begin()
        self._reset_to(doc, canvas)
        with phases.phase("respond"):
            return self._respond()

    def start_over(self, doc: Document) -> None:
        """Replace the document from inside an action (``new``); the action's
        own response carries the change. (Through :meth:`load` a response was
        built and dropped, taking the new outline with it: the outline panel
        kept listing the old document's shapes.)"""
        self._reset_to(doc)

    def load(self, doc: Document, canvas: Canvas | None = None) -> Json:
        """Replace the document like :meth:`replace`; return the response as JSON."""
        return self.replace(doc, canvas).to_json()

    def mark_saved(self) -> None:
        """Record that the document as it stands is what the file holds."""
        self.history.mark_saved()

    # --- the one place the document changes -----------------------------------
    def apply(self, patch: Patch, name: str = "") -> None:
        """Apply a command's patch: document, history, DOM ops, hit index."""
        if patch.is_empty():
            return
        self._doc = self._doc.apply(patch)
        self.history.record(patch, name)
        self._changed(patch)

    def _changed(self, patch: Patch) -> None:
        """Render a patch already applied (by a command, undo or redo)."""
        self.hits.update(self._doc, patch)
        if not isinstance(self._doc.get(self.session.page_id), Page):
            self._switch_page(self._doc.pages()[0].id)
            return
        if self._reorders_layers(patch):
            # Showing, hiding or reordering a layer changes every element on it;
            # the renderer spreads changes only to connectors, so redraw the page.
            self._ops.append(self._reset_op())
            self._prune_selection()
            return
        self._ops.extend(self.painter.update(self._doc, patch, self.session.page_id))
        self._prune_selection()

    def _reorders_layers(self, patch: Patch) -> bool:
        page = self.session.page_id
        for rec in (*patch.added.values(), *patch.removed.values()):
            if isinstance(rec, Layer) and rec.page == page:
                return True
        for before, after in patch.updated.values():
            if (
                isinstance(before, Layer)
                and isinstance(after, Layer)
                and before.page == page
                and (before.visible, before.z) != (after.visible, after.z)
            ):
                return True
        return False

    def preview(self, pv: Preview, d: Vec) -> None:
        """Show a large drag at offset ``d`` without changing the document.

        The browser translates ``pv.rigid`` (a ``translate`` op); connectors
        with one end staying are re-rendered against a scratch document.
        """
        self._ops.extend(self.painter.preview(pv.rigid, d))
        if not pv.followers:
            return
        base = pv.base
        ends = sorted(
            {
                end.shape
                for cid in pv.followers
                for end in (
                    base.typed(cid, Connector).source,
                    base.typed(cid, Connector).target,
                )
                if isinstance(end, Attached) and end.shape in pv.shapes
            }
        )
        scratch = base.apply(move_elements(base, ends, d))
        self._ops.extend(self.painter.upserts(scratch, pv.page, pv.followers))

    def squash(self, mark: Mark, name: str) -> None:
        """End a gesture as one undo step."""
        self.history.squash_to_mark(mark, name)

    def bail(self, mark: Mark) -> None:
        """End a gesture by reverting it: no step, redo as before."""
        self._doc, patch = self.history.bail_to_mark(mark, self._doc)
        self._changed(patch)

    def undo(self) -> None:
        """Undo one step."""
        self._cancel_gesture()
        self._doc, patch = self.history.undo(self._doc)
        self._changed(patch)

    def redo(self) -> None:
        """Redo one step."""
        self._cancel_gesture()
        self._doc, patch = self.history.redo(self._doc)
        self._changed(patch)

    def _cancel_gesture(self) -> None:
        if self.state.busy:
            self.state.cancel()
        if self.session.editing is not None:
            self.end_text_edit()

    # --- session helpers used by tools and actions -----------------------------
    def transition(self, state: State) -> None:
        """Hand over to another tool state."""
        self.state = state

    def to_idle(self) -> None:
        """Go back to the idle state (states never import it: it imports them)."""
        self.state = Idle(self)

    def select(self, ids: Iterable[str]) -> None:
        """Replace the selection (not an undo step)."""
        self.session.select(list(ids))

    def set_hover(self, rid: str | None) -> None:
        """Set the hovered element."""
        self.session.hover = rid

    def active_layer(self) -> str:
        """Return the layer new elements go to (the top layer unless chosen)."""
        layers = self._doc.layers(self.session.page_id)
        ids = {la.id for la in layers}
        if self.session.layer_id not in ids:
            remembered = self.session.layer_by_page.get(self.session.page_id)
            self.session.layer_id = (
                remembered if remembered in ids else layers[-1].id if layers else ""
            )
        return self.session.layer_id

    def set_active_layer(self, layer_id: str) -> None:
        """Choose the layer new elements go to."""
        layer = self._doc.get(layer_id)
        if isinstance(layer, Layer) and layer.page == self.session.page_id:
            self.session.layer_id = layer_id
            self.session.layer_by_page[layer.page] = layer_id

    def _switch_page(self, page_id: str) -> None:
        if self.state.busy:
            self.state.cancel()
        self.session.page_id = page_id
        self.session.layer_id = ""
        self.session.select([])
        self.session.hover = None
        self.session.editing = None
        self.hits.reset()
        self._ops = [self._reset_op()]

    def switch_page(self, page_id: str) -> None:
        """Show another page (not an undo step).

        Raises:
            CommandError: if there is no such page.
        """
        if not isinstance(self._doc.get(page_id), Page):
            raise CommandError(f"no page {page_id!r}")
        if page_id != self.session.page_id:
            self._switch_page(page_id)

    def _reset_op(self, canvas: Canvas | None = None) -> Reset:
        doc, page_id = self._doc, self.session.page_id
        self._outline_replaced = True
        page = doc.get(page_id)
        shows = None
        self.open_view = self.open_bounds = None
        if canvas is not None and isinstance(page, Page):
            with phases.phase("view"):
                bounds = drawing_bounds(page, doc.elements(page_id))
                self.open_view = opening_view(bounds, canvas)
            self.open_bounds = bounds
            shows = self.open_view.shows(canvas.width, canvas.height, VIEW_SLACK_PX)
        return self.painter.reset(doc, page_id, shows)

    @property
    def renderer(self) -> Renderer:
        """Return the one renderer (its fragment cache spans the session)."""
        return self.painter.renderer

    def _prune_selection(self) -> None:
        doc, page = self._doc, self.session.page_id
        keep = [
            r
            for r in self.session.selection
            if isinstance(e := doc.get(r), Shape | Connector | Group) and e.page == page
        ]
        if len(keep) != len(self.session.selection):
            self.session.select(keep)
        h = self.session.hover
        if h is not None and h not in doc:
            self.session.hover = None
        ed = self.session.editing
        if ed is not None and ed.id not in doc:
            self.session.editing = None

    def tolerance(self) -> float:
        """Return the pick tolerance in page units at the current zoom."""
        return overlay.HIT_PX / self.session.zoom

    def element_at(self, p: Vec) -> Element | None:
        """Return the topmost pickable element under ``p``."""
        return self.hits.element_at(
            self._doc, self.session.page_id, p, self.tolerance()
        )

    def label_at(self, p: Vec, only: Iterable[str] | None = None) -> LabelHit | None:
        """Return the topmost pickable connector label drawn under ``p``.

        ``only`` limits the search to these connectors (say, the selection).
        A label hides what lies below it, so a shape painted above the
        connector hides the label in turn: then there is no hit.
        """
        doc, page = self._doc, self.session.page_id
        tol = self.tolerance()
        if only is not None:
            ids = set(only)
        else:
            reach = LABEL_REACH
            near = Box(p.x - reach, p.y - reach, 2 * reach, 2 * reach)
            ids = self.hits.index(doc, page).near(near)
        order = doc.paint_index(page)
        for rid in sorted(ids, key=lambda r: order.get(r, -1), reverse=True):
            c = doc.get(rid)
            if (
                not isinstance(c, Connector)
                or not c.labels
                or c.page != page
                or not self.hits.pickable(doc, c)
            ):
                continue
            r = self.hits.routes.route(doc, c)
            for i, box in reversed(label_boxes(c, r)):
                if box.inflated(tol).contains(p):
                    top = self.element_at(p)
                    if top is not None and order.get(top.id, -1) > order.get(rid, -1):
                        return None
                    return LabelHit(rid, i, box)
        return None

    def shape_at(self, p: Vec, skip: Iterable[str] = ()) -> Shape | None:
        """Return the topmost pickable shape under ``p``."""
        el = self.hits.element_at(
            self._doc,
            self.session.page_id,
            p,
            self.tolerance(),
            skip=skip,
            shapes_only=True,
        )
        return el if isinstance(el, Shape) else None

    def unit_bounds(self, rid: str) -> Box | None:
        """Return an element's shape bounds, read from the hit index when it can."""
        # The index's bounds only while current: a large move's update may wait.
        idx = self.hits.index(self._doc, self.session.page_id, flush=False)
        cached = idx.bounds if not idx.pending else {}
        out: Box | None = None
        doc = self._doc
        one = doc.get(rid)
        for r in descendants(doc, [rid]) if isinstance(one, Group) else (rid,):
            el = doc.get(r)
            if isinstance(el, Shape):
                # The index's bounds include a label outside the shape; the
                # frame and guides go by the outline.
                b = None if label_leaves_shape(el) else cached.get(r)
                b = b or shape_bounds(el, kinds=self.kinds)
                out = b if out is None else out.union(b)
        return out

    def selection_leaves(self) -> list[Shape | Connector]:
        """Return the shapes and connectors in the selection, groups opened."""
        key = (self._doc, self.session.selection)
        old = self._leaves_key
        if old is None or old[0] is not key[0] or old[1] != key[1]:
            self._leaves_key = key
            self._leaves = [
                e
                for r in descendants(self._doc, self.session.selection)
                if isinstance(e := self._doc.get(r), Shape | Connector)
            ]
        return self._leaves

    def selection_frame(self) -> tuple[Box, float] | None:
        """Return the selection's frame (see ``overlay.selection_frame``), cached."""
        key = (self._doc, self.session.selection)
        old = self._frame_key
        if old is not None and old[0] is key[0] and old[1] == key[1]:
            return self._frame
        self._frame_key = key
        self._frame = overlay.selection_frame(
            self._doc, self.session.selection, self.kinds, self.unit_bounds
        )
        return self._frame

    def current_handles(self) -> list[Handle]:
        """Return the handles of the selection."""
        return overlay.handles(
            self._doc,
            self.session.selection,
            self.zoom,
            self.hits.routes,
            self.kinds,
            frame=self.selection_frame(),
        )

    def handle_at(self, p: Vec) -> Handle | None:
        """Return the selection handle under ``p``."""
        if not self.session.selection:
            return None
        return overlay.handle_at(self.current_handles(), p, self.zoom)

    def units_inside(self, band: Box) -> list[str]:
        """Return top-level units lying wholly inside ``band``, in paint order."""
        found = self.hits.inside(self._doc, self.session.page_id, band)
        inside = {e.id for e in found}
        out: list[str] = []
        for el in found:
            unit = top_of(self._doc, el)
            if unit.id in out:
                continue
            parts = [
                r
                for r in descendants(self._doc, [unit.id])
                if isinstance(self._doc.get(r), Shape | Connector)
            ]
            if all(r in inside for r in parts):
                out.append(unit.id)
        return out

    def other_shape_bounds(
        self, moving: set[str], near: Box | None = None
    ) -> list[Box]:
        """Return the bounds of visible shapes not being moved (for guides).

        With ``near``, only shapes meeting that box count, so starting a drag
        on a huge page does not walk every shape.
        """
        idx = self.hits.index(self._doc, self.session.page_id)
        ids = idx.near(near) if near is not None else idx.bounds
        out: list[Box] = []
        for rid in ids:
            b = idx.bounds[rid]
            if rid in moving:
                continue
            el = self._doc.get(rid)
            if isinstance(el, Shape) and not is_hidden(self._doc, el):
                if label_leaves_shape(el):
                    b = shape_bounds(el, kinds=self.kinds)
                out.append(b)
        return out

    # --- text editing ----------------------------------------------------------
    def end_text_edit(self) -> None:
        """Close the in-place editor without changing the text."""
        editing = self.session.editing
        self.session.editing = None
        if editing is not None and editing.created and isinstance(self.state, Gesture):
            self.state.cancel()

    # --- events -----------------------------------------------------------------
    def _begin(self) -> None:
        self._ops = []
        self._note = {}
        self._idle_now = False

    def handle(self, message: Mapping[str, Any]) -> Json:
        """Handle one protocol event and return the response as JSON (whole ``ui``)."""
        return self.respond_to(message).to_json()

    def respond_to(self, message: Mapping[str, Any]) -> Response:
        """Handle one protocol event and return the typed response (see ``protocol``).

        Never raises for a refused command or a bad event: the response then
        carries ``once.error`` and the document is unchanged.
        """
        self._begin()
        try:
            self.dispatch(parse_event(message))
        except CommandError as error:
            self._note["error"] = _error(LineworkError("LW-E0500", str(error)))
        except LineworkError as error:
            self._note["error"] = _error(error)
        return self._respond()

    def handle_json(self, message: str) -> str:
        """Handle one event given as JSON text; return the response as JSON text."""
        try:
            raw = json.loads(message)
        except ValueError:
            raw = None
        return json.dumps(
            self.handle(raw or {}), ensure_ascii=False, separators=(",", ":")
        )

    def dispatch(self, event: Event) -> None:
        """Carry out one typed event."""
        match event:
            case Pointer(phase=phase, at=at, mods=mods, button=button, zoom=zoom):
                if zoom is not None:
                    self.session.zoom = zoom
                self.session.pointer = at
                if phase == "move":
                    self.state.move(at, mods)
                elif button != 0:
                    return
                elif phase == "down":
                    if self.session.editing is not None:
                        self.end_text_edit()
                    self.state.down(at, mods)
                else:
                    self.state.up(at, mods)
            case PointerCancel():
                if self.state.busy:
                    self.state.cancel()
                else:
                    # Left the canvas: nothing is under the pointer any more.
                    self.set_hover(None)
            case DoubleClick(at=at, zoom=zoom):
                if zoom is not None:
                    self.session.zoom = zoom
                self.actions.double_click(self, at)
            case Key():
                found = self.actions.key(self, event)
                if found is not None:
                    self.actions.run(self, found[0], found[1])
            case Action(name=name, args=args):
                self.actions.run(self, name, args)
            case DropShape(kind=kind, at=at):
                self.actions.run(
                    self, "add-shape", {"kind": kind, "x": at.x, "y": at.y}
                )
            case Refresh():
                self._ops = [self._reset_op()]
            case Idle_(limit=limit, view=view):
                self._idle_now = True
                # The hit index first: the next hover needs it; fragments only look.
                if self.hits.pending:
                    self.hits.flush(limit * 40)
                else:
                    self._ops.extend(
                        self.painter.flush(self._doc, self.session.page_id, limit, view)
                    )

    def note(self, key: str, value: Any) -> None:
        """Add a one-off entry to this response's ``ui`` (clipboard, request)."""
        self._note[key] = value

    # --- response ---------------------------------------------------------------
    def _respond(self) -> Response:
        busy = self.state.busy
        ov = overlay.build(
            self._doc,
            self.session.selection,
            self.session.hover,
            self.zoom,
            self.hits.routes,
            self.extras,
            show_handles=not busy or isinstance(self.state, Idle),
            frame=self.selection_frame(),
            kinds=self.kinds,
        )
        once: UiOnce = UiOnce(**self._note)  # type: ignore[typeddict-item]
        ui = self._ui(once)
        return Response(ops=self._ops, overlay=ov, ui=ui, once=once)

    def _ui(self, once: UiOnce) -> UiState:
        doc, s = self._doc, self.session
        page = doc.get(s.page_id)
        assert isinstance(page, Page)
        style, props = self._panel_for()
        pending = self.painter.pending + self.hits.pending
        if not self.state.busy:
            found = self._outline()
            if found is not None:
                once["outline"] = found
            elif self._outline_replaced and self._outline_due():
                # A big page's outline comes in idle time: meanwhile it is
                # being listed (the page showed the last page's shapes).
                once["outline"] = {
                    "page": page.name,
                    "items": [],
                    "more": 0,
                    "connectors": 0,
                    "listing": True,
                }
                self._outline_sent = None
            self._outline_replaced = False
            if self._outline_due():
                pending += 1  # the outline comes with an ``idle`` response
        status, announce = self._describe()
        return UiState(
            page={
                "id": page.id,
                "name": page.name,
                "width": page.width,
                "height": page.height,
                "background": page.background,
                "grid": {
                    "size": page.grid.size,
                    "visible": page.grid.visible,
                    "snap": page.grid.snap,
                },
            },
            pages=[{"id": p.id, "name": p.name} for p in doc.pages()],
            layers=[
                {
                    "id": la.id,
                    "name": la.name,
                    "visible": la.visible,
                    "locked": la.locked,
                }
                for la in doc.layers(page.id)
            ],
            layer=self.active_layer(),
            selection=list(s.selection),
            hover=s.hover,
            can_undo=self.history.can_undo,
            can_redo=self.history.can_redo,
            dirty=self.history.dirty,
            tool=self.tool_name(),
            snap=s.snap,
            guides=s.guides,
            style=style,
            props=props,  # type: ignore[arg-type]
            enabled=self.actions.enabled(self),
            edit_text=self._edit_text(),
            cursor=self.state.cursor,
            state=self.state.name,
            pending=pending,
            status=status,
            announce=announce,
        )

    def _outline_due(self) -> bool:
        """Return whether the outline is out of date and waits for idle time."""
        key = self._outline_key
        return key is None or key[0] is not self._doc or key[1] != self.session.page_id

    def _describe(self) -> tuple[str, str]:
        """Return the status line and the selection's announcement (cached)."""
        key = (self._doc, self.session.page_id, self.session.selection)
        old = self._words_key
        if old is None or old[0] is not key[0] or old[1:] != key[1:]:
            self._words_key = key
            self._words = (
                describe.status_text(*key),
                describe.announce_text(self._doc, key[2], self.kinds),
            )
        return self._words

    def _outline(self) -> Json | None:
        """Return the page's outline when it differs from the last one sent.

        A big page's outline (over :data:`OUTLINE_NOW` elements) is built only
        in an ``idle`` response, so an edit's own response stays fast;
        ``pending`` counts it until then. It does not wait for the fragments
        still to paint: the outline lists the document, and a big file's rest
        takes seconds to paint (the panel said "No shapes" meanwhile).
        """
        key = (self._doc, self.session.page_id)
        old = self._outline_key
        if old is not None and old[0] is key[0] and old[1] == key[1]:
            return None
        if len(self._doc.paint_ids(key[1])) > OUTLINE_NOW and not self._idle_now:
            return None
        self._outline_key = key
        found = describe.outline(self._doc, key[1], self.kinds)
        if found == self._outline_sent:
            return None
        self._outline_sent = found
        return found

    def resend_outline(self) -> None:
        """Send the outline with the next response even if it did not change."""
        self._outline_key = None
        self._outline_sent = None

    def tool_name(self) -> str:
        """Return ``select`` or ``place:<kind>``."""
        kind = getattr(self.state, "kind", None)
        return f"place:{kind}" if isinstance(kind, str) else "select"

    def _panel_for(self) -> tuple[Json | None, Json]:
        """Return the selection's common style and properties (cached per change)."""
        if self._panel_doc is self._doc and self._panel_sel == self.session.selection:
            return self._panel_value  # a preview or idle step: nothing changed
        self._panel_doc, self._panel_sel = self._doc, self.session.selection
        leaves = self.selection_leaves()
        key = (self.session.selection, *leaves)
        old = self._panel
        if (
            old is not None
            and len(old) == len(key)
            and all(a is b or a == b for a, b in zip(old, key, strict=True))
        ):
            return self._panel_value
        self._panel = key
        self._panel_value = _panel(self._doc, leaves, self.session.selection)
        kind = self._panel_value[1].get("kind")
        if isinstance(kind, str) and kind in self.kinds:
            # The panel's heading names the kind as the palette and outline do
            # ("Exclusive gateway", not "Bpmn gateway exclusive").
            self._panel_value[1]["kind_title"] = self.kinds[kind].title
        if self._panel_value[0] is not None:
            # Refreshed when the selection changes, not on every drag frame.
            from linework.editor.swatches import document_colours

            if self._colours_for != self.session.selection:
                self._colours_for = self.session.selection
                self._colours = document_colours(self._doc)
            self._panel_value[1]["colours"] = self._colours
        frame = self.selection_frame()
        if frame is not None and "box" not in self._panel_value[1]:
            b = frame[0]
            self._panel_value[1]["bounds"] = {"x": b.x, "y": b.y, "w": b.w, "h": b.h}
        return self._panel_value

    def _edit_text(self) -> Json | None:
        editing = self.session.editing
        if editing is None:
            return None
        box = self.actions.edit_box(self, editing)
        # A class's or table's row is one plain line: no rich editor for it.
        if isinstance(box, dict) and not box.get("single_line"):
            box.update(edit_fields(self._doc, editing.id))
        return box


def _error(error: LineworkError) -> Json:
    return {
        "code": error.code,
        "message": error.message,
        "detail": error.detail,
        "text": sentences(error.message, error.detail),
    }


def sentences(message: str, detail: str) -> str:
    """Return a message and its detail as sentences for the status line.

    >>> sentences("That change is not allowed here.", "select at least two elements")
    'That change is not allowed here. Select at least two elements.'
    """
    parts = []
    for part in (message, detail):
        part = part.strip()
        if not part:
            continue
        part = part[0].upper() + part[1:]
        parts.append(part if part[-1] in ".!?…" else part + ".")
    return " ".join(parts)


def _common(values: Iterable[Any]) -> Any:
    it = iter(values)
    first = next(it, None)
    for v in it:
        if v != first:
            return None
    return first


def _panel(
    doc: Document, leaves: list[Shape | Connector], selection: tuple[str, ...]
) -> tuple[Json | None, Json]:
    if not leaves:
        return None, {}
    # Most elements share a few style objects: compare those, not every element.
    styles = list({id(e.style): e.style for e in leaves}.values())
    style = {n: _common(getattr(st, n) for st in styles) for n in _STYLE_NAMES}
    shapes = [e for e in leaves if isinstance(e, Shape)]
    conns = [e for e in leaves if isinstance(e, Connector)]
    props: Json = {
        "count": len(selection),
        "shapes": len(shapes),
        "connectors": len(conns),
        "kind": _common(e.kind for e in shapes) if shapes else None,
        "routing": _common(c.routing for c in conns) if conns else None,
        "locked": all(map(lock_checker(doc), leaves)),
        "text": _common(
            e.text if isinstance(e, Shape) else (e.labels[0].text if e.labels else "")
            for e in leaves
        ),
    }
    if len(selection) == 1 and len(shapes) == 1 and shapes[0].id == selection[0]:
        b = shapes[0].box
        props["box"] = {"x": b.x, "y": b.y, "w": b.w, "h": b.h}
        props["rotation"] = shapes[0].rotation_deg
        props["link"] = shapes[0].link
    return style, props
