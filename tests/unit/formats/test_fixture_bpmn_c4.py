"""The 1.2 fixture (BPMN and C4 kinds) opens as it did, and rewrites unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from linework.formats import native
from linework.model import Shape

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "v1_2_bpmn_c4.linework"


def test_v1_2_fixture_opens_with_its_kinds_props_and_membership() -> None:
    doc = native.decode(FIXTURE.read_bytes())
    shapes = sorted(
        (r for r in doc.records.values() if isinstance(r, Shape)), key=lambda s: s.z
    )
    boundary, container, timer, gateway = shapes

    assert [s.kind for s in shapes] == [
        "c4-system-boundary",
        "c4-container",
        "bpmn-start-timer",
        "bpmn-gateway-exclusive",
    ]
    assert boundary.props["container"] is True
    assert container.extra["container"] == boundary.id
    assert container.text == "API\n[Container: Go]\nServes orders"
    assert container.style.fill == "#438dd5"
    assert timer.style.label_position == "bottom"
    assert dict(gateway.props) == {"gateway": "complex"}


def test_v1_2_fixture_rewrites_canonically() -> None:
    raw = json.loads(FIXTURE.read_bytes())
    again = json.loads(native.encode(native.decode(FIXTURE.read_bytes())))

    assert again == raw
    assert again["minor"] == 2
