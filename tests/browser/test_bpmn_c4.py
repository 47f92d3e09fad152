"""BPMN and C4 in the palette, by real mouse and keyboard: searching finds the
shape, a click (or Enter) adds it, the pool arrives with its lanes in one undo
step, a C4 boundary carries what is dropped into it, and the BPMN and C4
templates open with their elements. Assertions read the saved document.
"""

from __future__ import annotations

from typing import Any

import editor_helpers
import pytest
from editor_helpers import (
    PALETTE_SEARCH,
    PRIMARY,
    centre_of,
    clean_palette_test,
    drag,
    elements,
    screen,
    settle,
)
from editor_helpers import search_palette as type_search
from lw_helpers import App

editor_app = editor_helpers.editor_app  # the module's app (fixture)

SEARCH = PALETTE_SEARCH
SHOWN = "[data-role=palette] .palette-sections button.shape"


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    """Each test starts from an empty document and must log no error."""
    with clean_palette_test(editor_app):
        yield


@pytest.mark.parametrize(
    ("words", "shape", "kinds"),
    [
        ("start event", "bpmn-start-event", ["bpmn-start-event"]),
        ("gateway", "bpmn-gateway-exclusive", ["bpmn-gateway-exclusive"]),
        ("pool", "bpmn-pool", ["swimlane", "swimlane", "swimlane"]),
        ("lane", "bpmn-lane", ["swimlane"]),
        ("person", "c4-person", ["c4-person"]),
        ("container", "c4-container", ["c4-container"]),
    ],
)
def test_search_finds_the_shape_and_a_click_adds_it(
    editor_app: App, words: str, shape: str, kinds: list[str]
) -> None:
    app = editor_app
    shown = type_search(app, words)
    assert shape in shown
    app.page.click(f'{SHOWN}[data-shape="{shape}"]')
    settle(app)
    assert kinds == [e["kind"] for e in elements(app)]
    # One undo step takes the whole entry away (a pool with its lanes too).
    app.page.keyboard.press(f"{PRIMARY}+z")
    assert [] == elements(app)


def test_enter_on_a_found_entry_adds_it_by_keyboard(editor_app: App) -> None:
    app = editor_app
    type_search(app, "timer start")
    app.page.keyboard.press("ArrowDown")  # from the search box into the grid
    focused = app.page.evaluate("() => document.activeElement.dataset.shape")
    assert focused == "bpmn-start-timer"
    app.page.keyboard.press("Enter")
    settle(app)
    (added,) = elements(app)
    assert added["kind"] == "bpmn-start-timer"
    # Events carry their label below the circle, as in draw.io.
    assert added["style"]["label_position"] == "bottom"


def test_pool_comes_with_two_lanes_that_belong_to_it(editor_app: App) -> None:
    app = editor_app
    type_search(app, "pool")
    app.page.click(f'{SHOWN}[data-shape="bpmn-pool"]')
    settle(app)
    els = elements(app)
    pool = next(e for e in els if "container" not in e)
    lanes = [e for e in els if e.get("container") == pool["id"]]
    assert ["Lane 1", "Lane 2"] == [e["text"] for e in lanes]
    assert all(e["props"]["header_side"] == "left" for e in els)
    # The lanes fill the pool beside its title band, one under the other.
    pb = pool["box"]
    top, bottom = (e["box"] for e in lanes)
    assert top["y"] == pb["y"] and bottom["y"] + bottom["h"] == pb["y"] + pb["h"]
    assert top["x"] > pb["x"] and top["x"] + top["w"] == pb["x"] + pb["w"]
    # The lane commands work on it at once: add a lane from the context menu.
    x, y = top["x"] + top["w"] / 2, top["y"] + top["h"] / 2
    app.page.mouse.click(*screen(app, x, y))
    app.page.mouse.click(*screen(app, x, y), button="right")
    app.page.click("[data-role=context-menu] [data-action=add-lane]")
    settle(app)
    lanes = [e for e in elements(app) if e.get("container") == pool["id"]]
    assert 3 == len(lanes)


def test_a_c4_container_dragged_into_a_boundary_joins_it(editor_app: App) -> None:
    app = editor_app
    type_search(app, "boundary")
    boundary = f'{SHOWN}[data-shape="c4-system-boundary"]'
    drag(app, centre_of(app, boundary), screen(app, 400, 300), steps=12)
    settle(app)
    (frame,) = elements(app)
    assert frame["kind"] == "c4-system-boundary" and frame["props"]["container"]
    type_search(app, "container")
    entry = f'{SHOWN}[data-shape="c4-container"]'
    drag(app, centre_of(app, entry), screen(app, 400, 280), steps=12)
    settle(app)
    added = next(e for e in elements(app) if e["kind"] == "c4-container")
    assert added.get("container") == frame["id"]
    assert added["style"]["fill"] == "#438dd5"


@pytest.mark.parametrize(
    ("name", "kinds"),
    [
        ("bpmn-process", {"bpmn-start-message", "bpmn-gateway-exclusive", "swimlane"}),
        ("c4-context", {"c4-person", "c4-software-system", "c4-system-boundary"}),
    ],
)
def test_template_opens_with_its_elements(
    editor_app: App, name: str, kinds: set[str]
) -> None:
    from pathlib import Path

    import linework

    app = editor_app
    path = Path(linework.__file__).parent / "templates" / f"{name}.linework"
    app.open_file(path)
    settle(app)
    els = elements(app)
    assert kinds <= {e.get("kind") for e in els}
    drawn = app.page.eval_on_selector_all(
        "#canvas [data-role=content] > g[data-kind]",
        "gs => gs.map(g => g.dataset.kind)",
    )
    assert kinds <= set(drawn)
    assert len(drawn) == len(els)  # every shape and connector is drawn


def test_connector_preset_from_the_panel_makes_a_message_flow(
    editor_app: App,
) -> None:
    app = editor_app
    a = editor_helpers.add(app, "bpmn-task", 200, 200, "Send order")
    b = editor_helpers.add(app, "bpmn-task", 500, 200, "Receive order")
    editor_helpers.action(app, "connect", source={"shape": a}, target={"shape": b})
    (conn,) = [e for e in elements(app) if e["type"] == "connector"]
    # Select the connector by clicking on its line, then pick the preset.
    editor_helpers.click_page(app, 350, 200)
    settle(app)
    assert editor_helpers.ui(app)["selection"] == [conn["id"]]
    app.page.select_option("select[data-prop=connector_preset]", "bpmn-message-flow")
    settle(app)
    (conn,) = [e for e in elements(app) if e["type"] == "connector"]
    st = conn["style"]
    assert (st["dash"], st["start_arrow"], st["end_arrow"]) == (
        "dashed",
        "circle-hollow",
        "block-hollow",
    )
    app.page.keyboard.press(f"{PRIMARY}+z")
    (conn,) = [e for e in elements(app) if e["type"] == "connector"]
    assert conn.get("style", {}).get("dash", "solid") == "solid"  # default style again
