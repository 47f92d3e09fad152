"""Rows of classes and tables in the editor: add, edit in place, remove, presets.

Each gesture is one undo step; a double-click on a row edits that row; a row
added grows the box; connectors on rows keep their row when rows move.
"""

from __future__ import annotations

from typing import Any

import pytest

from linework.commands import CommandError
from linework.commands.rows import add_row, remove_row, set_row
from linework.editor import Editor
from linework.model import Attached, Connector, Shape
from linework.shapes import kind_of


def _act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    out = ed.handle({"type": "action", "name": action, "args": args})
    assert "error" not in out.get("ui", {}), out["ui"].get("error")
    return out


def _add(ed: Editor, kind: str, x: float = 300, y: float = 200) -> Shape:
    _act(ed, "add-shape", kind=kind, x=x, y=y)
    return ed.document.typed(ed.session.selection[0], Shape)


def test_a_new_class_has_a_name_an_attribute_and_an_operation() -> None:
    ed = Editor()
    s = _add(ed, "uml-class")

    assert (s.text, s.style.bold) == ("Class", True)
    assert s.props["rows"] == ["+ field: Type", "+ method(): Type"]
    assert s.props["compartments"] == [1, 1]


def test_add_row_grows_the_box_and_is_one_undo_step() -> None:
    ed = Editor()
    s = _add(ed, "uml-class")
    _act(ed, "add-row", compartment=0)
    grown = ed.document.typed(s.id, Shape)

    assert grown.props["rows"] == ["+ field: Type", "+ field: Type", "+ method(): Type"]
    assert grown.props["compartments"] == [2, 1]
    assert grown.box.h > s.box.h
    assert grown.box.h == kind_of("uml-class").needed_height(grown)  # type: ignore[attr-defined]
    # The new row is open in the in-place editor (label = row + 1).
    assert ed.session.editing is not None and ed.session.editing.label == 2
    _act(ed, "end-edit")
    _act(ed, "undo")
    assert ed.document.typed(s.id, Shape) == s


def test_double_click_edits_one_row_and_set_text_changes_only_it() -> None:
    ed = Editor()
    s = _add(ed, "er-entity")
    boxes = kind_of("er-entity").row_boxes(s)  # type: ignore[attr-defined]
    c = boxes[1].center
    out = ed.handle({"type": "dblclick", "x": c.x, "y": c.y})
    edit = out["ui"]["edit_text"]

    assert (edit["label"], edit["text"], edit["single_line"]) == (2, "name: text", True)
    assert edit["box"] == {
        "x": boxes[1].x,
        "y": boxes[1].y,
        "w": boxes[1].w,
        "h": boxes[1].h,
    }
    _act(ed, "set-text", id=s.id, text="title: text", label=2)
    after = ed.document.typed(s.id, Shape)
    assert after.props["rows"] == ["PK id: int", "title: text", "FK other_id: int"]
    assert after.text == s.text
    _act(ed, "undo")
    assert ed.document.typed(s.id, Shape).props["rows"][1] == "name: text"


def test_double_click_on_the_header_edits_the_name() -> None:
    ed = Editor()
    s = _add(ed, "uml-class")
    out = ed.handle({"type": "dblclick", "x": s.box.center.x, "y": s.box.y + 10})

    assert out["ui"]["edit_text"]["label"] == 0
    assert out["ui"]["edit_text"]["text"] == "Class"


def test_context_menu_offers_attribute_operation_and_row_entries() -> None:
    ed = Editor()
    s = _add(ed, "uml-class")
    row = kind_of("uml-class").row_boxes(s)[1].center  # type: ignore[attr-defined]
    out = _act(ed, "context-menu", x=row.x, y=row.y)
    items = [
        (i.get("action"), i.get("label"), i.get("args"))
        for i in out["ui"]["request"]["items"]
    ]

    assert ("add-row", "Add attribute", {"id": s.id, "compartment": 0}) in items
    assert ("add-row", "Add operation", {"id": s.id, "compartment": 1}) in items
    assert ("edit-text", "Edit row", {"id": s.id, "label": 2}) in items
    assert ("remove-row", "Remove row", {"id": s.id, "row": 1}) in items


def test_connectors_on_rows_keep_their_row_when_rows_are_added_and_removed() -> None:
    ed = Editor()
    a = _add(ed, "er-entity", 200, 200)
    b = _add(ed, "er-entity", 600, 200)
    _act(
        ed,
        "connect",
        source={"shape": a.id, "port": "row2-e"},
        target={"shape": b.id, "port": "row1-w"},
    )
    conn = next(c for c in ed.document.records.values() if isinstance(c, Connector))
    doc = ed.document
    doc = doc.apply(
        add_row(doc, a.id, compartment=0, text="x")
    )  # appended: row 2 stays
    assert doc.typed(conn.id, Connector).source == Attached(shape=a.id, port="row2-e")
    doc = doc.apply(remove_row(doc, a.id, 0))  # row 0 gone: row 2 is row 1 now
    assert doc.typed(conn.id, Connector).source == Attached(shape=a.id, port="row1-e")
    doc = doc.apply(remove_row(doc, b.id, 1))  # its own row gone: the end floats
    assert doc.typed(conn.id, Connector).target == Attached(shape=b.id)


def test_rows_commands_refuse_what_has_no_rows() -> None:
    ed = Editor()
    r = _add(ed, "rectangle")
    c = _add(ed, "uml-class", 600, 200)
    with pytest.raises(CommandError):
        add_row(ed.document, r.id)
    with pytest.raises(CommandError):
        set_row(ed.document, c.id, 9, "x")
    with pytest.raises(CommandError):
        add_row(ed.document, c.id, compartment=5)


def test_row_ports_sit_on_the_edges_at_each_rows_middle() -> None:
    ed = Editor()
    s = _add(ed, "er-entity")
    ports = kind_of("er-entity").ports(s)
    boxes = kind_of("er-entity").row_boxes(s)  # type: ignore[attr-defined]

    for i, box in enumerate(boxes):
        assert ports[f"row{i}-w"].x == s.box.x and ports[f"row{i}-e"].x == s.box.right
        assert ports[f"row{i}-w"].y == box.y + box.h / 2


@pytest.mark.parametrize(
    ("name", "start", "end", "dash"),
    [
        ("aggregation", "diamond-hollow", "none", "solid"),
        ("composition", "diamond", "none", "solid"),
        ("generalization", "none", "block-hollow", "solid"),
        ("realization", "none", "block-hollow", "dashed"),
        ("dependency", "none", "open", "dashed"),
        ("association", "none", "none", "solid"),
        ("er-one-to-many", "er-one", "er-one-or-many", "solid"),
    ],
)
def test_set_relation_applies_a_preset_in_one_step(
    name: str, start: str, end: str, dash: str
) -> None:
    ed = Editor()
    a = _add(ed, "uml-class", 200, 200)
    b = _add(ed, "uml-class", 600, 200)
    _act(ed, "connect", source={"shape": a.id}, target={"shape": b.id})
    conn = next(c for c in ed.document.records.values() if isinstance(c, Connector))
    ed.select([conn.id])
    _act(ed, "set-relation", name=name)
    st = ed.document.typed(conn.id, Connector).style

    assert (st.start_arrow, st.end_arrow, st.dash) == (start, end, dash)
    _act(ed, "undo")
    assert ed.document.typed(conn.id, Connector).style == conn.style


@pytest.mark.parametrize("kind", ["uml-package", "uml-boundary", "uml-node"])
def test_packages_boundaries_and_nodes_hold_what_is_dropped_in(kind: str) -> None:
    """A shape added inside one is its member, and moves with it."""
    ed = Editor()
    box = _add(ed, kind, 400, 300)
    _act(ed, "add-shape", kind="rectangle", x=400, y=310, w=40, h=20)
    inner = ed.document.typed(ed.session.selection[0], Shape)

    assert inner.extra.get("container") == box.id
    ed.select([box.id])
    _act(ed, "nudge", dx=10, dy=0)
    assert ed.document.typed(inner.id, Shape).box.x == inner.box.x + 10


def test_a_row_is_one_line() -> None:
    ed = Editor()
    s = _add(ed, "er-entity")
    doc = ed.document.apply(set_row(ed.document, s.id, 0, "PK id\nint"))

    assert doc.typed(s.id, Shape).props["rows"][0] == "PK id int"


def test_lifeline_bars_are_added_and_removed_from_the_menu() -> None:
    """Right-click a lifeline: Add activation bar at that height; on a bar, remove it."""
    ed = Editor()
    life = _add(ed, "uml-lifeline", 300, 300)
    x, y = life.box.center.x, life.box.y + 220
    out = _act(ed, "context-menu", x=x, y=y)
    add = next(
        i for i in out["ui"]["request"]["items"] if i.get("action") == "add-activation"
    )
    _act(ed, add["action"], **add["args"])

    assert ed.document.typed(life.id, Shape).props["activations"] == [
        [70, 170],
        [220, 280],
    ]
    out = _act(ed, "context-menu", x=x, y=life.box.y + 100)
    remove = next(
        i
        for i in out["ui"]["request"]["items"]
        if i.get("action") == "remove-activation"
    )
    assert remove["args"] == {"id": life.id, "index": 0}
    _act(ed, remove["action"], **remove["args"])
    assert ed.document.typed(life.id, Shape).props["activations"] == [[220, 280]]
    _act(ed, "undo")
    _act(ed, "undo")
    assert ed.document.typed(life.id, Shape) == life
