"""Protocol v2: typed replies, ``ui`` as what changed, one document-replaced reply."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from linework.bridge import Api
from linework.bridge.wire import Wire, plain
from linework.editor import Editor
from linework.editor.protocol import UI_FIELDS


def _b64(doc: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(doc).encode()).decode()


def _doc(shapes: int = 2) -> dict[str, Any]:
    elements = [
        {
            "type": "shape",
            "id": f"s{i}",
            "layer": "l1",
            "kind": "rectangle",
            "box": {"x": 40 + 200 * i, "y": 40, "w": 100, "h": 60},
            "text": f"S{i}",
        }
        for i in range(shapes)
    ]
    page = {
        "id": "p1",
        "name": "P",
        "layers": [{"id": "l1", "name": "L"}],
        "elements": elements,
    }
    return {"format": "linework", "version": 1, "pages": [page], "meta": {}}


class Page:
    """The page's side of the wire: web/rpc.js's merge, in Python."""

    def __init__(self) -> None:
        self.api = Api()
        self.state: dict[str, Any] = {}
        self.sizes: list[int] = []

    def call(self, **message: Any) -> dict[str, Any]:
        text = self.api.handle(json.dumps(message))
        self.sizes.append(len(text.encode()))
        reply: dict[str, Any] = json.loads(text)
        if isinstance(reply.get("ui"), dict):
            self.state = {**self.state, **reply["ui"]}
            reply["ui"] = {**self.state, **reply.get("once", {})}
        return reply

    def event(self, **event: Any) -> dict[str, Any]:
        return self.call(type="editor", event=event)


def test_editor_response_is_typed_and_its_json_is_the_whole_ui() -> None:
    ed = Editor()
    response = ed.respond_to({"type": "action", "name": "select-all"})
    assert type(response).__name__ == "Response"
    assert type(response.ui).__name__ == "UiState"
    as_json = response.to_json()
    assert list(as_json) == ["ops", "overlay", "ui"]
    assert set(UI_FIELDS) <= set(as_json["ui"])
    assert as_json["ui"] == {**response.ui.to_json(), **response.once}


def test_wire_sends_only_changed_ui_fields_and_remembers_plain_ui() -> None:
    ed = Editor()
    wire = Wire()
    first = json.loads(
        wire.encode({"ok": True, "ui": ed.respond_to({"type": "refresh"}).ui})
    )
    assert set(first["ui"]) == set(UI_FIELDS)
    again = json.loads(
        wire.encode({"ok": True, "ui": ed.respond_to({"type": "refresh"}).ui})
    )
    assert again["ui"] == {}
    # A plain partial ui (embed-status) is sent as it is and remembered: the
    # next editor reply resends dirty because it differs from what was sent.
    json.loads(wire.encode({"ok": True, "ui": {"dirty": True}}))
    after = json.loads(
        wire.encode({"ok": True, "ui": ed.respond_to({"type": "refresh"}).ui})
    )
    assert after["ui"] == {"dirty": False}
    with pytest.raises(TypeError):
        wire.encode({"ui": 3})


def test_merged_ui_equals_the_whole_state_after_every_reply() -> None:
    page = Page()
    page.call(type="file-open", name="a.linework", data=_b64(_doc()))
    steps: list[dict[str, Any]] = [
        {"type": "action", "name": "select", "args": {"ids": ["s0"]}},
        {"type": "pointermove", "x": 90, "y": 70, "zoom": 1},
        {"type": "pointerdown", "x": 90, "y": 70, "zoom": 1},
        *[
            {"type": "pointermove", "x": 90 + 7 * i, "y": 70, "zoom": 1}
            for i in range(1, 6)
        ],
        {"type": "pointerup", "x": 125, "y": 70, "zoom": 1},
        {"type": "keydown", "key": "z", "ctrl": True},
        {"type": "action", "name": "copy"},
    ]
    for step in steps:
        reply = page.event(**step)
        assert reply["ok"]
        # The same session natively, whole: the merge lost nothing.
        whole = page.api._session.editor
        truth = plain({"ui": whole.respond_to({"type": "refresh"}).ui})["ui"]
        assert {k: reply["ui"][k] for k in UI_FIELDS} == truth
    assert "clipboard" in reply["ui"]  # the copy's one-off note arrived
    nxt = page.event(type="refresh")
    assert "clipboard" not in nxt["ui"]  # and was not kept


def test_a_drag_move_reply_is_at_most_half_the_v1_size() -> None:
    """Issue 15's figure in small: a move while dragging resends no ui."""
    page = Page()
    page.call(type="file-open", name="a.linework", data=_b64(_doc()))
    page.event(type="pointermove", x=90, y=70, zoom=1)
    page.event(type="pointerdown", x=90, y=70, zoom=1)
    for dx in (3, 13, 23):
        page.event(type="pointermove", x=90 + dx, y=71, zoom=1)
    raw = page.api.handle(
        json.dumps(
            {"type": "editor", "event": {"type": "pointermove", "x": 114, "y": 71}}
        )
    )
    reply = json.loads(raw)
    assert reply["ui"] == {} and "once" not in reply
    whole = json.dumps(
        page.api.dispatch(
            json.dumps(
                {"type": "editor", "event": {"type": "pointermove", "x": 114, "y": 71}}
            )
        )
    )
    assert len(raw) * 2 <= len(whole)


def test_document_replaced_reply_is_one_shape_for_new_open_and_plain() -> None:
    api = Api()
    for message in (
        {"type": "file-new"},
        {"type": "file-open", "name": "x.drawio.png", "data": _b64(_doc(3))},
        {"type": "open-plain", "name": "s.linework", "data": _b64(_doc(1))},
    ):
        reply = api.dispatch(json.dumps(message))
        assert reply["ok"], reply
        assert set(reply) == {"ok", "ops", "overlay", "ui", "document"}
        assert reply["ops"][0]["op"] == "reset"
        assert set(reply["document"]) == {
            "title",
            "format",
            "native",
            "sealed",
            "warnings",
            "count",
            "defs",
            "view",
            "bounds",
        }
        # No canvas size in the message: the page fits the page itself.
        assert reply["document"]["view"] is None
    assert reply["document"]["sealed"] is True and reply["document"]["count"] == 1


def test_opening_sniffs_the_content_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from linework.formats import imports

    calls: list[int] = []
    real = imports.sniff

    def counting(data: bytes) -> str | None:
        calls.append(len(data))
        return real(data)

    monkeypatch.setattr(imports, "sniff", counting)
    reply = Api().dispatch(
        json.dumps({"type": "file-open", "name": "a.linework", "data": _b64(_doc())})
    )
    assert reply["ok"] and len(calls) == 1


def test_legacy_messages_are_gone_and_helpers_namespaced() -> None:
    api = Api()
    for gone in ({"type": "new"}, {"type": "debug-fail"}, {"type": "memory"}):
        assert api.dispatch(json.dumps(gone))["code"] == "LW-E0001"
    reply = api.dispatch(
        json.dumps({"type": "editor", "event": {"type": "load", "data": "{}"}})
    )
    assert reply["ui"]["error"]["code"] == "LW-E0001"  # no such editor event
    assert api.dispatch(json.dumps({"type": "bench.memory"})) == {
        "ok": True,
        "wasm": None,
    }
    failed = api.dispatch(json.dumps({"type": "test.fail", "text": "X"}))
    assert failed["code"] == "LW-E0001" and "X" in failed["detail"]


def test_a_plain_picture_says_so() -> None:
    png = base64.b64encode(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
    ).decode()
    reply = Api().dispatch(
        json.dumps({"type": "file-open", "name": "p.png", "data": png})
    )
    assert (
        reply["ok"] is False
        and reply["code"] == "LW-E0206"
        and reply["picture"] is True
    )


def test_a_reply_that_fails_to_encode_does_not_count_as_sent() -> None:
    ed = Editor()
    wire = Wire()
    ui = ed.respond_to({"type": "refresh"}).ui
    with pytest.raises(TypeError):
        wire.encode({"ok": True, "ui": ui, "bad": object()})
    assert set(json.loads(wire.encode({"ok": True, "ui": ui}))["ui"]) == set(UI_FIELDS)
