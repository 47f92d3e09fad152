"""Fuzzing targets (issue 14): every importer, the sniffer and the sealed-envelope
parser, fed mutated seeds and random bytes by Hypothesis.

The property is the promise of DESIGN §7: bad input gets a clear error with
its code. A target may return a result or raise ``LineworkError``; any other
exception (or a hang past the deadline) is a crash. Runs are bounded by
``max_examples`` and ``deadline`` so they belong in the normal suite (and so
in CI). A crash found is kept under ``crashes/`` (``<target>-<name>.bin``)
and replayed by ``test_kept_crashes_stay_fixed`` forever after.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linework.errors import LineworkError
from linework.formats import drawio, excalidraw, gliffy, imports, mermaid, native
from linework.seal import parse_sealed

ROOT = Path(__file__).resolve().parents[3]
CRASHES = Path(__file__).resolve().parent / "crashes"

DRAWIO = (
    b'<mxfile><diagram name="P1"><mxGraphModel><root><mxCell id="0"/>'
    b'<mxCell id="1" parent="0"/><mxCell id="a" value="A &amp; b" '
    b'style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">'
    b'<mxGeometry x="10" y="10" width="120" height="60" as="geometry"/></mxCell>'
    b'<mxCell id="b" value="B" style="ellipse;" vertex="1" parent="1">'
    b'<mxGeometry x="200" y="10" width="80" height="80" as="geometry"/></mxCell>'
    b'<mxCell id="e" value="go" edge="1" parent="1" source="a" target="b">'
    b'<mxGeometry relative="1" as="geometry"><Array as="points">'
    b'<mxPoint x="150" y="40"/></Array></mxGeometry></mxCell>'
    b"</root></mxGraphModel></diagram></mxfile>"
)
EXCALIDRAW = json.dumps(
    {
        "type": "excalidraw",
        "version": 2,
        "elements": [
            {
                "type": "rectangle",
                "id": "r",
                "x": 0,
                "y": 0,
                "width": 100,
                "height": 50,
            },
            {"type": "ellipse", "id": "e", "x": 200, "y": 0, "width": 80, "height": 80},
            {
                "type": "arrow",
                "id": "a",
                "x": 100,
                "y": 25,
                "points": [[0, 0], [100, 15]],
                "startBinding": {"elementId": "r"},
                "endBinding": {"elementId": "e"},
            },
            {
                "type": "text",
                "id": "t",
                "x": 0,
                "y": 80,
                "text": "Hi",
                "containerId": None,
            },
        ],
    }
).encode()
GLIFFY = json.dumps(
    {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                {
                    "x": 0,
                    "y": 0,
                    "width": 150,
                    "height": 60,
                    "id": 0,
                    "order": 0,
                    "uid": "com.gliffy.shape.basic.basic_v1.default.rectangle",
                    "graphic": {"type": "Shape", "Shape": {"fillColor": "#ffffff"}},
                    "children": [],
                },
                {
                    "x": 0,
                    "y": 0,
                    "width": 10,
                    "height": 10,
                    "id": 1,
                    "order": 1,
                    "uid": "com.gliffy.shape.basic.basic_v1.default.line",
                    "graphic": {
                        "type": "Line",
                        "Line": {"controlPath": [[0, 0], [50, 50]], "endArrow": 1},
                    },
                    "constraints": {
                        "startConstraint": {"StartPositionConstraint": {"nodeId": 0}}
                    },
                },
            ]
        },
    }
).encode()
MERMAID = b'flowchart LR\n  A[Start] -->|yes| B{Choice}\n  B --> C((End))\n  click A "https://example.org"\n  subgraph S\n  C\n  end\n'
NATIVE = (ROOT / "examples" / "flowchart.linework").read_bytes()
SEALED = json.loads((ROOT / "tests" / "vectors" / "seal_v1.json").read_text())[
    "vectors"
][0]["sealed"].encode()


def _decode_native(data: bytes) -> Any:
    return native.decode(data)


TARGETS: dict[str, tuple[Callable[[bytes], Any], bytes]] = {
    "drawio": (drawio.read, DRAWIO),
    "gliffy": (gliffy.read, GLIFFY),
    "excalidraw": (excalidraw.read, EXCALIDRAW),
    "mermaid": (mermaid.read, MERMAID),
    "native": (_decode_native, NATIVE),
    "sniff": (imports.read_any, DRAWIO),
    "sealed": (parse_sealed, SEALED),
}
FUZZ = settings(
    max_examples=100,
    deadline=2_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


def _run(target: Callable[[bytes], Any], data: bytes) -> None:
    with contextlib.suppress(LineworkError):
        target(data)


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few bytes flipped, inserted, deleted or a span repeated."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "cut"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b"<",
                        b">",
                        b'"',
                        b"{",
                        b"}",
                        b"[",
                        b"]",
                        b"\x00",
                        b"\xff",
                        b"&#0;",
                        b"\\u0000",
                        b"-1e309",
                        b"NaN",
                        b"\n",
                    ]
                )
            )
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif op == "repeat":
            span = data[at : at + draw(st.integers(1, 40))]
            data[at:at] = span * draw(st.integers(1, 50))
        elif op == "cut":
            del data[at:]
    return bytes(data)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_mutated_seeds_never_crash(name: str) -> None:
    target, seed = TARGETS[name]

    @FUZZ
    @given(data=mutated(seed))
    def check(data: bytes) -> None:
        _run(target, data)

    check()


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_random_bytes_never_crash(name: str) -> None:
    target, _ = TARGETS[name]

    @FUZZ
    @given(data=st.binary(max_size=512))
    def check(data: bytes) -> None:
        _run(target, data)

    check()


def test_kept_crashes_stay_fixed() -> None:
    """Every input that once crashed a target now gets a result or a code."""
    kept = sorted(CRASHES.glob("*.bin"))
    for path in kept:
        name = path.name.split("-", 1)[0]
        target, _ = TARGETS[name]
        _run(target, path.read_bytes())
