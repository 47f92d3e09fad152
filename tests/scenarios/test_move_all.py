"""Select all and move (#12 must-show 4, DESIGN §10's drag budgets): what the
release leaves behind.

The release commits real geometry in one undo step; connectors whose two ends
moved alike keep their routes, translated (linework.routing.route), and once
the page has caught up on ``idle`` the canvas is byte for byte what opening
the moved document afresh paints, routes searched again from nothing.
"""

from __future__ import annotations

import json

from linework.editor import describe
from linework.geometry import Box
from linework.model import Connector, Shape
from linework.render import Renderer
from linework.routing import forget_routes, route

from .driver import TestEditor
from .test_manipulation import many_shapes


def fresh_page(t: TestEditor) -> list[tuple[str, str]]:
    """Return the page as a newly opened document paints it (no memoized route)."""
    forget_routes()
    return [tuple(x) for x in Renderer().page_fragments(t.doc, t.editor.page_id)]  # type: ignore[misc]


def test_moving_everything_paints_what_a_fresh_open_paints() -> None:
    """A fractional move (no snapping): translated routes, same bytes."""
    t = many_shapes()
    t.action("set-snap", snap=False)
    t.key_down("a", ctrl=True)
    steps_before = len(t.editor.history._undo)

    t.drag((100, 100), (137.37, 121.81))
    t.flush()

    moved = t.shape("shape:1").box
    assert abs(moved.x - (40 + 37.37)) < 1e-9
    assert abs(moved.y - (70 + 21.81)) < 1e-9
    assert not t.dom.offsets
    assert fresh_page(t) == t.dom.items
    assert steps_before + 1 == len(t.editor.history._undo)


def test_one_undo_puts_everything_back() -> None:
    """The whole move, preview and release, is one undo step."""
    t = many_shapes()
    t.key_down("a", ctrl=True)
    before = t.encoded()
    t.drag((100, 100), (140, 130), steps=8)
    t.flush()

    t.key_down("z", ctrl=True)
    t.flush()

    assert before == t.encoded()
    assert fresh_page(t) == t.dom.items
    t.key_down("y", ctrl=True)
    t.flush()
    assert Box(80, 100, 120, 60) == t.shape("shape:1").box


def test_moving_part_of_a_page_reroutes_what_runs_into_what_stayed() -> None:
    """Two joined shapes moved onto a row of shapes left behind: their
    connector goes round the shape now between them, as a fresh open does."""
    t = many_shapes(40)  # two rows of 20, 150 apart, 100 between rows
    t.action("set-snap", snap=False)
    # shape:1 and shape:3 are not joined; join them across shape:2.
    t.action("connect", source={"shape": "shape:1"}, target={"shape": "shape:3"})
    joined = t.selection[0]
    t.click(100, 100)
    t.click(400, 100, shift=True)
    assert ["shape:1", "shape:3"] == t.selection

    # Down one row: shape:21 now lies between them.
    t.drag((100, 100), (100, 200))
    t.flush()

    c = t.connector(joined)
    between = t.shape("shape:22").box
    pts = route(t.doc, c).points
    assert len(pts) > 2  # a detour, not the straight run it had before
    assert all(
        not (between.x < p.x < between.right and between.y < p.y < between.bottom)
        for p in pts
    )
    assert fresh_page(t) == t.dom.items


def test_the_status_line_counts_stay_true_through_a_move_and_a_delete() -> None:
    """The element count carried across patches changes when elements go."""
    t = many_shapes(30)
    t.key_down("a", ctrl=True)
    t.drag((100, 100), (120, 110))
    assert "59 elements" in t.ui["status"]
    t.click(5, 5)
    t.click(100 + 20, 100 + 10)
    t.key_down("Delete")
    doc = t.doc
    n = sum(1 for r in doc.records.values() if isinstance(r, Shape | Connector))
    assert n < 59
    assert describe.status_text(doc, t.editor.page_id, ()).startswith("Page 1")
    assert f"{n} elements" in t.ui["status"]


def test_a_release_where_the_preview_left_the_nodes_resends_no_ids() -> None:
    """The preview already shows every node at the release's offset: the
    release's reply lists no translate op (at 5,000 elements that was 160 kB
    of ids), and the page still catches up to a fresh render."""
    t = many_shapes()
    t.action("set-snap", snap=False)
    t.key_down("a", ctrl=True)
    t.drag((100, 100), (130, 120), release=False)
    assert {"translate"} == {op["op"] for op in t.ops}

    t.pointer_up(130, 120)

    assert [] == [op for op in t.ops if op["op"] == "translate"]
    assert len(json.dumps(t.response)) < 20_000
    assert 519 == t.editor.painter.pending
    assert all(d == (30, 20) for d in t.dom.offsets.values())
    t.flush()
    assert not t.dom.offsets
    assert fresh_page(t) == t.dom.items


def test_nodes_repainted_during_a_preview_are_shifted_again_on_release() -> None:
    """A second large drag started before the first caught up: idle repaints
    some nodes mid-drag (unshifted), so the release translates again."""
    t = many_shapes()
    t.action("set-snap", snap=False)
    t.key_down("a", ctrl=True)
    t.drag((100, 100), (130, 120))
    assert t.editor.painter.pending > 0
    t.drag((130, 120), (150, 140), release=False)
    t.send({"type": "idle"})  # the page's idle work, between two moves

    t.pointer_up(150, 140)

    assert {"translate"} <= {op["op"] for op in t.ops}
    t.flush()
    assert not t.dom.offsets
    assert fresh_page(t) == t.dom.items
    assert Box(90, 110, 120, 60) == t.shape("shape:1").box
