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


def test_the_worker_s_call_answers_the_same_reply_as_utf8_bytes() -> None:
    """handle_utf8 (what web/worker.js calls) answers exactly handle's text,
    non-ASCII labels included, as UTF-8 bytes."""
    raw = document(pages=1)
    raw["pages"][0]["elements"][0]["text"] = "Überlauf → 東京 …"
    message = json.dumps({"type": "open", "name": "ü.linework", "data": encoded(raw)})

    as_text = create_api().handle(message)
    as_bytes = create_api().handle_utf8(message)

    assert isinstance(as_bytes, bytes)
    assert as_text.encode("utf-8") == as_bytes
    assert "Überlauf → 東京 …" in as_bytes.decode("utf-8")


class _JsBytes:
    """What Pyodide hands the core for a JavaScript Uint8Array: a proxy
    whose to_bytes() copies it out."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def to_bytes(self) -> bytes:
        return self.raw


def test_a_file_s_bytes_beside_the_message_open_as_its_base64_would() -> None:
    """file-open with its data as bytes beside the message (what the page
    sends, web/files.js) answers exactly as with the same bytes as base64."""
    raw = json.dumps(document(pages=2)).encode()
    base = {"type": "file-open", "name": "plan.linework"}

    inline = create_api().handle(
        json.dumps({**base, "data": encoded(document(pages=2))})
    )
    beside = create_api().handle_utf8(json.dumps(base), _JsBytes(raw))

    assert json.loads(inline)["ok"] is True
    assert inline.encode("utf-8") == beside


def test_bytes_beside_a_message_that_is_not_a_file_are_refused_cleanly() -> None:
    """Bad bytes beside file-open give the open error, and the open diagram
    is kept as it was."""
    api = create_api()
    call(
        api,
        {"type": "file-open", "name": "a.linework", "data": encoded(document(pages=2))},
    )
    before = call(api, {"type": "render"})

    reply = json.loads(
        api.handle_utf8(
            json.dumps({"type": "file-open", "name": "x.linework"}),
            _JsBytes(b"\x00nope"),
        )
    )

    assert reply["ok"] is False
    assert reply["code"] == "LW-E0100"
    assert before == call(api, {"type": "render"})


def test_a_lone_surrogate_crosses_as_its_json_escape() -> None:
    """A file may spell a lone UTF-16 surrogate ("\\ud800"), which UTF-8 has
    no bytes for: the worker's reply carries it as the JSON escape, so the page
    parses the same text handle() answers, and the open succeeds."""
    raw = document(pages=1)
    raw["pages"][0]["elements"][0]["text"] = "lone \ud800 high, é"
    data = json.dumps(raw).encode()  # ASCII: the surrogate as an escape
    message = json.dumps({"type": "file-open", "name": "s.linework"})

    as_text = create_api().handle(message, data)
    as_bytes = create_api().handle_utf8(message, _JsBytes(data))

    assert json.loads(as_text)["ok"] is True
    assert json.loads(as_bytes.decode("utf-8")) == json.loads(as_text)
    assert "lone \\ud800 high, é" in as_bytes.decode("utf-8")
