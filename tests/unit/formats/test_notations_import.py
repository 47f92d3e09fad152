"""draw.io and Gliffy BPMN and C4 shapes import as the BPMN and C4 kinds."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from linework.formats import drawio, gliffy
from linework.model import Shape

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus" / "drawio"


def _kinds(name: str) -> Counter[str]:
    doc = drawio.read((CORPUS / name).read_bytes()).doc
    return Counter(r.kind for r in doc.records.values() if isinstance(r, Shape))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_draw_io_bpmn_example_imports_as_bpmn_kinds() -> None:
    """draw.io's BPMN example: every event, task and gateway has its kind."""
    result = drawio.read((CORPUS / "dd_bpmn-example.drawio").read_bytes())
    kinds = _kinds("dd_bpmn-example.drawio")

    assert result.unmapped == 0
    assert kinds["bpmn-manual-task"] == 6
    assert kinds["bpmn-send-task"] == 5
    assert kinds["bpmn-script-task"] == 1
    assert kinds["bpmn-sub-process"] == 2
    assert kinds["bpmn-end-terminate"] == 2
    assert kinds["bpmn-intermediate-timer"] == 1
    assert kinds["bpmn-gateway-exclusive"] == 3
    assert kinds["bpmn-gateway-parallel"] == 1
    assert kinds["bpmn-gateway-event-based"] == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_draw_io_older_bpmn_shapes_import() -> None:
    """``mxgraph.bpmn.shape`` gateways and events and ``mxgraph.bpmn.timer_start``."""
    kinds = _kinds("tpl_business_bpmn.xml")

    assert kinds["bpmn-gateway-parallel"] == 3
    assert kinds["bpmn-start-timer"] == 2
    assert kinds["bpmn-start-event"] == 1
    assert kinds["bpmn-end-event"] == 1
    assert kinds["bpmn-message"] == 11


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_draw_io_c4_imports_as_c4_kinds_with_their_labels() -> None:
    """C4 objects (``c4Type``) become C4 kinds; the label keeps all its lines."""
    doc = drawio.read((CORPUS / "dd_C4.drawio").read_bytes()).doc
    shapes = [r for r in doc.records.values() if isinstance(r, Shape)]
    by_text = {s.text: s.kind for s in shapes}
    kinds = Counter(s.kind for s in shapes)

    assert by_text["Support Staff\n[Person]\n\nMonitors the production line"] == (
        "c4-person"
    )
    assert kinds["c4-person"] >= 3
    assert kinds["c4-software-system"] >= 6
    assert kinds["c4-container"] >= 1
    assert kinds["c4-component"] >= 1
    # A C4 database stays draw.io's cylinder.
    assert kinds["cylinder"] >= 3


def _cell(style: str, attrs: str = "", value: str = "x") -> bytes:
    cell = (
        f'<mxCell id="a" value="{value}" style="{style}" vertex="1" parent="1">'
        '<mxGeometry x="10" y="10" width="60" height="60" as="geometry"/></mxCell>'
    )
    if attrs:
        inner = cell.replace(' id="a"', "", 1)
        cell = f'<object id="a" label="{value}" {attrs}>{inner}</object>'
    return (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/>{cell}</root></mxGraphModel></diagram></mxfile>'
    ).encode()


@pytest.mark.parametrize(
    ("style", "attrs", "kind", "props"),
    [
        (
            "shape=mxgraph.bpmn.event;outline=standard;symbol=general;",
            "",
            "bpmn-start-event",
            {},
        ),
        (
            "shape=mxgraph.bpmn.event;outline=boundInt;symbol=error;",
            "",
            "bpmn-intermediate-error",
            {},
        ),
        (
            "shape=mxgraph.bpmn.event;outline=throwing;symbol=signal;",
            "",
            "bpmn-intermediate-signal",
            {"throwing": True},
        ),
        (
            "shape=mxgraph.bpmn.event;outline=standard;symbol=conditional;",
            "",
            "bpmn-start-event",
            {"marker": "conditional"},
        ),
        ("shape=mxgraph.bpmn.task2;taskMarker=user;", "", "bpmn-user-task", {}),
        ("shape=mxgraph.bpmn.task;taskMarker=service;", "", "bpmn-service-task", {}),
        ("shape=mxgraph.bpmn.task;taskMarker=receive;", "", "bpmn-receive-task", {}),
        (
            "shape=mxgraph.bpmn.gateway2;outline=end;symbol=general;",
            "",
            "bpmn-gateway-inclusive",
            {},
        ),
        (
            "shape=mxgraph.bpmn.gateway2;gwType=inclusive;",
            "",
            "bpmn-gateway-inclusive",
            {},
        ),
        (
            "shape=mxgraph.bpmn.gateway2;gwType=complex;",
            "",
            "bpmn-gateway-exclusive",
            {"gateway": "complex"},
        ),
        (
            "shape=mxgraph.bpmn.shape;background=gateway;symbol=exclusiveGw;",
            "",
            "bpmn-gateway-exclusive",
            {},
        ),
        ("shape=mxgraph.bpmn.data;", "", "bpmn-data-object", {}),
        ("shape=datastore;", "", "bpmn-data-store", {}),
        ("shape=mxgraph.bpmn.error_end;", "", "bpmn-end-error", {}),
        ("rounded=1;", 'c4Type="Component" c4Name="x"', "c4-component", {}),
        (
            "rounded=1;",
            'c4Type="SystemScopeBoundary"',
            "c4-system-boundary",
            {"container": True},
        ),
        ("shape=mxgraph.c4.person2;", 'c4Type="Person"', "c4-person", {}),
    ],
)
def test_draw_io_cells(
    style: str, attrs: str, kind: str, props: dict[str, Any]
) -> None:
    """Each draw.io BPMN/C4 style maps to its kind and props, and counts as mapped."""
    result = drawio.read(_cell(style, attrs))
    (shape,) = [r for r in result.doc.records.values() if isinstance(r, Shape)]

    assert (shape.kind, result.unmapped) == (kind, 0)
    for key, value in props.items():
        assert shape.props.get(key) == value


@pytest.mark.parametrize(
    ("uid", "kind"),
    [
        ("com.gliffy.shape.bpmn.bpmn_v1.events.general_start", "bpmn-start-event"),
        ("com.gliffy.shape.bpmn.bpmn_v1.events.message_start", "bpmn-start-message"),
        (
            "com.gliffy.shape.bpmn.bpmn_v1.events.timer_intermediate",
            "bpmn-intermediate-timer",
        ),
        ("com.gliffy.shape.bpmn.bpmn_v1.events.error_end", "bpmn-end-error"),
        ("com.gliffy.shape.bpmn.bpmn_v1.events.terminate", "bpmn-end-terminate"),
        ("com.gliffy.shape.bpmn.bpmn_v1.events.rule_start", "bpmn-start-event"),
        (
            "com.gliffy.shape.bpmn.bpmn_v1.gateways.gateway_xor_data",
            "bpmn-gateway-exclusive",
        ),
        ("com.gliffy.shape.bpmn.bpmn_v1.gateways.gateway_and", "bpmn-gateway-parallel"),
        ("com.gliffy.shape.bpmn.bpmn_v1.gateways.gateway_or", "bpmn-gateway-inclusive"),
        (
            "com.gliffy.shape.bpmn.bpmn_v1.gateways.gateway_xor_event",
            "bpmn-gateway-event-based",
        ),
        ("com.gliffy.shape.bpmn.bpmn_v1.activities.task", "bpmn-task"),
        (
            "com.gliffy.shape.bpmn.bpmn_v1.activities.collapsed_sub_process",
            "bpmn-sub-process",
        ),
        (
            "com.gliffy.shape.bpmn.bpmn_v1.data_artifacts.data_object",
            "bpmn-data-object",
        ),
    ],
)
def test_gliffy_bpmn_stencils(uid: str, kind: str) -> None:
    """Gliffy's BPMN stencils map to the BPMN kinds."""
    raw: dict[str, Any] = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                {
                    "x": 10,
                    "y": 10,
                    "width": 60,
                    "height": 60,
                    "rotation": 0,
                    "id": 1,
                    "uid": uid,
                    "order": 1,
                    "hidden": False,
                    "children": [],
                    "graphic": {"type": "Shape", "Shape": {"tid": None}},
                }
            ]
        },
    }
    result = gliffy.read(json.dumps(raw).encode())
    (shape,) = [r for r in result.doc.records.values() if isinstance(r, Shape)]

    assert (shape.kind, result.unmapped) == (kind, 0)


@pytest.mark.parametrize(
    ("style", "kind", "props"),
    [
        (
            "shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_aws_cloud;",
            "rectangle",
            {"container": True},
        ),
        ("shape=mxgraph.aws4.groupCenter;", "rectangle", {"container": True}),
        ("shape=mxgraph.rackGeneral.container;", "rectangle", {"container": True}),
        ("shape=mxgraph.floorplan.wall;fillColor=#000000;", "rectangle", {}),
        (
            "shape=mxgraph.floorplan.wallCorner;direction=south;",
            "floorplan-wall-corner",
            {"direction": "south"},
        ),
        (
            "shape=mxgraph.floorplan.wallU;wallThickness=15;",
            "floorplan-wall-u",
            {"thickness": 15.0},
        ),
        (
            "shape=image;image=https://jgraph.github.io/drawio-libs/libs/arista/DCS-7050Q-16.svg;",
            "icon",
            {"library": "network", "icon": "switch"},
        ),
        (
            "shape=mxgraph.rack.ibm.ibm_x3550_m4;",
            "icon",
            {"library": "network", "icon": "server"},
        ),
    ],
)
def test_other_families_map_to_existing_kinds_and_icons(
    style: str, kind: str, props: dict[str, Any]
) -> None:
    """AWS groups and racks are frames, walls are bars, Arista switch pictures
    and IBM rack servers are the network icons; none counts as unmapped."""
    result = drawio.read(_cell(style))
    (shape,) = [r for r in result.doc.records.values() if isinstance(r, Shape)]

    assert (shape.kind, result.unmapped) == (kind, 0)
    for key, value in props.items():
        assert shape.props.get(key) == value
    # A web picture is never fetched and its address is not kept as a stencil.
    assert "https:" not in str(shape.props.get("stencil", ""))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_corpus_unmapped_shapes_are_down_and_none_is_bpmn_or_c4(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Across the draw.io corpus: no BPMN or C4 shape is unmapped, and the
    network, AWS and floor-plan groups this branch maps are gone."""
    from linework.formats.drawio import cells

    names: Counter[str] = Counter()

    def count(found: Any) -> None:
        names.update(found)
        return None

    monkeypatch.setattr(cells, "unmapped_warning", count)
    total = sum(
        drawio.read(p.read_bytes()).unmapped
        for p in sorted(CORPUS.iterdir())
        if p.suffix in (".drawio", ".xml", ".dio", ".svg", ".png")
    )

    assert not [n for n in names if "bpmn" in n or "c4" in n or n == "message"]
    for gone in (
        "image",
        "mxgraph.aws4.group",
        "mxgraph.floorplan.wall",
        "mxgraph.floorplan.wallCorner",
        "mxgraph.floorplan.wallU",
    ):
        assert names[gone] <= 2, gone
    assert total <= 90
