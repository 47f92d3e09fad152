"""Opening a file brings the recovery copy up to date first, only if it is stale.

Hostile input can kill the runtime, so an open first refreshes the in-memory
recovery copy of the diagram on screen (web/recovery.js). A diagram that did
not change since its copy was taken is not encoded and copied again: with a
big diagram open that would only delay the next open. One that changed is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lw_helpers import App, document, write_document

# Records the type of every message the page sends to the core's worker.
COUNT_MESSAGES = """
(() => {
  const post = Worker.prototype.postMessage;
  window.__sent = [];
  Worker.prototype.postMessage = function (message, ...rest) {
    try { window.__sent.push(JSON.parse(message.body).type); } catch { /* not a call */ }
    return post.call(this, message, ...rest);
  };
})();
"""
CONFIRM_DISCARD = "dialog[open][data-role=confirm-discard]"


@pytest.fixture(scope="module")
def app(browser: Any, site: Any) -> Iterator[App]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(COUNT_MESSAGES)
    application = App(context, site.url)
    application.boot()
    yield application
    context.close()


def _recoveries(app: App) -> int:
    return int(app.page.evaluate("() => linework.files().recoveries"))


def _sent_before_the_open(app: App) -> list[str]:
    sent: list[str] = app.page.evaluate("() => window.__sent")
    assert "file-open" in sent
    return sent[: sent.index("file-open")]


def test_an_unchanged_diagram_is_not_copied_again_before_the_next_open(
    app: App, tmp_path: Path
) -> None:
    first = write_document(tmp_path / "first.linework", document(text="First"))
    second = write_document(tmp_path / "second.linework", document(text="Second"))
    # The empty diagram the page starts with is copied too: wait for that first.
    app.page.wait_for_function("() => linework.files().recoveries > 0")
    before = _recoveries(app)
    app.open_file(first)
    # The copy of the diagram just opened is taken once the page is idle.
    app.page.wait_for_function(f"() => linework.files().recoveries > {before}")

    app.page.evaluate("() => { window.__sent = []; }")
    app.open_file(second)
    assert "recovery" not in _sent_before_the_open(app)
    assert "Second 1" in (app.page.locator("#canvas").text_content() or "")

    # A change since the copy: the next open copies the diagram first.
    app.page.wait_for_function(f"() => linework.files().recoveries > {before + 1}")
    app.page.evaluate("() => linework.editor.action('add-shape', {kind: 'ellipse'})")
    app.page.evaluate("() => { window.__sent = []; }")
    revision = app.revision()
    app.page.set_input_files("input[type=file][data-role=open]", str(first))
    app.page.click(f"{CONFIRM_DISCARD} [data-choice=discard]")
    app.wait_shown(revision)
    assert "recovery" in _sent_before_the_open(app)
    assert "First 1" in (app.page.locator("#canvas").text_content() or "")
