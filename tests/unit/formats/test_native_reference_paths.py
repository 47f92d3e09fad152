"""Reference errors name the element's place, on any page (built only on error)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats import native


def _doc() -> dict[str, Any]:
    box = {"x": 0, "y": 0, "w": 10, "h": 10}
    return {
        "format": "linework",
        "version": 1,
        "minor": 1,
        "pages": [
            {
                "id": "p1",
                "layers": [{"id": "l1"}],
                "elements": [
                    {"type": "shape", "id": "s1", "layer": "l1", "box": box},
                    {"type": "group", "id": "g1", "layer": "l1"},
                ],
            },
            {
                "id": "p2",
                "layers": [{"id": "l2"}],
                "elements": [
                    {"type": "shape", "id": "s2", "layer": "l2", "box": box},
                    {"type": "shape", "id": "s3", "layer": "l2", "box": box},
                    {
                        "type": "connector",
                        "id": "c2",
                        "layer": "l2",
                        "source": {"shape": "s2"},
                        "target": {"shape": "s3"},
                    },
                    {"type": "group", "id": "g2", "layer": "l2"},
                ],
            },
        ],
    }


@pytest.mark.parametrize(
    ("index", "key", "value", "detail"),
    [
        (1, "parent", "g1", "pages[1].elements[1].parent: names a group on another"),
        (1, "parent", "l2", "pages[1].elements[1].parent: names no group: 'l2'"),
        (2, "target", {"shape": "s1"}, "pages[1].elements[2].target.shape: names no"),
        (2, "source", {"shape": "p2"}, "pages[1].elements[2].source.shape: names no"),
        (3, "parent", "g2", "pages[1].elements[3].parent: groups form a cycle"),
        (1, "container", "p2", "pages[1].elements[1].container: names no shape"),
        (1, "container", "s1", "pages[1].elements[1].container: names a shape on"),
        (0, "container", "s2", "pages[1].elements[0].container: containers form a"),
    ],
)
def test_a_bad_reference_on_the_second_page_names_its_place(
    index: int, key: str, value: Any, detail: str
) -> None:
    raw = _doc()
    raw["pages"][1]["elements"][index][key] = value
    with pytest.raises(LineworkError) as caught:
        native.decode(json.dumps(raw).encode())
    assert caught.value.code == "LW-E0102"
    assert detail in caught.value.detail


def test_the_good_document_reads() -> None:
    doc = native.decode(json.dumps(_doc()).encode())
    assert [e.id for e in doc.elements("p2")] == ["s2", "s3", "c2", "g2"]
