"""``warm`` with ``open``: throwaway opens that leave the session's diagram alone.

How fast the browser's engine gets is not checked here (no timings in
tests); what is: the session's document, history and the last open's
recorded phases are untouched, and the answer turns ``warmed`` within the cap.
"""

from __future__ import annotations

import base64
import json

from linework import phases
from linework.bridge import warming
from linework.bridge.api import Api
from sample_docs import document


def test_warming_opens_leave_the_session_and_the_open_s_phases_alone() -> None:
    api = Api()
    data = base64.b64encode(json.dumps(document(text="Mine")).encode()).decode()
    opened = api.dispatch(
        json.dumps({"type": "file-open", "name": "mine.linework", "data": data})
    )
    assert opened["ok"] is True
    recorded = phases.last()
    before = api.dispatch(json.dumps({"type": "recovery"}))["data"]

    answers = [
        api.dispatch(json.dumps({"type": "warm", "open": True}))
        for _ in range(warming._MOST + 2)
    ]

    assert all(a["ok"] is True for a in answers)
    # Warm within the cap, and then it stays so without opening again.
    assert answers[-1]["warmed"] is True
    assert len(answers[-1]["runs"]) == len(answers[-2]["runs"]) <= warming._MOST
    assert before == api.dispatch(json.dumps({"type": "recovery"}))["data"]
    assert phases.last() == recorded


def test_plain_warm_opens_nothing() -> None:
    reply = Api().dispatch(json.dumps({"type": "warm"}))
    assert reply == {"ok": True}


def test_the_throwaway_diagram_is_a_valid_file() -> None:
    from linework.formats import native

    doc = native.decode(json.dumps(warming.warm_document()).encode())
    page = doc.pages()[0]
    assert len(doc.elements(page.id)) == 2 * warming._COLS * warming._ROWS
