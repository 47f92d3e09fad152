"""Image exports embed only what the picture shows (issue 14).

"Export → The selection" and the export of one page of a many-page diagram
used to embed the whole document in the image; now the SVG and PNG carry the
page on screen, or the selection, and nothing else.
"""

from __future__ import annotations

import base64
import json
import os
import struct
import zlib
from typing import Any

from lw_helpers import document

from linework import files
from linework.bridge import Api
from linework.formats import png
from linework.seal import unseal
from linework.seal.native import NativePrimitives


def ok(api: Api, **message: Any) -> dict[str, Any]:
    reply = api.dispatch(json.dumps(message))
    assert reply["ok"], reply
    return reply


def opened(pages: int) -> Api:
    api = Api()
    data = json.dumps(document(pages=pages, text="Shown")).encode()
    ok(api, type="file-open", name="two.linework", data=base64.b64encode(data).decode())
    return api


def select(api: Api, ids: list[str]) -> None:
    event = {"type": "action", "name": "select", "args": {"ids": ids}}
    ok(api, type="editor", event=event)


def embedded(svg: str) -> dict[str, Any]:
    inner = files.embedded_document(svg.encode())
    assert inner is not None
    return json.loads(inner)  # type: ignore[no-any-return]


def element_ids(doc: dict[str, Any]) -> list[str]:
    return [e["id"] for p in doc["pages"] for e in p["elements"]]


def tiny_png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


def test_selection_export_embeds_only_the_selection() -> None:
    api = opened(pages=2)
    select(api, ["shape:1a"])
    svg = ok(api, type="file-export", format="svg", selection=True)["data"]
    raw = ok(
        api, type="png-embed", png=base64.b64encode(tiny_png()).decode(), selection=True
    )["data"]
    from_png = json.loads(png.text_chunks(base64.b64decode(raw))[files.PNG_KEY])

    for doc in (embedded(svg), from_png):
        assert ["shape:1a"] == element_ids(doc)
        assert ["page:1"] == [p["id"] for p in doc["pages"]]


def test_page_export_embeds_only_that_page() -> None:
    api = opened(pages=2)
    svg = ok(api, type="file-export", format="svg")["data"]
    doc = embedded(svg)
    assert ["page:1"] == [p["id"] for p in doc["pages"]]
    assert {"shape:1a", "shape:1b", "conn:1"} == set(element_ids(doc))
    assert "Shown 2" not in json.dumps(doc)


def test_one_page_document_embeds_as_it_is() -> None:
    api = opened(pages=1)
    svg = ok(api, type="file-export", format="svg")["data"]
    whole = ok(api, type="save")["data"]
    assert json.loads(base64.b64decode(whole)) == embedded(svg)


def test_sealed_part_for_an_image_holds_only_what_it_shows() -> None:
    """seal-begin with ``shown``: the plaintext sealed into the image is the part."""
    api = opened(pages=2)
    select(api, ["shape:1b"])
    prim = NativePrimitives()
    salt, nonce = os.urandom(16), os.urandom(12)
    begun = ok(
        api,
        type="seal-begin",
        salt=base64.b64encode(salt).decode(),
        nonce=base64.b64encode(nonce).decode(),
        shown=True,
        selection=True,
    )
    plaintext = base64.b64decode(begun["plaintext"])
    key = prim.derive_key(b"plum tractor velvet orbit", salt, begun["iterations"])
    ciphertext = prim.encrypt(key, nonce, plaintext, base64.b64decode(begun["aad"]))
    sealed = ok(
        api,
        type="seal-finish",
        salt=base64.b64encode(salt).decode(),
        nonce=base64.b64encode(nonce).decode(),
        iterations=begun["iterations"],
        ciphertext=base64.b64encode(ciphertext).decode(),
    )["data"]
    inner = unseal(base64.b64decode(sealed), "plum tractor velvet orbit", prim)
    assert ["shape:1b"] == element_ids(json.loads(inner))
