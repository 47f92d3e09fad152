"""The app layer: workspaces, opening, titles, share links, host formats, viewer mode."""

from __future__ import annotations

import json

import pytest

from linework.app import hosting, opening, policy, sharing
from linework.app.titles import clean_title, title_from
from linework.app.workspace import MAX_PENDING_SAVES, Workspace
from linework.errors import LineworkError
from linework.formats import native
from linework.model import Document, IdSource


def _linework(title: str | None = None) -> bytes:
    doc = Document.new(IdSource())
    raw = json.loads(native.encode(doc))
    if title is not None:
        raw["meta"] = {"title": title}
    return json.dumps(raw).encode()


def test_save_tokens_belong_to_their_workspace() -> None:
    """A token handed out in one tab means nothing in another (no global table)."""
    a, b = Workspace(), Workspace()
    a.new()
    b.new()
    a.editor.handle({"type": "action", "name": "add-text", "args": {"x": 1, "y": 1}})
    b.editor.handle({"type": "action", "name": "add-text", "args": {"x": 1, "y": 1}})
    _, token_a = a.save()
    _, token_b = b.save()
    assert token_a == token_b == 1  # each workspace counts its own
    assert a.saves._pending[1] is a.editor.document
    assert b.saves._pending[1] is b.editor.document
    a.saved(token_a, "plan.linework")
    assert a.editor.history.dirty is False and a.title == "plan"
    assert b.editor.history.dirty is True  # a's confirmation is not b's
    assert a.saves.take(token_a) is None  # a token is taken once


def test_old_save_tokens_are_dropped() -> None:
    ws = Workspace()
    ws.new()
    tokens = [ws.save()[1] for _ in range(MAX_PENDING_SAVES + 2)]
    assert ws.saves.take(tokens[0]) is None
    assert ws.saves.take(tokens[-1]) is ws.editor.document


def test_open_file_titles_and_copy() -> None:
    ws = Workspace()
    replaced = ws.open_file("C:/x/Q3.linework", _linework("  Own   title "))
    assert replaced.document.title == "Q3" and replaced.document.native is True
    assert (
        ws.open_file("s", _linework(" Own  "), meta_title=True).document.title == "Own"
    )
    copy = ws.open_file("s", _linework("Own"), meta_title=True, copy=True)
    assert copy.document.title == "Untitled" and copy.response.ui.dirty is True
    assert ws.editor.history.dirty is True


def test_a_failed_open_changes_nothing() -> None:
    ws = Workspace()
    ws.open_file("a.linework", _linework())
    before = ws.editor.document
    with pytest.raises(LineworkError):
        ws.open_file("b.linework", b'{"format": "linework"')
    assert ws.editor.document is before and ws.title == "a"


def test_opening_tells_pictures_apart_only_when_asked() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    with pytest.raises(opening.PictureError):
        opening.open_bytes(svg)
    with pytest.raises(LineworkError) as caught:
        opening.open_bytes(svg, pictures_too=False)
    assert caught.value.code == "LW-E0206" and not isinstance(
        caught.value, opening.PictureError
    )
    assert opening.kind_of(svg) == "picture"
    assert opening.kind_of(_linework()) == "diagram"
    assert opening.kind_of(b"hello") == "none"


def test_titles() -> None:
    assert title_from("a/b/Office.drawio.svg") == "Office"
    assert title_from(".linework") == ".linework"
    assert clean_title("x" * 300) == "x" * 200


def test_share_link_round_trip_and_title() -> None:
    doc = Document.new(IdSource())
    fragment = sharing.share_fragment(doc, "Plan")
    back = native.decode(sharing.link_document(fragment))
    assert back.meta["title"] == "Plan"
    assert (
        "title"
        not in native.decode(
            sharing.link_document(sharing.share_fragment(doc, "Untitled"))
        ).meta
    )
    with pytest.raises(LineworkError, match="LW-E0604"):
        sharing.link_document("d=%%%")


def test_host_formats_must_match_the_content() -> None:
    raw = hosting.host_bytes(_linework().decode())
    assert hosting.matched_format(raw, "linework") == "linework"
    assert hosting.matched_format(raw, None) == "linework"
    with pytest.raises(LineworkError, match="LW-E0602"):
        hosting.matched_format(raw, "drawio")
    with pytest.raises(LineworkError, match="LW-E0601"):
        hosting.check_named("pdf")
    with pytest.raises(LineworkError, match="LW-E0602"):
        hosting.host_bytes("data:text/html;base64,AAAA")


def test_viewer_policy() -> None:
    policy.check_read_only({"type": "editor", "event": {"type": "pointermove"}})
    policy.check_read_only(
        {"type": "editor", "event": {"type": "action", "name": "zoom-in"}}
    )
    policy.check_read_only({"type": "file-open"})
    for message in (
        {"type": "file-new"},
        {"type": "editor", "event": {"type": "pointerdown"}},
        {"type": "editor", "event": {"type": "action", "name": "delete"}},
    ):
        with pytest.raises(LineworkError, match="LW-E0502"):
            policy.check_read_only(message)


def test_viewer_policy_reads_the_action_records() -> None:
    """The read-only allow-lists are the registry's, not a list of the app's own."""
    from linework.editor import REGISTRY

    assert policy.allowed_actions() == REGISTRY.viewer_actions
    assert policy.allowed_actions(embed=True) == REGISTRY.embed_actions
    for name in sorted(REGISTRY.embed_actions):
        policy.check_read_only(
            {"type": "editor", "event": {"type": "action", "name": name}}, embed=True
        )


def test_read_only_embed_session_uses_the_embed_list() -> None:
    """``read-only`` with ``embed: true`` marks the session; edits stay refused."""
    from linework.bridge.api import Api

    api = Api()
    reply = api.dispatch(json.dumps({"type": "read-only", "embed": True}))
    assert reply == {"ok": True, "read_only": True}
    zoom = {"type": "editor", "event": {"type": "action", "name": "zoom-in"}}
    assert api.dispatch(json.dumps(zoom))["ok"]
    delete = {"type": "editor", "event": {"type": "action", "name": "delete"}}
    refused = api.dispatch(json.dumps(delete))
    assert not refused["ok"] and refused["code"] == "LW-E0502"
    bad = Api().dispatch(json.dumps({"type": "read-only", "embed": "yes"}))
    assert not bad["ok"]


def test_viewer_keys_of_allowed_actions_pass_and_others_are_refused() -> None:
    """A viewer's keydown runs when it is the shortcut of an action the viewer
    may run (Escape, Alt+PageDown); other keys, lone modifiers and type-to-edit
    letters stay refused."""

    def key(k: str, code: str = "", **mods: bool) -> dict[str, object]:
        return {
            "type": "editor",
            "event": {"type": "keydown", "key": k, "code": code, **mods},
        }

    for ok in (key("Escape"), key("PageDown", alt=True), key("PageUp", alt=True)):
        policy.check_read_only(ok)
    for refused in (
        key("Delete"),
        key("a", "KeyA", ctrl=True),
        key("z", "KeyZ", ctrl=True),
        key("b", "KeyB", ctrl=True),
        key("Control", "ControlLeft", ctrl=True),
        key("x", "KeyX"),
        key("PageDown"),
    ):
        with pytest.raises(LineworkError, match="LW-E0502"):
            policy.check_read_only(refused)
