"""Scenarios: the context menu, Alt-drag copies, and connector labels edited
and dragged in place, all through the browser's event dicts."""

from __future__ import annotations

from typing import Any

import pytest

from linework.geometry import Vec
from linework.model import Attached, Connector, Group, Shape
from linework.routing import point_at, route
from scenarios.driver import TestEditor


def two_shapes() -> TestEditor:
    """A rectangle centred at (200, 200), an ellipse at (600, 200), none selected."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200).drop_shape("ellipse", 600, 200)
    t.key_down("Escape")
    return t


def connected(*labels: tuple[str, float]) -> tuple[TestEditor, str]:
    """Two shapes joined by a straight connector with these (text, position) labels."""
    t = two_shapes()
    t.action(
        "connect",
        source={"shape": "shape:1"},
        target={"shape": "shape:2"},
        routing="straight",
    )
    conn = t.selection[0]
    for i, (text, at) in enumerate(labels):
        t.action("edit-text", id=conn, label=i, position=at)
        t.action("set-text", id=conn, text=text)
    assert [(x, at) for x, at in labels] == [
        (la.text, la.position) for la in t.connector(conn).labels
    ]
    t.key_down("Escape")
    return t, conn


def along(t: TestEditor, conn: str, at: float) -> tuple[float, float]:
    """Return the page point at fraction ``at`` along the connector's route."""
    p, _ = point_at(route(t.doc, t.connector(conn)), at)
    return p.x, p.y


def menu(t: TestEditor) -> dict[str, Any]:
    """Return the context-menu request of the last response."""
    req = t.ui["request"]
    assert "context-menu" == req["action"]
    return req  # type: ignore[no-any-return]


def items(t: TestEditor) -> dict[str, dict[str, Any]]:
    """Return the last menu's entries by label."""
    return {i["label"]: i for i in menu(t)["items"] if "label" in i}


def choose(t: TestEditor, label: str) -> TestEditor:
    """Run a menu entry the way the browser does: its action with its args."""
    item = items(t)[label]
    assert item["enabled"], label
    return t.action(item["action"], **item["args"])


def shapes(t: TestEditor) -> list[Shape]:
    """Return the page's shapes in paint order."""
    return [e for e in t.doc.elements(t.editor.page_id) if isinstance(e, Shape)]


def connectors(t: TestEditor) -> list[Connector]:
    """Return the page's connectors in paint order."""
    return [e for e in t.doc.elements(t.editor.page_id) if isinstance(e, Connector)]


# --------------------------------------------------------------------------- menu
def test_context_menu_on_unselected_shape_selects_it_and_offers_its_actions() -> None:
    """Right-click on a shape selects it; entries and their states come from Python."""
    t = two_shapes()
    t.action("select", ids=["shape:2"])

    t.action("context-menu", x=200, y=200)

    assert ["shape:1"] == t.selection
    assert (200, 200) == (menu(t)["x"], menu(t)["y"])
    assert "selection" == menu(t)["target"]
    got = items(t)
    expected = [
        "Cut",
        "Copy",
        "Paste",
        "Duplicate",
        "Delete",
        "Bring to front",
        "Send to back",
        "Group",
        "Ungroup",
        "Lock",
        "Copy style",
        "Paste style",
        "Edit label",
    ]
    assert expected == list(got)
    off = {k for k, v in got.items() if not v["enabled"]}
    assert {"Paste", "Group", "Ungroup", "Paste style"} == off
    assert {"action": "edit-text", "args": {"id": "shape:1"}} == {
        k: got["Edit label"][k] for k in ("action", "args")
    }
    assert "Mod+D" == got["Duplicate"]["shortcut"]

    choose(t, "Duplicate")
    assert 3 == len(shapes(t))
    # (150, 180) is on the original only; the copy sits 20 px down-right.
    t.action("context-menu", x=150, y=180)
    assert ["shape:1"] == t.selection
    choose(t, "Copy")
    assert "clipboard" in t.ui
    t.action("context-menu", x=150, y=180)
    assert items(t)["Paste"]["enabled"]
    choose(t, "Edit label")
    assert "shape:1" == t.ui["edit_text"]["id"]


def test_context_menu_keeps_a_multi_selection_and_can_group_it() -> None:
    """Right-click on one of several selected shapes keeps them all; Group groups them."""
    t = two_shapes()
    t.action("select", ids=["shape:1", "shape:2"])

    t.action("context-menu", x=600, y=200)

    assert ["shape:1", "shape:2"] == t.selection
    assert not items(t)["Edit label"]["enabled"]
    choose(t, "Group")
    gid = t.selection[0]
    assert isinstance(t.doc.get(gid), Group)
    t.action("context-menu", x=200, y=200)
    assert [gid] == t.selection
    assert items(t)["Ungroup"]["enabled"] and not items(t)["Group"]["enabled"]
    choose(t, "Ungroup")
    assert gid not in t.doc


def test_context_menu_front_back_lock_style() -> None:
    """Z-order, lock and the format painter entries act on the right-clicked shape."""
    t = two_shapes()
    t.action("select", ids=["shape:2"]).action("set-style", fields={"fill": "#ff0000"})
    t.action("context-menu", x=600, y=200)
    choose(t, "Copy style")
    t.action("context-menu", x=200, y=200)
    choose(t, "Paste style")
    assert "#ff0000" == t.shape("shape:1").style.fill

    t.action("context-menu", x=200, y=200)
    choose(t, "Bring to front")
    assert "shape:1" == shapes(t)[-1].id
    t.action("context-menu", x=200, y=200)
    choose(t, "Send to back")
    assert "shape:1" == shapes(t)[0].id

    t.action("context-menu", x=200, y=200)
    choose(t, "Lock")
    # A locked shape cannot be picked: the canvas menu offers to unlock all.
    t.action("context-menu", x=200, y=200)
    assert "canvas" == menu(t)["target"] and [] == t.selection
    choose(t, "Unlock all")
    assert ["shape:1"] == t.selection
    t.action("context-menu", x=200, y=200)
    choose(t, "Cut")
    assert ["shape:2"] == [s.id for s in shapes(t)]
    t.action("context-menu", x=600, y=200)
    choose(t, "Delete")
    assert [] == shapes(t)


def test_context_menu_on_empty_canvas() -> None:
    """Empty canvas: the selection clears; Paste, Select all, Add text here,
    New from template…."""
    t = two_shapes()
    t.action("select", ids=["shape:1"])

    t.action("context-menu", x=400, y=500)

    assert [] == t.selection
    assert "canvas" == menu(t)["target"]
    assert ["Paste", "Select all", "Add text here", "New from template…"] == list(
        items(t)
    )
    assert not items(t)["Paste"]["enabled"]

    choose(t, "Select all")
    assert ["shape:1", "shape:2"] == t.selection
    t.key_down("c", ctrl=True)
    t.action("context-menu", x=400, y=500)
    choose(t, "Paste")
    # The browser reads the system clipboard, then pastes centred there.
    assert {"action": "paste", "x": 400, "y": 500} == t.ui["request"]
    t.action("paste", x=400, y=500)
    assert 4 == len(shapes(t))

    t.action("context-menu", x=300, y=700)
    choose(t, "Add text here")
    edit = t.ui["edit_text"]
    assert edit["created"]
    t.action("set-text", id=edit["id"], text="Here")
    text = t.shape(edit["id"])
    assert "Here" == text.text and text.box.center == Vec(300, 700)
    t.key_down("z", ctrl=True)
    assert edit["id"] not in t.doc


def test_context_menu_add_text_here_left_empty_leaves_nothing() -> None:
    """Add text here that gets no words vanishes and leaves no undo step."""
    t = TestEditor()
    t.action("context-menu", x=300, y=300)
    choose(t, "Add text here")
    t.action("set-text", id=t.ui["edit_text"]["id"], text="")
    assert [] == shapes(t) and not t.ui["can_undo"]


def test_context_menu_from_the_keyboard() -> None:
    """Shift+F10 and the ContextMenu key open the menu at the selection (or pointer)."""
    t = two_shapes()
    t.action("select", ids=["shape:2"])

    t.key_down("F10", "F10", shift=True)
    assert (600, 200) == (menu(t)["x"], menu(t)["y"])
    assert ["shape:2"] == t.selection and "selection" == menu(t)["target"]

    t.key_down("Escape").pointer_move(350, 450)
    t.key_down("ContextMenu", "ContextMenu")
    assert (350, 450) == (menu(t)["x"], menu(t)["y"])
    assert "canvas" == menu(t)["target"]


def test_context_menu_on_a_connector_edits_the_clicked_label_or_adds_one() -> None:
    """On a label: Edit label edits that one; on the line: Add label here adds one there."""
    t, conn = connected(("a", 0.25), ("b", 0.75))

    t.action("context-menu", x=along(t, conn, 0.75)[0], y=200)
    assert [conn] == t.selection
    assert {"id": conn, "label": 1} == items(t)["Edit label"]["args"]
    assert "Add label here" not in items(t)
    choose(t, "Edit label")
    assert (1, "b") == (t.ui["edit_text"]["label"], t.ui["edit_text"]["text"])
    t.action("set-text", id=conn, text="B")
    assert ["a", "B"] == [la.text for la in t.connector(conn).labels]

    x, y = along(t, conn, 0.5)
    t.action("context-menu", x=x, y=y)
    add = items(t)["Add label here"]
    assert add["args"]["label"] == 2
    assert add["args"]["position"] == pytest.approx(0.5, abs=0.01)
    choose(t, "Add label here")
    assert "" == t.ui["edit_text"]["text"]
    t.action("set-text", id=conn, text="mid")
    labels = t.connector(conn).labels
    assert ["a", "B", "mid"] == [la.text for la in labels]
    assert labels[2].position == pytest.approx(0.5, abs=0.01)
    t.key_down("z", ctrl=True)
    assert 2 == len(t.connector(conn).labels)


# --------------------------------------------------------------------------- alt-drag
def test_alt_drag_moves_a_copy_and_one_undo_removes_it() -> None:
    """Alt-drag leaves the shape where it was and drops a copy where released."""
    t = two_shapes()
    steps = len(t.editor.history)

    t.drag((200, 200), (200, 350), alt=True)

    moved = [s for s in shapes(t) if s.id not in ("shape:1", "shape:2")]
    assert 1 == len(moved)
    assert (140, 170) == (t.shape("shape:1").box.x, t.shape("shape:1").box.y)
    assert (140, 320) == (moved[0].box.x, moved[0].box.y)
    assert [moved[0].id] == t.selection
    assert steps + 1 == len(t.editor.history)

    t.key_down("z", ctrl=True)
    assert ["shape:1", "shape:2"] == [s.id for s in shapes(t)]
    assert (140, 170) == (t.shape("shape:1").box.x, t.shape("shape:1").box.y)
    t.key_down("z", ctrl=True, shift=True)
    assert 3 == len(shapes(t))


def test_escape_during_alt_drag_leaves_nothing() -> None:
    """Escape cancels the copying drag: no copy, no step, the selection as before."""
    t = two_shapes()
    t.action("select", ids=["shape:1"])
    before = t.encoded()
    steps = len(t.editor.history)

    t.drag((200, 200), (300, 400), alt=True, release=False)
    assert 3 == len(shapes(t))
    t.key_down("Escape")
    t.pointer_up(300, 400, alt=True)

    assert before == t.encoded()
    assert steps == len(t.editor.history)
    assert ["shape:1"] == t.selection


def test_alt_drag_copies_connectors_between_copied_shapes() -> None:
    """Connectors joining copied shapes are copied too, attached to the copies."""
    t, conn = connected(("label", 0.5))
    t.action("select", ids=["shape:1", "shape:2"])

    t.drag((200, 200), (200, 400), alt=True)

    assert 4 == len(shapes(t)) and 2 == len(connectors(t))
    copy = next(c for c in connectors(t) if c.id != conn)
    new = {s.id for s in shapes(t)} - {"shape:1", "shape:2"}
    assert isinstance(copy.source, Attached) and isinstance(copy.target, Attached)
    assert {copy.source.shape, copy.target.shape} == new
    assert ["label"] == [la.text for la in copy.labels]
    assert t.connector(conn).source == Attached(shape="shape:1")
    t.key_down("z", ctrl=True)
    assert 2 == len(shapes(t)) and [conn] == [c.id for c in connectors(t)]


def test_alt_drag_of_a_selected_group_copies_the_whole_group() -> None:
    """Alt on a member of a selected group copies the group, not just the member."""
    t = two_shapes()
    t.action("select", ids=["shape:1", "shape:2"]).action("group")
    gid = t.selection[0]

    t.drag((200, 200), (200, 400), alt=True)

    groups = [e for e in t.doc.elements(t.editor.page_id) if isinstance(e, Group)]
    assert 2 == len(groups) and 4 == len(shapes(t))
    copy = next(g for g in groups if g.id != gid)
    assert [copy.id] == t.selection
    members = {s.kind: s.box for s in shapes(t) if s.parent == copy.id}
    for kind, box in members.items():
        original = next(s for s in shapes(t) if s.parent == gid and s.kind == kind)
        assert box == original.box.translated(Vec(0, 200))


# --------------------------------------------------------------------------- labels
def test_double_click_edits_the_label_under_the_pointer() -> None:
    """Each label is editable in place; the line away from labels edits the first."""
    t, conn = connected(("first", 0.25), ("second", 0.75))

    t.double_click(*along(t, conn, 0.75))
    edit = t.ui["edit_text"]
    assert (conn, 1, "second") == (edit["id"], edit["label"], edit["text"])
    t.action("set-text", id=conn, text="2nd", label=1)
    assert ["first", "2nd"] == [la.text for la in t.connector(conn).labels]
    assert 0.75 == t.connector(conn).labels[1].position

    t.double_click(*along(t, conn, 0.25))
    assert (0, "first") == (t.ui["edit_text"]["label"], t.ui["edit_text"]["text"])
    t.action("set-text", id=conn, text="1st")
    assert ["1st", "2nd"] == [la.text for la in t.connector(conn).labels]

    t.double_click(*along(t, conn, 0.5))
    assert (0, "1st") == (t.ui["edit_text"]["label"], t.ui["edit_text"]["text"])
    t.key_down("Escape")

    # Emptying the second label removes just it.
    t.double_click(*along(t, conn, 0.75))
    t.action("set-text", id=conn, text="")
    assert ["1st"] == [la.text for la in t.connector(conn).labels]


def test_double_click_on_a_bare_connector_creates_its_first_label() -> None:
    """A connector without labels gets one at the middle."""
    t, conn = connected()

    t.double_click(*along(t, conn, 0.3))
    assert (conn, 0, "") == tuple(t.ui["edit_text"][k] for k in ("id", "label", "text"))
    t.action("set-text", id=conn, text="new")

    labels = t.connector(conn).labels
    assert [("new", 0.5)] == [(la.text, la.position) for la in labels]


def test_dragging_a_selected_connectors_label_slides_it_along_the_path() -> None:
    """Press on the label of the selected connector and drag: its position changes."""
    t, conn = connected(("a", 0.25), ("b", 0.5))
    t.click(*along(t, conn, 0.9))
    assert [conn] == t.selection
    assert 'data-role="label"' in t.overlay
    steps = len(t.editor.history)
    x0, y0 = along(t, conn, 0.5)
    target = along(t, conn, 0.8)

    # The label at 0.5 sits where the virtual bend would: the label wins.
    t.drag((x0, y0), (target[0], target[1] + 15))

    c = t.connector(conn)
    assert c.waypoints == ()
    assert c.labels[1].position == pytest.approx(0.8, abs=0.01)
    assert c.labels[0].position == 0.25
    assert steps + 1 == len(t.editor.history)
    assert "Move label" == t.editor.history.undo_name
    assert [conn] == t.selection
    t.key_down("z", ctrl=True)
    assert 0.5 == t.connector(conn).labels[1].position


def test_escape_during_a_label_drag_puts_it_back() -> None:
    """Escape while sliding a label leaves it where it was and no undo step."""
    t, conn = connected(("a", 0.3))
    t.click(*along(t, conn, 0.9))
    before = t.encoded()
    steps = len(t.editor.history)

    t.drag(along(t, conn, 0.3), along(t, conn, 0.7), release=False)
    assert t.connector(conn).labels[0].position == pytest.approx(0.7, abs=0.01)
    t.key_down("Escape")
    t.pointer_up(*along(t, conn, 0.7))

    assert before == t.encoded()
    assert steps == len(t.editor.history)


def test_pressing_an_unselected_connectors_label_selects_it_without_moving_it() -> None:
    """The first press on a label selects the connector; the label stays put."""
    t, conn = connected(("a", 0.3))
    t.click(100, 600)
    assert [] == t.selection

    t.drag(along(t, conn, 0.3), along(t, conn, 0.6))

    assert [conn] == t.selection
    assert 0.3 == t.connector(conn).labels[0].position
