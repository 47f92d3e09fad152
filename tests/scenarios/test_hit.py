"""Scenarios: what the pointer picks (rotation, connectors, paint order, zoom)."""

from __future__ import annotations

from scenarios.driver import TestEditor


def test_topmost_shape_wins_and_z_order_changes_it() -> None:
    """Where shapes overlap the upper one is picked; after to-back, the other."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200).drop_shape("rectangle", 240, 220)
    t.key_down("Escape")

    t.click(220, 210)
    assert ["shape:2"] == t.selection
    t.action("to-back").click(50, 500).click(220, 210)
    assert ["shape:1"] == t.selection


def test_rotated_shapes_are_hit_by_their_turned_outline() -> None:
    """A point inside the unrotated box but outside the turned shape misses."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # 140..260 x 170..230
    t.action("set-rotation", deg=90)  # now 170..230 x 140..260
    t.key_down("Escape")

    t.click(250, 200)
    assert [] == t.selection
    t.click(200, 250)
    assert ["shape:1"] == t.selection


def test_connectors_are_picked_within_a_tolerance_scaled_by_zoom() -> None:
    """A click a few pixels off a connector's line selects it."""
    t = TestEditor()
    t.action(
        "connect",
        source={"x": 100, "y": 100},
        target={"x": 400, "y": 100},
        routing="straight",
    )
    t.key_down("Escape")

    t.click(250, 104)
    assert 1 == len(t.selection) and t.selection[0].startswith("conn:")
    t.key_down("Escape")
    t.zoom = 4.0
    t.click(250, 104)
    assert [] == t.selection


def test_palette_click_adds_beside_the_selection_or_at_the_page_centre() -> None:
    """add-shape without a position goes to the page centre, then beside the selection."""
    t = TestEditor()

    t.action("add-shape", kind="ellipse")
    first = t.shape(t.selection[0])
    c = first.box.center  # the page centre, with the corner snapped to the grid
    assert abs(c.x - 550) <= 5 and abs(c.y - 425) <= 5
    t.action("add-shape", kind="ellipse")
    second = t.shape(t.selection[0])
    assert second.box.x > first.box.right


def test_in_place_editor_follows_the_shape_rotation() -> None:
    """The edit box is the label box, with the shape's rotation to apply."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.action("set-rotation", deg=30)

    t.key_down("Enter")

    edit = t.ui["edit_text"]
    assert 30 == edit["rotation"]
    assert {"x": 140.0, "y": 170.0, "w": 120.0, "h": 60.0} == edit["box"]
    t.action("end-edit")
    assert t.ui["edit_text"] is None


def test_page_grid_settings_are_an_undo_step() -> None:
    """set-grid changes the page's grid and can be undone."""
    t = TestEditor()

    t.action("set-grid", size=20, visible=False)
    assert {"size": 20.0, "visible": False, "snap": True} == t.ui["page"]["grid"]
    t.key_down("z", ctrl=True)
    assert 10.0 == t.ui["page"]["grid"]["size"]


def test_links_are_set_on_shapes_and_only_safe_ones_render() -> None:
    """A link is stored as typed; a javascript: link never becomes an <a>."""
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)
    t.double_click(200, 200)
    t.action("set-text", id="shape:1", text="site")

    t.action("set-link", url="javascript:alert(1)")
    assert "<a" not in t.svg_of("shape:1")
    t.action("set-link", url="https://example.org/")
    assert 'href="https://example.org/"' in t.svg_of("shape:1")
