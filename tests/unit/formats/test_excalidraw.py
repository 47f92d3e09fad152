"""Excalidraw import: JSON, PNG and SVG scenes; the corpus converts faithfully."""

from __future__ import annotations

import base64
import json
import math
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats import excalidraw, imports, limits, native, pictures
from linework.geometry import Vec, rotate_about
from linework.model import Attached, Connector, Document, Free, Group, Shape

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "excalidraw"
FILES = sorted(p for p in CORPUS.iterdir() if p.is_file()) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not FILES, reason="shared corpus not present")
LINEAR = ("arrow", "line", "freedraw")
KEY = "application/vnd.excalidraw+json"

# (shapes, connectors) per corpus file, checked by hand once.
PINNED = {
    "exconv_example.excalidraw": (6, 2),
    "exconv_test_homebrew.excalidraw": (1, 0),
    "exconv_test_input.excalidraw": (21, 9),
    "exconv_test_input_mermaid.excalidraw": (25, 32),
    "exfix_smiley_embedded_v2.excalidraw.png": (1, 0),
    "exfix_smiley_embedded_v2.excalidraw.svg": (1, 0),
    "exfix_test_embedded_v1.excalidraw.png": (1, 0),
    "exfix_test_embedded_v1.excalidraw.svg": (1, 0),
}


# ------------------------------------------------- independent scene reading
def _png_text(data: bytes, key: str) -> bytes | None:
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        ctype, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if ctype == b"tEXt":
            k, _, v = body.partition(b"\0")
            if k.decode("latin-1") == key:
                return v
    return None


def _unwrap(payload: bytes) -> dict[str, Any]:
    env = json.loads(payload.decode("latin-1"))
    if "encoded" not in env:
        return json.loads(payload.decode("utf-8"))  # type: ignore[no-any-return]
    data = env["encoded"].encode("latin-1")
    if env.get("compressed"):
        data = zlib.decompress(data)
    return json.loads(data.decode("utf-8"))  # type: ignore[no-any-return]


def scene_of(path: Path) -> dict[str, Any]:
    """Read a corpus scene with the standard library only (not the importer)."""
    data = path.read_bytes()
    if data.startswith(b"\x89PNG"):
        payload = _png_text(data, KEY)
        assert payload is not None
        return _unwrap(payload)
    if data.lstrip().startswith(b"<"):
        m = re.search(rb"<!-- payload-start -->(.*?)<!-- payload-end -->", data, re.S)
        assert m is not None
        return _unwrap(base64.b64decode(m.group(1)))
    return json.loads(data)  # type: ignore[no-any-return]


def live(scene: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the elements that are not deleted."""
    return [e for e in scene["elements"] if not e.get("isDeleted")]


def is_bound_text(e: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> bool:
    """Return whether a text element is the label of a live container."""
    box = by_id.get(e.get("containerId") or "")
    return e["type"] == "text" and box is not None and box["type"] != "text"


def split(scene: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return (shape elements, linear elements) in array order."""
    elems = live(scene)
    by_id = {e["id"]: e for e in elems}
    shapes = [
        e for e in elems if e["type"] not in LINEAR and not is_bound_text(e, by_id)
    ]
    return shapes, [e for e in elems if e["type"] in LINEAR]


def doc_parts(doc: Document) -> tuple[list[Shape], list[Connector]]:
    """Return the document's shapes and connectors in paint order."""
    page = doc.pages()[0].id
    els = doc.elements(page)
    return (
        [e for e in els if isinstance(e, Shape)],
        [e for e in els if isinstance(e, Connector)],
    )


# ------------------------------------------------------------------- corpus
@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_converts_to_a_valid_document(path: Path) -> None:
    """Every corpus file (JSON, PNG, SVG) is sniffed, imports and survives .linework."""
    result = imports.read_any(path.read_bytes())

    assert "excalidraw" == result.format
    assert result.doc == native.decode(native.encode(result.doc))


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_counts_match_the_scene(path: Path) -> None:
    """Shapes and connectors match a count taken straight from the scene JSON."""
    shape_els, linear_els = split(scene_of(path))
    shapes, conns = doc_parts(excalidraw.read(path.read_bytes()).doc)

    assert (len(shape_els), len(linear_els)) == (len(shapes), len(conns))
    if path.name in PINNED:
        assert PINNED[path.name] == (len(shapes), len(conns))


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_every_label_survives(path: Path) -> None:
    """Free text keeps its text; bound text is its container's label."""
    scene = scene_of(path)
    shape_els, linear_els = split(scene)
    shapes, conns = doc_parts(excalidraw.read(path.read_bytes()).doc)
    by_id = {e["id"]: e for e in live(scene)}
    label_of: dict[str, str] = {}
    for el, shape in zip(shape_els, shapes, strict=True):
        label_of[el["id"]] = shape.text
        if el["type"] == "text":
            assert (el.get("originalText") or el["text"]) == shape.text
    for el, conn in zip(linear_els, conns, strict=True):
        label_of[el["id"]] = "\n".join(lb.text for lb in conn.labels)
    for el in live(scene):
        if el["type"] == "text" and is_bound_text(el, by_id):
            assert (el.get("originalText") or el["text"]) in label_of[el["containerId"]]


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_connections_point_to_the_right_shapes(path: Path) -> None:
    """Bound arrow ends attach to the shape made from the bound element."""
    shape_els, linear_els = split(scene_of(path))
    shapes, conns = doc_parts(excalidraw.read(path.read_bytes()).doc)
    shape_for = {el["id"]: s.id for el, s in zip(shape_els, shapes, strict=True)}
    checked = 0

    for el, conn in zip(linear_els, conns, strict=True):
        for key, end in (("startBinding", conn.source), ("endBinding", conn.target)):
            binding = el.get(key) or {}
            target = shape_for.get(binding.get("elementId", ""))
            if target is None:
                assert isinstance(end, Free)
                continue
            assert isinstance(end, Attached)
            assert target == end.shape
            fixed = binding.get("fixedPoint")
            if fixed:
                expected = Vec(*(round(min(1.0, max(0.0, v)), 3) for v in fixed))
                assert expected == end.anchor
            checked += 1
    if path.name == "exconv_test_input_mermaid.excalidraw":
        assert 64 == checked


@needs_corpus
def test_corpus_example_styles() -> None:
    """The example keeps kinds, colours, dashes, rotation and arrowheads."""
    path = CORPUS / "exconv_example.excalidraw"
    if not path.exists():
        pytest.skip("file not in the corpus")
    shapes, conns = doc_parts(excalidraw.read(path.read_bytes()).doc)
    by_text = {s.text: s for s in shapes}

    assert "rounded-rectangle" == shapes[0].kind
    assert ("diamond", "dashed", "#b2f2bb") == (
        by_text["Lorem Ipsum"].kind,
        by_text["Lorem Ipsum"].style.dash,
        by_text["Lorem Ipsum"].style.fill,
    )
    assert ("dotted", 4.0) == (
        by_text["Dolor"].style.dash,
        by_text["Dolor"].style.stroke_width,
    )
    assert (
        round(math.degrees(6.161340213848467) - 360, 3)
        == by_text["Hello!"].rotation_deg
    )
    assert ["Yes"] == [lb.text for lb in conns[0].labels]
    assert {"block", "open"} == {c.style.end_arrow for c in conns}


# ---------------------------------------------------------------- synthetic
def el(eid: str, etype: str, **kw: Any) -> dict[str, Any]:
    """Return an Excalidraw element with the usual fields."""
    e: dict[str, Any] = {
        "id": eid,
        "type": etype,
        "x": 100,
        "y": 100,
        "width": 80,
        "height": 40,
        "angle": 0,
        "strokeColor": "#1e1e1e",
        "backgroundColor": "transparent",
        "fillStyle": "hachure",
        "strokeWidth": 2,
        "strokeStyle": "solid",
        "roughness": 1,
        "opacity": 100,
        "groupIds": [],
        "roundness": None,
        "isDeleted": False,
        "boundElements": [],
        "link": None,
    }
    if etype == "text":
        e.update(
            text=kw.get("text", "hi"),
            fontSize=20,
            textAlign="left",
            verticalAlign="top",
        )
    if etype in LINEAR:
        e.update(points=[[0, 0], [50, 0]], startBinding=None, endBinding=None)
    e.update(kw)
    return e


def scene(*elements: dict[str, Any], **extra: Any) -> bytes:
    """Return .excalidraw JSON bytes."""
    return json.dumps(
        {"type": "excalidraw", "version": 2, "elements": list(elements), **extra}
    ).encode()


def load(data: bytes) -> Document:
    """Import and check the result is a valid .linework document."""
    doc = excalidraw.read(data).doc
    assert doc == native.decode(native.encode(doc))
    return doc


def test_style_fields_become_our_style() -> None:
    """Colours, transparent fill, width, dash, opacity and angle carry over."""
    data = scene(
        el(
            "r",
            "rectangle",
            strokeColor="#E03131",
            backgroundColor="transparent",
            strokeWidth=4,
            strokeStyle="dotted",
            opacity=50,
            angle=math.pi / 2,
            roundness={"type": 3},
        )
    )
    ((shape,), _) = doc_parts(load(data))

    expected = ("rounded-rectangle", "#e03131", "none", 4.0, "dotted", 0.5, 90.0)
    actual = (
        shape.kind,
        shape.style.stroke,
        shape.style.fill,
        shape.style.stroke_width,
        shape.style.dash,
        shape.style.opacity,
        shape.rotation_deg,
    )
    assert expected == actual


def test_drawing_moves_to_the_page_margin() -> None:
    """The unbounded canvas is shifted so the drawing starts at the margin."""
    ((shape,), _) = doc_parts(load(scene(el("r", "rectangle", x=-500, y=3000))))

    assert (40.0, 40.0) == (shape.box.x, shape.box.y)


def test_bound_text_labels_shapes_and_arrows() -> None:
    """Text with containerId becomes the container's label (shape or arrow)."""
    data = scene(
        el("box", "rectangle"),
        el(
            "t1",
            "text",
            text="wrapped\ntext",
            originalText="wrapped text",
            containerId="box",
        ),
        el("arrow", "arrow", y=300),
        el("t2", "text", text="go", containerId="arrow"),
    )
    (shape,), (conn,) = doc_parts(load(data))

    assert ("wrapped text", ["go"]) == (shape.text, [lb.text for lb in conn.labels])


def test_free_text_is_a_text_shape() -> None:
    """Unbound text becomes a text shape with no fill or outline."""
    ((shape,), _) = doc_parts(load(scene(el("t", "text", text="Note", fontSize=28))))

    assert ("text", "Note", "none", "none", 28.0) == (
        shape.kind,
        shape.text,
        shape.style.fill,
        shape.style.stroke,
        shape.style.font_size,
    )


def test_both_binding_schemas_attach_arrows() -> None:
    """Legacy focus/gap ends anchor where the arrow ends; fixedPoint ones at it."""
    data = scene(
        el("a", "rectangle", x=0, y=0),
        el("b", "ellipse", x=300, y=0),
        el(
            "arrow",
            "arrow",
            x=80,
            y=20,
            points=[[0, 0], [110, 0], [110, 40], [220, 40]],
            startBinding={"elementId": "a", "focus": 0.1, "gap": 4},
            endBinding={"elementId": "b", "fixedPoint": [-0.02, 0.5], "mode": "orbit"},
            elbowed=True,
        ),
    )
    (a, b), (conn,) = doc_parts(load(data))

    assert Attached(shape=a.id, anchor=Vec(1, 0.5)) == conn.source
    assert Attached(shape=b.id, anchor=Vec(0, 0.5)) == conn.target
    assert "orthogonal" == conn.routing
    assert 2 == len(conn.waypoints)


def test_arrows_between_the_same_shapes_keep_their_own_ends() -> None:
    """Parallel arrows (legacy bindings) anchor where each meets its shapes.

    The corpus has eight such arrows between two wide boxes; drawn centre to
    centre they would all lie on one line with their labels piled up.
    """
    arrows = [
        el(
            f"arr{i}",
            "arrow",
            x=x,
            y=101,  # a gap of 1 below the upper box
            points=[[0, 0], [0, 98]],  # a gap of 1 above the lower box
            startBinding={"elementId": "top", "focus": 0.5, "gap": 1},
            endBinding={"elementId": "bottom", "focus": -0.5, "gap": 1},
        )
        for i, x in enumerate((20, 150, 380))
    ]
    data = scene(
        el("top", "rectangle", x=0, y=0, width=400, height=100),
        el("bottom", "rectangle", x=0, y=200, width=400, height=100),
        *arrows,
    )
    (top, bottom), conns = doc_parts(load(data))

    assert [
        (
            Attached(shape=top.id, anchor=Vec(f, 1)),
            Attached(shape=bottom.id, anchor=Vec(f, 0)),
        )
        for f in (0.05, 0.375, 0.95)
    ] == [(c.source, c.target) for c in conns]


def test_an_arrow_aimed_at_the_centres_floats() -> None:
    """A straight arrow whose line meets both centres (focus 0) floats, as before."""
    data = scene(
        el("l", "rectangle", x=0, y=0, width=100, height=100),
        el("r", "ellipse", x=300, y=0, width=100, height=100),
        el(
            "arrow",
            "arrow",
            x=101,
            y=50,
            points=[[0, 0], [198, 0]],
            startBinding={"elementId": "l", "focus": 0, "gap": 1},
            endBinding={"elementId": "r", "focus": 0, "gap": 1},
        ),
    )
    (left, right), (conn,) = doc_parts(load(data))

    assert (Attached(shape=left.id), Attached(shape=right.id)) == (
        conn.source,
        conn.target,
    )


def test_off_centre_ends_slide_onto_curved_outlines() -> None:
    """An end a gap off an ellipse or diamond lands on its outline, same line."""
    data = scene(
        el("d", "diamond", x=0, y=0, width=100, height=100),
        el("e", "ellipse", x=300, y=0, width=100, height=100),
        el(
            "arrow",
            "arrow",
            x=81,  # at y=30 the diamond's edge is x=80: 1 px out
            y=30,
            points=[[0, 0], [222, 0]],  # the ellipse's, x=304.2: 1.2 px out
            startBinding={"elementId": "d", "focus": 0.4, "gap": 1},
            endBinding={"elementId": "e", "focus": -0.4, "gap": 1},
        ),
    )
    _, (conn,) = doc_parts(load(data))
    assert isinstance(conn.source, Attached) and isinstance(conn.target, Attached)
    sa, ta = conn.source.anchor, conn.target.anchor
    assert sa is not None and ta is not None

    # Both ends keep y = 30 (0.3 of the boxes) and sit on the outlines.
    assert (0.3, 0.3) == (sa.y, ta.y)
    assert abs(abs(sa.x - 0.5) + abs(sa.y - 0.5) - 0.5) < 1e-3
    assert abs(math.hypot(ta.x - 0.5, ta.y - 0.5) - 0.5) < 1e-3


def test_orbit_focus_inside_the_shape_uses_the_stored_end() -> None:
    """An orbit binding's fixedPoint inside the shape is an aim, not the end."""
    data = scene(
        el("a", "rectangle", x=0, y=0, width=100, height=100),
        el("b", "rectangle", x=300, y=0, width=100, height=100),
        el(
            "arrow",
            "arrow",
            x=101,
            y=20,
            points=[[0, 0], [198, 0]],
            startBinding={"elementId": "a", "fixedPoint": [0.5, 0.2], "mode": "orbit"},
            endBinding={"elementId": "b", "fixedPoint": [0.3, 0.2], "mode": "inside"},
        ),
    )
    (a, b), (conn,) = doc_parts(load(data))

    assert Attached(shape=a.id, anchor=Vec(1, 0.2)) == conn.source
    assert Attached(shape=b.id, anchor=Vec(0.3, 0.2)) == conn.target


def test_unbound_and_dangling_ends_are_free() -> None:
    """Ends bound to nothing, to deleted or to missing elements are free points."""
    data = scene(
        el("gone", "rectangle", isDeleted=True),
        el(
            "arrow",
            "arrow",
            startBinding={"elementId": "gone"},
            endBinding={"elementId": "nowhere"},
        ),
    )
    (), (conn,) = doc_parts(load(data))

    assert (isinstance(conn.source, Free), isinstance(conn.target, Free)) == (
        True,
        True,
    )


@pytest.mark.parametrize(
    ("head", "ours"),
    [
        (None, "none"),
        ("arrow", "open"),
        ("triangle", "block"),
        ("triangle_outline", "block-hollow"),
        ("bar", "er-one"),
        ("dot", "circle"),
        ("circle", "circle"),
        ("circle_outline", "circle-hollow"),
        ("diamond", "diamond"),
        ("diamond_outline", "diamond-hollow"),
        ("crowfoot_many", "er-many"),
        ("crowfoot_one_or_many", "er-one-or-many"),
        ("something-new", "classic"),
    ],
)
def test_arrowheads(head: str | None, ours: str) -> None:
    """Excalidraw arrowheads map to ours at both ends."""
    data = scene(el("a", "arrow", startArrowhead=head, endArrowhead=head))
    (), (conn,) = doc_parts(load(data))

    assert (ours, ours) == (conn.style.start_arrow, conn.style.end_arrow)


def test_lines_default_to_no_heads_and_curves_when_round() -> None:
    """A line has no arrowheads; a rounded multi-point line is curved."""
    data = scene(
        el("l", "line", points=[[0, 0], [40, 40], [80, 0]], roundness={"type": 2})
    )
    (), (conn,) = doc_parts(load(data))

    assert ("none", "none", "curved") == (
        conn.style.start_arrow,
        conn.style.end_arrow,
        conn.routing,
    )


def test_group_ids_nest_outermost_last() -> None:
    """groupIds (innermost first) become nested Group records."""
    data = scene(
        el("a", "rectangle", groupIds=["inner", "outer"]),
        el("b", "rectangle", groupIds=["outer"]),
    )
    doc = load(data)
    (a, b), _ = doc_parts(doc)
    groups = {g.id: g for g in doc.records.values() if isinstance(g, Group)}

    assert a.parent is not None and b.parent is not None
    assert groups[a.parent].parent == b.parent
    assert groups[b.parent].parent is None


def test_deleted_elements_are_skipped() -> None:
    """Tombstones (isDeleted) are not imported."""
    data = scene(el("a", "rectangle"), el("b", "ellipse", isDeleted=True))

    assert 1 == len(doc_parts(load(data))[0])


def test_frames_become_titled_rectangles() -> None:
    """A frame is a thin grey outline named at its top-left, outside the box."""
    ((shape,), _) = doc_parts(load(scene(el("f", "frame", name="Screen 1"))))

    assert ("rectangle", "Screen 1") == (shape.kind, shape.text)
    assert ("top", "left", "bottom") == (
        shape.style.label_position,
        shape.style.align,
        shape.style.valign,
    )
    assert ("none", "#bbbbbb", 1.0) == (
        shape.style.fill,
        shape.style.stroke,
        shape.style.stroke_width,
    )


def _frame_scene() -> bytes:
    frame = el("F", "frame", name="Login screen", x=0, y=0, width=400, height=300)
    frame["backgroundColor"] = "#ffc9c9"
    return scene(
        el("a", "rectangle", frameId="F", x=20, y=40),
        el("t", "text", frameId="F", x=30, y=200, text="hello", originalText="hello"),
        el("b", "ellipse", frameId="F", groupIds=["g1"], x=200, y=40),
        el("c", "diamond", frameId="F", groupIds=["g1"], x=200, y=120),
        el(
            "arr",
            "arrow",
            frameId="F",
            points=[[0, 0], [100, 0]],
            startBinding={"elementId": "a"},
            endBinding={"elementId": "b"},
        ),
        frame,
        el("out", "rectangle", x=600, y=0),
        el("M", "magicframe", x=0, y=500, width=100, height=100),
        el("m1", "rectangle", frameId="M", x=10, y=520),
        el("ghost", "rectangle", frameId="nope", x=800, y=0),
    )


def test_frame_is_a_container_of_its_children() -> None:
    """Elements with a frameId (or the outermost of their groups) become members
    of the frame, a container painted below them; elements outside (or naming
    no frame) do not."""
    from linework.commands import carried, container_of

    doc = load(_frame_scene())
    page = doc.pages()[0].id
    by_text = {e.text: e for e in doc.elements(page) if isinstance(e, Shape)}
    outline = by_text["Login screen"]
    assert (True, None) == (outline.props.get("container"), outline.parent)

    members = [e for e in doc.elements(page) if container_of(doc, e) == outline]
    kinds = sorted(
        e.kind if isinstance(e, Shape) else type(e).__name__ for e in members
    )
    assert ["Group", "rectangle", "text"] == kinds
    (inner,) = [e for e in members if isinstance(e, Group)]
    assert {"ellipse", "diamond"} == {
        e.kind
        for e in doc.elements(page)
        if isinstance(e, Shape) and e.parent == inner.id
    }
    # Moving the frame carries them all, and the arrow between two of them.
    moving = set(carried(doc, [outline.id]))
    assert {m.id for m in members} <= moving
    assert "none" == outline.style.fill  # frames draw no background
    index = doc.paint_index(page)
    assert all(index[outline.id] < index[m.id] for m in members)
    # The magic frame is a container of its own, "Frame" by default.
    magic = by_text["Frame"]
    assert [magic.id] == [
        c.id for e in doc.elements(page) if (c := container_of(doc, e)) and c != outline
    ]
    free = [
        e
        for e in doc.elements(page)
        if isinstance(e, Shape) and container_of(doc, e) is None and e.parent is None
    ]
    assert 4 == len(free)  # both frames, "out" and "ghost" (whose frame is missing)


def test_frame_inside_a_group_keeps_that_group_and_no_cycle() -> None:
    """A frame that is itself grouped stays in its group; a child sharing that
    group cannot be its member (the group carries the frame), one in another
    group is, by that group."""
    from linework.commands import container_of

    frame = el("F", "frame", name="F", groupIds=["outer"], width=300, height=300)
    data = scene(
        el("a", "rectangle", frameId="F", groupIds=["outer"]),
        el("b", "rectangle", frameId="F", groupIds=["inner"]),
        frame,
    )
    doc = load(data)
    page = doc.pages()[0].id
    shapes = [e for e in doc.elements(page) if isinstance(e, Shape)]
    (outline,) = [e for e in shapes if e.text == "F"]
    a, b = [e for e in shapes if e.text != "F"]
    b_group = doc.get(b.parent or "")

    assert outline.parent is not None and a.parent == outline.parent
    assert container_of(doc, a) is None
    assert isinstance(b_group, Group) and container_of(doc, b_group) == outline


def test_frame_name_renders_above_the_outline() -> None:
    """The name is drawn above the frame's top edge, at its left."""
    from linework.render import Renderer

    doc = load(scene(el("F", "frame", name="Login", x=0, y=0, width=400, height=300)))
    page = doc.pages()[0].id
    (outline,) = [e for e in doc.elements(page) if isinstance(e, Shape)]
    svg = Renderer().fragment(doc, outline)
    m = re.search(r'<tspan x="([-\d.]+)" y="([-\d.]+)">Login</tspan>', svg)

    assert m is not None
    assert 'text-anchor="start"' in svg
    x, y = float(m.group(1)), float(m.group(2))
    assert outline.box.x <= x < outline.box.x + 10
    assert outline.box.y - 20 < y < outline.box.y


def test_images_keep_raster_data_and_count_others_unmapped() -> None:
    """A PNG data URL is kept; an SVG one is kept sanitized (drawn as a picture)."""
    png_uri = "data:image/png;base64,iVBORw0KGgo="
    svg_uri = "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="
    html_uri = "data:text/html;base64,PHNjcmlwdD4="
    result = excalidraw.read(
        scene(
            el("i1", "image", fileId="f1"),
            el("i2", "image", fileId="f2"),
            el("i3", "image", fileId="f3"),
            files={
                "f1": {"dataURL": png_uri},
                "f2": {"dataURL": svg_uri},
                "f3": {"dataURL": html_uri},
            },
        )
    )
    (i1, i2, i3), _ = doc_parts(result.doc)

    assert (png_uri, pictures.safe_src(svg_uri), None, 1) == (
        i1.props.get("src"),
        i2.props.get("src"),
        i3.props.get("src"),
        result.unmapped,
    )
    assert str(i2.props["src"]).startswith("data:image/svg+xml;base64,")


def test_freedraw_becomes_a_polyline_with_capped_points() -> None:
    """A freehand stroke is a connector through (at most MAX_WAYPOINTS) points."""
    pts = [[i, (i % 7) * 3] for i in range(5000)]
    (), (conn,) = doc_parts(load(scene(el("d", "freedraw", points=pts))))

    assert "straight" == conn.routing
    assert 0 < len(conn.waypoints) <= limits.MAX_WAYPOINTS


def test_unknown_types_become_unmapped_rectangles() -> None:
    """An element type Linework lacks keeps its box as a counted rectangle."""
    result = excalidraw.read(scene(el("e", "embeddable", link="https://example.com")))
    ((shape,), _) = doc_parts(result.doc)

    assert ("rectangle", 1, "https://example.com") == (
        shape.kind,
        result.unmapped,
        shape.link,
    )


def test_clipboard_scenes_import_and_libraries_are_refused() -> None:
    """Clipboard JSON imports; a library file is a clear error."""
    clip = json.dumps(
        {"type": "excalidraw/clipboard", "elements": [el("a", "rectangle")]}
    )
    lib = json.dumps({"type": "excalidrawlib", "version": 2, "libraryItems": []})

    assert 1 == len(doc_parts(load(clip.encode()))[0])
    with pytest.raises(LineworkError) as info:
        excalidraw.read(lib.encode())
    assert "LW-E0202" == info.value.code


# ------------------------------------------------------------------ wrappers
def png_with_text(key: str, value: bytes) -> bytes:
    """Return a 1x1 PNG carrying one tEXt chunk."""

    def chunk(ctype: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(ctype + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0\0")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"tEXt", key.encode("latin-1") + b"\0" + value)
        + chunk(b"IDAT", idat)
        + chunk(b"IEND", b"")
    )


def envelope(scene_json: bytes, *, compressed: bool = True) -> bytes:
    """Return Excalidraw's byte-string envelope around a scene, as Latin-1 bytes."""
    data = zlib.compress(scene_json) if compressed else scene_json
    env = {
        "version": "1",
        "encoding": "bstring",
        "compressed": compressed,
        "encoded": data.decode("latin-1"),
    }
    return json.dumps(env, ensure_ascii=False).encode("latin-1")


def svg_with(payload: bytes) -> bytes:
    """Return an SVG export carrying a base64 payload."""
    b64 = base64.b64encode(payload).decode()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg"><!-- svg-source:excalidraw -->'
        f"<metadata><!-- payload-type:{KEY} --><!-- payload-version:2 -->"
        f"<!-- payload-start -->{b64}<!-- payload-end --></metadata></svg>"
    ).encode()


UNICODE_SCENE = scene(el("t", "text", text="Grüße 😀"))


@pytest.mark.parametrize(
    "data",
    [
        png_with_text(KEY, envelope(UNICODE_SCENE)),
        png_with_text(KEY, envelope(UNICODE_SCENE, compressed=False)),
        png_with_text(KEY, UNICODE_SCENE),
        svg_with(envelope(UNICODE_SCENE)),
        svg_with(UNICODE_SCENE),
    ],
    ids=["png-v2", "png-v2-plain", "png-legacy", "svg-v2", "svg-v1"],
)
def test_scene_is_found_in_every_wrapper(data: bytes) -> None:
    """PNG and SVG exports, compressed or not, give the same scene (UTF-8 intact)."""
    result = imports.read_any(data)
    ((shape,), _) = doc_parts(result.doc)

    assert ("excalidraw", "Grüße 😀") == (result.format, shape.text)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (png_with_text("Software", b"paint"), "LW-E0206"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><!-- excalidraw --></svg>',
            "LW-E0206",
        ),
        (svg_with(b"").replace(b"start --><", b"start -->!!not base64!!<"), "LW-E0202"),
        (png_with_text(KEY, b'{"encoded": "x", "encoding": "base64"}'), "LW-E0202"),
        (png_with_text(KEY, envelope(b"not json", compressed=True)), "LW-E0202"),
        (
            png_with_text(KEY, b'{"encoded":"\\u0100","encoding":"bstring"}'),
            "LW-E0202",
        ),
        (png_with_text(KEY, b'{"encoded":"xyz","compressed":true}'), "LW-E0202"),
    ],
    ids=[
        "png-without-scene",
        "svg-without-scene",
        "bad-base64",
        "unknown-encoding",
        "not-json-inside",
        "not-a-byte-string",
        "corrupt-zlib",
    ],
)
def test_broken_wrappers_are_clear_errors(data: bytes, code: str) -> None:
    """Images without a scene, or with a damaged one, give a coded error."""
    with pytest.raises(LineworkError) as info:
        excalidraw.read(data)

    assert code == info.value.code


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_drawing_fits_the_page(path: Path) -> None:
    """Every shape corner (rotation included) and route point lies on the page."""
    doc = imports.read_any(path.read_bytes()).doc
    page = doc.pages()[0]
    points = []
    for el in doc.elements(page.id):
        if isinstance(el, Shape):
            b = el.box
            corners = (b.at(0, 0), b.at(1, 0), b.at(1, 1), b.at(0, 1))
            points += [rotate_about(p, b.center, el.rotation_deg) for p in corners]
        elif isinstance(el, Connector):
            points += list(el.waypoints)
            points += [e.point for e in (el.source, el.target) if isinstance(e, Free)]

    assert points
    assert all(
        -0.01 <= p.x <= page.width and -0.01 <= p.y <= page.height for p in points
    )


def test_unknown_types_are_named_in_a_warning() -> None:
    """Unmapped elements are reported to the user, not only counted."""
    result = excalidraw.read(scene(el("e", "embeddable", link="https://example.com")))

    assert (
        "1 shape(s) have no Linework equivalent and are drawn as "
        "placeholders or rectangles "
        "(embeddable)."
    ) in result.warnings


def test_locked_elements_import_locked() -> None:
    """Excalidraw's ``locked`` flag is the record's ``locked`` field (shapes,
    frames, text and arrows); only ``true`` locks, as in Excalidraw."""
    data = scene(
        el("box", "rectangle", locked=True),
        el("free", "ellipse", x=300, locked=False),
        el("note", "text", y=300, text="Fixed", locked=True),
        el("f", "frame", x=600, width=300, height=200, name="Zone", locked=True),
        el("odd", "diamond", x=600, y=400, locked="yes"),
        el("arrow", "arrow", y=500, locked=True),
        el("line", "line", y=600),
    )
    shapes, conns = doc_parts(load(data))
    by_text = {s.text or s.kind: s.locked for s in shapes}

    assert {"rectangle": True, "ellipse": False, "Fixed": True, "Zone": True} == {
        k: v for k, v in by_text.items() if k != "diamond"
    }
    assert by_text["diamond"] is False
    assert [c.locked for c in conns] == [True, False]
    assert all(not e.extra for e in shapes + conns)
