"""Low findings of issue 14 in the importers: duplicate JSON keys and bad UTF-8."""

from __future__ import annotations

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
