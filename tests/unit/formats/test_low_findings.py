"""Low findings of issue 14 in the importers: duplicate JSON keys and bad UTF-8."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats import drawio, excalidraw, gliffy, imports, mermaid, native

DUPLICATE = (
    b'{"type":"excalidraw","version":2,"elements":[{"type":"rectangle","id":"r",'
    b'"x":0,"y":0,"width":10,"height":10}],"elements":[]}'
)


def test_excalidraw_with_duplicate_keys_is_refused_not_opened_empty() -> None:
    for read in (excalidraw.read, imports.read_any):
        with pytest.raises(LineworkError) as caught:
            read(DUPLICATE)
        assert "LW-E0202" == caught.value.code
        assert "'elements' appears twice" in caught.value.detail


def test_gliffy_with_duplicate_keys_is_refused_too() -> None:
    data = b'{"contentType":"application/gliffy+json","stage":{},"stage":{}}'
    with pytest.raises(LineworkError) as caught:
        gliffy.read(data)
    assert "LW-E0201" == caught.value.code


BAD_UTF8: dict[str, tuple[Callable[[bytes], Any], bytes]] = {
    "drawio": (drawio.read, b'<mxfile><diagram name="\xc3\x28"></diagram></mxfile>'),
    "gliffy": (
        gliffy.read,
        b'{"contentType":"application/gliffy+json","x":"\xc3\x28"}',
    ),
    "excalidraw": (excalidraw.read, b'{"type":"excalidraw","x":"\xc3\x28"}'),
    "mermaid": (mermaid.read, b"flowchart LR\n A[\xc3\x28] --> B\n"),
    "native": (native.decode, b'{"format":"linework","version":1,"x":"\xc3\x28"}'),
}


@pytest.mark.parametrize("name", sorted(BAD_UTF8))
def test_invalid_utf8_gets_the_same_code_in_every_format(name: str) -> None:
    read, data = BAD_UTF8[name]
    for reader in (read, imports.read_any):
        with pytest.raises(LineworkError) as caught:
            reader(data)
        assert "LW-E0107" == caught.value.code, name
        assert "offset" in caught.value.detail


def _excalidraw(elements: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        {"type": "excalidraw", "version": 2, "elements": elements}
    ).encode()


def test_excalidraw_point_cap_says_so() -> None:
    stroke = {
        "type": "freedraw",
        "id": "f",
        "x": 0,
        "y": 0,
        "points": [[i, i % 7] for i in range(1500)],
    }
    result = excalidraw.read(_excalidraw([stroke]))
    assert any("1,000 points" in w for w in result.warnings)
    small = dict(stroke, points=[[i, 0] for i in range(10)])
    assert not any(
        "points" in w for w in excalidraw.read(_excalidraw([small])).warnings
    )


def test_excalidraw_nesting_cap_says_so() -> None:
    box = {"type": "rectangle", "id": "r", "x": 0, "y": 0, "width": 10, "height": 10}
    deep = dict(box, groupIds=[f"g{i}" for i in range(40)])
    result = excalidraw.read(_excalidraw([deep]))
    assert any("nested deeper" in w for w in result.warnings)
    shallow = dict(box, groupIds=["g0", "g1"])
    assert not any(
        "nested" in w for w in excalidraw.read(_excalidraw([shallow])).warnings
    )


def _gliffy(objects: list[dict[str, Any]]) -> bytes:
    return json.dumps(
        {
            "contentType": "application/gliffy+json",
            "version": "1.3",
            "stage": {"objects": objects},
        }
    ).encode()


def _gliffy_line(points: int) -> dict[str, Any]:
    return {
        "x": 0,
        "y": 0,
        "width": 10,
        "height": 10,
        "id": 1,
        "order": 1,
        "uid": "com.gliffy.shape.basic.basic_v1.default.line",
        "graphic": {
            "type": "Line",
            "Line": {"controlPath": [[i, i % 5] for i in range(points)]},
        },
    }


def test_gliffy_point_cap_says_so() -> None:
    assert any(
        "bends" in w for w in gliffy.read(_gliffy([_gliffy_line(1100)])).warnings
    )
    assert not any(
        "bends" in w for w in gliffy.read(_gliffy([_gliffy_line(10)])).warnings
    )
