"""An open records where its time went, phase by phase (``bench.phases``).

The browser benchmark prints these next to the page's own steps, so the
open + paint figure can be explained; here only what is recorded is checked,
never how long anything took.
"""

from __future__ import annotations

import base64
import json

from linework import phases
from linework.bridge.api import Api
from sample_docs import document


def _open(api: Api, canvas: dict[str, float] | None = None) -> dict[str, object]:
    data = json.dumps(document(text="Phases")).encode()
    message: dict[str, object] = {
        "type": "file-open",
        "name": "p.linework",
        "data": base64.b64encode(data).decode(),
    }
    if canvas is not None:
        message["canvas"] = canvas
    reply = json.loads(api.handle(json.dumps(message)))
    assert reply["ok"] is True
    got = api.dispatch(json.dumps({"type": "bench.phases"}))
    assert got["ok"] is True
    return dict(got["phases"])


def test_an_open_records_each_layer_s_phase_in_order() -> None:
    recorded = _open(Api(), {"width": 800, "height": 600})
    # The opening view (computed from the canvas size) comes between the
    # decode and the response.
    names = list(recorded)
    assert names.index("decode") < names.index("view") < names.index("respond")
    names.remove("view")
    assert names == [
        "message",
        "base64",
        "decode",
        "render",
        "respond",
        "encode",
    ]
    assert all(isinstance(ms, float) and ms >= 0 for ms in recorded.values())


def test_the_recording_is_the_last_open_s_and_edits_leave_it() -> None:
    api = Api()
    first = _open(api)
    api.handle(json.dumps({"type": "editor", "event": {"type": "idle"}}))
    assert list(api.dispatch(json.dumps({"type": "bench.phases"}))["phases"]) == list(
        first
    )
    api.handle(json.dumps({"type": "file-new"}))
    # New replaces the recording: no file to decode.
    assert "decode" not in phases.last()
    assert "render" in phases.last()
