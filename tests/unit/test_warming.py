"""``warm`` with ``open``: throwaway opens that leave the session's diagram alone.

How fast the browser's engine gets is not checked here (no timings in
tests); what is: the session's document and the last open's recorded phases
are untouched, the answer turns ``warmed`` within the cap, and nothing is
opened once the user has a diagram with something in it.
"""

from __future__ import annotations

import base64
import json

import pytest

from linework import phases
from linework.bridge import warming
from linework.bridge.api import Api
from sample_docs import document


@pytest.fixture(autouse=True)
def fresh_runtime(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts as a runtime that never warmed."""
    monkeypatch.setattr(warming, "_runs", [])
    monkeypatch.setattr(warming, "_warmed", False)


def _warm(api: Api) -> dict[str, object]:
    reply = api.dispatch(json.dumps({"type": "warm", "open": True}))
    assert reply["ok"] is True
    return reply


def test_warming_opens_leave_the_empty_page_and_the_phases_alone() -> None:
    api = Api()
    api.handle(json.dumps({"type": "file-new"}))
    recorded = phases.last()
    before = api.dispatch(json.dumps({"type": "recovery"}))["data"]

    answers = [_warm(api) for _ in range(warming._MOST + 2)]

    # Opened at least once, warm within the cap, then no more opens.
    assert len(answers[0]["runs"]) == 1  # type: ignore[arg-type]
    assert answers[-1]["warmed"] is True
    assert answers[-1]["runs"] == answers[-2]["runs"]
    assert len(answers[-1]["runs"]) <= warming._MOST  # type: ignore[arg-type]
    assert before == api.dispatch(json.dumps({"type": "recovery"}))["data"]
    assert phases.last() == recorded


def test_nothing_is_opened_once_the_user_has_a_diagram() -> None:
    api = Api()
    data = base64.b64encode(json.dumps(document(text="Mine")).encode()).decode()
    api.dispatch(json.dumps({"type": "file-open", "name": "m.linework", "data": data}))
    reply = _warm(api)
    reply.pop("icons", None)
    assert reply == {"ok": True, "warmed": True, "runs": []}


def test_the_warmed_answer_brings_real_icons_of_every_library() -> None:
    """The icon worker warms up on real library icons (web/icon-worker.js):
    the answer that says warmed carries a few of every library the wheel
    carries, as SVG text; the answers before it carry none."""
    from linework.icons.bundled import _table

    api = Api()
    answers = [_warm(api) for _ in range(warming._MOST + 1)]
    assert all("icons" not in a for a in answers if a["warmed"] is False)
    icons = answers[-1]["icons"]
    assert isinstance(icons, list)
    libraries = {key.partition("/")[0] for key in _table()}
    assert len(icons) == min(warming._RASTER_WARM_ICONS, len(_table()))
    carried = {row["s"]: key.partition("/")[0] for key, row in _table().items()}
    assert {carried[svg] for svg in icons} == libraries
    assert all(svg.startswith("<svg") for svg in icons)


def test_plain_warm_opens_nothing() -> None:
    assert Api().dispatch(json.dumps({"type": "warm"})) == {"ok": True}
    assert warming._runs == []


def test_the_throwaway_diagram_is_a_valid_file() -> None:
    from linework.formats import native
    from linework.model import Shape

    doc = native.decode(json.dumps(warming.warm_document()).encode())
    page = doc.pages()[0]
    elements = doc.elements(page.id)
    icons = [el for el in elements if isinstance(el, Shape) and el.kind == "icon"]
    assert len(elements) == 2 * warming._COLS * warming._ROWS + len(icons)
    # A carried library icon, named below it (when the wheel carries icons).
    assert len(icons) in (0, warming._ICONS)
    for icon in icons:
        assert icon.text and icon.style.label_position == "bottom"
        assert str(icon.props["src"]).startswith("data:image/svg+xml;base64,")
