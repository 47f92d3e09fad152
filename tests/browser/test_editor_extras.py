"""The editor's extras in the browser, by real mouse and keyboard: the context
menu, Alt-drag copies, and connector labels edited and dragged in place.

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

MENU = "[data-role=context-menu][role=menu]"


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    editor_app.page.keyboard.press("Escape")  # closes a menu a failed test left
    with clean_test(editor_app):
        yield


def right_click(app: App, x: float, y: float) -> None:
    """Right-click at a page point and wait for the menu."""
    app.page.mouse.click(*screen(app, x, y), button="right")
    app.page.wait_for_selector(MENU)
    settle(app)


def item(app: App, label: str) -> Any:
    """Return the menu entry with this accessible name."""
    return app.page.locator(MENU).get_by_role("menuitem", name=label, exact=True)


def focused_label(app: App) -> str:
    """Return the accessible name of the focused element."""
    return app.page.evaluate(  # type: ignore[no-any-return]
        "() => document.activeElement?.getAttribute('aria-label') ?? ''"
    )


def connected(
    app: App, *labels: tuple[str, float]
) -> tuple[str, str, str]:  # (shape a, shape b, connector)
    """Two shapes joined by a straight connector with these (text, position) labels."""
    a = add(app, "rectangle", 200, 300)
    b = add(app, "rectangle", 700, 300)
    action(
        app,
        "connect",
        source={"shape": a},
        target={"shape": b},
        routing="straight",
    )
    conn = ui(app)["selection"][0]
    for i, (text, at) in enumerate(labels):
        action(app, "edit-text", id=conn, label=i, position=at)
        action(app, "set-text", id=conn, text=text, label=i)
    action(app, "select-none")
    return a, b, conn


def label_node(conn: str, index: int) -> str:
    """Return the selector of a connector label as drawn."""
    return f'{ELEMENTS}[data-id="{conn}"] g[data-label="{index}"]'


# --------------------------------------------------------------------------- menu
def test_right_click_selects_the_shape_and_keyboard_runs_duplicate(
    editor_app: App,
) -> None:
    """Right-click opens an accessible menu on the shape; arrows and Enter run an entry."""
    app = editor_app
    a = add(app, "rectangle", 300, 250)
    b = add(app, "ellipse", 600, 250)
    assert [b] == ui(app)["selection"]

    right_click(app, 300, 250)

    assert [a] == ui(app)["selection"]
    menu = app.page.locator(MENU)
    assert "selection" == menu.get_attribute("data-target")
    names = menu.get_by_role("menuitem").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    for name in (
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
    ):
        assert name in names
    assert "true" == item(app, "Group").get_attribute("aria-disabled")
    assert "true" == item(app, "Ungroup").get_attribute("aria-disabled")
    assert item(app, "Duplicate").get_attribute("aria-disabled") is None
    assert "Cut" == focused_label(app)

    for _ in range(8):
        if focused_label(app) == "Duplicate":
            break
        app.page.keyboard.press("ArrowDown")
    assert "Duplicate" == focused_label(app)
    app.page.keyboard.press("Enter")
    settle(app)

    assert 0 == app.page.locator(MENU).count()
    rects = [e for e in elements(app) if e["kind"] == "rectangle"]
    assert 2 == len(rects)
    boxes = sorted((r["box"]["x"], r["box"]["y"]) for r in rects)
    assert (boxes[1][0] - boxes[0][0], boxes[1][1] - boxes[0][1]) == (20, 20)
    assert 3 == len(dom_ids(app))


def test_menu_closes_on_escape_click_outside_and_wheel(editor_app: App) -> None:
    """Escape, a click elsewhere and scrolling close the menu without running anything."""
    app = editor_app
    add(app, "rectangle", 300, 250)
    before = document(app)

    right_click(app, 300, 250)
    app.page.keyboard.press("Escape")
    assert 0 == app.page.locator(MENU).count()
    assert "canvas" == app.page.evaluate("() => document.activeElement.id")

    right_click(app, 300, 250)
    click_page(app, 600, 600)
    assert 0 == app.page.locator(MENU).count()

    right_click(app, 300, 250)
    app.page.mouse.move(*screen(app, 600, 600))
    app.page.mouse.wheel(0, 120)
    app.page.wait_for_selector(MENU, state="detached")
    assert before["pages"][0]["elements"] == document(app)["pages"][0]["elements"]


def test_menu_entries_front_back_lock_style_delete(editor_app: App) -> None:
    """Clicking entries reorders, copies and pastes style, locks and deletes."""
    app = editor_app
    a = add(app, "rectangle", 300, 250)
    b = add(app, "rectangle", 360, 280)
    action(app, "set-style", fields={"fill": "#ff0000"})

    right_click(app, 250, 230)  # on a only
    item(app, "Bring to front").click()
    settle(app)
    assert [b, a] == dom_ids(app)
    right_click(app, 250, 230)
    item(app, "Send to back").click()
    settle(app)
    assert [a, b] == dom_ids(app)

    right_click(app, 400, 300)  # on b only
    item(app, "Copy style").click()
    right_click(app, 250, 230)
    item(app, "Paste style").click()
    assert "#ff0000" == by_id(app)[a]["style"]["fill"]

    right_click(app, 250, 230)
    item(app, "Lock").click()
    settle(app)
    assert [] == ui(app)["selection"]
    right_click(app, 250, 230)  # a locked shape is not picked: the canvas menu
    assert "canvas" == app.page.get_attribute(MENU, "data-target")
    item(app, "Unlock all").click()
    settle(app)
    assert [a] == ui(app)["selection"]

    right_click(app, 400, 300)
    item(app, "Delete").click()
    settle(app)
    assert [a] == [e["id"] for e in elements(app)]


def test_empty_canvas_menu_adds_text_and_pastes_at_the_pointer(
    editor_app: App,
) -> None:
    """Add text here edits a new text there; Paste puts the clipboard there."""
    app = editor_app
    right_click(app, 400, 500)
    assert "canvas" == app.page.get_attribute(MENU, "data-target")
    item(app, "Add text here").click()
    app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    app.page.keyboard.type("Here")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    (text,) = elements(app)
    assert "Here" == text["text"]
    box = text["box"]
    assert (box["x"] + box["w"] / 2, box["y"] + box["h"] / 2) == pytest.approx(
        (400, 500), abs=1
    )

    s = add(app, "hexagon", 200, 200)
    right_click(app, 200, 200)
    item(app, "Copy").click()
    settle(app)
    right_click(app, 700, 300)
    assert [] == ui(app)["selection"]
    item(app, "Paste").click()
    settle(app)
    # The paste waits on the system clipboard: poll the document.
    hexes: list[dict[str, Any]] = []
    for _ in range(50):
        hexes = [e for e in elements(app) if e["kind"] == "hexagon"]
        if len(hexes) == 2:
            break
        app.page.wait_for_timeout(50)
    copy = next(e for e in hexes if e["id"] != s)
    cb = copy["box"]
    assert (cb["x"] + cb["w"] / 2, cb["y"] + cb["h"] / 2) == pytest.approx(
        (700, 300), abs=1
    )


def test_shift_f10_opens_the_menu_at_the_selection(editor_app: App) -> None:
    """Shift+F10 (and the ContextMenu key) open the same menu from the keyboard."""
    app = editor_app
    s = add(app, "rectangle", 300, 250)
    app.page.focus("#canvas")

    app.page.keyboard.press("Shift+F10")
    app.page.wait_for_selector(MENU)
    menu = app.page.locator(MENU).bounding_box()
    cx, cy = screen(app, 300, 250)
    assert menu is not None
    assert (menu["x"], menu["y"]) == pytest.approx((cx, cy), abs=2)
    assert 1 == app.page.locator(MENU).count()  # the key's contextmenu event is folded
    item(app, "Delete").click()
    settle(app)
    assert [] == elements(app)
    assert s not in dom_ids(app)

    add(app, "rectangle", 300, 250)
    app.page.focus("#canvas")
    app.page.keyboard.press("ContextMenu")
    app.page.wait_for_selector(MENU)
    app.page.keyboard.press("Escape")
    assert 0 == app.page.locator(MENU).count()


# --------------------------------------------------------------------------- alt-drag
def test_alt_drag_moves_a_copy_escape_leaves_nothing(editor_app: App) -> None:
    """Alt-drag drops a copy where released; one undo removes it; Escape cancels."""
    app = editor_app
    s = add(app, "rectangle", 300, 250)
    box = by_id(app)[s]["box"]
    drag(app, screen(app, 300, 250), screen(app, 300, 400), hold="Alt")

    els = by_id(app)
    assert 2 == len(els) and box == els[s]["box"]
    (copy,) = [e for rid, e in els.items() if rid != s]
    assert copy["box"]["y"] == pytest.approx(box["y"] + 150, abs=2)
    assert copy["box"]["x"] == pytest.approx(box["x"], abs=2)
    assert [copy["id"]] == ui(app)["selection"]
    assert 2 == len(dom_ids(app))

    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert [s] == [e["id"] for e in elements(app)]
    assert [s] == dom_ids(app)

    app.page.mouse.move(*screen(app, 300, 250))
    app.page.keyboard.down("Alt")
    app.page.mouse.down()
    app.page.mouse.move(*screen(app, 500, 450), steps=6)
    settle(app)
    assert 2 == len(dom_ids(app))
    app.page.keyboard.press("Escape")
    app.page.mouse.up()
    app.page.keyboard.up("Alt")
    settle(app)
    assert [s] == [e["id"] for e in elements(app)]
    assert box == by_id(app)[s]["box"]
    assert [s] == dom_ids(app)


def test_alt_drag_copies_connectors_between_copied_shapes(editor_app: App) -> None:
    """The copy of two connected shapes comes with its connector, attached to them."""
    app = editor_app
    a, b, conn = connected(app)
    action(app, "select", ids=[a, b])

    drag(app, screen(app, 200, 300), screen(app, 200, 500), hold="Alt")

    els = elements(app)
    shapes = [e for e in els if e["type"] == "shape"]
    conns = [e for e in els if e["type"] == "connector"]
    assert 4 == len(shapes) and 2 == len(conns)
    copy = next(c for c in conns if c["id"] != conn)
    new = {e["id"] for e in shapes} - {a, b}
    assert {copy["source"]["shape"], copy["target"]["shape"]} == new
    assert 6 == len(dom_ids(app))


# --------------------------------------------------------------------------- labels
def test_double_click_edits_the_label_clicked(editor_app: App) -> None:
    """Each connector label opens in the in-place editor; the line edits the first."""
    app = editor_app
    _, _, conn = connected(app, ("first", 0.2), ("second", 0.8))

    app.page.mouse.dblclick(*centre_of(app, label_node(conn, 1)))
    area = app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    assert area is not None and "second" == area.input_value()
    app.page.keyboard.type("2nd")
    app.page.keyboard.press(f"{PRIMARY}+Enter")
    settle(app)
    labels = by_id(app)[conn]["labels"]
    assert [("first", 0.2), ("2nd", 0.8)] == [
        (x["text"], x["position"]) for x in labels
    ]
    assert "2nd" in (app.page.text_content(label_node(conn, 1)) or "")

    app.page.mouse.dblclick(*centre_of(app, label_node(conn, 0)))
    area = app.page.wait_for_selector("[data-role=text-editor]:not([hidden])")
    assert area is not None and "first" == area.input_value()
    app.page.keyboard.type("1st")
    click_page(app, 450, 700)  # a click elsewhere commits
    labels = by_id(app)[conn]["labels"]
    assert ["1st", "2nd"] == [x["text"] for x in labels]


def test_drag_a_selected_connectors_label_along_the_path(editor_app: App) -> None:
    """Dragging the label of the selected connector changes its position; undo, Escape."""
    app = editor_app
    _, _, conn = connected(app, ("move me", 0.5))
    route = by_id(app)[conn]
    assert route["labels"][0]["position"] == 0.5
    click_page(app, 620, 300)  # select the connector on its line
    assert [conn] == ui(app)["selection"]
    app.page.wait_for_selector(
        "[data-role=overlay] [data-role=label]", state="attached"
    )

    start = centre_of(app, label_node(conn, 0))
    # The line runs from x=260 to x=640 at y=300; 0.5 is x=450. Aim at x=355.
    end = screen(app, 355, 330)
    drag(app, start, (end[0], end[1]))

    c = by_id(app)[conn]
    assert c["labels"][0]["position"] == pytest.approx(0.25, abs=0.03)
    assert "waypoints" not in c
    node = app.page.locator(label_node(conn, 0)).bounding_box()
    assert node is not None
    assert node["x"] + node["width"] / 2 == pytest.approx(end[0], abs=8)

    app.page.keyboard.press(f"{PRIMARY}+z")
    settle(app)
    assert 0.5 == by_id(app)[conn]["labels"][0]["position"]

    app.page.mouse.move(*centre_of(app, label_node(conn, 0)))
    app.page.mouse.down()
    app.page.mouse.move(*screen(app, 600, 300), steps=6)
    settle(app)
    app.page.keyboard.press("Escape")
    app.page.mouse.up()
    settle(app)
    assert 0.5 == by_id(app)[conn]["labels"][0]["position"]
    assert ui(app)["can_redo"]  # Escape left the redo of the undone drag alone
