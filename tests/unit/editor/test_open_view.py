"""The view a page opens in: fitted while readable, else 50 % at the top-left."""

from __future__ import annotations

import base64
import json

import pytest

from linework.bridge.api import Api
from linework.editor.open_view import (
    FIT_MARGIN_PX,
    READABLE_SCALE,
    Canvas,
    drawing_bounds,
    fitted,
    opening_view,
)
from linework.geometry import Box, Vec
from linework.model import Attached, Connector, Element, Free, Page, Shape

PAGE = Page(id="p", name="P", z=0, width=1000.0, height=800.0)


def _shape(sid: str, x: float, y: float, text: str = "") -> Shape:
    return Shape(id=sid, page="p", layer="l", z=0, box=Box(x, y, 100, 60), text=text)


def test_a_small_drawing_is_fitted_centred_and_never_above_100_percent() -> None:
    view = opening_view(Box(0, 0, 400, 300), Canvas(1200.0, 900.0))
    assert view.scale == 1.0
    # Centred: the drawing's middle at the canvas's middle.
    assert (200 * view.scale + view.x, 150 * view.scale + view.y) == (600, 450)


def test_a_drawing_that_fits_at_a_readable_zoom_is_fitted() -> None:
    drawing = Box(0, 0, 2000, 1000)
    view = opening_view(drawing, Canvas(1200.0, 900.0))
    assert view.scale == pytest.approx((1200 - 2 * FIT_MARGIN_PX) / 2000)
    assert view.scale >= READABLE_SCALE
    assert view == fitted(drawing, 1200.0, 900.0)


def test_a_drawing_too_big_for_a_readable_zoom_opens_at_50_percent_top_left() -> None:
    drawing = Box(-300, 120, 8040, 7000)
    view = opening_view(drawing, Canvas(1200.0, 900.0))
    assert view.scale == READABLE_SCALE
    # The drawing's top-left corner sits at the margin.
    assert (-300 * view.scale + view.x, 120 * view.scale + view.y) == (24, 24)
    shows = view.shows(1200.0, 900.0)
    assert shows == Box(-300 - 48, 120 - 48, 2400, 1800)


def test_zoom_to_fit_and_the_viewer_still_fit_the_whole_drawing() -> None:
    drawing = Box(0, 0, 8040, 7000)
    whole = opening_view(drawing, Canvas(1200.0, 900.0, whole=True))
    assert whole.scale == pytest.approx((900 - 48) / 7000)
    assert whole == fitted(drawing, 1200.0, 900.0)
    # ... down to 2 % and no further, centred.
    tiny = opening_view(Box(0, 0, 80000, 10), Canvas(1200.0, 900.0, whole=True))
    assert tiny.scale == 0.02 and tiny.x == pytest.approx((1200 - 1600) / 2)
    # A small drawing is not blown up.
    assert opening_view(Box(0, 0, 100, 100), Canvas(1000.0, 900.0, True)).scale == 1


def test_an_empty_or_unmeasured_canvas_opens_at_100_percent() -> None:
    assert opening_view(Box(0, 0, 0, 0), Canvas(800.0, 600.0)).to_json() == {
        "scale": 1.0,
        "x": 24.0,
        "y": 24.0,
    }


def test_the_drawing_is_the_page_grown_to_hold_shapes_labels_and_free_ends() -> None:
    assert drawing_bounds(PAGE, []) == Box(0, 0, 1000, 800)
    inside = [_shape("a", 10, 10)]
    assert drawing_bounds(PAGE, inside) == Box(0, 0, 1000, 800)
    out: list[Element] = [
        _shape("a", -200, 50),
        _shape("b", 950, 900),
        Connector(
            id="c",
            page="p",
            layer="l",
            z=2,
            source=Attached(shape="a"),
            target=Free(point=Vec(1500, -100)),
            waypoints=(Vec(500, -300),),
        ),
    ]
    got = drawing_bounds(PAGE, out)
    assert got.x == -200 and got.bottom == 960
    assert got.y == -300 - 12 and got.right == 1500 + 12


def test_the_open_reply_carries_the_view_and_the_bounds() -> None:
    shapes = [
        {
            "type": "shape",
            "id": f"s{i}",
            "layer": "l1",
            "kind": "rectangle",
            "box": {
                "x": (i % 50) * 160 + 20,
                "y": (i // 50) * 110 + 20,
                "w": 100,
                "h": 60,
            },
        }
        for i in range(500)
    ]
    doc = {
        "format": "linework",
        "version": 1,
        "pages": [
            {
                "id": "p1",
                "name": "Big",
                "width": 8040,
                "height": 1140,
                "layers": [{"id": "l1", "name": "Layer 1"}],
                "elements": shapes,
            }
        ],
        "meta": {},
    }
    api = Api()
    message = {
        "type": "file-open",
        "name": "big.linework",
        "data": base64.b64encode(json.dumps(doc).encode()).decode(),
        "canvas": {"width": 1200, "height": 800},
    }
    reply = json.loads(api.handle(json.dumps(message)))
    info = reply["document"]
    assert info["view"] == {"scale": 0.5, "x": 24.0, "y": 24.0}
    assert info["bounds"] == {"x": 0.0, "y": 0.0, "w": 8040.0, "h": 1140.0}
    # Only what the view shows (x < 2400 px of page at 50 %) is painted now.
    painted = {rid for rid, _ in reply["ops"][0]["elements"]}
    assert "s0" in painted and "s49" not in painted
    assert info["count"] == 500 > len(painted)
    # The viewer asks for the whole drawing: fitted, all of it painted.
    message["canvas"] = {"width": 1200, "height": 800, "fit": True}
    reply = json.loads(api.handle(json.dumps(message)))
    assert reply["document"]["view"]["scale"] == pytest.approx((1200 - 48) / 8040)
    assert len(reply["ops"][0]["elements"]) == 500
    # Without a canvas size the page fits by itself: no view.
    del message["canvas"]
    reply = json.loads(api.handle(json.dumps(message)))
    assert reply["document"]["view"] is None and reply["document"]["bounds"] is None
