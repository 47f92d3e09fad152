"""A share link carries a title as ``meta.title``, so the viewer that opens it
shows one: the document's own, else the title on screen (the file name without
its extension, or the embedding page's)."""

from __future__ import annotations

import base64
import json
from typing import Any

from linework.bridge.api import Api


def send(api: Api, message: dict[str, Any]) -> dict[str, Any]:
    reply = api.dispatch(json.dumps(message))
    assert reply["ok"], reply
    return reply


def linework(meta: dict[str, str]) -> str:
    raw = {
        "format": "linework",
        "version": 1,
        "meta": meta,
        "pages": [
            {
                "id": "page:1",
                "name": "P",
                "layers": [{"id": "layer:1", "name": "L"}],
                "elements": [],
            }
        ],
    }
    return base64.b64encode(json.dumps(raw).encode()).decode()


def shared(api: Api) -> tuple[dict[str, Any], str]:
    """Return the shared document's JSON and the title the viewer opens it with."""
    fragment = send(api, {"type": "share-link"})["fragment"]
    data = send(api, {"type": "link-data", "fragment": fragment})["data"]
    doc = json.loads(base64.b64decode(data))
    viewer = Api()
    send(viewer, {"type": "read-only"})
    opened = send(
        viewer,
        {
            "type": "file-open",
            "name": "Shared diagram",
            "data": data,
            "meta_title": True,
        },
    )
    return doc, opened["document"]["title"]


def test_the_link_carries_the_file_name_as_title() -> None:
    api = Api()
    send(api, {"type": "file-open", "name": "flow.linework", "data": linework({})})
    doc, title = shared(api)
    assert "flow" == doc["meta"]["title"]
    assert "flow" == title
    # The open document itself is not changed by sharing it.
    assert send(api, {"type": "embed-status"})["dirty"] is False
    saved = json.loads(base64.b64decode(send(api, {"type": "save"})["data"]))
    assert "title" not in saved.get("meta", {})


def test_the_documents_own_title_wins_over_the_file_name() -> None:
    api = Api()
    data = linework({"title": "Quarterly plan", "author": "Ann"})
    send(api, {"type": "file-open", "name": "Q3 plan.drawio", "data": data})
    doc, title = shared(api)
    assert {"title": "Quarterly plan", "author": "Ann"} == doc["meta"]
    assert "Quarterly plan" == title


def test_a_retitled_embed_shares_its_new_title() -> None:
    api = Api()
    send(api, {"type": "file-new"})
    send(api, {"type": "embed-title", "title": "Host title"})
    assert "Host title" == shared(api)[1]


def test_an_untitled_diagram_adds_no_title() -> None:
    api = Api()
    send(api, {"type": "file-new"})
    doc, title = shared(api)
    assert "title" not in doc.get("meta", {})
    assert "Shared diagram" == title
