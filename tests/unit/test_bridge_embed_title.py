"""The host's ``configure {title}`` reaches the core (``embed-title``), so later
status replies, saves and share links name the new title, not the old one."""

from __future__ import annotations

import json
from typing import Any

import pytest

from linework.bridge.api import Api


def send(api: Api, message: dict[str, Any]) -> dict[str, Any]:
    reply = api.dispatch(json.dumps(message))
    assert reply["ok"], reply
    return reply


def test_configure_title_changes_the_status_title() -> None:
    api = Api()
    send(api, {"type": "file-new"})
    assert "Untitled" == send(api, {"type": "embed-status"})["title"]

    reply = send(api, {"type": "embed-title", "title": "  Q3   plan "})
    assert "Q3 plan" == reply["title"]
    assert "Q3 plan" == send(api, {"type": "embed-status"})["title"]
    assert "Q3 plan" == send(api, {"type": "save"})["title"]


def test_a_blank_or_long_title_is_kept_sensibly() -> None:
    api = Api()
    send(api, {"type": "file-new"})
    assert "Untitled" == send(api, {"type": "embed-title", "title": " \n "})["title"]
    long = send(api, {"type": "embed-title", "title": "x" * 500})["title"]
    assert "x" * 200 == long


@pytest.mark.parametrize("title", [None, 3, ["a"]])
def test_a_title_that_is_not_text_is_refused(title: object) -> None:
    api = Api()
    send(api, {"type": "file-new"})
    send(api, {"type": "embed-title", "title": "Kept"})
    reply = api.dispatch(json.dumps({"type": "embed-title", "title": title}))
    assert not reply["ok"] and "LW-E0601" == reply["code"]
    assert "Kept" == send(api, {"type": "embed-status"})["title"]


def test_the_viewer_may_be_retitled() -> None:
    """A read-only embed still takes the host's title: it changes no document."""
    api = Api()
    send(api, {"type": "file-new"})
    send(api, {"type": "read-only"})
    assert "Shown" == send(api, {"type": "embed-title", "title": "Shown"})["title"]
