"""Format 1.1: container membership is validated like any reference."""

from __future__ import annotations

import json
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats import native


def _file(*elements: dict[str, Any], minor: int = 1) -> bytes:
    return json.dumps(
        {
            "format": "linework",
            "version": 1,
            "minor": minor,
            "pages": [
                {
                    "id": "page:1",
                    "layers": [{"id": "layer:1"}],
                    "elements": list(elements),
                },
                {"id": "page:2", "layers": [{"id": "layer:2"}], "elements": []},
            ],
        }
    ).encode()


def _shape(rid: str, **more: Any) -> dict[str, Any]:
    return {
        "type": "shape",
        "id": rid,
        "layer": "layer:1",
        "kind": "container",
        "box": {"x": 0, "y": 0, "w": 10, "h": 10},
        **more,
    }


@pytest.mark.parametrize(
    ("elements", "place", "problem"),
    [
        ([_shape("a", container="nope")], "elements[0].container", "names no shape"),
        ([_shape("a", container=7)], "elements[0].container", "names no shape"),
        (
            [_shape("a", container="b"), _shape("b", container="a")],
            ".container",
            "cycle",
        ),
        ([_shape("a", container="a")], ".container", "cycle"),
    ],
)
def test_bad_memberships_are_refused_at_their_place(
    elements: list[dict[str, Any]], place: str, problem: str
) -> None:
    with pytest.raises(LineworkError) as info:
        native.decode(_file(*elements))
    assert "LW-E0102" == info.value.code
    assert place in info.value.detail and problem in info.value.detail


def test_a_connector_may_belong_to_a_container() -> None:
    conn = {
        "type": "connector",
        "id": "c",
        "layer": "layer:1",
        "source": {"x": 0, "y": 0},
        "target": {"x": 1, "y": 1},
        "container": "a",
    }

    doc = native.decode(_file(_shape("a"), conn))

    assert ("c",) == tuple(e.id for e in doc.contents("a"))


def test_a_newer_minor_version_opens_and_keeps_what_it_adds() -> None:
    data = _file(_shape("a", shelf={"x": 1}), _shape("b", container="a"), minor=7)

    doc = native.decode(data)

    assert {"x": 1} == doc.records["a"].extra["shelf"]
    assert "a" == doc.records["b"].extra["container"]


def test_minor_must_be_a_whole_number() -> None:
    with pytest.raises(LineworkError) as info:
        native.decode(_file(_shape("a"), minor="1"))  # type: ignore[arg-type]
    assert "minor" in info.value.detail
