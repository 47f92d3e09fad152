"""Scenarios: arrange, clipboard, format painter, lock, pages and layers, protocol."""

from __future__ import annotations

from typing import Any

from linework.geometry import Box
from linework.model import Attached, Group
from scenarios.driver import TestEditor


def three_shapes() -> TestEditor:
    """Rectangles centred at (200, 200), (500, 260) and (800, 140), none selected."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.drop_shape("rectangle", 500, 260)
    t.drop_shape("rectangle", 800, 140)
    t.key_down("Escape")
    return t


def paint_order(t: TestEditor) -> list[str]:
    """Return the page's element ids bottom to top."""
    return [e.id for e in t.doc.elements(t.editor.page_id)]


def test_group_selects_and_moves_as_one_and_ungroup_restores() -> None:
    """Ctrl+G groups; clicking a member selects the group; Ctrl+Shift+G ungroups."""
    t = three_shapes()
    t.action("select", ids=["shape:1", "shape:2"])

    t.key_down("g", ctrl=True)
    gid = t.selection[0]
    assert isinstance(t.doc.get(gid), Group)
    t.click(50, 600).click(200, 200)
    assert [gid] == t.selection
    t.drag((200, 200), (200, 300))
    assert 270 == t.shape("shape:1").box.y and 330 == t.shape("shape:2").box.y
    assert t.ui["enabled"]["ungroup"]

    t.key_down("g", ctrl=True, shift=True)

    assert gid not in t.doc
    assert ["shape:1", "shape:2"] == sorted(t.selection)
    assert t.shape("shape:1").parent is None


def test_groups_nest_and_alt_click_picks_the_member() -> None:
    """A group can join another group; Alt-click selects a member inside."""
    t = three_shapes()
    t.action("select", ids=["shape:1", "shape:2"]).action("group")
    inner = t.selection[0]
    t.action("select", ids=[inner, "shape:3"]).action("group")
    outer = t.selection[0]

    assert outer == t.doc.typed(inner, Group).parent
    t.click(50, 600).click(200, 200)
    assert [outer] == t.selection
    t.click(50, 600).click(200, 200, alt=True)
    assert ["shape:1"] == t.selection


def test_align_and_distribute() -> None:
    """Align left lines up left edges; distribute gives equal horizontal gaps."""
    t = three_shapes()
    t.action("select", ids=["shape:1", "shape:2", "shape:3"])
    assert t.ui["enabled"]["align-left"] and t.ui["enabled"]["distribute-h"]

    t.action("align-top")
    assert {110.0} == {t.shape(f"shape:{i}").box.y for i in (1, 2, 3)}
    t.action("align-left")
    assert {140.0} == {t.shape(f"shape:{i}").box.x for i in (1, 2, 3)}
    t.key_down("z", ctrl=True)

    t.action("select", ids=["shape:1", "shape:2", "shape:3"])
    t.action("nudge", dx=0, dy=0)
    t.action("distribute-h")
    xs = sorted(
        (t.shape(f"shape:{i}").box.x, t.shape(f"shape:{i}").box.right)
        for i in (1, 2, 3)
    )
    gaps = [xs[i + 1][0] - xs[i][1] for i in range(2)]
    assert gaps[0] == gaps[1]


def test_z_order_front_back_forward_backward() -> None:
    """Ctrl+Shift+] to front, Ctrl+[ one step back, and the toolbar names work."""
    t = three_shapes()
    assert ["shape:1", "shape:2", "shape:3"] == paint_order(t)
    t.action("select", ids=["shape:1"])

    t.key_down("]", code="BracketRight", ctrl=True, shift=True)
    assert ["shape:2", "shape:3", "shape:1"] == paint_order(t)
    t.key_down("[", code="BracketLeft", ctrl=True)
    assert ["shape:2", "shape:1", "shape:3"] == paint_order(t)
    t.action("to-back")
    assert ["shape:1", "shape:2", "shape:3"] == paint_order(t)
    t.action("bring-forward")
    assert ["shape:2", "shape:1", "shape:3"] == paint_order(t)


def test_delete_removes_attached_connectors_and_undo_restores() -> None:
    """Deleting a shape deletes its connectors; one undo brings both back."""
    t = three_shapes()
    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:2"})
    conn = t.selection[0]
    t.action("select", ids=["shape:1"])

    t.key_down("Delete")
    assert "shape:1" not in t.doc and conn not in t.doc
    t.key_down("z", ctrl=True)
    assert "shape:1" in t.doc and conn in t.doc


def test_duplicate_reattaches_connectors_between_copies() -> None:
    """Ctrl+D copies two connected shapes and their connector, joined to the copies."""
    t = three_shapes()
    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:2"})
    t.action("select", ids=["shape:1", "shape:2"])

    t.key_down("d", ctrl=True)

    new = t.selection
    assert 3 == len(new)
    copies = [r for r in new if r.startswith("shape:")]
    conn = t.connector(next(r for r in new if r.startswith("conn:")))
    assert {conn.source.shape, conn.target.shape} == set(copies)  # type: ignore[union-attr]
    assert Box(160, 190, 120, 60) == t.shape(copies[0]).box


def test_copy_paste_between_pages_through_clipboard_text() -> None:
    """Ctrl+C gives .linework text; pasting it on another page adds copies there."""
    t = three_shapes()
    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:2"})
    t.action("select", ids=["shape:1", "shape:2"])

    t.key_down("c", ctrl=True)
    text = t.ui["clipboard"]
    assert '"format":"linework"' in text
    t.action("add-page", name="Second")
    page2 = t.ui["page"]["id"]
    assert "Second" == t.ui["page"]["name"] and [] == t.dom.items
    t.key_down("v", ctrl=True)
    assert {"action": "paste"} == t.ui["request"]
    t.action("paste", data=text)

    here = t.doc.elements(page2)
    assert 3 == len(here)
    assert {e.page for e in here} == {page2}
    boxes = sorted((e.box for e in here if hasattr(e, "box")), key=lambda b: b.x)
    assert [Box(140, 170, 120, 60), Box(440, 230, 120, 60)] == boxes
    t.action("set-page", id=t.ui["pages"][0]["id"])
    assert 4 == len(t.dom.items)


def test_cut_then_paste_on_the_same_page_steps_aside() -> None:
    """Cut removes; paste brings copies back offset so they are visible."""
    t = three_shapes()
    t.action("select", ids=["shape:1"])

    t.key_down("x", ctrl=True)
    assert "shape:1" not in t.doc
    t.action("paste")
    assert Box(160, 190, 120, 60) == t.shape(t.selection[0]).box


def test_paste_of_garbage_reports_and_changes_nothing() -> None:
    """Clipboard text that is not a valid diagram gives an error, no change."""
    t = three_shapes()
    before = t.encoded()

    t.action("paste", data="<svg onload=alert(1)>")

    assert before == t.encoded()
    assert t.ui["error"]["code"].startswith("LW-E01")


def test_copy_style_and_paste_style() -> None:
    """The format painter copies the whole style of one element onto others."""
    t = three_shapes()
    t.action("select", ids=["shape:1"]).action(
        "set-style", fields={"fill": "#ff8800", "bold": True, "stroke_width": 3}
    )
    assert "#ff8800" == t.ui["style"]["fill"]

    t.key_down("c", code="KeyC", ctrl=True, alt=True)
    t.action("select", ids=["shape:2", "shape:3"])
    assert t.ui["style"]["fill"] == "#ffffff"
    t.key_down("v", code="KeyV", ctrl=True, alt=True)

    assert (
        t.shape("shape:1").style == t.shape("shape:2").style == t.shape("shape:3").style
    )


def test_set_style_rejects_bad_values() -> None:
    """A bad colour is refused with an error and nothing changes."""
    t = three_shapes()
    t.action("select", ids=["shape:1"])

    t.action("set-style", fields={"fill": "javascript:alert(1)"})

    assert "LW-E0500" == t.ui["error"]["code"]
    assert "#ffffff" == t.shape("shape:1").style.fill


def test_routing_and_arrowheads_of_connectors() -> None:
    """set-routing and set-arrowheads change the selected connectors."""
    t = three_shapes()
    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:2"})
    conn = t.selection[0]
    assert "orthogonal" == t.ui["props"]["routing"]

    t.action("set-routing", routing="curved").action(
        "set-arrowheads", start="diamond", end="none"
    )

    c = t.connector(conn)
    assert ("curved", "diamond", "none") == (
        c.routing,
        c.style.start_arrow,
        c.style.end_arrow,
    )


def test_locked_shapes_cannot_be_picked_moved_or_deleted() -> None:
    """Locking drops the selection; clicks pass through; unlock with nothing selected."""
    t = three_shapes()
    t.action("select", ids=["shape:1"])

    t.key_down("l", ctrl=True, shift=True)
    assert [] == t.selection
    t.click(200, 200)
    assert [] == t.selection
    t.key_down("a", ctrl=True)
    assert "shape:1" not in t.selection
    t.action("select", ids=["shape:1"]).key_down("Delete").key_down("ArrowLeft")
    assert Box(140, 170, 120, 60) == t.shape("shape:1").box
    assert 'data-handle="se"' not in t.overlay

    t.action("select-none").action("unlock")
    assert ["shape:1"] == t.selection
    t.click(50, 600).click(200, 200)
    assert ["shape:1"] == t.selection


def test_pages_add_rename_move_delete_but_never_the_last() -> None:
    """Pages can be added, renamed, reordered and deleted, except the last one."""
    t = TestEditor()
    first = t.ui["page"]["id"]

    t.action("add-page").action("rename-page", name="Detail")
    second = t.ui["page"]["id"]
    assert ["Page 1", "Detail"] == [p["name"] for p in t.ui["pages"]]
    t.action("move-page", id=second, index=0)
    assert [second, first] == [p["id"] for p in t.ui["pages"]]
    t.action("delete-page", id=second)
    assert [first] == [p["id"] for p in t.ui["pages"]]
    assert first == t.ui["page"]["id"]

    t.action("delete-page", id=first)
    assert "LW-E0500" == t.ui["error"]["code"]
    assert not t.ui["enabled"]["delete-page"]
    t.key_down("z", ctrl=True)
    assert 2 == len(t.ui["pages"])


def test_undoing_the_page_on_screen_shows_another_page() -> None:
    """Undo of "add page" while on it switches back to a page that exists."""
    t = TestEditor()
    t.action("add-page")

    t.key_down("z", ctrl=True)

    assert 1 == len(t.ui["pages"]) and t.ui["page"]["id"] == t.ui["pages"][0]["id"]
    assert "reset" == t.ops[0]["op"]


def test_layers_show_hide_lock_and_move_selection() -> None:
    """A hidden or locked layer's shapes cannot be picked; move-to-layer moves them."""
    t = three_shapes()
    base = t.ui["layer"]
    t.action("add-layer", name="Top")
    top = t.ui["layer"]
    assert ["Layer 1", "Top"] == [la["name"] for la in t.ui["layers"]]
    t.action("select", ids=["shape:1"]).action("move-to-layer", id=top)
    assert top == t.shape("shape:1").layer

    t.action("hide-layer", id=top)
    assert 'display="none"' in t.svg_of("shape:1")
    t.click(200, 200)
    assert [] == t.selection
    t.action("show-layer", id=top).action("lock-layer", id=top)
    t.click(200, 200)
    assert [] == t.selection
    t.action("unlock-layer", id=top).click(200, 200)
    assert ["shape:1"] == t.selection

    t.action("move-layer", id=top, index=0)
    assert [top, base] == [la["id"] for la in t.ui["layers"]]
    assert "shape:1" == paint_order(t)[0]
    t.action("delete-layer", id=top)
    assert "shape:1" not in t.doc


def test_new_shapes_go_to_the_active_layer() -> None:
    """set-active-layer chooses where added shapes go."""
    t = TestEditor()
    base = t.ui["layer"]
    t.action("add-layer")
    t.action("set-active-layer", id=base)

    t.drop_shape("rectangle", 100, 100)

    assert base == t.shape(t.selection[0]).layer


def test_connectors_keep_attached_when_shapes_move_across_layers() -> None:
    """Moving a connected shape to another layer keeps its connector attached."""
    t = three_shapes()
    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:2"})
    conn = t.selection[0]
    t.action("add-layer")
    t.action("select", ids=["shape:1"]).action("move-to-layer", id=t.ui["layer"])

    assert Attached(shape="shape:1") == t.connector(conn).source


def test_unknown_action_and_bad_events_are_reported_not_raised() -> None:
    """The editor answers bad input with ui.error and keeps going."""
    t = three_shapes()

    t.action("explode")
    assert "LW-E0500" == t.ui["error"]["code"]
    t.send({"type": "pointerdown", "x": "a", "y": 1})
    assert "LW-E0001" == t.ui["error"]["code"]
    t.send({"type": "warp"})
    assert "LW-E0001" == t.ui["error"]["code"]
    t.click(200, 200)
    assert ["shape:1"] == t.selection and "error" not in t.ui


def test_browser_actions_come_back_as_requests() -> None:
    """File and zoom actions and shortcuts are handed back to the browser."""
    t = three_shapes()

    t.key_down("s", ctrl=True)
    assert {"action": "save"} == t.ui["request"]
    t.action("export-svg")
    assert {"action": "export-svg"} == t.ui["request"]
    t.key_down("h", ctrl=True, shift=True)
    assert "zoom-fit" == t.ui["request"]["action"]
    b = t.ui["request"]["bounds"]
    assert b["x"] <= 140 and b["x"] + b["w"] >= 860


def test_keyboard_covers_select_all_duplicate_delete_and_tab() -> None:
    """Ctrl+A, Tab and Delete work from the keyboard alone."""
    t = three_shapes()

    t.key_down("a", meta=True)
    assert 3 == len(t.selection)
    t.key_down("Escape")
    assert [] == t.selection
    t.key_down("Tab")
    assert ["shape:1"] == t.selection
    t.key_down("Tab", shift=True)
    assert ["shape:3"] == t.selection
    t.key_down("Backspace")
    assert "shape:3" not in t.doc
    t.key_down("Enter")
    assert t.ui["edit_text"] is None
    t.action("select", ids=["shape:1"]).key_down("F2")
    edit: Any = t.ui["edit_text"]  # read afresh: mypy keeps the `is None` above
    assert "shape:1" == edit["id"]


def test_properties_panel_geometry_and_rotation() -> None:
    """set-box and set-rotation edit one shape from the panel."""
    t = three_shapes()
    t.action("select", ids=["shape:1"])
    assert {"x": 140.0, "y": 170.0, "w": 120.0, "h": 60.0} == t.ui["props"]["box"]

    t.action("set-box", x=100, y=100, w=50, h=40).action("set-rotation", deg=30)

    s = t.shape("shape:1")
    assert (Box(100, 100, 50, 40), 30.0) == (s.box, s.rotation_deg)


def test_question_mark_asks_for_the_help_panel_with_shortcuts() -> None:
    """ "?" requests the help panel and hands over the shortcut list."""
    t = TestEditor()

    t.key_down("?")

    assert "help" == t.ui["request"]["action"]
    assert ["Mod+Z", "Undo"] in t.ui["request"]["shortcuts"]
