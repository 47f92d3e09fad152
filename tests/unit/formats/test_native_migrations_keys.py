"""Minor migrations touch only the elements that hold their keys, and say so fast.

Every file without a ``minor`` (most files: it is written only when used)
takes them; an element that is no object is still refused at its place.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats.native import decode
from linework.model import Connector, Shape


def _file(elements: list[Any], minor: int | None = None) -> bytes:
    page = {"id": "p1", "layers": [{"id": "l1"}], "elements": elements}
    doc: dict[str, Any] = {"format": "linework", "version": 1, "pages": [page]}
    if minor is not None:
        doc["minor"] = minor
    return json.dumps(doc).encode()


def _shape(i: int, **more: Any) -> dict[str, Any]:
    box = {"x": i * 10, "y": 0, "w": 8, "h": 8}
    return {"type": "shape", "id": f"s{i}", "layer": "l1", "box": box, **more}


def test_a_1_0_file_migrates_only_what_holds_the_keys() -> None:
    elements: list[Any] = [_shape(i, text=f"t{i}") for i in range(300)]
    elements.append(_shape(300, container="not membership"))
    elements.append(
        _shape(301, text="x", rich=[{"runs": [{"text": "x", "bold": True}]}])
    )
    label = {"text": "yes", "rich": [{"runs": [{"text": "yes"}]}]}
    elements.append(
        {
            "type": "connector",
            "id": "c",
            "layer": "l1",
            "source": {"shape": "s0"},
            "target": {"shape": "s1"},
            "labels": [label],
        }
    )
    doc = decode(_file(elements))
    assert doc.typed("s300", Shape).extra["container_1_0"] == "not membership"
    assert "rich_1_1" in doc.typed("s301", Shape).extra
    c = doc.typed("c", Connector)
    assert c.labels[0].text == "yes" and c.labels[0].rich is None
    assert [doc.typed(f"s{i}", Shape).text for i in range(300)] == [
        f"t{i}" for i in range(300)
    ]
    assert not any(doc.typed(f"s{i}", Shape).extra for i in range(300))
    # The same keys in a 1.2 file are what they say: membership needs a
    # container there, and rich text is kept.
    doc12 = decode(_file(elements[:2] + elements[301:], minor=2))
    assert doc12.typed("s301", Shape).rich is not None


@pytest.mark.parametrize("bad", [7, ["rich"], "labels", None])
def test_an_element_that_is_no_object_is_refused_at_its_place(bad: Any) -> None:
    with pytest.raises(LineworkError) as caught:
        decode(_file([_shape(0), bad, _shape(2)]))
    assert caught.value.code == "LW-E0102"
    assert "elements[1]" in caught.value.detail


def test_one_labelled_connector_does_not_copy_every_element(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from linework.formats import native_migrations

    fixed: list[Any] = []
    real = native_migrations._no_rich_1_1

    def counting(el: Any) -> Any:
        fixed.append(el)
        return real(el)

    monkeypatch.setattr(native_migrations, "_no_rich_1_1", counting)
    elements: list[Any] = [_shape(i) for i in range(500)]
    elements.append(
        {
            "type": "connector",
            "id": "c",
            "layer": "l1",
            "source": {"shape": "s0"},
            "target": {"shape": "s1"},
            "labels": [{"text": "a label"}],
        }
    )
    doc = decode(_file(elements))
    assert doc.typed("c", Connector).labels[0].text == "a label"
    assert [el["id"] for el in fixed] == ["c"]
