"""Text actions: the in-place editor, and what a double-click does.

- ``set-text`` (id, text | html, label?): commit the in-place editor
  (``html``: the rich editor's content, sanitized into runs by the core; text
  is data, never markup); ``label`` is a connector's label index (default:
  the one being edited); on a class or table, ``label`` = row + 1 edits one row
- ``edit-text`` (id?, label?, position?): open the in-place editor on an
  element (default: the selection); for a connector on its label ``label``
  (default 0), or a new label at ``position`` along the path when ``label``
  is one past the last
- ``end-edit``: close the in-place editor without a change
- ``toggle-bold``, ``toggle-italic``, ``toggle-underline``: Ctrl+B/I/U with
  elements selected and no label being edited: the whole label of each (as
  draw.io does), one undo step; while editing, the rich editor formats the
  selected words instead
"""

from __future__ import annotations

from typing import Any

from linework import commands as cmd
from linework.commands import CommandError
from linework.commands import rows as cmd_rows
from linework.commands.labelstyle import Flag, toggle_label_style
from linework.editor import placement, richedit, rows
from linework.editor.actions._args import _do, _num, _opt_num, _sel, _str
from linework.editor.actions._spec import ActionFn, Args, Shortcut, Spec
from linework.editor.editor import Editor
from linework.editor.session import Editing
from linework.editor.tools import Gesture, TextEntry
from linework.geometry import Box, Vec
from linework.model import Connector, Shape, text_paddings
from linework.render.text import padded
from linework.routing import point_at
from linework.shapes import label_box
from linework.shapes.rows import rows_of as row_texts


def _set_text(ed: Editor, args: Args) -> None:
    rid = _str(args, "id")
    markup = args.get("html")  # the rich editor's content, read by the core
    if isinstance(markup, str):
        text, rich = richedit.read_commit(ed.document, rid, markup)
    else:
        text, rich = richedit.plain_commit(
            ed.document, rid, _str(args, "text"), int(_num(args, "label", 0))
        )
    editing = ed.session.editing
    ed.session.editing = None
    mine = editing is not None and editing.id == rid
    label = int(_num(args, "label", editing.label if editing and mine else 0))
    position = editing.position if editing and mine else None
    if label > 0 and isinstance(ed.document.get(rid), Shape):
        patch = cmd_rows.set_row(ed.document, rid, label - 1, text, kinds=ed.kinds)
        _do(ed, patch, "Edit row")
        return
    patch = cmd.set_text(
        ed.document, rid, text, label=label, position=position, rich=rich
    )
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
    elif rows.rowed(ed, rid) is None or not 0 <= label <= len(row_texts(el)):
        label = 0  # a shape's label 0 is its name; 1… its rows, if it has any
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
    typed = args.get("typed")
    if isinstance(typed, str) and typed and ed.session.editing is not None:
        ed.session.editing.typed = typed[:64]


def _end_edit(ed: Editor, args: Args) -> None:
    ed.end_text_edit()


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
        # On a class's or table's row, that row (label = row + 1).
        row = rows.row_under(ed, el, at) if isinstance(el, Shape) else None
        start_edit(ed, el.id, 0 if row is None else row + 1)
        return
    start_text_at(ed, at)


def start_text_at(ed: Editor, at: Vec) -> None:
    """Add an empty text at ``at`` and edit it: kept only if words are typed."""
    g = TextEntry(ed)
    ed.transition(g)
    patch = placement.new_text(ed, at)
    g.show(patch)
    rid = next(iter(patch.added))
    ed.select([rid])
    ed.session.editing = Editing(rid, created=True)


def edit_box(ed: Editor, editing: Editing) -> dict[str, Any] | None:
    """Return where and how the in-place editor shows for an edit in progress."""
    doc = ed.document
    rid, created, index = editing.id, editing.created, 0
    el = doc.get(rid)
    row = None
    if isinstance(el, Shape) and editing.label > 0 and (found := rows.rowed(ed, rid)):
        row = rows.edit_row(el, found[1], editing.label)
    if isinstance(el, Shape) and row is not None:
        box, text, st = row
        rot, index, wrap = el.rotation_deg, editing.label, False
    elif isinstance(el, Shape):
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
        "typed": editing.typed,
        "created": created,
        # A class's or table's row is one line: Enter commits it.
        "single_line": row is not None,
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


def _toggle_style(flag: Flag) -> ActionFn:
    def run(ed: Editor, args: Args) -> None:
        patch = toggle_label_style(ed.document, _sel(ed), flag)
        _do(ed, patch, flag.capitalize())

    return run


_LOOSE = frozenset({"alt", "shift"})
_STYLE_KEYS: tuple[tuple[Flag, str], ...] = (
    ("bold", "B"),
    ("italic", "I"),
    ("underline", "U"),
)

SPECS = (
    Spec("set-text", _set_text, keeps_gesture=True),
    Spec(
        "edit-text",
        _edit_text,
        "Edit label",
        lambda f: len(f.sel) == 1,
        (Shortcut("Enter", loose=_LOOSE), Shortcut("F2", loose=_LOOSE)),
        hint="F2",
    ),
    Spec("end-edit", _end_edit, keeps_gesture=True),
    *(
        Spec(
            f"toggle-{flag}",
            _toggle_style(flag),
            flag.capitalize(),
            lambda f: f.has,
            (Shortcut(f"Mod+{key}"),),
        )
        for flag, key in _STYLE_KEYS
    ),
)
