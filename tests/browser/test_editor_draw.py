"""The editor in the browser, by real mouse and keyboard: create, select, move,
resize, rotate, connect, edit text, undo and redo.

Assertions read the resulting document (the ``.linework`` a save writes) and
the SVG ``g[data-id]`` elements, not only the chrome.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    ELEMENTS,
    PRIMARY,
    action,
    add,
    by_id,
    centre_of,
    clean_test,
    click_page,
    document,
    dom_ids,
    drag,
    elements,
    screen,
    settle,
    ui,
)
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_test(editor_app):
        yield


def test_palette_click_and_drag_add_shapes(editor_app: App) -> None:
    """A click adds mid-view; a drag drops at the pointer; both render as g[data-id]."""
    app = editor_app
    app.page.click("[data-shape=rectangle]")
    app.page.keyboard.press("Escape")
    source = centre_of(app, "[data-shape=ellipse]")
    drag(app, source, screen(app, 300, 200), steps=12)

    els = elements(app)
    assert ["rectangle", "ellipse"] == [e["kind"] for e in els]
    box = els[1]["box"]
    assert box["x"] + box["w"] / 2 == pytest.approx(300, abs=10)
    assert box["y"] + box["h"] / 2 == pytest.approx(200, abs=10)
    assert [e["id"] for e in els] == dom_ids(app)
    kinds = app.page.eval_on_selector_all(
        ELEMENTS, "els => els.map(e => e.dataset.kind)"
    )
    assert ["rectangle", "ellipse"] == kinds


def test_palette_search_filters_and_keyboard_adds(editor_app: App) -> None:
    """Search narrows the palette by title and keywords; Enter on an entry adds it."""
    app = editor_app
    # The search is asynchronous (the first one waits for the icon index):
    # wait until it has searched, as a user's eyes would.
    shown = editor_helpers.search_palette(app, "database")
    assert "cylinder" in shown and "rectangle" not in shown
    app.page.focus("[data-shape=cylinder]")
    app.page.keyboard.press("Enter")
    assert "rectangle" in editor_helpers.search_palette(app, "")

    assert ["cylinder"] == [e["kind"] for e in elements(app)]


def test_select_click_shift_band_all_escape(editor_app: App) -> None:
    """Click, Shift-click (add and remove), rubber band, Ctrl+A and Escape."""
    app = editor_app
    a = add(app, "rectangle", 150, 150)
    b = add(app, "rectangle", 350, 150)
    c = add(app, "ellipse", 550, 400)
    action(app, "select-none")

    click_page(app, 150, 150)
    assert [a] == ui(app)["selection"]
    assert 1 == app.page.locator("[data-role=overlay] [data-role=selection]").count()
    app.page.keyboard.down("Shift")
    click_page(app, 350, 150)
    assert [a, b] == ui(app)["selection"]
    click_page(app, 150, 150)
    app.page.keyboard.up("Shift")
    assert [b] == ui(app)["selection"]

    app.page.keyboard.press("Escape")
    settle(app)
    assert [] == ui(app)["selection"]

    drag(app, screen(app, 60, 80), screen(app, 450, 230))
    assert {a, b} == set(ui(app)["selection"])

    app.page.keyboard.press(f"{PRIMARY}+a")
    assert {a, b, c} == set(ui(app)["selection"])


def test_move_by_drag_and_arrow_keys(editor_app: App) -> None:
    """Dragging a shape moves it (snapped to the grid); arrows nudge 1, Shift+arrow 10."""
    app = editor_app
    s = add(app, "rectangle", 200, 200)
    before = by_id(app)[s]["box"]

    drag(app, screen(app, 200, 200), screen(app, 300, 250))
    box = by_id(app)[s]["box"]
    assert (box["x"] - before["x"], box["y"] - before["y"]) == (100, 50)
    assert ui(app)["can_undo"]

    app.page.keyboard.press("ArrowRight")
    app.page.keyboard.press("ArrowDown")
    app.page.keyboard.press("Shift+ArrowLeft")
    moved = by_id(app)[s]["box"]
    assert (moved["x"] - box["x"], moved["y"] - box["y"]) == (-9, 1)


def test_escape_during_drag_cancels_it(editor_app: App) -> None:
    """Escape while dragging puts the shape back and leaves no undo step."""
    app = editor_app
    s = add(app, "rectangle", 200, 200)
    before = by_id(app)[s]["box"]
    steps = len(document(app)["pages"])  # a cheap call that settles first
    assert steps == 1
    app.page.mouse.move(*screen(app, 200, 200))
    app.page.mouse.down()
    app.page.mouse.move(*screen(app, 320, 260), steps=6)
    settle(app)
    app.page.keyboard.press("Escape")
    app.page.mouse.up()
    assert before == by_id(app)[s]["box"]
    app.page.keyboard.press(f"{PRIMARY}+z")
    assert [] == elements(app)  # the one step left was adding the shape


def _handle(app: App, name: str) -> tuple[float, float]:
    return centre_of(app, f"[data-role=overlay] [data-handle={name}]")


def test_resize_with_handles_shift_keeps_ratio(editor_app: App) -> None:
    """The se handle resizes; with Shift the proportions stay."""
    app = editor_app
    s = add(app, "rectangle", 300, 300)
    b0 = by_id(app)[s]["box"]
    assert (b0["w"], b0["h"]) == (120, 60)

    x, y = _handle(app, "se")
    scale = app.view()["scale"]
    drag(app, (x, y), (x + 80 * scale, y + 10 * scale))
    b1 = by_id(app)[s]["box"]
    assert b1["w"] == pytest.approx(200, abs=10)
    assert b1["h"] == pytest.approx(70, abs=10)
    assert (b1["x"], b1["y"]) == (b0["x"], b0["y"])

    x, y = _handle(app, "se")
    drag(app, (x, y), (x + 100 * scale, y + 5 * scale), hold="Shift")
    b2 = by_id(app)[s]["box"]
    assert b2["w"] / b2["h"] == pytest.approx(b1["w"] / b1["h"], rel=0.02)
    assert b2["w"] > b1["w"]


def test_rotate_with_handle_shift_snaps_to_15(editor_app: App) -> None:
    """Dragging the rotate handle turns the shape; with Shift by 15° steps."""
    app = editor_app
    s = add(app, "rectangle", 300, 300)
    x, y = _handle(app, "rotate")
    cx, cy = screen(app, 300, 300)
    drag(app, (x, y), (cx + 90, cy - 60), hold="Shift")

    rot = by_id(app)[s].get("rotation", 0)
    assert rot != 0
    assert rot % 15 == pytest.approx(0, abs=1e-6) or rot % 15 == pytest.approx(15)
    transform = app.page.get_attribute(f'{ELEMENTS}[data-id="{s}"]', "transform")
    assert transform is not None and transform.startswith("rotate(")


def test_connect_from_port_and_connector_follows(editor_app: App) -> None:
    """Drag from a port to another shape: an attached connector; moving a shape re-routes it."""
    app = editor_app
    a = add(app, "rectangle", 150, 200)
    b = add(app, "ellipse", 450, 320)
    action(app, "select-none")

    app.page.mouse.move(*screen(app, 150, 200))
    settle(app)
    port = f"[data-role=overlay] circle[data-port=e][data-shape='{a}']"
    app.page.wait_for_selector(port, state="attached")
    drag(app, centre_of(app, port), screen(app, 450, 320), steps=12)

    conns = [e for e in elements(app) if e["type"] == "connector"]
    assert 1 == len(conns)
    conn = conns[0]
    assert {"shape": a, "port": "e"} == conn["source"]
    assert b == conn["target"]["shape"]
    sel = f'{ELEMENTS}[data-id="{conn["id"]}"][data-kind=connector]'
    path_before = app.page.inner_html(sel)

    action(app, "select-none")
    drag(app, screen(app, 450, 320), screen(app, 450, 500))
    assert by_id(app)[b]["box"]["y"] == pytest.approx(460, abs=1)
    conn_after = by_id(app)[conn["id"]]
    assert (
        conn_after["source"] == conn["source"]
        and conn_after["target"] == conn["target"]
    )
    assert path_before != app.page.inner_html(sel)


def test_label_with_script_stays_text(editor_app: App) -> None:
    """Double-click edits in place; markup typed in a label is text and never runs."""
    app = editor_app
    s = add(app, "rectangle", 300, 250)
    app.page.mouse.dblclick(*screen(app, 300, 250))
    editor = app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    assert editor is not None
    hostile = "<script>alert(1)</script>"
    app.page.keyboard.type("Hi")
    app.page.keyboard.press("Enter")
    app.page.keyboard.type(hostile)
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)

    assert app.page.locator("[data-role=text-editor]").is_hidden()
    assert f"Hi\n{hostile}" == by_id(app)[s]["text"]
    node = f'{ELEMENTS}[data-id="{s}"]'
    assert "Hi" + hostile == app.page.text_content(node)
    assert 0 == app.page.locator("#canvas script").count()
    assert 0 == app.page.evaluate(
        "() => document.querySelectorAll('script:not([src])').length"
    )


def test_double_click_empty_canvas_adds_text_escape_empty_removes(
    editor_app: App,
) -> None:
    """A double-click on empty canvas adds a text; left empty (Escape) it vanishes, no step."""
    app = editor_app
    app.page.mouse.dblclick(*screen(app, 500, 500))
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.press("Escape")
    settle(app)
    assert [] == elements(app)
    assert not ui(app)["can_undo"]

    app.page.mouse.dblclick(*screen(app, 500, 500))
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.type("Note")
    click_page(app, 100, 700)  # click elsewhere commits
    els = elements(app)
    assert [("text", "Note")] == [(e["kind"], e["text"]) for e in els]


def test_undo_everything_then_redo_everything(editor_app: App) -> None:
    """Draw, connect, move, label; undo back to the empty page; redo to the same document."""
    app = editor_app
    empty = document(app)["pages"][0]["elements"]
    app.page.click("[data-shape=rectangle]")
    a = ui(app)["selection"][0]
    drag(app, centre_of(app, "[data-shape=diamond]"), screen(app, 700, 450), steps=10)
    b = ui(app)["selection"][0]
    action(app, "select-none")
    box = by_id(app)[a]["box"]
    acx, acy = box["x"] + box["w"] / 2, box["y"] + box["h"] / 2
    drag(app, screen(app, acx, acy), screen(app, acx - 200, acy - 150))
    app.page.mouse.move(*screen(app, acx - 200, acy - 150))
    settle(app)
    port = f"[data-role=overlay] circle[data-port=s][data-shape='{a}']"
    app.page.wait_for_selector(port, state="attached")
    drag(app, centre_of(app, port), screen(app, 700, 450), steps=12)
    app.page.mouse.dblclick(*screen(app, acx - 200, acy - 150))
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.type("Start")
    app.page.keyboard.press("Escape")
    settle(app)
    final = document(app)
    kinds = sorted(
        e["kind"] if e["type"] == "shape" else "connector"
        for e in final["pages"][0]["elements"]
    )
    assert ["connector", "diamond", "rectangle"] == kinds
    assert b in {e["id"] for e in final["pages"][0]["elements"]}

    app.page.focus("#canvas")
    for _ in range(20):
        if not ui(app)["can_undo"]:
            break
        app.page.keyboard.press(f"{PRIMARY}+z")
    assert empty == document(app)["pages"][0]["elements"]
    assert [] == dom_ids(app)

    for i in range(20):
        if not ui(app)["can_redo"]:
            break
        app.page.keyboard.press(f"{PRIMARY}+Shift+z" if i % 2 else f"{PRIMARY}+y")
    assert final == document(app)
    assert [e["id"] for e in final["pages"][0]["elements"]] == dom_ids(app)
