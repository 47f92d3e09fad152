"""Document titles from file names, and the sealed reader's plain-sentence errors."""

from __future__ import annotations

from typing import Any

import pytest

from linework.app.titles import title_from as _title_from
from linework.errors import LineworkError
from linework.seal import parse_sealed


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("flow.linework", "flow"),
        ("flow.drawio", "flow"),
        ("class-diagrams.dio", "class-diagrams"),
        ("Example.dio.svg", "Example"),
        ("test.dio.png", "test"),
        ("webdav-diagram.xml", "webdav-diagram"),
        ("architecture.drawio.svg", "architecture"),
        ("Example.drawio.png", "Example"),
        ("sketch.excalidraw", "sketch"),
        ("cycle.mmd", "cycle"),
        ("Learn.gliffy", "Learn"),
        ("C:\\diagrams\\Net.DIO", "Net"),
        (".dio", ".dio"),
        ("", "Untitled"),
    ],
)
def test_title_drops_every_known_extension(name: str, title: str) -> None:
    """A known diagram extension is dropped from the title, whatever its case."""
    assert title == _title_from(name)


def test_truncated_sealed_file_says_so_in_a_sentence() -> None:
    """A cut-off sealed file's detail is a sentence, not the JSON parser's fragment."""
    head = b'{"format":"linework-sealed","version":1,"ciphertext":"AAAA'
    with pytest.raises(LineworkError) as caught:
        parse_sealed(head)
    assert "LW-E0301" == caught.value.code
    detail = caught.value.detail
    assert detail.startswith("The file ends too early") and detail.endswith(".")
    assert "line 1, column" in detail and "starting at" not in detail


def test_malformed_sealed_file_names_the_place() -> None:
    """Other syntax errors name the line and column in a full sentence."""
    with pytest.raises(LineworkError) as caught:
        parse_sealed(b'{"format": nope}')
    assert "LW-E0301" == caught.value.code
    assert "not valid JSON at line 1, column 12" in caught.value.detail


def test_share_link_open_prefers_the_documents_own_title() -> None:
    """file-open with meta_title takes meta.title; without it, or without one, the name."""
    import base64
    import json

    from linework.bridge import create_api

    def opened(meta: dict[str, str], **extra: bool) -> str:
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
        data = base64.b64encode(json.dumps(raw).encode()).decode()
        message = {"type": "file-open", "name": "Shared diagram", "data": data}
        reply = json.loads(create_api().handle(json.dumps({**message, **extra})))
        assert reply["ok"], reply
        return str(reply["document"]["title"])

    assert "Q3 plan" == opened({"title": " Q3  plan "}, meta_title=True)
    assert "Shared diagram" == opened({"title": " Q3  plan "})
    assert "Shared diagram" == opened({}, meta_title=True)
    assert "Shared diagram" == opened({"title": "  "}, meta_title=True)


def test_lock_button_follows_the_selection_or_a_locked_element() -> None:
    """toggle-lock is enabled with a selection, or with nothing selected when the
    page has a locked element to unlock (Unlock all); otherwise it is disabled."""
    from scenarios.driver import TestEditor

    t = TestEditor()
    assert _lock_enabled(t) is False
    t.drop_shape("rectangle", 200, 200)
    assert _lock_enabled(t) is True
    t.action("toggle-lock")
    t.key_down("Escape")
    assert [] == t.selection
    assert _lock_enabled(t) is True  # unlock all
    t.action("toggle-lock")
    t.key_down("Escape")
    assert _lock_enabled(t) is False


def _lock_enabled(t: Any) -> bool:
    """Read the flag afresh: mypy would keep an ``assert`` narrowing across calls."""
    return bool(t.ui["enabled"]["toggle-lock"])
