"""The bridge side of embedding, the viewer and share links (no browser needed)."""

from __future__ import annotations

import base64
import json
import random
import zlib
from typing import Any

import pytest

from linework.bridge import Api
from linework.bridge.embedding import SHARE_LIMIT
from sample_docs import document

DRAWIO = (
    '<mxfile><diagram id="d" name="Page-1"><mxGraphModel><root>'
    '<mxCell id="0"/><mxCell id="1" parent="0"/>'
    '<mxCell id="a" value="From draw.io" style="rounded=0;" vertex="1" parent="1">'
    '<mxGeometry x="20" y="20" width="120" height="60" as="geometry"/></mxCell>'
    "</root></mxGraphModel></diagram></mxfile>"
)
MERMAID = "flowchart LR\n  A[Start] --> B[End]\n"


def call(api: Api, **message: Any) -> dict[str, Any]:
    return api.dispatch(json.dumps(message))


def opened(api: Api, text: str, **extra: Any) -> dict[str, Any]:
    sniffed = call(api, type="embed-sniff", data=text, **extra)
    assert sniffed["ok"], sniffed
    reply = call(api, type="open", name="Embedded", data=sniffed["data"])
    assert reply["ok"], reply
    return sniffed


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (json.dumps(document()), "linework"),
        (DRAWIO, "drawio"),
        (MERMAID, "mermaid"),
    ],
)
def test_sniff_then_open_each_format(text: str, fmt: str) -> None:
    """A host's text is recognised and opens through the usual open message."""
    api = Api()
    assert fmt == opened(api, text)["format"]
    assert fmt == opened(api, text, format=fmt)["format"]


def test_named_format_must_match_and_bad_data_changes_nothing() -> None:
    api = Api()
    opened(api, json.dumps(document(text="Kept")))
    before = call(api, type="embed-export", format="linework")["data"]

    wrong = call(api, type="embed-sniff", data=MERMAID, format="drawio")
    junk = call(api, type="embed-sniff", data="hello there")
    bad_format = call(api, type="embed-sniff", data=MERMAID, format="visio")
    bad_uri = call(api, type="embed-sniff", data="data:text/html,<b>x</b>")

    assert ("LW-E0602", "LW-E0100", "LW-E0601", "LW-E0602") == (
        wrong["code"],
        junk["code"],
        bad_format["code"],
        bad_uri["code"],
    )
    assert before == call(api, type="embed-export", format="linework")["data"]


def test_png_data_uri_of_an_export_loads() -> None:
    api = Api()
    opened(api, json.dumps(document(text="In a PNG")))
    source = call(api, type="embed-export", format="png")
    assert source["svg"].startswith("<svg")
    tiny_png = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    uri = call(
        api,
        type="embed-export",
        format="png",
        raster=base64.b64encode(tiny_png).decode(),
    )["data"]
    assert uri.startswith("data:image/png;base64,")

    other = Api()
    assert "linework-image" == opened(other, uri)["format"]
    text = call(other, type="embed-export", format="linework")["data"]
    assert "In a PNG 1" in text


def test_exports_answer_text() -> None:
    api = Api()
    opened(api, json.dumps(document()))
    svg = call(api, type="embed-export", format="svg")
    drawio = call(api, type="embed-export", format="drawio")
    lw = call(api, type="embed-export", format="linework")
    bad = call(api, type="embed-export", format="pdf")

    assert svg["data"].startswith("<svg") and "linework:document" in svg["data"]
    assert "<mxfile" in drawio["data"]
    assert "linework" == json.loads(lw["data"])["format"]
    assert "LW-E0601" == bad["code"]


def test_status_tracks_changes_and_dirty() -> None:
    api = Api()
    opened(api, json.dumps(document()))
    first = call(api, type="embed-status")
    again = call(api, type="embed-status")
    call(
        api,
        type="editor",
        event={"type": "action", "name": "select-all", "args": {}},
    )
    call(api, type="editor", event={"type": "action", "name": "delete", "args": {}})
    edited = call(api, type="embed-status")
    stored = call(api, type="embed-status", modified=False)
    marked = call(api, type="embed-status", modified=True)

    assert (True, False) == (first["changed"], first["dirty"])
    assert (False, False) == (again["changed"], again["dirty"])
    assert (True, True) == (edited["changed"], edited["dirty"])
    assert (False, False) == (stored["changed"], stored["dirty"])
    assert marked["dirty"] is True
    assert "LW-E0601" == call(api, type="embed-status", modified="no")["code"]


def test_read_only_refuses_every_edit_but_keeps_viewing() -> None:
    api = Api()
    opened(api, json.dumps(document(pages=2)))
    assert call(api, type="read-only")["ok"]
    before = call(api, type="embed-export", format="linework")["data"]

    refused = [
        call(api, type="file-new"),
        call(api, type="editor", event={"type": "action", "name": "select-all"}),
        call(api, type="editor", event={"type": "keydown", "key": "Delete"}),
        call(
            api,
            type="editor",
            event={"type": "pointerdown", "x": 50, "y": 50, "button": 0},
        ),
        call(api, type="editor", event={"type": "drop-shape", "kind": "rectangle"}),
        call(api, type="editor", event={"type": "action", "name": "new"}),
    ]
    page = call(
        api,
        type="editor",
        event={"type": "action", "name": "set-page", "args": {"id": "page:2"}},
    )

    assert {"LW-E0502"} == {r["code"] for r in refused}
    assert page["ok"]
    assert before == call(api, type="embed-export", format="linework")["data"]
    # Viewing another file is still allowed.
    assert opened(api, DRAWIO)["format"] == "drawio"


def test_share_link_round_trip_and_limit() -> None:
    api = Api()
    opened(api, json.dumps(document(text="Shared")))
    link = call(api, type="share-link")
    fragment = link["fragment"]
    data = call(api, type="link-data", fragment=fragment)

    assert fragment.startswith("d=") and len(fragment) <= SHARE_LIMIT
    packed = base64.urlsafe_b64decode(fragment[2:] + "=" * (-len(fragment[2:]) % 4))
    assert b'"format":"linework"' in zlib.decompress(packed, -15)
    other = Api()
    assert call(other, type="open", name="Shared diagram", data=data["data"])["ok"]
    for bad in ("", "x=1", "d=!!", "d=" + fragment[2:40]):
        assert "LW-E0604" == call(api, type="link-data", fragment=bad)["code"]


def test_share_link_over_the_limit_says_so() -> None:
    api = Api()
    doc = document()
    rng = random.Random(7)
    first = doc["pages"][0]["elements"][0]
    # Incompressible text in four shapes: the link cannot fit in 100 KB.
    doc["pages"][0]["elements"] = [
        {**first, "id": f"shape:{n}", "text": f"{rng.getrandbits(4 * 60_000):x}"}
        for n in range(4)
    ]
    opened(api, json.dumps(doc))

    reply = call(api, type="share-link")

    assert "LW-E0402" == reply["code"]
    assert "100 KB" in reply["detail"]


def test_debug_fail_is_an_internal_error_with_detail() -> None:
    reply = call(Api(), type="test.fail", text="MARKER")
    assert "LW-E0001" == reply["code"] and "MARKER" in reply["detail"]


def test_export_with_a_sealed_envelope_hands_out_only_the_envelope() -> None:
    """Issue 14: with ``sealed`` the host gets the envelope, never the plaintext."""
    from linework import files, seal
    from linework.seal.native import NativePrimitives

    api = Api()
    opened(api, json.dumps(document(text="Plain secret")))
    plain = call(api, type="embed-export", format="linework")["data"].encode()
    envelope = seal.seal(plain, "a passphrase", NativePrimitives(), iterations=100_000)
    sealed = base64.b64encode(envelope).decode()

    text = call(api, type="embed-export", format="linework", sealed=sealed)
    svg = call(api, type="embed-export", format="svg", sealed=sealed)
    drawio = call(api, type="embed-export", format="drawio", sealed=sealed)
    bad = call(api, type="embed-export", format="linework", sealed="eyJ4Ijox")

    assert envelope.decode() == text["data"]
    assert envelope == files.embedded_document(svg["data"].encode())
    assert "Plain secret" not in json.dumps([text, drawio, bad])
    assert (False, "LW-E0605") == (drawio["ok"], drawio["code"])
    assert (False, "LW-E0301") == (bad["ok"], bad["code"])
    # What a host stored loads again when it names the format linework.
    assert (
        "linework-sealed"
        == call(api, type="embed-sniff", data=text["data"], format="linework")["format"]
    )
