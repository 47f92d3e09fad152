"""A sealed document in embed mode never reaches the host in clear (issue 14).

The host loads a sealed file, the user types its passphrase inside the frame,
and then every `export` (all four formats), the Save button and every
`autosave` carry a freshly sealed envelope (or, for draw.io, nothing unless the
user agrees inside the frame). The host's view is everything it received by
postMessage and its own page: the plaintext's marker must appear in neither.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from lw_helpers import document
from test_embed import EXAMPLES, THIRD_HTML, Host, host_csp, origin_of

from linework import files, seal
from linework.formats import png as pngfmt
from linework.seal.native import NativePrimitives

PASS = "plum tractor velvet orbit"
SECRET = "TopSecretEmbedMarker"
SEALED_PREFIX = '{"format":"linework-sealed"'


@pytest.fixture(scope="module")
def origins(build_module: Any, site: Any) -> Iterator[dict[str, Any]]:
    """The app (framed by the host only) and the example host, two loopback ports."""
    build = build_module
    with (
        build.serving(EXAMPLES, extra={"/third.html": THIRD_HTML}) as host,
        build.serving(build.DIST, frame_ancestors=f"'self' {origin_of(host)}") as app,
    ):
        host.headers_all = {
            **host.headers_all,
            "Content-Security-Policy": host_csp(origin_of(app)),
        }
        yield {"app": app, "host": host}


@pytest.fixture(scope="module")
def host(browser: Any, origins: dict[str, Any]) -> Iterator[Host]:
    context = browser.new_context(viewport={"width": 1300, "height": 800})
    h = Host(context, origins)
    h.wait_event("load")  # the example host loads its sample at init
    yield h
    context.close()


def sealed_file() -> str:
    plain = json.dumps(document(text=SECRET)).encode()
    return seal.seal(plain, PASS, NativePrimitives(), iterations=100_000).decode()


def unsealed(data: bytes) -> str:
    return seal.unseal(data, PASS, NativePrimitives()).decode()


def host_saw(host: Host) -> str:
    """Everything the host page received or shows, as one string.

    An SVG export is a picture: the words drawn in its <text> are the picture
    (as in the editor's own export), so they are left out; all else counts.
    """
    events = []
    for event in host.events():
        data = event.get("data")
        if event.get("format") == "svg" and isinstance(data, str):
            event = {
                **event,
                "data": re.sub(r"<text\b.*?</text>", "", data, flags=re.S),
            }
        events.append(event)
    stored = host.page.evaluate("() => JSON.stringify(host.stored())")
    return json.dumps(events) + str(stored) + str(host.page.inner_text("body"))


def load_sealed(host: Host, data: str, **extra: Any) -> None:
    """The host loads a sealed file; the user types the passphrase in the frame."""
    start = host.send({"action": "load", "data": data, **extra})
    dialog = host.frame.locator("dialog[open][data-role=passphrase]")
    dialog.wait_for(timeout=30_000)
    dialog.locator("input[data-field=passphrase]").click()
    host.page.keyboard.type(PASS)
    host.page.keyboard.press("Enter")
    assert host.wait_event("load", start, timeout=60)["ok"]
    assert SECRET in (host.frame.locator("#canvas").text_content() or "")


def test_sealed_document_stays_sealed_for_the_host(host: Host) -> None:
    load_sealed(host, sealed_file(), title="Secret")

    # export in every format the protocol has
    start = host.send({"action": "export", "format": "linework"})
    exported = host.wait_event("export", start)["data"]
    assert exported.startswith(SEALED_PREFIX)
    assert SECRET in unsealed(exported.encode())

    start = host.send({"action": "export", "format": "svg"})
    svg = host.wait_event("export", start, timeout=60)["data"]
    inner = files.embedded_document(svg.encode())
    assert inner is not None and inner.startswith(SEALED_PREFIX.encode())
    assert SECRET in unsealed(inner)

    start = host.send({"action": "export", "format": "png"})
    png = host.wait_event("export", start, timeout=60)["data"]
    raw = base64.b64decode(png.split(",", 1)[1])
    chunk = pngfmt.text_chunks(raw)["linework"]
    assert chunk.startswith(SEALED_PREFIX.encode())
    assert SECRET in unsealed(chunk)

    # draw.io cannot be sealed: the frame asks, and "Cancel" sends nothing.
    start = host.send({"action": "export", "format": "drawio"})
    ask = host.frame.locator("dialog[open][data-role=confirm-plain-export]")
    ask.wait_for(timeout=30_000)
    ask.locator("button[data-choice=cancel]").click()
    assert {"event": "error", "code": "LW-E0605"} == host.wait_event("error", start)
    assert [] == [e for e in host.events()[start:] if e.get("event") == "export"]

    # Save (the frame's button) and autosave after an edit
    start = len(host.events())
    host.frame.locator('[data-action="embed-save"]').click()
    saved = host.wait_event("save", start, timeout=60)["data"]
    assert saved.startswith(SEALED_PREFIX) and SECRET in unsealed(saved.encode())

    host.send({"action": "configure", "autosave": True, "autosaveDelay": 200})
    start = len(host.events())
    reply = host.bridge(
        {
            "type": "editor",
            "event": {
                "type": "action",
                "name": "add-shape",
                "args": {"kind": "rectangle", "x": 300, "y": 300},
            },
        }
    )
    assert reply["ok"], reply
    autosave = host.wait_event("autosave", start, timeout=60)["data"]
    assert autosave.startswith(SEALED_PREFIX)
    again = json.loads(unsealed(autosave.encode()))
    first = json.loads(unsealed(exported.encode()))
    assert len(first["pages"][0]["elements"]) + 1 == len(again["pages"][0]["elements"])
    # Fresh salt and nonce every time: no two envelopes alike.
    assert len({exported, saved, autosave, inner.decode()}) == 4

    seen = host_saw(host)
    assert SECRET not in seen and PASS not in seen
    # No plain .linework at all (it starts {"format":"linework","version":…).
    assert '\\"format\\":\\"linework\\",\\"version\\"' not in seen
    assert '"format":"linework","version"' not in seen


def test_plain_drawio_leaves_only_when_the_user_agrees_in_the_frame(
    host: Host,
) -> None:
    load_sealed(host, sealed_file())
    start = host.send({"action": "export", "format": "drawio"})
    ask = host.frame.locator("dialog[open][data-role=confirm-plain-export]")
    ask.wait_for(timeout=30_000)
    assert "encrypted" in (ask.text_content() or "")
    ask.locator("button[data-choice=ok]").click()
    assert "<mxfile" in host.wait_event("export", start, timeout=60)["data"]


def test_a_sealed_save_loads_again_as_linework(host: Host) -> None:
    load_sealed(host, sealed_file())
    start = len(host.events())
    host.frame.locator('[data-action="embed-save"]').click()
    saved = host.wait_event("save", start, timeout=60)["data"]
    assert saved.startswith(SEALED_PREFIX)
    load_sealed(host, saved, format="linework")
