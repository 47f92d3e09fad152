"""Gliffy import: the corpus converts faithfully, and each mapping rule holds."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from linework.errors import LineworkError
from linework.formats import gliffy, imports, native
from linework.geometry import Box, Vec, rotate_about
from linework.model import Attached, Connector, Document, Free, Group, Shape

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus" / "gliffy"
FILES = sorted(CORPUS.glob("*.gliffy")) if CORPUS.is_dir() else []
needs_corpus = pytest.mark.skipif(not FILES, reason="shared corpus not present")

# (shapes, connectors, unmapped) per corpus file, checked by hand once.
PINNED = {
    "dd_Learndrawio.gliffy": (23, 0, 0),
    "exconv_test_output.gliffy": (27, 3, 0),  # its 6 SVG objects now draw
    "footballbetting_data-flows.gliffy": (14, 21, 0),
    "jolt_TaperedCapsuleShape.gliffy": (13, 16, 0),
    "r4m_169279998_169279999.gliffy": (19, 33, 0),
    "r4m_169280211_169280217.gliffy": (9, 6, 0),  # its actors: uml-actor
    "r4m_169280211_169280553.gliffy": (1, 0, 0),
    "r4m_181961344_181961368.gliffy": (5, 4, 0),
    "r4m_20480270_164331735.gliffy": (16, 13, 0),  # its actors: uml-actor
}


# ------------------------------------------------------------ independent view
def walk(
    raw: dict[str, Any],
) -> list[tuple[dict[str, Any], dict[str, Any] | None, Vec]]:
    """Return (object, parent, parent's absolute top-left) for every object."""
    out: list[tuple[dict[str, Any], dict[str, Any] | None, Vec]] = []
    stack: list[tuple[dict[str, Any], dict[str, Any] | None, Vec]] = [
        (o, None, Vec(0, 0)) for o in raw["stage"]["objects"]
    ]
    while stack:
        o, parent, origin = stack.pop()
        out.append((o, parent, origin))
        here = Vec(origin.x + o["x"], origin.y + o["y"])
        stack.extend((c, o, here) for c in o.get("children") or [])
    return out


def gtype(o: dict[str, Any] | None) -> str | None:
    """Return an object's graphic type."""
    return ((o or {}).get("graphic") or {}).get("type")


def expected_counts(raw: dict[str, Any]) -> tuple[int, int]:
    """Count shapes and lines straight from the JSON.

    Shapes: every Shape/Image/Svg object, plus Text objects that are not the
    caption of a shape or line.
    """
    shape_count = line_count = 0
    for o, parent, _ in walk(raw):
        kind = gtype(o)
        if kind == "Line":
            line_count += 1
        elif kind in ("Shape", "Image", "Svg") or (
            kind == "Text" and gtype(parent) not in ("Shape", "Line", "Image", "Svg")
        ):
            shape_count += 1
    return shape_count, line_count


def words(text: str) -> str:
    """Return text as single-spaced words (HTML tags removed, entities decoded)."""
    plain = html.unescape(re.sub(r"<[^>]*>", " ", text)).replace("\xa0", " ")
    return " ".join(plain.split())


def all_label_words(doc: Document) -> list[str]:
    """Return every label in the document as single-spaced words."""
    out = []
    for rec in doc.records.values():
        if isinstance(rec, Shape):
            out.append(" ".join(rec.text.split()))
        elif isinstance(rec, Connector):
            out.extend(" ".join(lb.text.split()) for lb in rec.labels)
    return out


def box_key(b: Box) -> tuple[float, float, float, float]:
    """Return a box rounded for comparisons."""
    return (round(b.x, 1), round(b.y, 1), round(b.w, 1), round(b.h, 1))


def convert(path: Path) -> tuple[dict[str, Any], imports.ImportResult]:
    """Return the raw JSON and the import of a corpus file."""
    data = path.read_bytes()
    return json.loads(data), gliffy.read(data)


# ------------------------------------------------------------------- corpus
@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_file_converts_to_a_valid_document(path: Path) -> None:
    """Every corpus file imports, by content sniffing too, and survives .linework."""
    result = imports.read_any(path.read_bytes())

    assert "gliffy" == result.format
    assert result.doc == native.decode(native.encode(result.doc))


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_counts_match_the_json(path: Path) -> None:
    """Shapes and connectors match a count taken straight from the JSON."""
    raw, result = convert(path)
    recs = result.doc.records.values()

    actual = (
        sum(isinstance(r, Shape) for r in recs),
        sum(isinstance(r, Connector) for r in recs),
    )
    assert expected_counts(raw) == actual


@needs_corpus
@pytest.mark.parametrize("name", sorted(PINNED))
def test_corpus_pinned_numbers(name: str) -> None:
    """Pinned shape, connector and unmapped numbers per named file."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    _, result = convert(path)
    recs = result.doc.records.values()

    actual = (
        sum(isinstance(r, Shape) for r in recs),
        sum(isinstance(r, Connector) for r in recs),
        result.unmapped,
    )
    assert PINNED[name] == actual


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_every_label_survives(path: Path) -> None:
    """The words of every Gliffy text object appear in some label, in order."""
    raw, result = convert(path)
    labels = all_label_words(result.doc)

    for o, _, _ in walk(raw):
        if gtype(o) != "Text":
            continue
        expected = words(o["graphic"]["Text"]["html"])
        if expected:
            assert any(expected in label for label in labels), expected


@needs_corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_corpus_connections_point_to_the_right_shapes(path: Path) -> None:
    """Each constrained line end is attached to the shape of the object it names."""
    raw, result = convert(path)
    doc = result.doc
    boxes = {
        o["id"]: Box(origin.x + o["x"], origin.y + o["y"], o["width"], o["height"])
        for o, _, origin in walk(raw)
    }

    def expected_end(cons: dict[str, Any] | None, key: str) -> object:
        inner = (cons or {}).get(key) or {}
        data = inner.get(inner.get("type", ""), {})
        if "nodeId" not in data:
            return None
        return (
            box_key(boxes[data["nodeId"]]),
            round(data["px"], 3),
            round(data["py"], 3),
        )

    expected: Counter[Any] = Counter()
    for o, _, _ in walk(raw):
        if gtype(o) == "Line":
            cons = o.get("constraints")
            expected[
                (
                    expected_end(cons, "startConstraint"),
                    expected_end(cons, "endConstraint"),
                )
            ] += 1

    def actual_end(end: object) -> object:
        if not isinstance(end, Attached):
            return None
        shape = doc.records[end.shape]
        assert isinstance(shape, Shape)
        assert end.anchor is not None
        return (box_key(shape.box), round(end.anchor.x, 3), round(end.anchor.y, 3))

    actual = Counter(
        (actual_end(c.source), actual_end(c.target))
        for c in doc.records.values()
        if isinstance(c, Connector)
    )
    assert expected == actual


@needs_corpus
def test_corpus_uml_labels_and_styles() -> None:
    """A named file keeps its captions, bold caption style, dashes and arrows."""
    path = CORPUS / "r4m_181961344_181961368.gliffy"
    if not path.exists():
        pytest.skip("file not in the corpus")
    _, result = convert(path)
    doc = result.doc
    by_text = {r.text: r for r in doc.records.values() if isinstance(r, Shape)}
    conns = [r for r in doc.records.values() if isinstance(r, Connector)]

    assert by_text["Identity Service"].style.bold
    assert (
        "cylinder"
        == by_text[
            "Custom Database PeopleSoft (OU_ANNOUNCEMENTS)\nStores Announcements Data"
        ].kind
    )
    assert {("dashed", "none", "open")} == {
        (c.style.dash, c.style.start_arrow, c.style.end_arrow) for c in conns
    }
    assert ["Reads / Writes\nJDBC"] in [[lb.text for lb in c.labels] for c in conns]


# ---------------------------------------------------------------- synthetic
def obj(oid: int, uid: str | None, gtype_: str | None, **kw: Any) -> dict[str, Any]:
    """Return a Gliffy object with sane defaults."""
    o: dict[str, Any] = {
        "x": 0,
        "y": 0,
        "width": 100,
        "height": 50,
        "rotation": 0,
        "id": oid,
        "uid": uid,
        "order": oid,
        "hidden": False,
        "children": [],
    }
    if gtype_ is not None:
        o["graphic"] = {"type": gtype_, gtype_: kw.pop("inner", {})}
    o.update(kw)
    return o


def text(oid: int, markup: str, t: float | None = None, **kw: Any) -> dict[str, Any]:
    """Return a caption object holding HTML (``t``: position along a parent line)."""
    inner: dict[str, Any] = {"html": markup, "valign": "middle"}
    if t is not None:
        inner["lineTValue"] = t
    return obj(oid, None, "Text", inner=inner, **kw)


def line(oid: int, path: list[list[float]], **kw: Any) -> dict[str, Any]:
    """Return a Gliffy line object."""
    inner = {
        "strokeWidth": 2,
        "strokeColor": "#ff0000",
        "dashStyle": kw.pop("dash", None),
        "startArrow": kw.pop("start", 0),
        "endArrow": kw.pop("end", 2),
        "controlPath": path,
        "interpolationType": "linear",
    }
    return obj(
        oid, "com.gliffy.shape.basic.basic_v1.default.line", "Line", inner=inner, **kw
    )


def doc_of(objects: list[dict[str, Any]], **stage: Any) -> Document:
    """Import a synthetic stage and check it stays a valid .linework document."""
    raw = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "metadata": {"title": "t"},
        "embeddedResources": {"index": 0, "resources": []},
        "stage": {"objects": objects, "width": 500, "height": 400, **stage},
    }
    result = gliffy.read(json.dumps(raw).encode())
    assert result.doc == native.decode(native.encode(result.doc))
    return result.doc


def elements(doc: Document) -> list[Any]:
    """Return the first page's elements in paint order."""
    return list(doc.elements(doc.pages()[0].id))


def test_caption_html_becomes_plain_text_with_breaks() -> None:
    """Paragraphs and <br> become line breaks; entities decode; scripts vanish.

    White space collapses as in HTML, except &nbsp;, which stays a space.
    """
    caption = (
        '<p style="text-align: left;"><span style="font-size: 20px; '
        'color: rgb(255, 0, 0); font-weight: bold;">One<br>Two</span></p>'
        "<p>&lt;b&gt; &amp; &nbsp;x</p><script>alert(1)</script><p>  spaced   out </p>"
    )
    rect = obj(1, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape")
    rect["children"] = [text(2, caption, order="auto")]

    (shape,) = elements(doc_of([rect]))

    assert "One\nTwo\n<b> &  x\nspaced out" == shape.text
    assert (20.0, "#ff0000", True, "left") == (
        shape.style.font_size,
        shape.style.font_color,
        shape.style.bold,
        shape.style.align,
    )


@pytest.mark.parametrize(
    ("uid", "tid", "kind", "unmapped"),
    [
        ("com.gliffy.shape.basic.basic_v1.default.ellipse", None, "ellipse", 0),
        (
            "com.gliffy.shape.flowchart.flowchart_v1.default.decision",
            None,
            "decision",
            0,
        ),
        (
            "com.gliffy.shape.flowchart.flowchart_v1.default.start_end",
            None,
            "terminator",
            0,
        ),
        (
            "com.gliffy.shape.flowchart.flowchart_v1.default.database",
            None,
            "cylinder",
            0,
        ),
        ("com.gliffy.shape.uml.uml_v2.class.simple_class", None, "rectangle", 0),
        ("com.gliffy.shape.network.network_v3.home.router", None, "icon", 0),
        (
            "com.gliffy.shape.floorplan.floorplan_v1.furniture.piano",
            None,
            "rectangle",
            1,
        ),
        ("gshape.azure_v1.thing", "com.gliffy.stencil.ellipse.basic_v1", "ellipse", 0),
    ],
)
def test_uids_and_stencils_map_to_kinds(
    uid: str, tid: str | None, kind: str, unmapped: int
) -> None:
    """Known uids (or, failing that, stencils) map to kinds; others are counted."""
    raw = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                obj(1, uid, "Shape", inner={"tid": tid, "fillColor": "#00FF00"})
            ]
        },
    }
    result = gliffy.read(json.dumps(raw).encode())
    (shape,) = elements(result.doc)

    assert (kind, unmapped, "#00ff00") == (
        shape.kind,
        result.unmapped,
        shape.style.fill,
    )


def test_line_with_constraints_attaches_and_keeps_bends() -> None:
    """Constraints attach ends at px/py anchors; inner control points are waypoints."""
    a = obj(1, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", x=10, y=10)
    b = obj(
        2, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", x=300, y=200
    )
    ln = line(
        3,
        [[0, 0], [100, 0], [100, 200], [190, 200]],
        x=110,
        y=35,
        end=8,
        dash="4.0,4.0",
    )
    ln["constraints"] = {
        "constraints": [],
        "startConstraint": {
            "type": "StartPositionConstraint",
            "StartPositionConstraint": {"nodeId": 1, "px": 1, "py": 0.5},
        },
        "endConstraint": {
            "type": "EndPositionConstraint",
            "EndPositionConstraint": {"nodeId": 2, "px": 0, "py": 0.5},
        },
    }
    ln["children"] = [text(4, "<p>calls</p>", t=0.25, order="auto")]

    doc = doc_of([a, b, ln])
    conn = next(e for e in elements(doc) if isinstance(e, Connector))
    shapes = {e.box.x: e.id for e in elements(doc) if isinstance(e, Shape)}

    assert Attached(shape=shapes[10.0], anchor=Vec(1, 0.5)) == conn.source
    assert Attached(shape=shapes[300.0], anchor=Vec(0, 0.5)) == conn.target
    assert (Vec(210, 35), Vec(210, 235)) == conn.waypoints
    assert ("orthogonal", "classic", "dashed", "#ff0000") == (
        conn.routing,
        conn.style.end_arrow,
        conn.style.dash,
        conn.style.stroke,
    )
    assert [("calls", 0.25)] == [(lb.text, lb.position) for lb in conn.labels]


def test_unattached_line_ends_are_free_points() -> None:
    """A line without constraints (or naming a missing node) has free ends."""
    ln = line(1, [[0, 0], [50, 80]], x=20, y=30)
    ln["constraints"] = {
        "startConstraint": {
            "type": "StartPositionConstraint",
            "StartPositionConstraint": {"nodeId": 999, "px": 0, "py": 0},
        }
    }

    (conn,) = elements(doc_of([ln]))

    assert (Free(point=Vec(20, 30)), Free(point=Vec(70, 110)), "straight") == (
        conn.source,
        conn.target,
        conn.routing,
    )


@pytest.mark.parametrize(
    ("code", "head"),
    [
        (0, "none"),
        (1, "open"),
        (2, "block"),
        (3, "block-hollow"),
        (5, "diamond-hollow"),
        (7, "diamond"),
        (8, "classic"),
        (10, "er-one-or-many"),
        (15, "circle"),
        (99, "classic"),
    ],
)
def test_arrow_codes(code: int, head: str) -> None:
    """Gliffy arrow codes map to our arrowheads."""
    (conn,) = elements(doc_of([line(1, [[0, 0], [50, 0]], start=code, end=code)]))

    assert (head, head) == (conn.style.start_arrow, conn.style.end_arrow)


def test_groups_hold_their_children_at_relative_positions() -> None:
    """A group object becomes a Group; children are placed relative to it."""
    group = obj(1, "com.gliffy.shape.basic.basic_v1.default.group", None, x=100, y=50)
    group["children"] = [
        obj(
            2, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", x=10, y=20
        ),
        text(3, "<p>free</p>", x=0, y=100),
    ]

    doc = doc_of([group])
    groups = [e for e in elements(doc) if isinstance(e, Group)]
    shapes = [e for e in elements(doc) if isinstance(e, Shape)]

    assert 1 == len(groups)
    assert {groups[0].id} == {s.parent for s in shapes}
    assert {(110.0, 70.0), (100.0, 150.0)} == {(s.box.x, s.box.y) for s in shapes}


def test_shape_with_parts_is_grouped_with_them() -> None:
    """A shape with non-text children (UML and ERD parts) groups with its parts."""
    parent = obj(1, "com.gliffy.shape.uml.uml_v2.class.class", "Shape", x=50, y=50)
    parent["children"] = [
        text(2, "<p>Name</p>", order="auto"),
        obj(3, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", y=50),
    ]

    doc = doc_of([parent])
    (group,) = [e for e in elements(doc) if isinstance(e, Group)]
    shapes = [e for e in elements(doc) if isinstance(e, Shape)]

    assert {group.id} == {s.parent for s in shapes}
    assert ["Name", ""] == [s.text for s in shapes]


def test_rotation_is_kept_and_turns_children_with_it() -> None:
    """Rotation stays in degrees; a rotated parent turns its children's positions."""
    group = obj(
        1,
        "com.gliffy.shape.basic.basic_v1.default.group",
        None,
        x=0,
        y=0,
        width=200,
        height=200,
        rotation=90,
    )
    group["children"] = [
        obj(
            2,
            "com.gliffy.shape.basic.basic_v1.default.rectangle",
            "Shape",
            x=0,
            y=0,
            width=20,
            height=20,
        )
    ]

    (shape,) = [e for e in elements(doc_of([group])) if isinstance(e, Shape)]

    assert (90.0, Box(180, 0, 20, 20)) == (shape.rotation_deg, shape.box)


def test_layers_keep_order_names_and_flags() -> None:
    """Stage layers become page layers, bottom first, with visibility and lock."""
    layers = [
        {"guid": "top", "order": 1, "name": "Top", "visible": False, "locked": True},
        {
            "guid": "bottom",
            "order": 0,
            "name": "Bottom",
            "visible": True,
            "locked": False,
        },
    ]
    a = obj(
        1, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", layerId="top"
    )
    b = obj(
        2,
        "com.gliffy.shape.basic.basic_v1.default.rectangle",
        "Shape",
        layerId="bottom",
    )

    doc = doc_of([a, b], layers=layers)
    page = doc.pages()[0].id
    names = [(la.name, la.visible, la.locked) for la in doc.layers(page)]

    assert [("Bottom", True, False), ("Top", False, True)] == names
    assert [doc.layers(page)[0].id, doc.layers(page)[1].id] == [
        e.layer for e in elements(doc)
    ]


def test_hidden_objects_are_skipped() -> None:
    """Objects marked hidden are not imported."""
    shown = obj(1, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape")
    hidden = obj(
        2, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", hidden=True
    )

    assert 1 == len(elements(doc_of([shown, hidden])))


def test_negative_positions_move_onto_the_page() -> None:
    """A drawing poking out left or above is moved inside the page margin."""
    shape = obj(
        1, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", x=-200, y=-10
    )

    (moved,) = elements(doc_of([shape]))

    assert (40.0, 40.0) == (moved.box.x, moved.box.y)


@pytest.mark.parametrize(
    "raw",
    [
        {"contentType": "application/gliffy+xml", "stage": {"objects": []}},
        {"contentType": "application/gliffy+json"},
        {"stage": {"objects": "nope"}},
        [],
    ],
)
def test_not_gliffy_json_is_refused(raw: Any) -> None:
    """Wrong content types or a missing stage give LW-E0201."""
    with pytest.raises(LineworkError) as info:
        gliffy.read(json.dumps(raw).encode())

    assert "LW-E0201" == info.value.code


def test_sniffing_finds_gliffy_by_its_content_type() -> None:
    """Content type decides, even after a large first value; a title cannot mislead."""
    raw = {
        "embeddedResources": {"resources": [{"id": 1, "data": "x" * 20_000}]},
        "metadata": {"title": "copied from excalidraw"},
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {"objects": []},
    }
    data = json.dumps(raw).encode()

    assert "gliffy" == imports.sniff(data)
    assert "gliffy" == imports.read_any(data).format


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


def test_unmapped_shapes_are_reported_in_a_warning() -> None:
    """Shapes drawn as rectangles are named in a warning, as draw.io's import does."""
    router = "com.gliffy.shape.floorplan.floorplan_v1.furniture.piano"
    raw = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                obj(1, router, "Shape"),
                obj(2, router, "Shape"),
                obj(3, "com.gliffy.shape.basic.basic_v1.default.ellipse", "Shape"),
            ]
        },
    }
    result = gliffy.read(json.dumps(raw).encode())

    assert 2 == result.unmapped
    assert (
        "2 shape(s) have no Linework equivalent and are drawn as "
        "placeholders or rectangles "
        "(floorplan.floorplan_v1.furniture.piano)."
    ) in result.warnings


def test_mapped_shapes_give_no_unmapped_warning() -> None:
    """No note when every shape has a kind."""
    raw = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                obj(1, "com.gliffy.shape.basic.basic_v1.default.ellipse", "Shape")
            ]
        },
    }
    result = gliffy.read(json.dumps(raw).encode())

    assert not any("no Linework equivalent" in w for w in result.warnings)


def test_swimlanes_import_as_containers_with_their_lanes_and_shapes() -> None:
    """A Gliffy pool is a container; its lanes are its members, and each shape
    lying in a lane (Gliffy keeps it beside the pool, not inside) joins it."""
    from linework.commands import carried, container_of

    pool = obj(
        1,
        "com.gliffy.shape.swimlanes.swimlanes_v1.default.vertical_two_lane_pool",
        "Shape",
        x=0,
        y=0,
        width=400,
        height=300,
    )
    pool["children"] = [
        text(2, "<p>Pool</p>", order="auto"),
        obj(
            3,
            "com.gliffy.shape.swimlanes.swimlanes_v1.default.vertical_lane",
            "Shape",
            x=0,
            y=30,
            width=200,
            height=270,
        ),
        obj(
            4,
            "com.gliffy.shape.swimlanes.swimlanes_v1.default.vertical_lane",
            "Shape",
            x=200,
            y=30,
            width=200,
            height=270,
        ),
    ]
    inside = obj(
        5,
        "com.gliffy.shape.basic.basic_v1.default.rectangle",
        "Shape",
        x=240,
        y=100,
        width=100,
        height=50,
    )
    outside = obj(
        6, "com.gliffy.shape.basic.basic_v1.default.rectangle", "Shape", x=500, y=100
    )

    doc = doc_of([pool, inside, outside])
    shapes = [e for e in elements(doc) if isinstance(e, Shape)]
    pool_s, lane_a, lane_b, box_in, box_out = shapes

    assert ("swimlane", "Pool") == (pool_s.kind, pool_s.text)
    assert [pool_s, pool_s, lane_b, None] == [
        container_of(doc, s) for s in (lane_a, lane_b, box_in, box_out)
    ]
    assert [] == [e for e in elements(doc) if isinstance(e, Group)]
    assert {pool_s.id, lane_a.id, lane_b.id, box_in.id} == set(
        carried(doc, [pool_s.id])
    )
