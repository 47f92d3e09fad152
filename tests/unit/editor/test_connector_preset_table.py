"""``set-relation`` and ``connector-preset`` read one table of connector presets."""

from __future__ import annotations

from typing import Any

import pytest

from linework.editor import Editor
from linework.model import Connector
from linework.shapes.relations import RELATIONS


def act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    ui: dict[str, Any] = ed.handle({"type": "action", "name": action, "args": args})[
        "ui"
    ]
    return ui


def _connected(ed: Editor) -> str:
    a = act(ed, "add-shape", kind="rectangle", x=100, y=100)["selection"][0]
    b = act(ed, "add-shape", kind="rectangle", x=400, y=100)["selection"][0]
    act(ed, "connect", source={"shape": a}, target={"shape": b})
    (conn,) = [r for r in ed.document.records.values() if isinstance(r, Connector)]
    act(ed, "select", ids=[conn.id])
    return conn.id


@pytest.mark.parametrize("action", ["set-relation", "connector-preset"])
@pytest.mark.parametrize("name", ["composition", "bpmn-message-flow"])
def test_either_action_applies_any_preset_of_the_table(action: str, name: str) -> None:
    ed = Editor()
    conn = _connected(ed)
    before = ed.document.typed(conn, Connector).style

    assert not act(ed, action, name=name).get("error")
    st = ed.document.typed(conn, Connector).style
    fields = RELATIONS[name]["fields"]
    assert {k: getattr(st, k) for k in fields} == dict(fields)
    # BPMN lines keep the width they have; UML heads get a 2-unit line.
    assert st.stroke_width == fields.get("stroke_width", before.stroke_width)
    act(ed, "undo")
    assert ed.document.typed(conn, Connector).style == before


@pytest.mark.parametrize("action", ["set-relation", "connector-preset"])
def test_an_unknown_preset_is_an_error_that_changes_nothing(action: str) -> None:
    ed = Editor()
    conn = _connected(ed)
    before = ed.document.typed(conn, Connector).style

    assert "unknown" in act(ed, action, name="nope")["error"]["detail"]
    assert ed.document.typed(conn, Connector).style == before
