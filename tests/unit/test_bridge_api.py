"""The bridge protocol, natively: JSON strings in, JSON strings out (no browser)."""

from __future__ import annotations

import base64
import json
from typing import Any

from linework.bridge import create_api
from linework.formats import native
from linework.render import SVG_DEFS, page_fragments
from sample_docs import document


def call(api: Any, message: dict[str, Any] | str) -> dict[str, Any]:
    text = message if isinstance(message, str) else json.dumps(message)
    reply = api.handle(text)
    assert isinstance(reply, str)
    return json.loads(reply)  # type: ignore[no-any-return]


def encoded(doc: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(doc).encode()).decode()


def test_open_returns_pages_and_first_page_fragments() -> None:
    """open answers with title, pages, defs and the first page's fragments."""
    api = create_api()
    raw = document(pages=2)
    doc = native.decode(json.dumps(raw).encode())

    reply = call(
        api, {"type": "open", "name": "My plan.linework", "data": encoded(raw)}
    )

    assert reply["ok"] is True
    assert "My plan" == reply["title"]
    assert [
        {"id": "page:1", "name": "Page 1"},
        {"id": "page:2", "name": "Page 2"},
    ] == reply["pages"]
    assert "page:1" == reply["page"]["id"]
    assert SVG_DEFS == reply["defs"]
    assert [list(f) for f in page_fragments(doc, "page:1")] == reply["elements"]


def test_page_switches_and_render_reports_the_current_page() -> None:
    """page shows another page; render returns the page on screen."""
    api = create_api()
    call(
        api, {"type": "open", "name": "a.linework", "data": encoded(document(pages=2))}
    )

    switched = call(api, {"type": "page", "id": "page:2"})
    rendered = call(api, {"type": "render"})

    assert "page:2" == switched["page"]["id"]
    assert switched["elements"] == rendered["elements"]
    assert "page:2" == rendered["page"]["id"]


def test_failed_open_keeps_the_open_document() -> None:
    """A file that cannot be read gives a code and leaves the session as it was."""
    api = create_api()
    call(api, {"type": "open", "name": "a.linework", "data": encoded(document())})
    before = call(api, {"type": "render"})

    bad = call(
        api,
        {"type": "open", "name": "b.linework", "data": base64.b64encode(b"{").decode()},
    )

    assert bad["ok"] is False
    assert bad["code"].startswith("LW-E")
    assert before == call(api, {"type": "render"})


def test_malformed_messages_get_error_replies() -> None:
    """Nothing raises into JavaScript: bad messages get LW-E replies."""
    api = create_api()
    for message in (
        "not json",
        "[]",
        '{"type": 3}',
        '{"type": "nope"}',
        '{"type": "page"}',
    ):
        reply = call(api, message)
        assert reply["ok"] is False
        assert reply["code"].startswith("LW-E")
    assert call(api, {"type": "open", "name": "x", "data": "%%%"})["ok"] is False


def test_warm_and_version() -> None:
    """warm preloads the renderer; version names the core."""
    api = create_api()

    assert {"ok": True} == call(api, {"type": "warm"})
    assert call(api, {"type": "version"})["version"]
