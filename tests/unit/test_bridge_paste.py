"""The bridge's ``paste-kind``: clipboard payload, diagram text or plain text;
and ``embed-status`` replies carrying what the page's file state follows."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from linework.bridge.api import Api

RAW_MODEL = (
    '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
    '<mxCell id="2" value="Raw" vertex="1" parent="1">'
    '<mxGeometry x="10" y="10" width="120" height="60" as="geometry"/></mxCell>'
    "</root></mxGraphModel>"
)
LINEWORK = json.dumps(
    {
        "format": "linework",
        "version": 1,
        "pages": [
            {
                "id": f"page:{n}",
                "name": f"P{n}",
                "layers": [{"id": f"layer:{n}", "name": "L"}],
                "elements": [],
            }
            for n in (1, 2)
        ],
    }
)


def send(api: Api, message: dict[str, Any]) -> dict[str, Any]:
    reply = api.dispatch(json.dumps(message))
    assert reply["ok"], reply
    return reply


def act(api: Api, name: str, **args: Any) -> dict[str, Any]:
    event = {"type": "action", "name": name, "args": args}
    return send(api, {"type": "editor", "event": event})


def kind(api: Api, text: str) -> dict[str, Any]:
    return send(api, {"type": "paste-kind", "text": text})


def copied(api: Api) -> str:
    send(api, {"type": "file-new"})
    act(api, "add-shape", kind="rectangle", x=100, y=100, text="Copied")
    act(api, "select-all")
    clip = act(api, "copy")["ui"]["clipboard"]
    assert isinstance(clip, str)
    return clip


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (RAW_MODEL, "drawio"),
        (
            '<?xml version="1.0"?>\n<mxfile><diagram>'
            + RAW_MODEL
            + "</diagram></mxfile>",
            "drawio",
        ),
        ("%% a comment\nflowchart LR\n  A --> B\n", "mermaid"),
        ("flowchart\n  A --> B\n", "mermaid"),
        ("graph td\n  A --> B\n", "mermaid"),
        ("\ufeff  graph TD\n  A --> B\n", "mermaid"),
        (LINEWORK, "linework"),
        ('{"format":"linework-sealed","version":1}', "linework-sealed"),
    ],
)
def test_diagram_text_is_a_diagram(text: str, fmt: str) -> None:
    reply = kind(Api(), text)
    assert ("diagram", fmt) == (reply["kind"], reply["format"])
    assert reply["label"]
    data = base64.b64decode(reply["data"])
    assert data == text.removeprefix("\ufeff").encode()


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "graph of sales",
        "flowchart is a word",
        "<b>hi</b>",
        '{"a": 1}',
        "  \n",
        "\ud800",
    ],
)
def test_other_text_is_text(text: str) -> None:
    assert "text" == kind(Api(), text)["kind"]


def test_own_copy_is_marked_and_recognised_in_any_session() -> None:
    api = Api()
    clip = copied(api)
    assert {"clipboard": True} == json.loads(clip)["meta"]
    assert "clipboard" == kind(api, clip)["kind"]
    # Another tab (a fresh session) knows the marked payload too.
    assert "clipboard" == kind(Api(), clip)["kind"]
    # The same document without the marker is a file to open.
    doc = json.loads(clip)
    del doc["meta"]
    assert "diagram" == kind(Api(), json.dumps(doc))["kind"]
    # The marked payload still pastes.
    reply = act(api, "paste", data=clip)
    assert 1 == len(reply["ui"]["selection"])


def test_embed_status_reply_carries_ui_dirty_and_the_count() -> None:
    api = Api()
    assert {"dirty": False} == send(api, {"type": "embed-status"})["ui"]
    send(api, {"type": "file-new"})
    act(api, "add-shape", kind="rectangle", x=100, y=100)
    dirty = send(api, {"type": "embed-status"})
    assert (True, {"dirty": True}, 1) == (
        dirty["dirty"],
        dirty["ui"],
        dirty["elements"],
    )
    saved = send(api, {"type": "embed-status", "modified": False})
    assert (False, {"dirty": False}) == (saved["dirty"], saved["ui"])
    assert ("Untitled", "Page 1", 1) == (
        saved["title"],
        saved["page"],
        saved["elements"],
    )
