"""BPMN and C4 in the editor core: palette entries, the pool preset, starting
styles, connector presets and the file's minor version."""

from __future__ import annotations

import json
from typing import Any

from linework.bridge import workbench
from linework.editor import Editor
from linework.formats import native
from linework.model import Connector, Shape


def act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    ui: dict[str, Any] = ed.handle({"type": "action", "name": action, "args": args})[
        "ui"
    ]
    return ui


def shapes(ed: Editor) -> list[Shape]:
    return sorted(
        (r for r in ed.document.records.values() if isinstance(r, Shape)),
        key=lambda s: s.id,
    )


def test_palette_lists_bpmn_and_c4_sections_with_the_pool_and_lane() -> None:
    kinds = workbench.palette(None, {})["kinds"]  # type: ignore[arg-type]
    by_library: dict[str, list[str]] = {}
    for k in kinds:
        by_library.setdefault(k["library"], []).append(k["name"])
        assert k["svg"].startswith("<svg")

    assert by_library["bpmn"][-2:] == ["bpmn-pool", "bpmn-lane"]
    assert "bpmn-start-event" in by_library["bpmn"]
    assert by_library["c4"][0] == "c4-person"
    pool = next(k for k in kinds if k["name"] == "bpmn-pool")
    assert "pool" in pool["keywords"] and "lane" in pool["keywords"]
    # The pool's preview draws the pool and its two lanes.
    assert pool["svg"].count('data-kind="swimlane"') == 3


def test_pool_preset_is_one_undo_step_and_its_lanes_belong_to_it() -> None:
    ed = Editor()
    ui = act(ed, "add-shape", kind="bpmn-pool", x=400, y=300)
    assert not ui.get("error")
    pool, lane1, lane2 = shapes(ed)

    assert ui["selection"] == [pool.id]
    assert [s.kind for s in (pool, lane1, lane2)] == ["swimlane"] * 3
    assert lane1.extra["container"] == pool.id == lane2.extra["container"]
    assert lane1.box.bottom == lane2.box.y  # touching: one lane row
    act(ed, "undo")
    assert shapes(ed) == []


def test_new_bpmn_and_c4_shapes_start_with_their_notation_style() -> None:
    ed = Editor()
    act(ed, "add-shape", kind="bpmn-end-event", x=100, y=100)
    act(ed, "add-shape", kind="c4-container", x=400, y=100)
    act(ed, "add-shape", kind="c4-container-boundary", x=400, y=500)
    event, container, boundary = shapes(ed)

    assert event.style.label_position == "bottom"
    assert (container.style.fill, container.style.font_color) == ("#438dd5", "#ffffff")
    assert boundary.props["container"] is True and boundary.style.dash == "dashed"


def test_connector_presets_restyle_the_selected_connectors() -> None:
    ed = Editor()
    a = act(ed, "add-shape", kind="bpmn-task", x=100, y=100)["selection"][0]
    b = act(ed, "add-shape", kind="bpmn-task", x=400, y=100)["selection"][0]
    act(ed, "connect", source={"shape": a}, target={"shape": b})
    (conn,) = [r for r in ed.document.records.values() if isinstance(r, Connector)]
    act(ed, "select", ids=[conn.id])

    ui = act(ed, "connector-preset", name="bpmn-message-flow")
    assert not ui.get("error")
    st = ed.document.typed(conn.id, Connector).style
    assert (st.dash, st.start_arrow, st.end_arrow) == (
        "dashed",
        "circle-hollow",
        "block-hollow",
    )
    act(ed, "connector-preset", name="bpmn-sequence-flow")
    st = ed.document.typed(conn.id, Connector).style
    assert (st.dash, st.start_arrow, st.end_arrow) == ("solid", "none", "block")
    act(ed, "undo")
    assert ed.document.typed(conn.id, Connector).style.dash == "dashed"
    # A shape alone is not restyled; an unknown preset is an error.
    act(ed, "select", ids=[a])
    assert act(ed, "connector-preset", name="bpmn-message-flow").get("error")
    assert act(ed, "connector-preset", name="nope").get("error")
    assert ed.document.typed(a, Shape).style.dash == "solid"


def test_connector_preset_with_nothing_selected_styles_new_connectors() -> None:
    ed = Editor()
    act(ed, "select", ids=[])
    act(ed, "connector-preset", name="c4-relationship")
    assert (ed.connector_style.dash, ed.connector_style.end_arrow) == (
        "dashed",
        "classic",
    )


def test_files_with_bpmn_or_c4_kinds_say_minor_2_and_open_again() -> None:
    ed = Editor()
    act(ed, "add-shape", kind="bpmn-gateway-parallel", x=100, y=100)
    data = native.encode(ed.document)

    assert json.loads(data)["minor"] == 2
    back = native.decode(data)
    assert [s.kind for s in back.records.values() if isinstance(s, Shape)] == [
        "bpmn-gateway-parallel"
    ]
    # A 1.1 file (containers only) still opens.
    old = json.loads(data)
    old["minor"] = 1
    assert native.decode(json.dumps(old).encode()) == back


def _template(name: str) -> Any:
    from pathlib import Path

    import linework

    path = Path(linework.__file__).parent / "templates" / f"{name}.linework"
    return native.decode(path.read_bytes())


def test_bpmn_process_template_opens_with_its_pool_lanes_and_flow() -> None:
    doc = _template("bpmn-process")
    kinds = [r.kind for r in doc.records.values() if isinstance(r, Shape)]
    conns = [r for r in doc.records.values() if isinstance(r, Connector)]

    assert doc.meta["title"] == "BPMN process"
    assert kinds.count("swimlane") == 3
    for kind in (
        "bpmn-start-message",
        "bpmn-user-task",
        "bpmn-gateway-exclusive",
        "bpmn-service-task",
        "bpmn-manual-task",
        "bpmn-send-task",
        "bpmn-end-event",
        "bpmn-end-terminate",
        "bpmn-data-store",
    ):
        assert kind in kinds
    assert len(conns) == 8
    assert sum(c.style.end_arrow == "block" for c in conns) == 7  # sequence flows
    # Every task sits in a lane of the pool.
    lanes = {
        r.id
        for r in doc.records.values()
        if isinstance(r, Shape) and r.kind == "swimlane" and "container" in r.extra
    }
    tasks = [
        r
        for r in doc.records.values()
        if isinstance(r, Shape) and r.kind.endswith("-task")
    ]
    assert tasks and all(t.extra.get("container") in lanes for t in tasks)


def test_c4_context_template_opens_with_its_people_and_systems() -> None:
    doc = _template("c4-context")
    shapes = [r for r in doc.records.values() if isinstance(r, Shape)]
    conns = [r for r in doc.records.values() if isinstance(r, Connector)]
    (boundary,) = [s for s in shapes if s.kind == "c4-system-boundary"]

    assert doc.meta["title"] == "C4 context"
    assert sorted(s.kind for s in shapes) == [
        "c4-person",
        "c4-software-system",
        "c4-software-system",
        "c4-software-system",
        "c4-system-boundary",
    ]
    assert all(c.style.dash == "dashed" for c in conns) and len(conns) == 4
    inside = [s for s in shapes if s.extra.get("container") == boundary.id]
    assert len(inside) == 3


def test_templates_go_to_draw_io_and_back_with_their_kinds_and_members() -> None:
    from linework.formats import drawio
    from linework.formats.drawio import export as drawio_export

    for name in ("bpmn-process", "c4-context"):
        doc = _template(name)
        back = drawio.read(drawio_export.write(doc)).doc

        def summary(d: Any) -> list[tuple[str, str, bool]]:
            return sorted(
                (r.kind, r.text, "container" in r.extra)
                for r in d.records.values()
                if isinstance(r, Shape)
            )

        assert summary(back) == summary(doc), name
        assert drawio.read(drawio_export.write(doc)).unmapped == 0
