"""Row actions of classes and tables: ``add-row``, ``remove-row``, and editing one row.

``add-row`` (id?, compartment?, text?) appends a row to a compartment (default:
the last; a class's attributes are compartment 0, its operations 1), grows the
box and opens the in-place editor on the new row: one undo step for the row,
one for its words. ``remove-row`` (id?, row) takes one out. ``set-relation``
(name) applies a connector preset (``linework.shapes.relations``);
``add-activation`` (id?, y?) and ``remove-activation`` (id?, index) edit a
lifeline's bars. A row is edited in place like a label: ``edit-text`` and
``set-text`` with ``label`` = row + 1 (label 0 is the name), which a
double-click on the row opens.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final

from linework.commands import CommandError, is_locked
from linework.commands import rows as cmd_rows
from linework.editor.connector_presets import preset_fields, restyle
from linework.geometry import Box, Vec, rotate_about
from linework.model import Connector, Shape, Style, Transaction, frozen_map
from linework.render.rows import row_style
from linework.shapes import kind_of
from linework.shapes import rows as R
from linework.shapes.uml import CompartmentKind, activations

if TYPE_CHECKING:
    from linework.editor.editor import Editor

Args = Mapping[str, Any]

#: What a new row says until the user types, by kind and compartment.
_NEW_ROW: Final[dict[tuple[str, int], str]] = {
    ("uml-class", 0): "+ field: Type",
    ("uml-class", 1): "+ method(): Type",
    ("uml-interface", 0): "+ method(): Type",
    ("uml-enumeration", 0): "LITERAL",
    ("er-entity", 0): "column: type",
}


def rowed(ed: Editor, rid: str | None) -> tuple[Shape, CompartmentKind] | None:
    """Return the shape (and its kind) if it has rows and is not locked."""
    el = ed.document.get(rid) if rid else None
    if not isinstance(el, Shape) or is_locked(ed.document, el):
        return None
    kind = kind_of(el.kind, ed.kinds)
    return (el, kind) if isinstance(kind, CompartmentKind) else None


def _target(ed: Editor, args: Args) -> tuple[Shape, CompartmentKind]:
    rid = args.get("id")
    if rid is None and len(ed.session.selection) == 1:
        rid = ed.session.selection[0]
    found = rowed(ed, rid if isinstance(rid, str) else None)
    if found is None:
        raise CommandError("select one class or table")
    return found


def row_under(ed: Editor, shape: Shape, at: Vec) -> int | None:
    """Return the index of the row of ``shape`` under page point ``at``, if any."""
    kind = kind_of(shape.kind, ed.kinds)
    if not isinstance(kind, CompartmentKind):
        return None
    p = at
    if shape.rotation_deg % 360:
        p = rotate_about(at, shape.box.center, -shape.rotation_deg)
    return R.row_at(shape, p, kind.header, kind.compartments)


def add_row(ed: Editor, args: Args) -> None:
    """Append a row, select the shape and edit the new row in place."""
    from linework.editor.session import Editing

    shape, kind = _target(ed, args)
    comp = args.get("compartment")
    if comp is not None and (isinstance(comp, bool) or not isinstance(comp, int)):
        raise CommandError("argument 'compartment' must be a whole number")
    counts = R.compartments_of(shape, kind.compartments)
    c = len(counts) - 1 if comp is None else comp
    text = args.get("text")
    if text is None:
        text = _NEW_ROW.get((shape.kind, c), "row")
    if not isinstance(text, str):
        raise CommandError("argument 'text' must be a string")
    patch = cmd_rows.add_row(
        ed.document, shape.id, compartment=c, text=text, kinds=ed.kinds
    )
    if patch.is_empty():
        return
    ed.apply(patch, "Add row")
    ed.select([shape.id])
    index = sum(R.compartments_of(shape, kind.compartments)[: c + 1])
    ed.session.editing = Editing(shape.id, label=index + 1)


def remove_row(ed: Editor, args: Args) -> None:
    """Remove row ``row`` (default: the last)."""
    shape, _ = _target(ed, args)
    n = len(R.rows_of(shape))
    row = args.get("row", n - 1)
    if isinstance(row, bool) or not isinstance(row, int):
        raise CommandError("argument 'row' must be a whole number")
    ed.apply(
        cmd_rows.remove_row(ed.document, shape.id, row, kinds=ed.kinds), "Remove row"
    )


def set_relation(ed: Editor, args: Args) -> None:
    """Apply a connector preset (``name``, see ``shapes.relations``), a UML relation.

    The selected connectors take it in one undo step; with none selected it
    becomes the style of the connectors drawn next.
    """
    fields = preset_fields(args.get("name"), "relation")
    doc = ed.document
    sel = [r for r in ed.session.selection if isinstance(doc.get(r), Connector)]
    restyle(ed, sel, fields, "Relation")


def _lifeline(ed: Editor, args: Args) -> Shape:
    rid = args.get("id")
    if rid is None and len(ed.session.selection) == 1:
        rid = ed.session.selection[0]
    el = ed.document.get(rid) if isinstance(rid, str) else None
    if (
        not isinstance(el, Shape)
        or el.kind != "uml-lifeline"
        or is_locked(ed.document, el)
    ):
        raise CommandError("select one lifeline")
    return el


def _set_bars(ed: Editor, el: Shape, bars: list[list[float]], name: str) -> None:
    tx = Transaction(ed.document)
    tx.put(replace(el, props=frozen_map({**el.props, "activations": bars})))
    ed.apply(tx.patch(), name)


def add_activation(ed: Editor, args: Args) -> None:
    """Add a lifeline's activation bar from page y ``y`` (default: after the last)."""
    el = _lifeline(ed, args)
    bars = [[a, b] for a, b in activations(el)]
    y = args.get("y")
    if isinstance(y, int | float) and not isinstance(y, bool):
        top = float(y) - el.box.y
    else:
        top = max([b for _, b in bars], default=40.0) + 20.0
    top = max(0.0, min(top, el.box.h - 20.0))
    bars.append([round(top), round(min(el.box.h, top + 60.0))])
    _set_bars(ed, el, sorted(bars), "Add activation")


def remove_activation(ed: Editor, args: Args) -> None:
    """Remove the lifeline's activation bar number ``index``."""
    el = _lifeline(ed, args)
    bars = [[a, b] for a, b in activations(el)]
    i = args.get("index")
    if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(bars):
        raise CommandError("no such activation bar")
    del bars[i]
    _set_bars(ed, el, bars, "Remove activation")


def bar_under(el: Shape, at: Vec) -> int | None:
    """Return the index of the lifeline's activation bar at page point ``at``."""
    y = at.y - el.box.y
    for i, (a, b) in enumerate(activations(el)):
        if a <= y <= b and abs(at.x - el.box.center.x) <= 10:
            return i
    return None


def _item(action: str, caption: str, **args: Any) -> dict[str, Any]:
    return {
        "action": action,
        "label": caption,
        "shortcut": "",
        "enabled": True,
        "args": args,
    }


def _lifeline_items(ed: Editor, el: Shape, at: Vec | None) -> list[dict[str, Any]]:
    """Return the context menu's entries for a lifeline's bars."""
    out: list[dict[str, Any]] = [{"separator": True}]
    where = {"y": at.y} if at is not None else {}
    out.append(_item("add-activation", "Add activation bar", id=el.id, **where))
    bar = bar_under(el, at) if at is not None else None
    if bar is not None:
        out.append(
            _item("remove-activation", "Remove activation bar", id=el.id, index=bar)
        )
    return out


ACTIONS: Final[dict[str, Callable[[Editor, Args], None]]] = {
    "add-row": add_row,
    "remove-row": remove_row,
    "set-relation": set_relation,
    "add-activation": add_activation,
    "remove-activation": remove_activation,
}


def enabled(ed: Editor) -> dict[str, bool]:
    """Return whether the row actions can run on the selection."""
    sel = ed.session.selection
    found = rowed(ed, sel[0]) if len(sel) == 1 else None
    return {
        "add-row": found is not None,
        "remove-row": found is not None and bool(R.rows_of(found[0])),
    }


def menu_items(ed: Editor, at: Vec | None) -> list[dict[str, Any]]:
    """Return the context menu's entries for one selected class, table or lifeline."""
    sel = ed.session.selection
    one = ed.document.get(sel[0]) if len(sel) == 1 else None
    if isinstance(one, Shape) and one.kind == "uml-lifeline":
        return [] if is_locked(ed.document, one) else _lifeline_items(ed, one, at)
    found = rowed(ed, sel[0]) if len(sel) == 1 else None
    if found is None:
        return []
    shape, _ = found
    out: list[dict[str, Any]] = [{"separator": True}]
    if shape.kind == "uml-class":
        out.append(_item("add-row", "Add attribute", id=shape.id, compartment=0))
        out.append(_item("add-row", "Add operation", id=shape.id, compartment=1))
    else:
        out.append(_item("add-row", "Add row", id=shape.id))
    row = row_under(ed, shape, at) if at is not None else None
    if row is not None:
        out.append(_item("edit-text", "Edit row", id=shape.id, label=row + 1))
        out.append(_item("remove-row", "Remove row", id=shape.id, row=row))
    return out


def edit_row(
    shape: Shape, kind: CompartmentKind, label: int
) -> tuple[Box, str, Style] | None:
    """Return the box, text and style of row ``label - 1`` for the in-place editor."""
    boxes = kind.row_boxes(shape)
    texts = R.rows_of(shape)
    i = label - 1
    if not 0 <= i < min(len(boxes), len(texts)):
        return None
    st = row_style(shape.style)
    return (
        boxes[i],
        texts[i],
        replace(st, text_padding_top=2.0, text_padding_bottom=2.0),
    )
