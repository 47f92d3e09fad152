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
