"""Files through the bridge (linework.bridge.filing), natively.

The browser runs the same handlers under Pyodide with WebCrypto; here the crypto
is ``cryptography`` so the two-phase sealing protocol is checked end to end.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

import pytest

from linework import files
from linework.bridge import Api
from linework.formats import native, png
from linework.seal import unseal
from linework.seal.native import NativePrimitives

PASS = "correct horse battery staple"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text)


def call(api: Api, **message: Any) -> dict[str, Any]:
    reply = api.dispatch(json.dumps(message))
    return reply


def ok(api: Api, **message: Any) -> dict[str, Any]:
    reply = call(api, **message)
    assert reply["ok"], reply
    return reply


def add_shape(api: Api, kind: str = "rectangle") -> dict[str, Any]:
    event = {"type": "action", "name": "add-shape", "args": {"kind": kind}}
    return ok(api, type="editor", event=event)


def edited_api() -> Api:
    api = Api()
    ok(api, type="file-new")
    add_shape(api)
    add_shape(api, "ellipse")
    return api


def seal_through_bridge(api: Api, passphrase: str = PASS) -> bytes:
    """Do what web/sealing.js does, with native primitives."""
    prim = NativePrimitives()
    salt, nonce = os.urandom(16), os.urandom(12)
    begun = ok(api, type="seal-begin", salt=b64(salt), nonce=b64(nonce))
    utf8 = unb64(ok(api, type="passphrase", passphrase=passphrase)["utf8"])
    key = prim.derive_key(utf8, salt, begun["iterations"])
    ct = prim.encrypt(key, nonce, unb64(begun["plaintext"]), unb64(begun["aad"]))
    finished = ok(
        api,
        type="seal-finish",
        salt=b64(salt),
        nonce=b64(nonce),
        iterations=begun["iterations"],
        ciphertext=b64(ct),
    )
    return unb64(finished["data"])


def test_new_is_clean_and_shows_a_reset() -> None:
    api = Api()
    reply = ok(api, type="file-new")
    assert reply["document"]["title"] == "Untitled"
    assert reply["ui"]["dirty"] is False
    assert [{"op": "reset", "elements": []}] == reply["ops"]
    assert reply["ui"]["pages"][0]["id"] == reply["ui"]["page"]["id"]


def test_save_marks_saved_only_when_confirmed() -> None:
    api = edited_api()
    assert ok(api, type="recovery")["dirty"] is True
    saved = ok(api, type="save")
    assert native.decode(unb64(saved["data"])) == native.decode(
        unb64(ok(api, type="save")["data"])
    )
    # Not confirmed: still dirty.
    assert ok(api, type="recovery")["dirty"] is True
    reply = ok(api, type="saved", token=saved["token"], name="plan.linework")
    assert reply == {"ok": True, "dirty": False, "title": "plan"}


def test_an_edit_during_the_write_stays_unsaved() -> None:
    api = edited_api()
    saved = ok(api, type="save")
    add_shape(api)
    assert ok(api, type="saved", token=saved["token"])["dirty"] is True


def test_unknown_token_changes_nothing() -> None:
    api = edited_api()
    assert ok(api, type="saved", token=999_999)["dirty"] is True


def test_open_round_trip_and_native_flag() -> None:
    api = edited_api()
    data = unb64(ok(api, type="save")["data"])
    other = Api()
    reply = ok(other, type="file-open", name="x.linework", data=b64(data))
    assert reply["document"]["native"] is True and reply["document"]["title"] == "x"
    assert reply["ui"]["dirty"] is False
    assert native.encode(native.decode(data)) == native.encode(
        native.decode(unb64(ok(other, type="save")["data"]))
    )


def test_failed_open_leaves_the_document_and_dirty_state() -> None:
    api = edited_api()
    before = ok(api, type="recovery")
    reply = call(api, type="file-open", name="bad.linework", data=b64(b'{"format":'))
    assert reply["ok"] is False and reply["code"].startswith("LW-E01")
    assert ok(api, type="recovery") == before


def test_sealed_file_asks_for_a_passphrase() -> None:
    api = edited_api()
    sealed = seal_through_bridge(api)
    reply = call(Api(), type="file-open", name="s.linework", data=b64(sealed))
    assert reply["code"] == "LW-E0304"


def test_two_phase_seal_unseals_natively_and_opens_plain() -> None:
    api = edited_api()
    sealed = seal_through_bridge(api)
    text = unseal(sealed, PASS, NativePrimitives())
    assert native.decode(text) == api._session.editor.document
    parsed = ok(Api(), type="unseal-parse", data=b64(sealed))
    assert parsed["iterations"] == 600_000
    other = Api()
    reply = ok(other, type="open-plain", name="s.linework", data=b64(text))
    info = reply["document"]
    assert info["sealed"] is True and info["format"] == "linework-sealed"


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda d: d[: len(d) // 2], "LW-E0301"),
        (lambda d: d.replace(b'"version":1', b'"version":2'), "LW-E0302"),
    ],
)
def test_unseal_parse_refuses_before_the_passphrase(mutate: Any, code: str) -> None:
    sealed = seal_through_bridge(edited_api())
    reply = call(Api(), type="unseal-parse", data=b64(mutate(sealed)))
    assert reply["code"] == code


def test_passphrase_is_nfc_and_rated() -> None:
    api = Api()
    a = ok(api, type="passphrase", passphrase="caf\u00e9 one two")
    b = ok(api, type="passphrase", passphrase="cafe\u0301 one two")
    assert a["utf8"] == b["utf8"]
    assert 0 <= a["score"] <= 4 and a["label"]
    assert call(api, type="passphrase", passphrase="")["code"] == "LW-E0304"


def test_svg_export_embeds_the_document_or_the_sealed_envelope() -> None:
    api = edited_api()
    svg = ok(api, type="file-export", format="svg")["data"].encode()
    assert files.open_document(svg).doc == api._session.editor.document
    sealed = seal_through_bridge(api)
    svg = ok(api, type="file-export", format="svg", sealed=b64(sealed))["data"]
    inner = files.embedded_document(svg.encode())
    assert inner == sealed
    plain = native.encode(api._session.editor.document)
    assert b64(plain) not in svg
    bare = ok(api, type="file-export", format="svg", embed=False)["data"]
    assert "linework:document" not in bare


def test_selection_export_has_only_the_selection() -> None:
    api = edited_api()
    doc = api._session.editor.document
    page = doc.pages()[0]
    first = doc.elements(page.id)[0].id
    ok(
        api,
        type="editor",
        event={"type": "action", "name": "select", "args": {"ids": [first]}},
    )
    svg = ok(api, type="file-export", format="svg", selection=True)["data"]
    assert svg.count("data-id=") == 1
    assert f'data-id="{first}"' in svg


def test_png_embed_round_trip() -> None:
    api = edited_api()
    # A 1x1 PNG made without a rasteriser.
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    tiny = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0\0"))
        + chunk(b"IEND", b"")
    )
    out = unb64(ok(api, type="png-embed", png=b64(tiny))["data"])
    assert png.is_png(out)
    assert files.open_document(out).doc == api._session.editor.document


def test_drawio_export_is_text() -> None:
    api = edited_api()
    data = ok(api, type="file-export", format="drawio")["data"]
    assert "<mxfile" in data or "<mxGraphModel" in data


def test_recovery_before_anything_is_empty() -> None:
    assert ok(Api(), type="recovery")["data"] is None
