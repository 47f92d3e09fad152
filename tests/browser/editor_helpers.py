"""Helpers for the editor's browser tests: real mouse and keyboard on page coordinates.

Gestures go through ``page.mouse`` and ``page.keyboard``; the helpers only
convert page units to screen pixels, wait for the editor to settle (every
event sent is applied and painted), and read the resulting document through
the bridge's ``save`` message (the ``.linework`` bytes a save would write).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from lw_helpers import App

ELEMENTS = "#canvas [data-role=content] > g[data-id]"
PRIMARY = "Control"
PALETTE_SEARCH = "[data-role=palette-search]"
#: The icons a palette search found.
ICON_RESULTS = "[data-role=icon-results] [data-shape]"
#: The palette's own entries (shapes of the core's kinds and presets).
PALETTE_SHAPES = "[data-role=palette] .palette-sections button.shape"


@pytest.fixture(scope="module")
def editor_app(browser: Any, site: Any) -> Iterator[App]:
    """Boot the app once for a module, with clipboard access granted."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 900},
        permissions=["clipboard-read", "clipboard-write"],
    )
    yield boot_editor(context, site.url)
    context.close()


def boot_editor(context: Any, url: str) -> App:
    """Boot the editor in ``context``: dialogs are dismissed and recorded in
    ``app.dialogs`` (clean_test expects none)."""
    app = App(context, url)
    app.dialogs = []  # type: ignore[attr-defined]
    app.page.on("dialog", lambda d: (app.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
    app.boot()
    app.page.wait_for_selector("body[data-editor]", state="attached", timeout=60_000)
    return app


@contextmanager
def clean_test(app: App) -> Iterator[None]:
    """Run one test from an empty, clean document; it must log no error or dialog.

    Open dialogs (a failed test's) are closed first, so one failure does not
    cascade through the module.
    """
    app.page.evaluate(
        "() => { for (const d of document.querySelectorAll('dialog[open]')) d.close(); }"
    )
    reset(app)
    seen = len(app.console)
    yield
    assert [] == App.problems_of(app.console[seen:])
    assert [] == app.dialogs  # type: ignore[attr-defined]


@contextmanager
def clean_palette_test(app: App) -> Iterator[None]:
    """:func:`clean_test`, then the palette's search emptied for the next test."""
    with clean_test(app):
        yield
    app.page.fill(PALETTE_SEARCH, "")


def settle(app: App) -> None:
    """Wait until every event sent so far is applied and painted."""
    app.page.evaluate("() => linework.editor.settled()")


def ui(app: App) -> dict[str, Any]:
    """Return the editor's last UI state."""
    settle(app)
    return app.page.evaluate("() => linework.editor.ui()")  # type: ignore[no-any-return]


def action(app: App, name: str, **args: Any) -> dict[str, Any]:
    """Run an editor action (setup only: tests drive what they test by hand)."""
    reply = app.page.evaluate("([n, a]) => linework.editor.action(n, a)", [name, args])
    settle(app)
    return reply  # type: ignore[no-any-return]


def reset(app: App) -> None:
    """Start from an empty document, view at 100 %, nothing focused."""
    app.page.keyboard.press("Escape")
    action(app, "new")
    app.page.evaluate("() => document.querySelector('dialog[open]')?.close()")
    app.page.click("[data-action=zoom-fit]")
    settle(app)


def document(app: App) -> dict[str, Any]:
    """Return the whole document as the ``.linework`` file would hold it."""
    settle(app)
    reply = app.send({"type": "save"})
    assert reply["ok"], reply
    return json.loads(base64.b64decode(reply["data"]))  # type: ignore[no-any-return]


def elements(app: App, page: int | None = None) -> list[dict[str, Any]]:
    """Return the elements of the page on screen (or of page number ``page``)."""
    doc = document(app)
    if page is None:
        pid = ui(app)["page"]["id"]
        return next(p for p in doc["pages"] if p["id"] == pid)["elements"]  # type: ignore[no-any-return]
    return doc["pages"][page]["elements"]  # type: ignore[no-any-return]


def by_id(app: App) -> dict[str, dict[str, Any]]:
    """Return the page's elements by id."""
    return {e["id"]: e for e in elements(app)}


def screen(app: App, x: float, y: float) -> tuple[float, float]:
    """Return the screen point showing page point (x, y)."""
    box = app.page.locator("#canvas").bounding_box()
    view = app.view()
    assert box is not None
    return box["x"] + view["x"] + x * view["scale"], box["y"] + view["y"] + y * view[
        "scale"
    ]


def centre_of(app: App, selector: str) -> tuple[float, float]:
    """Return the screen centre of an element."""
    box = app.page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def drag(
    app: App,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    steps: int = 8,
    hold: str | None = None,
) -> None:
    """Press at ``start``, move to ``end`` in steps and release (screen pixels)."""
    mouse = app.page.mouse
    mouse.move(*start)
    if hold:
        app.page.keyboard.down(hold)
    mouse.down()
    mouse.move(*end, steps=steps)
    mouse.up()
    if hold:
        app.page.keyboard.up(hold)
    settle(app)


def click_page(app: App, x: float, y: float, **kwargs: Any) -> None:
    """Click at a page point."""
    app.page.mouse.click(*screen(app, x, y), **kwargs)
    settle(app)


def add(app: App, kind: str, x: float, y: float, text: str = "") -> str:
    """Add a shape centred at (x, y) (setup); return its id."""
    action(app, "add-shape", kind=kind, x=x, y=y, text=text)
    sel: list[str] = ui(app)["selection"]
    return sel[0]


def dom_ids(app: App) -> list[str]:
    """Return the data-ids of the canvas elements in paint order."""
    settle(app)
    return app.page.eval_on_selector_all(ELEMENTS, "els => els.map(e => e.dataset.id)")  # type: ignore[no-any-return]


def search_palette(app: App, words: str, shown: str = PALETTE_SHAPES) -> list[str]:
    """Type ``words`` into the palette's search box by keyboard (replacing what
    it held), wait until the palette has searched them, and return the
    ``data-shape`` of the visible entries ``shown`` selects."""
    app.page.click(PALETTE_SEARCH)
    app.page.keyboard.press(f"{PRIMARY}+a")
    app.page.keyboard.press("Backspace")
    app.page.keyboard.type(words)
    app.page.wait_for_function(
        "w => document.querySelector('[data-role=palette]').dataset.searched === w",
        arg=words,
    )
    return app.page.eval_on_selector_all(  # type: ignore[no-any-return]
        shown, "els => els.filter(e => e.offsetParent).map(e => e.dataset.shape)"
    )
