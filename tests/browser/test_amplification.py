"""Amplification files in the browser (issue 14): bounded output, a responsive page.

A 100,000-character label in a 30 px box, and a compressed draw.io file of 60
such labels, used to freeze the tab for minutes (millions of ``<tspan>``).
Opening either must keep the main thread free: no long task (PerformanceObserver
``longtask``) over a second, and a canvas of a bounded size. A large copy of
Linework's own is asked about before it is pasted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import editor_helpers
import pytest
from editor_helpers import clean_test, elements, settle
from lw_helpers import App

from amplification import WORDS, compressed_drawio, labelled
from linework.files import open_document
from linework.formats import native
from linework.render import page_fragments
from linework.text.layout import MIN_DRAWN_LINES

editor_app = editor_helpers.editor_app  # the module's app (fixture)

OBSERVE = """() => {
  window.__longTasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask" });
  window.__longObserver = observer;
}"""
# Two frames after the canvas shows the file, then the long tasks seen so far.
LONG_TASKS = """() => new Promise((done) => requestAnimationFrame(() =>
  requestAnimationFrame(() => { window.__longObserver.disconnect(); done(window.__longTasks); })))"""


@pytest.fixture(autouse=True)
def _fresh(editor_app: App) -> Any:
    with clean_test(editor_app):
        yield


def _open_and_measure(app: App, path: Path) -> list[float]:
    app.page.evaluate(OBSERVE)
    app.open_file(path)
    settle(app)
    return list(app.page.evaluate(LONG_TASKS))


@pytest.mark.parametrize("name", ["label.linework", "sixty.drawio", "big.linework"])
def test_opening_an_amplification_file_keeps_the_page_responsive(
    editor_app: App, tmp_path: Path, name: str
) -> None:
    """The 17 KB-style compressed file and the 6 MB .linework included."""
    app = editor_app
    path = tmp_path / name
    if name == "label.linework":
        path.write_bytes(native.encode(labelled(1, WORDS)))
        count = 1
    elif name == "sixty.drawio":
        path.write_bytes(compressed_drawio(60, WORDS))
        assert path.stat().st_size < 200_000
        count = 60
    else:
        path.write_bytes(native.encode(labelled(60, WORDS)))
        assert path.stat().st_size > 6_000_000
        count = 60
    long_tasks = _open_and_measure(app, path)
    assert [t for t in long_tasks if t > 1000] == []
    assert count == sum(1 for e in elements(app) if e["type"] == "shape")
    spans = app.page.locator("#canvas tspan").count()
    assert 0 < spans <= MIN_DRAWN_LINES * count
    markup = app.page.eval_on_selector("#canvas", "c => c.outerHTML.length")
    assert markup < 1_000_000 * count / 10 + 200_000
    assert "\u2026" in (app.page.text_content("#canvas") or "")
    # Deterministic: the worker draws the very bytes native Python draws.
    doc = open_document(path.read_bytes()).doc
    reply = app.send({"type": "test.render"})
    native_fragments = page_fragments(doc, reply["page"]["id"])
    assert [[eid, svg] for eid, svg in native_fragments] == reply["elements"]


def _paste(app: App, text: str) -> None:
    app.page.evaluate("(t) => navigator.clipboard.writeText(t)", text)
    app.page.focus("#canvas")
    app.page.keyboard.press(f"{editor_helpers.PRIMARY}+v")


def test_a_large_copy_is_asked_about_before_it_is_pasted(editor_app: App) -> None:
    app = editor_app
    doc = json.loads(native.encode(labelled(12, WORDS)))
    doc["meta"] = {"clipboard": True}
    text = json.dumps(doc)
    assert len(text) > 1_000_000
    ask = "dialog[open][data-role=confirm-large-paste]"

    _paste(app, text)
    app.page.wait_for_selector(ask)
    assert "MB" in (app.page.text_content(ask) or "")
    app.page.click(f"{ask} [data-choice=cancel]")
    settle(app)
    assert [] == elements(app)

    _paste(app, text)
    app.page.click(f"{ask} [data-choice=ok]")
    for _ in range(200):
        if len(elements(app)) == 12:
            break
        app.page.wait_for_timeout(50)
    assert 12 == len(elements(app))
