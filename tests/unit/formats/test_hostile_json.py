"""Hostile Gliffy and Excalidraw files: each is refused with a code or read safely.

docs/architecture.md §7: a small JSON document nested thousands deep overflows the stack
in Pyodide and kills the runtime, so depth must be measured before any parser
runs. Every case here must end quickly with a ``LineworkError`` or a document
that the ``.linework`` reader accepts; never a hang or another exception.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.errors import LineworkError
from linework.formats import excalidraw, gliffy, imports, limits, native
from linework.formats.imports import ImportResult
from linework.model import Connector, Document, Free, Group, Shape

Reader = Callable[[bytes], ImportResult]
READERS: dict[str, Reader] = {"gliffy": gliffy.read, "excalidraw": excalidraw.read}
CODES = {"gliffy": "LW-E0201", "excalidraw": "LW-E0202"}
KEY = "application/vnd.excalidraw+json"


@pytest.fixture
def no_json_parse(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make any call to json.loads fail the test: the pre-scan must refuse first."""

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("json.loads ran on input the depth scan should refuse")

    monkeypatch.setattr(json, "loads", boom)
    yield


def refused(read: Reader, data: bytes) -> LineworkError:
    """Run a reader that must refuse; return its error.

    No clock here: that hostile input stops early is asserted by counting
    (e.g. ``test_too_many_gliffy_objects_are_refused``) or by the parser never
    running (``no_json_parse``); times are figures of tools/bench_imports.py.
    """
    with pytest.raises(LineworkError) as info:
        read(data)
    return info.value


def accepted(read: Reader, data: bytes) -> Document:
    """Run a reader that must succeed, with a valid document."""
    doc = read(data).doc
    assert doc == native.decode(native.encode(doc))
    return doc


def excalidraw_scene(*elements: Any, **extra: Any) -> bytes:
    """Return .excalidraw JSON bytes."""
    body = {"type": "excalidraw", "version": 2, "elements": list(elements), **extra}
    return json.dumps(body).encode()


def gliffy_stage(*objects: Any) -> bytes:
    """Return .gliffy JSON bytes."""
    body = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {"objects": list(objects)},
    }
    return json.dumps(body).encode()


def png_with_text(key: str, value: bytes, ctype: bytes = b"tEXt") -> bytes:
    """Return a 1x1 PNG carrying one text chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(ctype, key.encode("latin-1") + b"\0" + value)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )


def envelope(payload: bytes, *, compressed: bool = True) -> bytes:
    """Return Excalidraw's byte-string envelope, as Latin-1 bytes."""
    data = zlib.compress(payload, 9) if compressed else payload
    env = {
        "encoding": "bstring",
        "compressed": compressed,
        "encoded": data.decode("latin-1"),
    }
    return json.dumps(env, ensure_ascii=False).encode("latin-1")


def svg_with(payload: bytes) -> bytes:
    """Return an SVG export with a base64 payload."""
    b64 = base64.b64encode(payload).decode()
    return f"<svg><!-- payload-start -->{b64}<!-- payload-end --></svg>".encode()


# ------------------------------------------------------------------- nesting
DEEP_ARRAYS = b"[" * 10_000 + b"]" * 10_000
DEEP_OBJECTS = b'{"a":' * 10_000 + b"1" + b"}" * 10_000


@pytest.mark.parametrize("fmt", sorted(READERS))
@pytest.mark.parametrize("data", [DEEP_ARRAYS, DEEP_OBJECTS], ids=["arrays", "objects"])
def test_deep_nesting_is_refused_before_parsing(
    fmt: str, data: bytes, no_json_parse: None
) -> None:
    """A ~20 KB document nested 10,000 deep is refused by the linear pre-scan."""
    assert len(data) <= 60_001
    assert "LW-E0106" == refused(READERS[fmt], data).code


def test_deep_gliffy_children_are_refused_before_parsing(no_json_parse: None) -> None:
    """Objects nested 10,000 deep through ``children`` never reach the parser."""
    data = (
        b'{"contentType":"application/gliffy+json","stage":{"objects":'
        + b'[{"children":' * 10_000
        + b"[]"
        + b"}]" * 10_000
        + b"}}"
    )

    assert "LW-E0106" == refused(gliffy.read, data).code


def test_deep_excalidraw_elements_are_refused_before_parsing(
    no_json_parse: None,
) -> None:
    """Nesting hidden in an element's custom data is refused too."""
    data = (
        b'{"type":"excalidraw","elements":[{"id":"a","type":"rectangle","customData":'
        + b"[" * 10_000
        + b"]" * 10_000
        + b"}]}"
    )

    assert "LW-E0106" == refused(excalidraw.read, data).code


@pytest.mark.parametrize(
    "wrap",
    [
        lambda p: png_with_text(KEY, envelope(p)),
        lambda p: svg_with(envelope(p)),
        lambda p: svg_with(p),
    ],
    ids=["png-envelope", "svg-envelope", "svg-plain"],
)
def test_deep_nesting_inside_image_payloads_is_refused(
    wrap: Callable[[bytes], bytes],
) -> None:
    """Deep JSON compressed inside an export is refused after inflating, before parsing."""
    assert "LW-E0106" == refused(excalidraw.read, wrap(DEEP_ARRAYS)).code


# ------------------------------------------------------------------- volume
def test_too_many_excalidraw_elements_are_refused() -> None:
    """More elements than the cap give LW-E0105."""
    data = (
        b'{"type":"excalidraw","elements":['
        + b",".join([b"{}"] * (limits.MAX_ELEMENTS + 1))
        + b"]}"
    )

    assert "LW-E0105" == refused(excalidraw.read, data).code


@pytest.mark.parametrize("nested", [False, True], ids=["flat", "children"])
def test_too_many_gliffy_objects_are_refused(
    nested: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More objects than the cap give LW-E0105, and the walk stops at the cap:
    no object past it is visited (counted, not timed), whether the objects sit
    on the stage or as one object's children."""
    visits = 0
    visit = gliffy._Reader._visit

    def counting(self: Any, frame: Any) -> Any:
        nonlocal visits
        visits += 1
        return visit(self, frame)

    monkeypatch.setattr(gliffy._Reader, "_visit", counting)
    extra: list[dict[str, Any]] = [{}] * (limits.MAX_ELEMENTS + 1000)
    data = gliffy_stage({"children": extra}) if nested else gliffy_stage(*extra)

    assert "LW-E0105" == refused(gliffy.read, data).code
    assert visits == limits.MAX_ELEMENTS


@pytest.mark.parametrize(
    "wrap",
    [
        lambda p: png_with_text(KEY, envelope(p)),
        lambda p: svg_with(envelope(p)),
    ],
    ids=["png", "svg"],
)
def test_compressed_bomb_stops_at_the_cap(wrap: Callable[[bytes], bytes]) -> None:
    """A scene inflating past the size cap is refused (LW-E0205), not expanded."""
    bomb = b" " * (limits.MAX_FILE_BYTES + 1024)
    data = wrap(bomb)
    assert len(data) < 500_000

    assert "LW-E0205" == refused(excalidraw.read, data).code


def test_compressed_text_chunk_bomb_is_capped_while_sniffing() -> None:
    """A zTXt chunk that inflates past the cap stops with LW-E0205 on open."""
    bomb = b"\0" + zlib.compress(b" " * (limits.MAX_FILE_BYTES + 1024), 9)
    data = png_with_text(KEY, bomb, ctype=b"zTXt")

    assert "LW-E0205" == refused(imports.read_any, data).code


# ------------------------------------------------------------------- numbers
@pytest.mark.parametrize("fmt", sorted(READERS))
@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_literals_are_refused(fmt: str, literal: str) -> None:
    """NaN and Infinity are not JSON; the file is refused with the format's code."""
    if fmt == "gliffy":
        text = (
            gliffy_stage({"id": 1, "x": 0})
            .decode()
            .replace('"x": 0', f'"x": {literal}')
        )
    else:
        text = excalidraw_scene({"id": "a", "type": "rectangle", "x": 0}).decode()
        text = text.replace('"x": 0', f'"x": {literal}')

    error = refused(READERS[fmt], text.encode())

    assert (CODES[fmt], True) == (error.code, literal in error.detail)


def test_overflowing_and_extreme_numbers_are_made_safe() -> None:
    """1e999 (parsed as infinity) and far-apart coordinates give a valid document."""
    data = excalidraw_scene(
        {
            "id": "a",
            "type": "rectangle",
            "x": 1e308,
            "y": -1e308,
            "width": 1e300,
            "height": 5,
        },
        {
            "id": "b",
            "type": "ellipse",
            "x": 0,
            "y": 0,
            "width": 10,
            "height": 10,
            "angle": 1e300,
        },
        {
            "id": "c",
            "type": "arrow",
            "x": 9e6,
            "y": 9e6,
            "points": [[0, 0], [9e6, -9e6]],
        },
    ).replace(b"1e+308", b"1e999")

    doc = accepted(excalidraw.read, data)

    assert 3 == sum(isinstance(r, Shape | Connector) for r in doc.records.values())


def test_gliffy_extreme_numbers_are_made_safe() -> None:
    """Huge, negative and non-numeric geometry still yields a valid document."""
    objects = [
        {
            "id": 1,
            "uid": "com.gliffy.shape.basic.basic_v1.default.rectangle",
            "graphic": {
                "type": "Shape",
                "Shape": {"strokeWidth": 1e300, "opacity": -5},
            },
            "x": 1e300,
            "y": -1e300,
            "width": -10,
            "height": "wide",
            "rotation": 1e300,
        },
        {
            "id": 2,
            "graphic": {
                "type": "Line",
                "Line": {
                    "controlPath": [[0, 0], [1e300, 1e300], "x", [None, 2]],
                    "startArrow": True,
                },
            },
            "x": 5e6,
            "y": 5e6,
        },
    ]

    doc = accepted(gliffy.read, gliffy_stage(*objects))

    assert 2 == sum(isinstance(r, Shape | Connector) for r in doc.records.values())


# --------------------------------------------------------- ids and references
def test_missing_and_duplicate_excalidraw_ids_are_handled() -> None:
    """Elements without ids still import; duplicate ids bind to the first element."""
    data = excalidraw_scene(
        {"type": "rectangle", "x": 0, "y": 0, "width": 10, "height": 10},
        {"id": "d", "type": "rectangle", "x": 100, "y": 0, "width": 10, "height": 10},
        {"id": "d", "type": "ellipse", "x": 200, "y": 0, "width": 10, "height": 10},
        {
            "id": "arr",
            "type": "arrow",
            "x": 0,
            "y": 50,
            "points": [[0, 0], [9, 9]],
            "startBinding": {"elementId": "d"},
            "endBinding": {"elementId": None},
        },
    )

    doc = accepted(excalidraw.read, data)
    shapes = [r for r in doc.records.values() if isinstance(r, Shape)]
    (conn,) = [r for r in doc.records.values() if isinstance(r, Connector)]

    assert 3 == len(shapes)
    assert isinstance(conn.target, Free)
    assert not isinstance(conn.source, Free)
    target = doc.records[conn.source.shape]
    assert isinstance(target, Shape) and target.kind == "rectangle"


def test_cyclic_container_ids_fall_back_to_free_text() -> None:
    """Texts naming each other (or themselves) as containers stay free text."""
    data = excalidraw_scene(
        {"id": "t1", "type": "text", "text": "one", "containerId": "t2"},
        {"id": "t2", "type": "text", "text": "two", "containerId": "t1"},
        {"id": "t3", "type": "text", "text": "three", "containerId": "t3"},
        {
            "id": "arr",
            "type": "arrow",
            "points": [[0, 0], [5, 5]],
            "startBinding": {"elementId": "arr"},
        },
    )

    doc = accepted(excalidraw.read, data)

    assert {"one", "two", "three"} == {
        r.text for r in doc.records.values() if isinstance(r, Shape)
    }


def test_cyclic_and_deep_group_ids_give_a_valid_tree() -> None:
    """Opposite nesting claims and chains of 200 groups still give a valid tree."""
    chain = [f"g{i}" for i in range(200)]
    data = excalidraw_scene(
        {"id": "a", "type": "rectangle", "groupIds": ["x", "y"]},
        {"id": "b", "type": "rectangle", "groupIds": ["y", "x"]},
        {"id": "c", "type": "rectangle", "groupIds": chain},
        {"id": "d", "type": "rectangle", "groupIds": [1, None, {"a": 1}, "z"]},
    )

    doc = accepted(excalidraw.read, data)

    assert any(isinstance(r, Group) for r in doc.records.values())


def test_gliffy_self_and_missing_constraints_are_free_ends() -> None:
    """A line constrained to itself or to a missing node gets free ends."""
    line = {
        "id": 7,
        "x": 0,
        "y": 0,
        "graphic": {"type": "Line", "Line": {"controlPath": [[0, 0], [10, 10]]}},
        "constraints": {
            "startConstraint": {
                "type": "StartPositionConstraint",
                "StartPositionConstraint": {"nodeId": 7, "px": 0, "py": 0},
            },
            "endConstraint": {
                "type": "EndPositionConstraint",
                "EndPositionConstraint": {"nodeId": "x", "px": 9, "py": -1},
            },
        },
    }

    (conn,) = [
        r
        for r in accepted(gliffy.read, gliffy_stage(line)).records.values()
        if isinstance(r, Connector)
    ]

    assert (True, True) == (
        isinstance(conn.source, Free),
        isinstance(conn.target, Free),
    )


# ------------------------------------------------------------- links, markup
@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_are_dropped(link: str) -> None:
    """Only http(s)/mailto links survive; others are dropped with a warning."""
    result = excalidraw.read(
        excalidraw_scene({"id": "a", "type": "rectangle", "link": link})
    )
    (shape,) = [r for r in result.doc.records.values() if isinstance(r, Shape)]

    assert ("", True) == (shape.link, any("dropped" in w for w in result.warnings))


def test_script_in_excalidraw_text_stays_plain_text() -> None:
    """Excalidraw text is plain text: markup in it is kept verbatim as characters."""
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    doc = accepted(
        excalidraw.read, excalidraw_scene({"id": "t", "type": "text", "text": evil})
    )

    assert [evil] == [r.text for r in doc.records.values() if isinstance(r, Shape)]


def test_script_in_gliffy_html_never_becomes_markup() -> None:
    """Escaped markup stays text; real script and image elements leave no text."""
    html = (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        "<script>alert(2)</script><img src=x onerror=alert(3)><p>ok</p>"
    )
    shape = {
        "id": 1,
        "uid": "com.gliffy.shape.basic.basic_v1.default.rectangle",
        "graphic": {"type": "Shape", "Shape": {}},
        "children": [{"id": 2, "graphic": {"type": "Text", "Text": {"html": html}}}],
    }

    doc = accepted(gliffy.read, gliffy_stage(shape))

    assert ["<script>alert(1)</script>\nok"] == [
        r.text for r in doc.records.values() if isinstance(r, Shape)
    ]


def test_unsafe_image_sources_are_not_kept() -> None:
    """Only raster data URIs become image sources."""
    data = excalidraw_scene(
        {"id": "i", "type": "image", "fileId": "f"},
        files={"f": {"dataURL": "javascript:alert(1)"}},
    )
    gl = gliffy_stage(
        {
            "id": 1,
            "graphic": {
                "type": "Image",
                "Image": {"url": "https://tracker.example/p.png"},
            },
        }
    )

    for doc in (accepted(excalidraw.read, data), accepted(gliffy.read, gl)):
        (shape,) = [r for r in doc.records.values() if isinstance(r, Shape)]
        assert "src" not in shape.props


# --------------------------------------------------------------------- fuzz
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
EXCALIDRAW_KEYS = [
    "id",
    "type",
    "x",
    "y",
    "width",
    "height",
    "angle",
    "strokeColor",
    "backgroundColor",
    "strokeWidth",
    "strokeStyle",
    "opacity",
    "roundness",
    "groupIds",
    "isDeleted",
    "text",
    "originalText",
    "containerId",
    "fontSize",
    "textAlign",
    "verticalAlign",
    "points",
    "startBinding",
    "endBinding",
    "startArrowhead",
    "endArrowhead",
    "elbowed",
    "link",
    "fileId",
    "name",
]
TYPES = st.sampled_from(
    [
        "rectangle",
        "ellipse",
        "diamond",
        "text",
        "arrow",
        "line",
        "freedraw",
        "image",
        "frame",
        "?",
    ]
)
IDS = st.sampled_from(["a", "b", "c", ""])


def _element(draw: st.DrawFn) -> dict[str, Any]:
    e: dict[str, Any] = {"id": draw(IDS), "type": draw(TYPES)}
    for key in draw(st.lists(st.sampled_from(EXCALIDRAW_KEYS), max_size=8)):
        if key in ("containerId", "id"):
            e[key] = draw(IDS | JSON)
        elif key in ("startBinding", "endBinding"):
            e[key] = {"elementId": draw(IDS), "fixedPoint": draw(JSON)}
        else:
            e[key] = draw(JSON)
    return e


@given(st.lists(st.composite(_element)(), max_size=8), JSON)
def test_random_excalidraw_scenes_never_crash(elements: list[Any], files: Any) -> None:
    """Any mix of field values gives a valid document or a coded error."""
    data = json.dumps(
        {"type": "excalidraw", "elements": elements, "files": files}
    ).encode()
    try:
        doc = excalidraw.read(data).doc
    except LineworkError:
        return
    assert doc == native.decode(native.encode(doc))


GLIFFY_KEYS = [
    "id",
    "uid",
    "x",
    "y",
    "width",
    "height",
    "rotation",
    "order",
    "hidden",
    "layerId",
    "constraints",
    "children",
]
GTYPES = st.sampled_from(["Shape", "Text", "Line", "Image", "Svg", "Link", None])


def _object(draw: st.DrawFn) -> dict[str, Any]:
    gtype = draw(GTYPES)
    o: dict[str, Any] = {"id": draw(st.integers(0, 4))}
    if gtype is not None:
        o["graphic"] = {"type": gtype, gtype: draw(JSON)}
    for key in draw(st.lists(st.sampled_from(GLIFFY_KEYS), max_size=6)):
        if key == "children":
            o[key] = [
                {
                    "id": 9,
                    "graphic": {
                        "type": "Text",
                        "Text": {"html": draw(st.text(max_size=30))},
                    },
                }
            ]
        else:
            o[key] = draw(JSON)
    return o


@given(st.lists(st.composite(_object)(), max_size=8), JSON)
def test_random_gliffy_stages_never_crash(objects: list[Any], layers: Any) -> None:
    """Any mix of object fields gives a valid document or a coded error."""
    data = json.dumps(
        {
            "contentType": "application/gliffy+json",
            "stage": {"objects": objects, "layers": layers},
        }
    ).encode()
    try:
        doc = gliffy.read(data).doc
    except LineworkError:
        return
    assert doc == native.decode(native.encode(doc))
