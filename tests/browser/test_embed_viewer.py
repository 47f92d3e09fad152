"""Viewer mode (?mode=view) and share links (#d=…), in headless Chromium.

A diagram in the URL fragment is shown without any request carrying it, the
viewer refuses edits (in the page and in the core), and "Share link" in the
editor makes such a link, or says the diagram is too large for one.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from lw_helpers import READY, App, document

from linework.bridge import Api
from linework.editor.actions import REGISTRY

MARKER = "Vw9kMARKER"
ELEMENTS = "#canvas [data-role=content] > g[data-id]"


def fragment_of(doc: dict[str, Any]) -> str:
    api = Api()
    data = json.dumps(doc).encode()
    sniffed = api.dispatch(json.dumps({"type": "embed-sniff", "data": data.decode()}))
    assert api.dispatch(
        json.dumps({"type": "file-open", "name": "x", "data": sniffed["data"]})
    )["ok"]
    reply = api.dispatch(json.dumps({"type": "share-link"}))
    assert reply["ok"], reply
    return str(reply["fragment"])


class Watched(App):
    """An App that also records request bodies (page and worker)."""

    def __init__(self, context: Any, url: str) -> None:
        super().__init__(context, url)
        self.bodies: list[str] = []
        context.on("request", lambda r: self.bodies.append(r.post_data or ""))


@pytest.fixture
def viewer(browser: Any, site: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    yield Watched(context, site.url)
    context.close()


def test_fragment_diagram_shows_without_any_request_carrying_it(
    viewer: Watched,
) -> None:
    fragment = fragment_of(document(pages=2, text=f"{MARKER} text"))
    viewer.goto(f"index.html?mode=view#{fragment}")
    viewer.page.wait_for_selector(READY, state="attached", timeout=90_000)
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=30_000)

    assert 3 == viewer.page.locator(ELEMENTS).count()
    assert f"{MARKER} text 1" in (viewer.page.text_content("#canvas") or "")
    assert "view" == viewer.page.get_attribute("body", "data-mode")
    # Page tabs, and no editing chrome.
    assert viewer.page.locator("[data-role=pages] [role=tab]").count() == 2
    for hidden in (
        "[data-role=palette]",
        "[data-action=save]",
        "[data-action=share-link]",
    ):
        assert not viewer.page.locator(hidden).first.is_visible()
    payload = fragment[2:]
    origin = urlsplit(viewer.url).netloc
    for url in viewer.requests:
        assert payload[:40] not in url and MARKER not in url
        assert url.startswith(("data:", "blob:")) or urlsplit(url).netloc == origin
    for body in viewer.bodies:
        assert payload[:40] not in body and MARKER not in body
    assert [] == viewer.problems()


def test_viewer_refuses_edits(viewer: Watched) -> None:
    viewer.goto(f"index.html?mode=view#{fragment_of(document(text=MARKER))}")
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)

    def text() -> str:
        reply = viewer.send({"type": "embed-export", "format": "linework"})
        return str(reply["data"])

    before = text()
    refused = viewer.send(
        {"type": "editor", "event": {"type": "action", "name": "select-all"}}
    )
    # Real gestures: a drag pans instead of moving, keys do not delete.
    shape = viewer.page.locator(ELEMENTS).first
    box = shape.bounding_box()
    assert box is not None
    view = viewer.view()
    viewer.page.mouse.move(box["x"] + 10, box["y"] + 10)
    viewer.page.mouse.down()
    viewer.page.mouse.move(box["x"] + 90, box["y"] + 60, steps=5)
    viewer.page.mouse.up()
    viewer.page.keyboard.press("Control+a")
    viewer.page.keyboard.press("Delete")
    viewer.page.mouse.dblclick(box["x"] + 10, box["y"] + 10)
    viewer.page.wait_for_timeout(300)

    assert "LW-E0502" == refused["code"]
    assert viewer.view()["x"] != view["x"]
    assert before == text()
    assert not viewer.page.locator("[data-role=error-dialog][open]").count()


def _pressed(keys: str) -> str:
    """A shortcut's ``keys`` as Playwright presses them (Mod is Ctrl here)."""
    return keys.replace("Mod+", "Control+")


# Records the keys the viewer's lock lets through: the lock stops the others
# at the window, in the capture phase, before the document sees them.
_RECORD_KEYS = """() => {
  window.lwPassed = [];
  document.addEventListener("keydown", (e) => window.lwPassed.push(e.key), true);
}"""


def test_viewer_runs_the_keys_of_every_action_it_allows(viewer: Watched) -> None:
    """Every shortcut of a viewer-allowed action reaches the viewer (`?` opens
    the help panel, zoom, fit, pages); other actions' keys stay locked."""
    viewer.goto(f"index.html?mode=view#{fragment_of(document(pages=2, text=MARKER))}")
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)
    viewer.page.evaluate(_RECORD_KEYS)
    viewer.page.focus("#canvas")

    viewer.page.keyboard.press("?")
    panel = viewer.page.wait_for_selector("dialog[data-role=help][open]")
    # It lists what the viewer can do, not the editor's edits.
    shown = panel.text_content() or "" if panel is not None else ""
    assert "Zoom in" in shown and "Next / previous page" in shown
    assert "Undo" not in shown and "Delete" not in shown
    viewer.page.keyboard.press("Escape")
    assert 0 == viewer.page.locator("dialog[data-role=help][open]").count()
    scale = viewer.view()["scale"]
    scale_is = "([op, s]) => op === '>' ? linework.view().scale > s : Math.abs(linework.view().scale - s) < 1e-6"
    viewer.page.keyboard.press("Control+=")
    viewer.page.wait_for_function(scale_is, arg=[">", scale])
    viewer.page.keyboard.press("Control+Shift+H")
    viewer.page.wait_for_function(scale_is, arg=["=", scale])
    tab = "[data-role=pages] [role=tab][aria-selected=true]"
    first = viewer.page.text_content(tab)
    tab_is = "([sel, t]) => document.querySelector(sel)?.textContent === t"
    viewer.page.keyboard.press("Alt+PageDown")
    viewer.page.wait_for_function(
        f"([sel, t]) => !({tab_is})([sel, t])", arg=[tab, first]
    )
    viewer.page.keyboard.press("Alt+PageUp")
    viewer.page.wait_for_function(tab_is, arg=[tab, first])

    # Every shown or hidden shortcut of every viewer-allowed action gets
    # through; a sample of other actions' keys does not.
    allowed = [s.keys for spec in REGISTRY.specs if spec.viewer for s in spec.shortcuts]
    assert {"?", "Mod+=", "Mod+-", "Mod+Shift+H", "Mod+0", "Alt+PageDown"} <= set(
        allowed
    )
    locked = ["Delete", "Control+d", "Control+z", "Control+g", "Control+Shift+L", "a"]
    for keys in allowed:
        viewer.page.evaluate("() => { window.lwPassed = []; }")
        viewer.page.keyboard.press(_pressed(keys))
        passed = viewer.page.evaluate("() => window.lwPassed")
        assert passed, f"{keys} is locked in the viewer"
        viewer.page.keyboard.press("Escape")
    for keys in locked:
        viewer.page.evaluate("() => { window.lwPassed = []; }")
        viewer.page.keyboard.press(keys)
        assert [] == viewer.page.evaluate("() => window.lwPassed"), keys
    # None of them reached the core as an edit it refuses.
    assert 0 == viewer.page.locator("[data-role=error-dialog][open]").count()
    assert [] == viewer.problems()


def test_refused_shortcuts_do_not_fall_through_to_the_browser(viewer: Watched) -> None:
    """An editing shortcut the viewer refuses is swallowed: Ctrl+A selects no
    page text (the toolbar and status would turn blue), as in the editor."""
    viewer.goto(f"index.html?mode=view#{fragment_of(document(text=MARKER))}")
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)
    viewer.page.click("#canvas")
    viewer.page.keyboard.press("Control+a")
    assert "" == viewer.page.evaluate("() => String(window.getSelection())")
    viewer.page.keyboard.press("Control+s")
    assert 0 == viewer.page.locator("[data-role=error-dialog][open]").count()
    assert [] == viewer.problems()


def test_hovering_a_shape_in_the_viewer_offers_no_editing_handles(
    viewer: Watched,
) -> None:
    """The viewer only looks: no hover arrows or ports appear over a shape."""
    viewer.goto(f"index.html?mode=view#{fragment_of(document(text=MARKER))}")
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)
    box = viewer.page.locator(ELEMENTS).first.bounding_box()
    assert box is not None
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    for dx in (0, 5, 10):
        viewer.page.mouse.move(cx + dx, cy)
    viewer.page.wait_for_timeout(300)
    handles = "[data-role=overlay] [data-role=hover-arrow], [data-role=overlay] [data-role=ports]"
    assert 0 == viewer.page.locator(handles).count()
    assert [] == viewer.problems()


def test_share_link_from_the_editor_opens_in_the_viewer(
    viewer: Watched, tmp_path: Any
) -> None:
    viewer.boot()
    path = tmp_path / "shared.linework"
    path.write_text(json.dumps(document(text=MARKER)), encoding="utf-8")
    viewer.page.set_input_files("input[type=file][data-role=open]", str(path))
    viewer.page.wait_for_selector("[data-role=title]:has-text('shared')")
    viewer.page.click("[data-action=share-link]")
    viewer.page.wait_for_selector("dialog[open][data-role=share-dialog]")
    link = viewer.page.input_value("[data-role=share-url]")

    assert "?mode=view#d=" in link
    viewer.page.goto(link)
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)
    assert f"{MARKER} 1" in (viewer.page.text_content("#canvas") or "")


def test_share_link_over_the_limit_says_so(viewer: Watched, tmp_path: Any) -> None:
    viewer.boot()
    doc = document()
    rng = random.Random(3)
    first = doc["pages"][0]["elements"][0]
    doc["pages"][0]["elements"] = [
        {**first, "id": f"shape:{n}", "text": f"{rng.getrandbits(4 * 60_000):x}"}
        for n in range(4)
    ]
    path = tmp_path / "big.linework"
    path.write_text(json.dumps(doc), encoding="utf-8")
    viewer.page.set_input_files("input[type=file][data-role=open]", str(path))
    viewer.page.wait_for_selector("[data-role=title]:has-text('big')")
    viewer.page.click("[data-action=share-link]")
    viewer.page.wait_for_selector("[data-role=error-dialog][open]")

    assert "LW-E0402" == viewer.page.text_content("[data-role=error-code]")
    assert "Export it as a file" in (
        viewer.page.text_content("[data-role=error-message]") or ""
    )
    assert "100 KB" in (viewer.page.text_content("[data-role=error-detail]") or "")


def test_a_damaged_link_says_so(viewer: Watched) -> None:
    viewer.goto("index.html?mode=view#d=AAAA_not-a-diagram")
    viewer.page.wait_for_selector("[data-role=error-dialog][open]", timeout=90_000)
    assert "LW-E0604" == viewer.page.text_content("[data-role=error-code]")


# A keydown whose key-map reads are counted: findKey (web/editor/actions.js) is
# the only reader of the modifier and code fields while the viewer's lock
# refuses a key (its capture listener stops the event before anything else).
COUNT_LOOKUP_READS = """(onInput) => {
  const target = onInput ? document.createElement('input') : document.querySelector('#canvas');
  if (onInput) document.body.append(target);
  const ev = new KeyboardEvent('keydown', { key: 'Delete', code: 'Delete', bubbles: true, cancelable: true });
  let reads = 0;
  for (const name of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey', 'code']) {
    const value = ev[name];
    Object.defineProperty(ev, name, { get() { reads += 1; return value; } });
  }
  target.dispatchEvent(ev);
  if (onInput) target.remove();
  return { reads, prevented: ev.defaultPrevented };
}"""


def test_a_refused_key_is_looked_up_in_the_key_map_once(viewer: Watched) -> None:
    """The lock looked a refused key up twice (to refuse it, then to swallow
    it); now once: on the canvas as many key-map reads as in a text field,
    where the second lookup was skipped, and still swallowed there."""
    viewer.goto(f"index.html?mode=view#{fragment_of(document(text=MARKER))}")
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)
    on_canvas = viewer.page.evaluate(COUNT_LOOKUP_READS, False)
    in_field = viewer.page.evaluate(COUNT_LOOKUP_READS, True)
    assert on_canvas["prevented"] and not in_field["prevented"]
    assert in_field["reads"] > 0
    assert on_canvas["reads"] == in_field["reads"]
    assert [] == viewer.problems()


def test_opening_a_picture_in_the_viewer_offers_no_insert(
    viewer: Watched, tmp_path: Any
) -> None:
    """Open… of a plain PNG in the viewer says it is no diagram (the editor
    offers to insert it; the viewer edits nothing), and the diagram stays."""
    import base64

    viewer.goto(f"index.html?mode=view#{fragment_of(document(text=MARKER))}")
    viewer.page.wait_for_selector(ELEMENTS, state="attached", timeout=90_000)
    before = viewer.send({"type": "embed-export", "format": "linework"})["data"]
    png = tmp_path / "pic.png"
    png.write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
        )
    )
    viewer.page.set_input_files("input[type=file][data-role=open]", str(png))

    viewer.page.wait_for_selector("[data-role=error-dialog][open]", timeout=30_000)
    assert not viewer.page.locator("dialog[data-role=confirm-insert-picture]").count()
    code = viewer.page.text_content("[data-role=error-code]") or ""
    assert code.startswith("LW-E02"), code
    assert before == viewer.send({"type": "embed-export", "format": "linework"})["data"]
