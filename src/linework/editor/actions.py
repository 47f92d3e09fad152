"""Named actions: every toolbar, menu and shortcut command, by its ``data-action`` name.

Each action takes the editor and its JSON ``args``. Names follow docs/architecture.md §9
(``new``, ``undo``, ``align-left``, …) and extend it in the same style. File
actions (open, save, export…) belong to the browser: the editor answers them
with ``ui.request`` so one toolbar handler can send every button here.

- ``new``: empty document (clean, no history)
- ``open``, ``save``, ``save-as``, ``save-sealed``, ``export-svg``, ``export-png``,
  ``export-drawio``, ``new-from-template``: ``request`` for the browser
- ``saved``: the browser saved the file: the document is clean
- ``undo``, ``redo``: one step back or forward
- ``delete``: delete the selection (and connectors of deleted shapes)
- ``duplicate`` (dx?, dy?): copy the selection beside itself (default +20, +20)
- ``copy``, ``cut``: ``ui.clipboard`` gets ``.linework`` text of the selection
- ``paste`` (data?, x?, y?): paste clipboard text (default: this editor's last copy),
  centred on x, y if given
- ``select-all``, ``select-none``
- ``select`` (ids): select these elements (top-level ids)
- ``select-next``, ``select-previous``: cycle through the page's top-level elements
- ``group``, ``ungroup``
- ``to-front``, ``to-back``, ``bring-forward``, ``send-backward``: z-order
- ``align-left``, ``align-center``, ``align-right``, ``align-top``, ``align-middle``,
  ``align-bottom``
- ``distribute-h``, ``distribute-v``: equal gaps
- ``lock``, ``unlock``, ``toggle-lock``: lock the selection (unlock with no selection:
  all of the page)
- ``copy-style``, ``paste-style``: the format painter
- ``add-shape`` (kind, x?, y?, w?, h?, text?, view?): add a shape centred on x, y
  (default: a free spot inside ``view`` {x, y, w, h}, the visible part of the page,
  beside the selection when there is room)
- ``add-icon`` (library, icon, svg, x?, y?, view?): add a library icon (its SVG
  sanitized by the core and carried by the document) centred on x, y, else placed
  as ``add-shape`` places a shape
- ``insert-picture`` (data, x?, y?): add a picture (base64 file bytes), see
  ``editor.inserting``
- ``add-lane``, ``remove-lane``, ``lane-earlier``, ``lane-later`` (id?): lanes of
  a swimlane row, see ``editor.lanes``
- ``tidy-tree`` (direction?: TB or LR), ``tidy-tree-lr``: lay out the tree under
  the selection (an org chart), see ``editor.trees``
- ``set-theme`` (theme: dark or light, ids?), ``toggle-checked`` (ids?): mockups'
  dark variant and checked state, see ``editor.mockups``
- ``add-text`` (x, y, text?, edit?): add a free text; with ``edit`` and no text, an
  empty one opens in the in-place editor (kept only if words are typed)
- ``request-paste`` (x?, y?): ``request: paste`` (the browser reads the system
  clipboard and pastes, centred on x, y when given)
- ``context-menu`` (x?, y?): select what is under the point (unless it is
  selected) and answer ``request: context-menu`` with the menu (see
  :func:`context_menu`); without a point, at the selection or the pointer
- ``connect`` (source, target, routing?): add a connector; an end is {shape, port?} or
  {x, y}
- ``set-style`` (fields, ids?): set style fields on the selection (or ids); with
  nothing selected, arrowheads, stroke and dash become the style of new connectors
- ``set-text`` (id, text, label?): commit the in-place editor (text is data, never
  markup); ``label`` is a connector's label index (default: the one being edited)
- ``edit-text`` (id?, label?, position?): open the in-place editor on an element
  (default: the selection); for a connector on its label ``label`` (default 0), or a
  new label at ``position`` along the path when ``label`` is one past the last
- ``end-edit``: close the in-place editor without a change
- ``set-routing`` (routing): straight, orthogonal or curved
- ``set-arrowheads`` (start?, end?): arrowhead names
- ``clear-waypoints``: let the router choose again
- ``add-waypoint`` (id, x, y, index?): insert a waypoint (default: last)
- ``remove-waypoint`` (id, index)
- ``set-box`` (id?, x?, y?, w?, h?): position and size of one shape from the properties
  panel
- ``set-rotation`` (deg): rotate selected shapes to an angle
- ``set-link`` (id?, url): a shape's hyperlink
- ``nudge`` (dx, dy): move the selection
- ``set-tool`` (tool ("select" or "place"), kind?): the place tool adds a shape by click
  or drag
- ``toggle-snap``, ``set-snap`` (snap?): grid snapping for this session
- ``set-guides`` (on): smart guides for this session
- ``set-grid`` (size?, visible?, snap?): the page's grid (an undo step)
- ``add-page`` (name?): add a page after the others and show it
- ``rename-page`` (id?, name)
- ``delete-page`` (id?): never the last page
- ``move-page`` (id?, index)
- ``set-page`` (id): show another page (not an undo step)
- ``next-page``, ``previous-page``
- ``add-layer`` (name?): add a layer on top and make it active
- ``rename-layer``, ``delete-layer``, ``move-layer`` (id?, name / index)
- ``show-layer``, ``hide-layer``, ``lock-layer``, ``unlock-layer`` (id?)
- ``set-active-layer`` (id): new elements go there
- ``move-to-layer`` (id): move the selection to a layer
- ``zoom-in``, ``zoom-out``, ``zoom-fit``, ``help``: ``request`` for the browser
  (zoom-fit carries ``bounds``; help carries ``shortcuts`` [[keys, description]])
- ``escape``: cancel a gesture, leave the place tool, or clear the selection
- ``select-nearest`` (direction), ``connect-selection``: keyboard navigation and
  connecting (:mod:`linework.editor.navigate`)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any, Final

from linework import commands as cmd
from linework.commands import CommandError
from linework.editor import lanes, mockups, placement, trees
from linework.editor.editor import Editor
from linework.editor.icons import new_icon
from linework.editor.inserting import drop_preview, insert_picture
from linework.editor.keys import SHORTCUTS
from linework.editor.labels import position_near
from linework.editor.session import Editing
from linework.editor.tools import Gesture, Idle, Place, TextEntry
from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    Document,
    End,
    Free,
    Group,
    Layer,
    Page,
    Patch,
    Shape,
    text_paddings,
)
from linework.render.text import padded
from linework.routing import hit_distance, point_at
from linework.shapes import kind_of, label_box

Args = Mapping[str, Any]
ActionFn = Callable[[Editor, Args], None]

PASTE_OFFSET: Final = 20.0
BROWSER_ACTIONS: Final = (
    "open",
    "save",
    "save-as",
    "save-sealed",
    "export-svg",
    "export-png",
    "export-drawio",
    "new-from-template",
    "zoom-in",
    "zoom-out",
    "help",
)


# --------------------------------------------------------------------------- args
def _str(args: Args, name: str, default: str | None = None) -> str:
    v = args.get(name, default)
    if not isinstance(v, str):
        raise CommandError(f"argument {name!r} must be a string")
    return v


def _num(args: Args, name: str, default: float | None = None) -> float:
    v = args.get(name, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or v != v:
        raise CommandError(f"argument {name!r} must be a number")
    if abs(v) > 10_000_000:
        raise CommandError(f"argument {name!r} is out of range")
    return float(v)


def _opt_num(args: Args, name: str) -> float | None:
    return _num(args, name) if args.get(name) is not None else None


def _ids(args: Args, name: str = "ids") -> list[str]:
    v = args.get(name)
    if not isinstance(v, list) or not all(isinstance(i, str) for i in v):
        raise CommandError(f"argument {name!r} must be a list of ids")
    return list(v)


def _bool(args: Args, name: str, default: bool) -> bool:
    v = args.get(name, default)
    if not isinstance(v, bool):
        raise CommandError(f"argument {name!r} must be true or false")
    return v


def _end(raw: Any) -> End:
    if not isinstance(raw, Mapping):
        raise CommandError("a connector end must be an object")
    if "shape" in raw:
        port = raw.get("port")
        if not isinstance(raw["shape"], str) or not (
            port is None or isinstance(port, str)
        ):
            raise CommandError("a connector end's shape and port must be strings")
        return Attached(shape=raw["shape"], port=port)
    return Free(point=Vec(_num(raw, "x"), _num(raw, "y")))


# --------------------------------------------------------------------------- helpers
def _sel(ed: Editor) -> tuple[str, ...]:
    return ed.session.selection


def _do(ed: Editor, patch: Patch, name: str, *, select_added: bool = False) -> None:
    ed.apply(patch, name)
    if select_added:
        roots = cmd.pasted_roots(patch)
        ed.select(roots)
        placement.reveal(ed, roots)


def _layer_arg(ed: Editor, args: Args) -> str:
    rid = args.get("id")
    if rid is None:
        return ed.active_layer()
    if not isinstance(rid, str):
        raise CommandError("argument 'id' must be a string")
    return rid


def _page_arg(ed: Editor, args: Args) -> str:
    rid = args.get("id", ed.session.page_id)
    if not isinstance(rid, str):
        raise CommandError("argument 'id' must be a string")
    return rid


# --------------------------------------------------------------------------- actions
def _new(ed: Editor, args: Args) -> None:
    ed.load(Document.new(ed.ids))


def _undo(ed: Editor, args: Args) -> None:
    ed.undo()


def _redo(ed: Editor, args: Args) -> None:
    ed.redo()


def _saved(ed: Editor, args: Args) -> None:
    ed.mark_saved()


def _delete(ed: Editor, args: Args) -> None:
    _do(ed, cmd.delete_elements(ed.document, _sel(ed)), "Delete")


def _duplicate(ed: Editor, args: Args) -> None:
    d = Vec(_num(args, "dx", PASTE_OFFSET), _num(args, "dy", PASTE_OFFSET))
    patch = cmd.duplicate(ed.document, list(_sel(ed)), ed.ids, d)
    _do(ed, patch, "Duplicate", select_added=True)


def _copy(ed: Editor, args: Args) -> None:
    clip = cmd.copy_payload(ed.document, list(_sel(ed)))
    if clip is None:
        return
    text = native.encode(clip).decode("utf-8")
    ed.session.clipboard = text
    ed.session.paste_count = 0
    ed.note("clipboard", text)


def _cut(ed: Editor, args: Args) -> None:
    _copy(ed, args)
    _do(ed, cmd.delete_elements(ed.document, _sel(ed)), "Cut")


def _paste(ed: Editor, args: Args) -> None:
    data = args.get("data")
    text = data if isinstance(data, str) else ed.session.clipboard
    if not text:
        return
    clip = native.decode(text.encode("utf-8"))
    elements = [e for p in clip.pages() for e in clip.elements(p.id)]
    if not elements:
        return
    same_page = clip.pages()[0].id == ed.session.page_id
    if same_page:
        ed.session.paste_count += 1
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    if x is not None and y is not None:
        shapes = [e for e in elements if isinstance(e, Shape)]
        box: Box | None = None
        for s in shapes:
            box = s.box if box is None else box.union(s.box)
        c = box.center if box is not None else Vec(x, y)
        offset = Vec(x - c.x, y - c.y)
    else:
        # Pasting where the copy came from steps aside so the copy is visible.
        k = PASTE_OFFSET * ed.session.paste_count if same_page else 0.0
        offset = Vec(k, k)
    patch = cmd.paste(
        ed.document,
        clip,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        offset=offset,
    )
    _do(ed, patch, "Paste", select_added=True)


def _select_all(ed: Editor, args: Args) -> None:
    doc = ed.document
    out: list[str] = []
    for e in doc.elements(ed.session.page_id):
        if isinstance(e, Group) or e.parent is not None:
            continue
        if cmd.is_hidden(doc, e) or cmd.is_locked(doc, e):
            continue
        out.append(e.id)
    groups = [
        e.id
        for e in doc.elements(ed.session.page_id)
        if isinstance(e, Group) and e.parent is None and not cmd.is_locked(doc, e)
    ]
    ed.select(out + groups)


def _select_none(ed: Editor, args: Args) -> None:
    ed.select([])


def _select(ed: Editor, args: Args) -> None:
    doc, page = ed.document, ed.session.page_id
    ids = [
        r
        for r in _ids(args)
        if (e := doc.get(r)) is not None and getattr(e, "page", None) == page
    ]
    ed.select(ids)


def _cycle(ed: Editor, step: int) -> None:
    doc = ed.document
    units = [
        e.id
        for e in doc.elements(ed.session.page_id)
        if e.parent is None
        and not isinstance(e, Group)
        and not cmd.is_hidden(doc, e)
        and not cmd.is_locked(doc, e)
    ]
    if not units:
        return
    cur = _sel(ed)[-1] if _sel(ed) else None
    i = units.index(cur) + step if cur in units else (0 if step > 0 else -1)
    ed.select([units[i % len(units)]])


def _group(ed: Editor, args: Args) -> None:
    patch = cmd.group_elements(ed.document, list(_sel(ed)), ed.ids)
    ed.apply(patch, "Group")
    ed.select([r for r, rec in patch.added.items() if isinstance(rec, Group)])


def _ungroup(ed: Editor, args: Args) -> None:
    doc = ed.document
    groups = [r for r in _sel(ed) if isinstance(doc.get(r), Group)]
    members = [m.id for g in groups for m in doc.members(g)]
    rest = [r for r in _sel(ed) if r not in groups]
    ed.apply(cmd.ungroup_elements(doc, groups), "Ungroup")
    ed.select(rest + members)


def _order(how: cmd.arrange.Order) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        _do(ed, cmd.reorder(ed.document, _sel(ed), how), "Arrange")

    return run


def _align(how: cmd.arrange.Align) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        _do(ed, cmd.align(ed.document, _sel(ed), how), "Align")

    return run


def _distribute(axis: str) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        _do(
            ed,
            cmd.distribute(ed.document, _sel(ed), "h" if axis == "h" else "v"),
            "Distribute",
        )

    return run


def _lock(ed: Editor, args: Args) -> None:
    _do(ed, cmd.set_locked(ed.document, _sel(ed), True), "Lock")
    ed.select([])


def _unlock(ed: Editor, args: Args) -> None:
    doc = ed.document
    ids = [
        r for r in _sel(ed) if (e := doc.get(r)) is not None and e.__class__ is not Page
    ]
    flagged = [
        r
        for r in ids
        if isinstance(e := doc.get(r), Shape | Connector | Group)
        and cmd.LOCK_KEY in e.extra
    ]
    if not flagged:
        flagged = [
            e.id for e in doc.elements(ed.session.page_id) if cmd.LOCK_KEY in e.extra
        ]
    _do(ed, cmd.set_locked(doc, flagged, False), "Unlock")
    ed.select(flagged)


def _toggle_lock(ed: Editor, args: Args) -> None:
    if _sel(ed):
        _lock(ed, args)
    else:
        _unlock(ed, args)


def _copy_style(ed: Editor, args: Args) -> None:
    doc = ed.document
    for r in cmd.descendants(doc, _sel(ed)):
        e = doc.get(r)
        if isinstance(e, Shape | Connector):
            ed.session.copied_style = e.style
            return


def _paste_style(ed: Editor, args: Args) -> None:
    style = ed.session.copied_style
    if style is not None:
        _do(ed, cmd.paste_style(ed.document, _sel(ed), style), "Paste style")


def _placed_box(ed: Editor, args: Args, size: tuple[float, float]) -> Box:
    """The box of a new shape: centred on x, y, else on a free spot in view."""
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    center = (
        Vec(x, y)
        if x is not None and y is not None
        else placement.place(ed, size, placement.view_arg(args))
    )
    return Box(center.x - size[0] / 2, center.y - size[1] / 2, size[0], size[1])


def _add_placed(ed: Editor, patch: Patch, label: str) -> None:
    """Apply an adding patch (joining a container it lies in), select and show it."""
    added = list(patch.added)
    ed.apply(cmd.joined(ed.document, patch, added), label)
    ed.select(added)
    placement.reveal(ed, added)


def _add_shape(ed: Editor, args: Args) -> None:
    kind = _str(args, "kind")
    w, h = _opt_num(args, "w"), _opt_num(args, "h")
    size = kind_of(kind, ed.kinds).default_size
    if w is not None and h is not None:
        size = (max(w, 1.0), max(h, 1.0))
    patch = cmd.add_shape(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        kind=kind,
        box=_placed_box(ed, args, size),
        text=_str(args, "text", ""),
        grid=ed.grid,
        kinds=ed.kinds,
    )
    _add_placed(ed, patch, "Add shape")


def _add_icon(ed: Editor, args: Args) -> None:
    new = new_icon(args)
    patch = cmd.add_shape(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        kind="icon",
        box=_placed_box(ed, args, new.size),
        style=replace(
            DEFAULT_STYLE, fill="none", stroke="none", label_position="bottom"
        ),
        grid=ed.grid,
        kinds=ed.kinds,
        props=new.props,
    )
    _add_placed(ed, patch, "Add icon")


def _add_text(ed: Editor, args: Args) -> None:
    at = Vec(_num(args, "x"), _num(args, "y"))
    if _bool(args, "edit", False) and not _str(args, "text", ""):
        start_text_at(ed, at)
        return
    patch = cmd.add_text(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        center=at,
        text=_str(args, "text", ""),
        kinds=ed.kinds,
    )
    _do(ed, patch, "Add text", select_added=True)


def _connect(ed: Editor, args: Args) -> None:
    routing = _str(args, "routing", "orthogonal")
    if routing not in ("straight", "orthogonal", "curved"):
        raise CommandError(f"unknown routing {routing!r}")
    patch = cmd.connect(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        source=_end(args.get("source")),
        target=_end(args.get("target")),
        routing=routing,  # type: ignore[arg-type]
        style=ed.connector_style,
    )
    _do(ed, patch, "Connect", select_added=True)


def _set_style(ed: Editor, args: Args) -> None:
    fields = args.get("fields")
    if not isinstance(fields, Mapping):
        raise CommandError("argument 'fields' must be an object")
    ids = _ids(args) if "ids" in args else list(_sel(ed))
    _do(ed, cmd.set_style(ed.document, ids, fields), "Style")
    if not ids:
        # With nothing selected the panel sets the style of new connectors.
        conn_fields = {
            k: v
            for k, v in fields.items()
            if k in ("start_arrow", "end_arrow", "stroke", "stroke_width", "dash")
        }
        ed.connector_style = replace(
            ed.connector_style,
            **{k: cmd.style_value(k, v) for k, v in conn_fields.items()},
        )


def _set_text(ed: Editor, args: Args) -> None:
    rid = _str(args, "id")
    text = _str(args, "text")
    editing = ed.session.editing
    ed.session.editing = None
    mine = editing is not None and editing.id == rid
    label = int(_num(args, "label", editing.label if editing and mine else 0))
    position = editing.position if editing and mine else None
    patch = cmd.set_text(ed.document, rid, text, label=label, position=position)
    state = ed.state
    if (
        editing is not None
        and editing.id == rid
        and editing.created
        and isinstance(state, Gesture)
    ):
        # A text made by double-click lives or dies with its first words.
        if text.strip():
            ed.apply(patch)
            state.finish()
        else:
            state.cancel()
        return
    _do(ed, patch, "Edit text")


def start_edit(
    ed: Editor, rid: str, label: int = 0, position: float | None = None
) -> None:
    """Open the in-place editor on a shape or on a connector's label ``label``.

    For a connector, ``label`` one past the last starts a new label at
    ``position`` (0..1 along the path); it exists once text is committed.
    """
    el = ed.document.get(rid)
    if not isinstance(el, Shape | Connector) or cmd.is_locked(ed.document, el):
        return
    if isinstance(el, Connector):
        label = max(0, min(label, len(el.labels)))
    ed.session.editing = Editing(rid, label=label, position=position)


def _edit_text(ed: Editor, args: Args) -> None:
    rid = args.get("id")
    if rid is None:
        if len(_sel(ed)) != 1:
            return
        rid = _sel(ed)[0]
    if not isinstance(rid, str):
        raise CommandError("argument 'id' must be a string")
    label = int(_num(args, "label", 0))
    position = _opt_num(args, "position")
    start_edit(ed, rid, label, position)


def _end_edit(ed: Editor, args: Args) -> None:
    ed.end_text_edit()


def _set_routing(ed: Editor, args: Args) -> None:
    routing = _str(args, "routing")
    if routing not in ("straight", "orthogonal", "curved"):
        raise CommandError(f"unknown routing {routing!r}")
    _do(ed, cmd.set_routing(ed.document, _sel(ed), routing), "Routing")  # type: ignore[arg-type]


def _set_arrowheads(ed: Editor, args: Args) -> None:
    start, end = args.get("start"), args.get("end")
    if not (start is None or isinstance(start, str)) or not (
        end is None or isinstance(end, str)
    ):
        raise CommandError("arrowheads must be names")
    _do(
        ed,
        cmd.set_arrowheads(ed.document, _sel(ed), start=start, end=end),
        "Arrowheads",
    )


def _clear_waypoints(ed: Editor, args: Args) -> None:
    _do(ed, cmd.clear_waypoints(ed.document, _sel(ed)), "Clear waypoints")


def _add_waypoint(ed: Editor, args: Args) -> None:
    rid = _str(args, "id")
    c = ed.document.get(rid)
    if not isinstance(c, Connector):
        raise CommandError("add-waypoint needs a connector id")
    index = int(_num(args, "index", len(c.waypoints)))
    p = Vec(_num(args, "x"), _num(args, "y"))
    _do(ed, cmd.add_waypoint(ed.document, rid, index, p), "Add waypoint")


def _remove_waypoint(ed: Editor, args: Args) -> None:
    patch = cmd.remove_waypoint(ed.document, _str(args, "id"), int(_num(args, "index")))
    _do(ed, patch, "Remove waypoint")


def _set_box(ed: Editor, args: Args) -> None:
    rid = _str(args, "id", _sel(ed)[0] if len(_sel(ed)) == 1 else "")
    s = ed.document.get(rid)
    if not isinstance(s, Shape):
        raise CommandError("set-box needs one shape")
    b = s.box
    nb = Box(
        _num(args, "x", b.x),
        _num(args, "y", b.y),
        max(_num(args, "w", b.w), 1.0),
        max(_num(args, "h", b.h), 1.0),
    )
    if (nb.w, nb.h) == (b.w, b.h):
        patch = cmd.move_elements(ed.document, [rid], Vec(nb.x - b.x, nb.y - b.y))
    else:
        patch = cmd.scale_elements(ed.document, [rid], b, nb)
    _do(ed, patch, "Geometry")


def _set_rotation(ed: Editor, args: Args) -> None:
    _do(ed, cmd.set_rotation(ed.document, _sel(ed), _num(args, "deg")), "Rotate")


def _set_link(ed: Editor, args: Args) -> None:
    rid = _str(args, "id", _sel(ed)[0] if len(_sel(ed)) == 1 else "")
    _do(ed, cmd.set_link(ed.document, rid, _str(args, "url")), "Link")


def _nudge(ed: Editor, args: Args) -> None:
    d = Vec(_num(args, "dx", 0.0), _num(args, "dy", 0.0))
    _do(ed, cmd.move_elements(ed.document, _sel(ed), d), "Move")


def _set_tool(ed: Editor, args: Args) -> None:
    tool = _str(args, "tool", "select")
    if ed.state.busy:
        ed.state.cancel()
    if tool == "place":
        ed.transition(Place(ed, _str(args, "kind")))
    elif tool == "select":
        ed.transition(Idle(ed))
    else:
        raise CommandError(f"unknown tool {tool!r}")


def _toggle_snap(ed: Editor, args: Args) -> None:
    ed.session.snap = _bool(args, "snap", not ed.session.snap)


def _set_guides(ed: Editor, args: Args) -> None:
    ed.session.guides = _bool(args, "on", not ed.session.guides)


def _set_grid(ed: Editor, args: Args) -> None:
    page = ed.document.typed(ed.session.page_id, Page)
    g = page.grid
    size = _num(args, "size", g.size)
    if not 1 <= size <= 1000:
        raise CommandError("grid size must be from 1 to 1000")
    grid = replace(
        g,
        size=size,
        visible=_bool(args, "visible", g.visible),
        snap=_bool(args, "snap", g.snap),
    )
    if grid != g:
        ed.apply(Patch(updated={page.id: (page, replace(page, grid=grid))}), "Grid")


def _add_page(ed: Editor, args: Args) -> None:
    name = args.get("name")
    patch = cmd.add_page(
        ed.document,
        ed.ids,
        name=name if isinstance(name, str) else None,
        like=ed.session.page_id,
    )
    ed.apply(patch, "Add page")
    ed.switch_page(next(r for r, rec in patch.added.items() if isinstance(rec, Page)))


def _rename_page(ed: Editor, args: Args) -> None:
    _do(
        ed,
        cmd.rename_page(ed.document, _page_arg(ed, args), _str(args, "name")),
        "Rename page",
    )


def _delete_page(ed: Editor, args: Args) -> None:
    pid = _page_arg(ed, args)
    pages = [p.id for p in ed.document.pages()]
    patch = cmd.delete_page(ed.document, pid)
    if pid == ed.session.page_id:
        i = pages.index(pid)
        nxt = pages[i + 1] if i + 1 < len(pages) else pages[i - 1]
        ed.switch_page(nxt)
    ed.apply(patch, "Delete page")


def _move_page(ed: Editor, args: Args) -> None:
    patch = cmd.move_page(ed.document, _page_arg(ed, args), int(_num(args, "index")))
    _do(ed, patch, "Move page")


def _set_page(ed: Editor, args: Args) -> None:
    ed.switch_page(_str(args, "id"))


def _page_step(step: int) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        pages = [p.id for p in ed.document.pages()]
        i = pages.index(ed.session.page_id) + step
        if 0 <= i < len(pages):
            ed.switch_page(pages[i])

    return run


def _add_layer(ed: Editor, args: Args) -> None:
    name = args.get("name")
    patch = cmd.add_layer(
        ed.document,
        ed.ids,
        ed.session.page_id,
        name=name if isinstance(name, str) else None,
    )
    ed.apply(patch, "Add layer")
    ed.set_active_layer(
        next(iter(r for r, rec in patch.added.items() if isinstance(rec, Layer)))
    )


def _rename_layer(ed: Editor, args: Args) -> None:
    _do(
        ed,
        cmd.rename_layer(ed.document, _layer_arg(ed, args), _str(args, "name")),
        "Rename layer",
    )


def _delete_layer(ed: Editor, args: Args) -> None:
    _do(ed, cmd.delete_layer(ed.document, _layer_arg(ed, args)), "Delete layer")


def _move_layer(ed: Editor, args: Args) -> None:
    patch = cmd.move_layer(ed.document, _layer_arg(ed, args), int(_num(args, "index")))
    _do(ed, patch, "Move layer")


def _layer_flag(visible: bool | None = None, locked: bool | None = None) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        lid = _layer_arg(ed, args)
        if visible is not None:
            _do(ed, cmd.set_layer_visible(ed.document, lid, visible), "Layer")
        if locked is not None:
            _do(ed, cmd.set_layer_locked(ed.document, lid, locked), "Layer")
        if visible is False or locked is True:
            doc = ed.document
            ed.select(
                [
                    r
                    for r in _sel(ed)
                    if (e := doc.get(r)) is not None and getattr(e, "layer", "") != lid
                ]
            )

    return run


def _set_active_layer(ed: Editor, args: Args) -> None:
    ed.set_active_layer(_str(args, "id"))


def _move_to_layer(ed: Editor, args: Args) -> None:
    _do(ed, cmd.move_to_layer(ed.document, _sel(ed), _str(args, "id")), "Move to layer")


def _zoom_fit(ed: Editor, args: Args) -> None:
    doc = ed.document
    box: Box | None = None
    idx = ed.hits.index(doc, ed.session.page_id)
    for b in idx.bounds.values():
        box = b if box is None else box.union(b)
    req: dict[str, Any] = {"action": "zoom-fit"}
    if box is not None:
        req["bounds"] = {"x": box.x, "y": box.y, "w": box.w, "h": box.h}
    ed.note("request", req)


def _escape(ed: Editor, args: Args) -> None:
    if ed.state.busy:
        ed.state.cancel()
    elif ed.session.editing is not None:
        ed.end_text_edit()
    elif not isinstance(ed.state, Idle):
        ed.state.cancel()
    else:
        ed.select([])


def _request(name: str) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        ed.note("request", {"action": name})

    return run


def _request_paste(ed: Editor, args: Args) -> None:
    req: dict[str, Any] = {"action": "paste"}
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    if x is not None and y is not None:
        req["x"], req["y"] = x, y
    ed.note("request", req)


def _context_menu(ed: Editor, args: Args) -> None:
    x, y = _opt_num(args, "x"), _opt_num(args, "y")
    at = Vec(x, y) if x is not None and y is not None else None
    ed.note("request", context_menu(ed, at))


def _help(ed: Editor, args: Args) -> None:
    ed.note("request", {"action": "help", "shortcuts": [list(s) for s in SHORTCUTS]})


ACTIONS: Final[dict[str, ActionFn]] = {
    "new": _new,
    "saved": _saved,
    "undo": _undo,
    "redo": _redo,
    "delete": _delete,
    "duplicate": _duplicate,
    "copy": _copy,
    "cut": _cut,
    "paste": _paste,
    "select-all": _select_all,
    "select-none": _select_none,
    "select": _select,
    "select-next": lambda ed, a: _cycle(ed, 1),
    "select-previous": lambda ed, a: _cycle(ed, -1),
    "group": _group,
    "ungroup": _ungroup,
    "to-front": _order("front"),
    "to-back": _order("back"),
    "bring-forward": _order("forward"),
    "send-backward": _order("backward"),
    "align-left": _align("left"),
    "align-center": _align("center"),
    "align-right": _align("right"),
    "align-top": _align("top"),
    "align-middle": _align("middle"),
    "align-bottom": _align("bottom"),
    "distribute-h": _distribute("h"),
    "distribute-v": _distribute("v"),
    "lock": _lock,
    "unlock": _unlock,
    "toggle-lock": _toggle_lock,
    "copy-style": _copy_style,
    "paste-style": _paste_style,
    "add-shape": _add_shape,
    "add-icon": _add_icon,
    "insert-picture": insert_picture,
    "drop-preview": drop_preview,
    **lanes.ACTIONS,
    **trees.ACTIONS,
    **mockups.ACTIONS,
    "add-text": _add_text,
    "request-paste": _request_paste,
    "context-menu": _context_menu,
    "connect": _connect,
    "set-style": _set_style,
    "set-text": _set_text,
    "edit-text": _edit_text,
    "end-edit": _end_edit,
    "set-routing": _set_routing,
    "set-arrowheads": _set_arrowheads,
    "clear-waypoints": _clear_waypoints,
    "add-waypoint": _add_waypoint,
    "remove-waypoint": _remove_waypoint,
    "set-box": _set_box,
    "set-rotation": _set_rotation,
    "set-link": _set_link,
    "nudge": _nudge,
    "set-tool": _set_tool,
    "toggle-snap": _toggle_snap,
    "set-snap": _toggle_snap,
    "set-guides": _set_guides,
    "set-grid": _set_grid,
    "add-page": _add_page,
    "rename-page": _rename_page,
    "delete-page": _delete_page,
    "move-page": _move_page,
    "set-page": _set_page,
    "next-page": _page_step(1),
    "previous-page": _page_step(-1),
    "add-layer": _add_layer,
    "rename-layer": _rename_layer,
    "delete-layer": _delete_layer,
    "move-layer": _move_layer,
    "show-layer": _layer_flag(visible=True),
    "hide-layer": _layer_flag(visible=False),
    "lock-layer": _layer_flag(locked=True),
    "unlock-layer": _layer_flag(locked=False),
    "set-active-layer": _set_active_layer,
    "move-to-layer": _move_to_layer,
    "zoom-fit": _zoom_fit,
    "escape": _escape,
    **{name: _request(name) for name in BROWSER_ACTIONS},
    "help": _help,
}

# Actions that keep a gesture or text edit alive; every other one ends them first.
_KEEPS_GESTURE: Final = frozenset({"set-text", "end-edit", "escape", "saved", "copy"})


def run(ed: Editor, name: str, args: Args) -> None:
    """Run the action ``name``.

    Raises:
        CommandError: for an unknown name or bad arguments (nothing changes).
    """
    fn = ACTIONS.get(name)
    if fn is None:
        from linework.editor import navigate

        fn = navigate.ACTIONS.get(name)
    if fn is None:
        raise CommandError(f"unknown action {name[:60]!r}")
    if name in ("undo", "redo") and ed.state.busy:
        ed.state.cancel()  # undo during a drag takes back the drag, nothing more
        return
    if name not in _KEEPS_GESTURE:
        if ed.state.busy:
            ed.state.cancel()
        if ed.session.editing is not None and name not in BROWSER_ACTIONS:
            ed.end_text_edit()
    fn(ed, args)


_locked_memo: list[Any] = [None, None, False]  # [document, page id, answer]


def _page_has_locked(ed: Editor) -> bool:
    """Whether the page shows a locked element (memoized per document and page)."""
    doc, page = ed.document, ed.session.page_id
    memo = _locked_memo
    if memo[0] is not doc or memo[1] != page:
        found = any(cmd.LOCK_KEY in e.extra for e in doc.elements(page))
        memo[:] = [doc, page, found]
    return bool(memo[2])


def enabled(ed: Editor) -> dict[str, bool]:
    """Return which selection-dependent actions can run now (for toolbar state)."""
    doc, sel = ed.document, _sel(ed)
    has = bool(sel)
    groups = any(isinstance(doc.get(r), Group) for r in sel)
    conns = any(isinstance(e, Connector) for e in ed.selection_leaves())
    # Counting movable units is enough here; align itself measures them.
    units = sum(
        1
        for r in sel
        if isinstance(e := doc.get(r), Shape | Group) and not cmd.is_locked(doc, e)
    )
    align, dist = units >= 2, units >= 3
    out = {
        "undo": ed.history.can_undo,
        "redo": ed.history.can_redo,
        "delete": has,
        "duplicate": has,
        "copy": has,
        "cut": has,
        "paste": bool(ed.session.clipboard),
        "group": len(sel) >= 2,
        "ungroup": groups,
        "lock": has,
        "unlock": True,
        # Nothing selected, the button unlocks the page's locked elements.
        "toggle-lock": has or _page_has_locked(ed),
        "copy-style": has,
        "paste-style": has and ed.session.copied_style is not None,
        "set-routing": conns,
        "set-arrowheads": conns,
        "delete-page": len(doc.pages()) > 1,
        "delete-layer": len(doc.layers(ed.session.page_id)) > 1,
        "edit-text": len(sel) == 1,
        "select-all": bool(doc.elements(ed.session.page_id)),
        "add-text": True,
        "connect-selection": len(sel) == 2
        and all(isinstance(doc.get(r), Shape) for r in sel),
    }
    for name in ("to-front", "to-back", "bring-forward", "send-backward"):
        out[name] = has
    for name in ("left", "center", "right", "top", "middle", "bottom"):
        out[f"align-{name}"] = align
    out["distribute-h"] = out["distribute-v"] = dist
    out.update(lanes.enabled(ed))
    out.update(trees.enabled(ed))
    return out


def double_click(ed: Editor, at: Vec) -> None:
    """Edit the label under the pointer, remove a waypoint, or add a text.

    On a connector label that label is edited; on the line itself, its first
    label (made at the middle if it has none).
    """
    if ed.state.busy:
        ed.state.cancel()
    h = ed.handle_at(at)
    if h is not None and h.name == "waypoint":
        _do(ed, cmd.remove_waypoint(ed.document, h.owner, h.index), "Remove waypoint")
        return
    hit = ed.label_at(at)
    if hit is not None:
        conn = ed.document.typed(hit.conn, Connector)
        ed.select([cmd.top_of(ed.document, conn).id])
        start_edit(ed, hit.conn, hit.index)
        return
    el = ed.element_at(at)
    if el is not None:
        ed.select([cmd.top_of(ed.document, el).id])
        start_edit(ed, el.id)
        return
    start_text_at(ed, at)


def start_text_at(ed: Editor, at: Vec) -> None:
    """Add an empty text at ``at`` and edit it: kept only if words are typed."""
    g = TextEntry(ed)
    ed.transition(g)
    patch = cmd.add_text(
        ed.document,
        ed.ids,
        page=ed.session.page_id,
        layer=ed.active_layer(),
        center=at,
        kinds=ed.kinds,
    )
    g.show(patch)
    rid = next(iter(patch.added))
    ed.select([rid])
    ed.session.editing = Editing(rid, created=True)


def edit_box(ed: Editor, editing: Editing) -> dict[str, Any] | None:
    """Return where and how the in-place editor shows for an edit in progress."""
    doc = ed.document
    rid, created, index = editing.id, editing.created, 0
    el = doc.get(rid)
    if isinstance(el, Shape):
        box = label_box(el, kinds=ed.kinds)
        text, st, rot = el.text, el.style, el.rotation_deg
        # As the renderer lays it out: a label outside its shape never wraps.
        wrap = st.wrap and st.label_position == "inside"
    elif isinstance(el, Connector):
        r = ed.hits.routes.route(doc, el)
        index = min(editing.label, len(el.labels))
        label = el.labels[index] if index < len(el.labels) else None
        if label is not None:
            pos, off, text = label.position, label.offset, label.text
        else:
            pos = 0.5 if editing.position is None else editing.position
            off, text = Vec(0.0, 0.0), ""
        p, _ = point_at(r, pos)
        p = p + off
        top, _, bottom, _ = text_paddings(el.style)
        w, h = 160.0, el.style.font_size * 1.6 + top + bottom
        box = Box(p.x - w / 2, p.y - h / 2, w, h)
        st, rot, wrap = el.style, 0.0, True
    else:
        return None
    # The text's own box, as the renderer insets it (per side, clamped).
    inner = padded(box, st)
    return {
        "id": rid,
        "label": index,
        "box": {"x": box.x, "y": box.y, "w": box.w, "h": box.h},
        "rotation": rot,
        "text": text,
        "created": created,
        "style": {
            "font_family": st.font_family,
            "font_size": st.font_size,
            "font_color": st.font_color,
            "bold": st.bold,
            "italic": st.italic,
            "underline": st.underline,
            "align": st.align,
            "valign": st.valign,
            "text_padding": st.text_padding,
            "padding": {
                "top": inner.y - box.y,
                "right": box.right - inner.right,
                "bottom": box.bottom - inner.bottom,
                "left": inner.x - box.x,
            },
            "wrap": wrap,
        },
    }


def _item(
    ed: Editor,
    action: str,
    caption: str,
    shortcut: str = "",
    *,
    on: bool | None = None,
    **args: Any,
) -> dict[str, Any]:
    """Return one menu entry; enabled as the toolbar would be unless ``on`` says."""
    return {
        "action": action,
        "label": caption,
        "shortcut": shortcut,
        "enabled": enabled(ed).get(action, True) if on is None else on,
        "args": args,
    }


_SEPARATOR: Final = {"separator": True}


def _paste_item(ed: Editor, at: Vec) -> dict[str, Any]:
    """Paste at the click; the browser reads the system clipboard first."""
    on = bool(ed.session.clipboard)
    return _item(ed, "request-paste", "Paste", "Mod+V", on=on, x=at.x, y=at.y)


def _menu_anchor(ed: Editor) -> Vec:
    """Return where a menu opened from the keyboard points: the selection,
    else the pointer, else the middle of the page."""
    doc = ed.document
    frame = ed.selection_frame()
    if frame is not None:
        return frame[0].center
    for r in _sel(ed):
        c = doc.get(r)
        if isinstance(c, Connector):
            return point_at(ed.hits.routes.route(doc, c), 0.5)[0]
    if ed.session.pointer is not None:
        return ed.session.pointer
    page = doc.typed(ed.session.page_id, Page)
    return Vec(page.width / 2, page.height / 2)


def context_menu(ed: Editor, at: Vec | None) -> dict[str, Any]:
    """Return the context menu for a right-click at ``at`` (None: from the keyboard).

    A click on an element not yet selected selects it first (on empty canvas
    it clears the selection), as draw.io does, so every entry acts on what is
    highlighted. Entries are the toolbar's and shortcuts' own actions, with
    their ``args`` and whether they can run now (``ui.enabled``); the browser
    only shows them. Answer: ``{"action": "context-menu", "x", "y" (page
    point), "target": "selection" | "canvas", "items": [{action, label,
    shortcut, enabled, args} | {separator: true}]}``.
    """
    doc = ed.document
    hit = None
    if at is not None:
        hit = ed.label_at(at)
        el = doc.get(hit.conn) if hit is not None else ed.element_at(at)
        if not isinstance(el, Shape | Connector | Group):
            ed.select([])
        else:
            held = {el.id, *(g.id for g in cmd.ancestors(doc, el))}
            if not held & set(_sel(ed)):
                ed.select([cmd.top_of(doc, el).id])
    else:
        at = _menu_anchor(ed)
    sel = _sel(ed)
    items: list[dict[str, Any]] = []
    if not sel:
        page = ed.session.page_id
        items = [
            _paste_item(ed, at),
            _item(ed, "select-all", "Select all", "Mod+A"),
            _SEPARATOR,
            _item(ed, "add-text", "Add text here", x=at.x, y=at.y, edit=True),
            _item(ed, "new-from-template", "New from template…", on=True),
        ]
        if any(cmd.LOCK_KEY in e.extra for e in doc.elements(page)):
            items.append(_item(ed, "unlock", "Unlock all", "Mod+Shift+L"))
        return {
            "action": "context-menu",
            "x": at.x,
            "y": at.y,
            "target": "canvas",
            "items": items,
        }
    leaves = ed.selection_leaves()
    locked = bool(leaves) and all(cmd.is_locked(doc, e) for e in leaves)
    items = [
        _item(ed, "cut", "Cut", "Mod+X"),
        _item(ed, "copy", "Copy", "Mod+C"),
        _paste_item(ed, at),
        _item(ed, "duplicate", "Duplicate", "Mod+D"),
        _item(ed, "delete", "Delete", "Delete"),
        _SEPARATOR,
        _item(ed, "to-front", "Bring to front", "Mod+Shift+]"),
        _item(ed, "to-back", "Send to back", "Mod+Shift+["),
        _SEPARATOR,
        _item(ed, "group", "Group", "Mod+G"),
        _item(ed, "ungroup", "Ungroup", "Mod+Shift+G"),
        _item(ed, "unlock", "Unlock", "Mod+Shift+L")
        if locked
        else _item(ed, "lock", "Lock", "Mod+Shift+L"),
        _SEPARATOR,
        _item(ed, "copy-style", "Copy style", "Mod+Alt+C"),
        _item(ed, "paste-style", "Paste style", "Mod+Alt+V"),
        _SEPARATOR,
    ]
    one = doc.get(sel[0]) if len(sel) == 1 else None
    editable = isinstance(one, Shape | Connector) and not cmd.is_locked(doc, one)
    if isinstance(one, Connector):
        index = hit.index if hit is not None and hit.conn == one.id else 0
        items.append(
            _item(
                ed, "edit-text", "Edit label", "F2", on=editable, id=one.id, label=index
            )
        )
        r = ed.hits.routes.route(doc, one)
        if hit is None and hit_distance(r, at) <= ed.tolerance() * 2:
            items.append(
                _item(
                    ed,
                    "edit-text",
                    "Add label here",
                    on=editable,
                    id=one.id,
                    label=len(one.labels),
                    position=position_near(r, at),
                )
            )
    else:
        rid = one.id if one is not None else ""
        args = {"id": rid} if rid else {}
        items.append(_item(ed, "edit-text", "Edit label", "F2", on=editable, **args))
    items.extend(lanes.menu_items(ed))
    items.extend(trees.menu_items(ed))
    items.extend(mockups.menu_items(ed))
    return {
        "action": "context-menu",
        "x": at.x,
        "y": at.y,
        "target": "selection",
        "items": items,
    }
