"""The viewer in the browser: open, render byte-identical to native, zoom, pan, P1.

One app boot serves the whole module; tests run in file order and the last one
checks storage and requests after everything the others did.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from lw_helpers import ELEMENTS, App, document, tree, write_document

from linework import files
from linework.render import SVG_DEFS, page_fragments

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.linework"))


@pytest.fixture(autouse=True)
def _clean_console(app: App) -> Any:
    """Each test starts with the dialog closed and must log no error or violation."""
    app.dismiss_dialog()
    seen = len(app.console)
    yield
    assert [] == App.problems_of(app.console[seen:])


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A two-page document with text that looks like markup."""
    return write_document(tmp_path / "sample.linework", document(pages=2))


def assert_same_as_native(app: App, path: Path) -> None:
    """The worker's fragments equal native rendering byte for byte, and the DOM shows them."""
    doc = files.open_document(path.read_bytes()).doc
    page_id = app.send({"type": "test.render"})["page"]["id"]
    native = [[eid, svg] for eid, svg in page_fragments(doc, page_id)]

    reply = app.send({"type": "test.render"})
    dom = app.dom_fragments()

    assert reply["ok"] is True
    assert native == reply["elements"]
    assert SVG_DEFS == reply["defs"]
    assert [eid for eid, _ in native] == [eid for eid, _ in dom]
    for (_, want), (_, got) in zip(native, dom, strict=True):
        assert tree(want) == tree(got)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_renders_as_native(app: App, example: Path) -> None:
    """Each example opened through the file input paints exactly the native SVG (P7)."""
    app.open_file(example)

    assert_same_as_native(app, example)
    assert app.page.locator(ELEMENTS).count() > 0


def test_sample_renders_as_native_with_kinds(app: App, sample: Path) -> None:
    """Shapes and connectors appear as g[data-id][data-kind], identical to native."""
    app.open_file(sample)

    assert_same_as_native(app, sample)
    kinds = app.page.eval_on_selector_all(
        ELEMENTS, "els => els.map(e => e.dataset.kind)"
    )
    assert "connector" in kinds
    assert "sample" == app.page.text_content("[data-role=title]")


def test_markup_in_text_stays_text(app: App, tmp_path: Path) -> None:
    """Text that looks like HTML or script is shown as text and never runs."""
    hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=1">'
    path = write_document(tmp_path / "hostile.linework", document(text=hostile))
    app.open_file(path)

    assert app.page.evaluate("() => window.pwned") is None
    assert (
        0
        == app.page.locator(
            "#canvas script, #canvas img, #canvas foreignObject"
        ).count()
    )
    shown = "".join(app.page.text_content("#canvas").split())
    assert "".join(hostile.split()) in shown  # wrapped into lines, but all there


def test_drop_a_file_on_the_window_opens_it(app: App) -> None:
    """Dropping a file anywhere on the window opens it like the picker does."""
    text = json.dumps(document(pages=1, text="Dropped"))
    revision = app.revision()
    transfer = app.page.evaluate_handle(
        """(text) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], "dropped.linework", { type: "application/json" }));
          return dt;
        }""",
        text,
    )
    app.page.dispatch_event("main", "dragenter", {"dataTransfer": transfer})
    assert app.page.locator("[data-role=drop-hint]").is_visible()
    app.page.dispatch_event("main", "drop", {"dataTransfer": transfer})
    app.wait_shown(revision)

    assert "dropped" == app.page.text_content("[data-role=title]")
    assert app.page.locator("[data-role=drop-hint]").is_hidden()
    assert "Dropped" in app.page.text_content("#canvas")


def test_pages_show_as_tabs(app: App, sample: Path) -> None:
    """A document with several pages gets one tab per page; a tab switches the page."""
    app.open_file(sample)
    tabs = app.page.locator("[data-role=pages] [role=tab]")

    assert 2 == tabs.count()
    revision = app.revision()
    tabs.nth(1).click()
    app.wait_shown(revision)

    assert "page:2" == app.send({"type": "test.render"})["page"]["id"]
    assert "true" == tabs.nth(1).get_attribute("aria-selected")
    assert_same_as_native(app, sample)


def test_single_page_shows_its_tab(app: App, tmp_path: Path) -> None:
    """One page: one tab (the editor renames and adds pages there); the stage fills the window."""
    app.open_file(write_document(tmp_path / "one.linework", document(pages=1)))

    assert 1 == app.page.locator("[data-role=pages] [role=tab]").count()
    canvas = app.page.locator("#canvas").bounding_box()
    assert canvas is not None and canvas["height"] > 600  # the stage fills the window


def test_bad_file_shows_error_and_keeps_document(
    app: App, sample: Path, tmp_path: Path
) -> None:
    """A file that cannot be read shows a dialog with its code; the drawing stays (P5)."""
    app.open_file(sample)
    before = app.dom_fragments()
    bad = tmp_path / "broken.linework"
    bad.write_text('{"format": "linework", "version": 1, "pages": [')

    app.open_file(bad, expect_error=True)

    assert app.page.text_content("[data-role=error-code]").startswith("LW-E")
    assert before == app.dom_fragments()
    app.page.keyboard.press("Escape")
    assert app.page.locator("[data-role=error-dialog][open]").count() == 0


def canvas_centre(app: App) -> tuple[float, float]:
    box = app.page.locator("#canvas").bounding_box()
    assert box is not None
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_zoom_buttons_step_and_stay_in_range(app: App, sample: Path) -> None:
    """Zoom in/out step through sane levels and stop at 2 % and 800 %."""
    app.open_file(sample)
    start = app.view()["scale"]

    app.page.click("[data-action=zoom-in]")
    assert app.view()["scale"] > start
    for _ in range(30):
        app.page.click("[data-action=zoom-in]")
    assert 8 == app.view()["scale"]
    assert "800%" == app.page.text_content("[data-role=zoom]")
    for _ in range(40):
        app.page.click("[data-action=zoom-out]")
    assert 0.02 == pytest.approx(app.view()["scale"])
    assert "2%" == app.page.text_content("[data-role=zoom]")


def test_ctrl_wheel_zooms_at_the_pointer(app: App, sample: Path) -> None:
    """Ctrl+wheel zooms in around the pointer: the point under it stays put."""
    app.open_file(sample)
    x, y = canvas_centre(app)
    x += 100
    svg_box = app.page.locator("#canvas").bounding_box()
    before = app.view()
    px, py = x - svg_box["x"], y - svg_box["y"]
    world = ((px - before["x"]) / before["scale"], (py - before["y"]) / before["scale"])

    app.page.mouse.move(x, y)
    app.page.keyboard.down("Control")
    app.page.mouse.wheel(0, -240)
    app.page.keyboard.up("Control")
    app.page.wait_for_timeout(100)
    after = app.view()

    assert after["scale"] > before["scale"]
    assert world[0] * after["scale"] + after["x"] == pytest.approx(px, abs=0.5)
    assert world[1] * after["scale"] + after["y"] == pytest.approx(py, abs=0.5)


def test_wheel_and_drags_pan(app: App, sample: Path) -> None:
    """Wheel pans; so do a drag with Space held and a middle-button drag."""
    app.open_file(sample)
    x, y = canvas_centre(app)
    app.page.mouse.move(x, y)

    v0 = app.view()
    app.page.mouse.wheel(0, 120)
    app.page.wait_for_timeout(100)
    v1 = app.view()
    assert v1["y"] == pytest.approx(v0["y"] - 120)
    assert v1["scale"] == v0["scale"]

    app.page.focus("#canvas")
    app.page.keyboard.down(" ")
    app.page.mouse.down()
    app.page.mouse.move(x + 50, y + 30, steps=5)
    app.page.mouse.up()
    app.page.keyboard.up(" ")
    v2 = app.view()
    assert (v2["x"], v2["y"]) == pytest.approx((v1["x"] + 50, v1["y"] + 30))

    app.page.mouse.move(x, y)
    app.page.mouse.down(button="middle")
    app.page.mouse.move(x - 70, y + 10, steps=5)
    app.page.mouse.up(button="middle")
    v3 = app.view()
    assert (v3["x"], v3["y"]) == pytest.approx((v2["x"] - 70, v2["y"] + 10))

    # A plain left drag without Space does not pan the view.
    app.page.mouse.down()
    app.page.mouse.move(x + 40, y + 40, steps=3)
    app.page.mouse.up()
    assert app.view() == v3
    # It edits instead (moves a shape or draws a rubber band): take that back,
    # so the next open finds no unsaved changes to ask about.
    app.page.evaluate("() => linework.editor.settled()")
    app.page.evaluate("() => linework.editor.action('undo')")


def test_fit_puts_the_drawing_in_the_window(app: App, sample: Path) -> None:
    """Fit shows the whole drawing, centred, after zooming and panning away."""
    app.open_file(sample)
    for _ in range(6):
        app.page.click("[data-action=zoom-in]")
    app.page.mouse.move(*canvas_centre(app))
    app.page.mouse.wheel(900, 700)

    app.page.click("[data-action=zoom-fit]")

    svg = app.page.locator("#canvas").bounding_box()
    drawing = app.page.locator("#canvas [data-role=content]").bounding_box()
    assert svg is not None and drawing is not None
    assert drawing["x"] >= svg["x"] - 1
    assert drawing["y"] >= svg["y"] - 1
    assert drawing["x"] + drawing["width"] <= svg["x"] + svg["width"] + 1
    assert drawing["y"] + drawing["height"] <= svg["y"] + svg["height"] + 1


def test_keyboard_zoom(app: App, sample: Path) -> None:
    """Ctrl+= zooms in, Ctrl+- zooms out, Ctrl+0 fits."""
    app.open_file(sample)
    app.page.focus("#canvas")
    start = app.view()["scale"]

    app.page.keyboard.press("Control+=")
    assert app.view()["scale"] > start
    app.page.keyboard.press("Control+-")
    app.page.keyboard.press("Control+-")
    assert app.view()["scale"] < start


def test_nothing_stored_and_only_own_origin_contacted(app: App) -> None:
    """After opening, zooming and panning: every storage API is empty (P1)."""
    stored = app.storage()
    state = app.context.storage_state()
    origin = urlsplit(app.url).netloc
    foreign = [
        u
        for u in app.requests
        if not u.startswith(("data:", "blob:")) and urlsplit(u).netloc != origin
    ]

    assert {
        "localStorage": 0,
        "sessionStorage": 0,
        "cookie": "",
        "indexedDB": [],
        "caches": [],
        "opfs": [],
    } == stored
    assert [] == state["cookies"]
    assert [] == [o for o in state["origins"] if o.get("localStorage")]
    assert [] == foreign
    # The audit sees the worker's requests too, not only the page's.
    assert any(u.endswith("/pyodide.asm.wasm") for u in app.requests)
    # The core: its memory snapshot (issue 13), or its wheel on a plain boot.
    assert any(u.endswith((".whl", ".bin")) for u in app.requests)
