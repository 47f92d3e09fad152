"""paused_gc: the collector is off inside, and back as it was after, errors too."""

from __future__ import annotations

import gc

import pytest

from linework.gcpause import paused_gc


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("bad file")
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_opening_a_bad_file_leaves_the_collector_on() -> None:
    from linework.bridge import create_api

    reply = create_api().dispatch(
        '{"type": "file-open", "name": "x.linework", "data": "e30="}'
    )
    assert reply["ok"] is False
    assert gc.isenabled()


def test_freeze_sets_what_the_block_made_aside_until_thawed() -> None:
    from linework.gcpause import thaw

    thaw()
    assert gc.get_freeze_count() == 0
    with paused_gc(freeze=True):
        made = [[i] for i in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    thaw()
    assert gc.get_freeze_count() == 0


def test_an_open_sets_its_objects_aside_and_the_next_message_hands_them_back() -> None:
    """The first collection after an open does not walk the new document inside
    the open; the next message gives it back to the collector."""
    import base64
    import json

    from linework.bridge import create_api
    from sample_docs import document

    api = create_api()
    data = base64.b64encode(json.dumps(document()).encode()).decode()
    reply = api.dispatch(
        json.dumps({"type": "file-open", "name": "x.linework", "data": data})
    )
    assert reply["ok"] is True
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    api.dispatch(json.dumps({"type": "editor", "event": {"type": "idle"}}))
    assert gc.get_freeze_count() == 0
