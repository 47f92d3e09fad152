"""Scenarios: ports are screen-sized, so a shape small on screen offers none.

At 10 % zoom a 120×60 shape is 12×6 pixels; its ports' hit circles (7 px) would
cover it all, and every press on it would draw a connector. Below a size on
screen (``PORTS_MIN_SIDE_PX``, its shorter side) a press moves the shape and
hovering it shows no ports; at 100 % ports work as before.
"""

from __future__ import annotations

from linework.model import Connector
from scenarios.driver import TestEditor


def _one_unselected_shape(zoom: float) -> TestEditor:
    t = TestEditor()
    t.drop_shape("rectangle", 200, 200)  # 140..260 x 170..230
    t.key_down("Escape")
    t.zoom = zoom
    return t


def _connectors(t: TestEditor) -> list[Connector]:
    return [r for r in t.doc.records.values() if isinstance(r, Connector)]


def test_at_low_zoom_dragging_a_shape_moves_it() -> None:
    """At zoom 0.1 a drag from the centre moves the shape and draws no connector."""
    t = _one_unselected_shape(0.1)

    t.pointer_move(200, 200)
    assert "data-port" not in t.overlay
    assert "move" == t.ui["cursor"]
    t.drag((200, 200), (700, 500))

    assert [] == _connectors(t)
    assert (640.0, 470.0) == (t.shape("shape:1").box.x, t.shape("shape:1").box.y)


def test_at_low_zoom_a_press_on_a_port_position_also_moves() -> None:
    """Even pressed right on the east port's place, a tiny shape is moved."""
    t = _one_unselected_shape(0.1)

    t.drag((260, 200), (760, 200))

    assert [] == _connectors(t)
    assert 640.0 == t.shape("shape:1").box.x


def test_at_full_zoom_ports_still_connect_and_the_centre_moves() -> None:
    """At zoom 1 hovering shows ports; a drag from a port draws a connector."""
    t = _one_unselected_shape(1.0)

    t.pointer_move(200, 200)
    assert 'data-port="e"' in t.overlay
    t.drag((260, 200), (500, 200))
    assert 1 == len(_connectors(t))

    t.key_down("Escape")
    t.drag((200, 200), (300, 300))
    assert (240.0, 270.0) == (t.shape("shape:1").box.x, t.shape("shape:1").box.y)
    assert 1 == len(_connectors(t))


def test_a_small_shape_at_full_zoom_still_offers_ports() -> None:
    """A 30 px shape (a flowchart start circle) connects from its ports at 100 %."""
    t = TestEditor()
    t.drop_shape("ellipse", 200, 200)
    t.action("set-box", x=185, y=185, w=30, h=30)
    assert (30.0, 30.0) == (t.shape("shape:1").box.w, t.shape("shape:1").box.h)
    t.key_down("Escape")
    t.zoom = 1.0
    t.pointer_move(200, 186)
    assert "data-port" in t.overlay
