"""Opening a file, the page's side: laid out once, in the frame, and nothing
after the first paint lays out the whole page again.

- The reply's handler forces no style or layout: the new drawing is laid out
  in the next frame, not synchronously by something that asks for layout
  (focus() did, after the drawing was in). Chromium's Long Animation Frames
  report each script's forced style and layout.
- The keys go to the diagram at once (the canvas has the focus).
- The outline's rows, which come with the first idle reply after an open,
  are skipped by style and layout while scrolled out of the list
  (content-visibility), yet every one is there, reachable by keyboard and
  drawn when it is scrolled to.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from editor_helpers import clean_test, editor_app, settle, ui
from lw_helpers import App

import sample_docs

__all__ = ["editor_app"]

COLS = 50


def _diagram(shapes: int) -> dict[str, Any]:
    """Return a grid of shapes, each joined to the next (the benchmark's document)."""
    return sample_docs.grid(
        shapes, COLS, lambda i: i + 1 if i + 1 < shapes else None, name="Grid"
    )


@pytest.fixture
def app(editor_app: App) -> Iterator[App]:
    with clean_test(editor_app):
        yield editor_app


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("open-paint") / "grid.linework"
    path.write_text(json.dumps(_diagram(1500)))
    return path


# Long Animation Frames (frames over 50 ms) from now on, with their scripts.
WATCH_FRAMES = """() => {
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__frames.push(e.toJSON());
  }).observe({ type: 'long-animation-frame' });
}"""


def test_the_open_reply_forces_no_layout_and_the_canvas_takes_the_keys(
    app: App, grid: Path
) -> None:
    app.page.evaluate(WATCH_FRAMES)
    app.open_file(grid)
    # Keys go to the diagram just opened, at once: Ctrl+A selects it all.
    assert "canvas" == app.page.evaluate("() => document.activeElement?.id")
    app.page.keyboard.press("Control+a")
    settle(app)
    assert 1500 + 1499 == len(ui(app)["selection"])

    app.page.wait_for_function(
        "() => linework.editor.ui().pending === 0", timeout=60_000
    )
    settle(app)
    frames = app.page.evaluate("() => window.__frames")
    # The open's reply: the longest worker message handled (it parses and
    # inserts 3,000 elements, a long frame on any machine).
    found = [
        (s, f)
        for f in frames
        for s in f["scripts"]
        if s["invoker"].endswith("onmessage")
    ]
    assert found, frames

    def rendering(frame: dict[str, Any]) -> float:
        # The frame's rendering work: what its callbacks forced, and its own
        # style, layout and paint.
        forced = sum(s["forcedStyleAndLayoutDuration"] for s in frame["scripts"])
        if not frame["styleAndLayoutStart"]:
            return float(forced)  # a frame that rendered nothing of its own
        return float(
            forced
            + frame["startTime"]
            + frame["duration"]
            - frame["styleAndLayoutStart"]
        )

    # No worker reply lays the drawing out itself (the open's, which parses
    # and inserts the opening view, or an idle slice painting the rest):
    # focus() after the drawing was in did, making the reply's forced time
    # nearly all of its frame's rendering; now a reply at most settles a
    # status line.
    for reply, frame in found:
        assert reply["forcedStyleAndLayoutDuration"] <= 0.05 * rendering(frame), frame


def test_every_outline_row_is_there_and_drawn_when_reached(
    app: App, grid: Path
) -> None:
    app.open_file(grid)
    app.page.wait_for_function(
        "() => linework.editor.ui().pending === 0", timeout=60_000
    )
    settle(app)
    options = app.page.locator("[data-role=outline] [role=option]")
    # The outline lists at most 1,000 shapes, then says how many more.
    assert 1000 == options.count()
    assert "and 500 more shapes" in (
        app.page.locator("[data-role=outline] .outline-none").inner_text()
    )
    # Rows out of the list's view are skipped by style and layout...
    assert "auto" == options.nth(999).evaluate(
        "(li) => getComputedStyle(li).contentVisibility"
    )
    # ...yet reached by keyboard and drawn there, with their words.
    app.page.keyboard.press("Alt+Shift+O")
    app.page.keyboard.press("End")
    last = options.nth(999)
    assert "Shape 999" in (last.get_attribute("aria-label") or "")
    app.page.wait_for_function(
        """() => {
          const list = document.querySelector('[data-role=outline]');
          const li = list.querySelectorAll('[role=option]')[999];
          if (!li?.classList.contains('active')) return false;
          const a = list.getBoundingClientRect(), b = li.getBoundingClientRect();
          return b.top >= a.top - 1 && b.bottom <= a.bottom + 1 && b.height > 10;
        }"""
    )
    label = last.locator(".outline-label")
    assert "Shape 999" == label.inner_text()
    box = label.bounding_box()
    assert box is not None and box["width"] > 20
    # Enter selects it on the canvas.
    app.page.keyboard.press("Enter")
    settle(app)
    assert ["s999"] == ui(app)["selection"]
