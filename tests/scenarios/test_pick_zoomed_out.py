"""Scenarios: zoomed out, a click inside a small shape picks the shape.

The pick tolerance is screen pixels, so at 10 % it is 60 page units: more than
half of a 120-wide shape. A connector leaving the shape lay within it from the
shape's middle, and being painted above the shape it won: a click (or a drag)
on a shape picked its connector. Now a connector reached only by the
tolerance yields to a shape the pointer is inside; on its own line, or
between shapes, it is still picked, at any zoom.
"""

from __future__ import annotations

from linework.model import Connector
from scenarios.driver import TestEditor


def _two_connected_shapes() -> tuple[TestEditor, str]:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # 140..260 x 170..230
    t.drop_shape("rectangle", 500, 200)  # 440..560 x 170..230
    t.key_down("Escape")
    t.drag((260, 200), (500, 200))  # from the first's east port to the second
    conns = [r for r in t.doc.records.values() if isinstance(r, Connector)]
    assert 1 == len(conns)
    t.key_down("Escape")
    return t, conns[0].id


def test_zoomed_out_a_click_inside_a_shape_near_its_connector_picks_the_shape() -> None:
    t, _ = _two_connected_shapes()
    t.zoom = 0.1
    t.click(215, 200)  # 45 units from where the connector leaves: within 60
    assert ["shape:1"] == t.selection
    t.key_down("Escape")
    t.drag((215, 200), (215, 500))
    assert 470.0 == t.shape("shape:1").box.y


def test_zoomed_out_the_connector_is_still_picked_on_its_line() -> None:
    t, cid = _two_connected_shapes()
    t.zoom = 0.1
    t.click(350, 200)  # between the shapes, on the line
    assert [cid] == t.selection
    t.key_down("Escape")
    t.click(350, 240)  # off the line by 40 units: the tolerance reaches it
    assert [cid] == t.selection


def test_at_full_zoom_a_click_on_the_connector_over_a_shape_edge_picks_it() -> None:
    t, cid = _two_connected_shapes()
    t.click(350, 203)
    assert [cid] == t.selection
    t.key_down("Escape")
    t.click(200, 200)
    assert ["shape:1"] == t.selection


def test_zoomed_out_a_shape_nearby_but_not_under_the_pointer_changes_nothing() -> None:
    """A grid: the row below is within the tolerance too, and painted above;
    the click still picks the shape it is inside."""
    t, _ = _two_connected_shapes()
    t.drop_shape("rectangle", 200, 290)  # 260..320: 55 units below the click
    t.key_down("Escape")
    below = t.selection or [r for r in t.doc.records if r.startswith("shape:")][-1]
    t.zoom = 0.1
    t.click(215, 205)
    assert ["shape:1"] == t.selection
    assert below != t.selection
