"""Export to draw.io: a well-formed mxfile that reads back to the same document."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linework.formats import drawio, native, xmlsafe
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box, Vec
from linework.model import (
    ARROWHEADS,
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    Free,
    Group,
    IdSource,
    Layer,
    Page,
    Record,
    Shape,
    Transaction,
)
from strategies import documents

KINDS = tuple(drawio_export.KIND_STYLES)
# Characters XML 1.0 cannot carry; the export drops them.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"
    "2mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def build(*records: Record, pages: int = 1) -> Document:
    """Return a document with the given records on its first page and layer."""
    ids = IdSource()
    doc = Document.new(ids)
    tx = Transaction(doc)
    for i in range(1, pages):
        tx.put(Page(id=f"page:x{i}", name=f"Extra {i}", z=i))
        tx.put(Layer(id=f"layer:x{i}", page=f"page:x{i}", name="L"))
    for r in records:
        tx.put(r)
    return doc.apply(tx.patch())


def shape(sid: str, **kw: object) -> Shape:
    fields: dict[str, object] = {
        "page": "page:1",
        "layer": "layer:1",
        "box": Box(100, 100, 120, 60),
    }
    fields.update(kw)
    return Shape(id=sid, **fields)  # type: ignore[arg-type]


def again(doc: Document) -> Document:
    """Export and import once."""
    return drawio.read(drawio_export.write(doc)).doc


def test_output_is_a_well_formed_mxfile_draw_io_can_open() -> None:
    """Root and layer cells come first; every parent and terminal exists."""
    doc = build(
        Group(id="group:g", page="page:1", layer="layer:1"),
        shape("shape:a", parent="group:g", text="A"),
        shape("shape:b", box=Box(400, 100, 120, 60), parent="group:g", text="B"),
        Connector(
            id="conn:c",
            page="page:1",
            layer="layer:1",
            source=Attached(shape="shape:a"),
            target=Attached(shape="shape:b", port="w"),
            labels=(ConnectorLabel(text="yes", position=0.25),),
        ),
    )
    root = xmlsafe.parse(drawio_export.write(doc).decode(), code="LW-E0200")
    (diagram,) = root.findall("diagram")
    cells = diagram.findall("mxGraphModel/root/*")
    by_id = {c.get("id"): c for c in cells}

    assert "mxfile" == root.tag
    assert len(by_id) == len(cells)
    assert cells[0].get("parent") is None
    assert cells[1].get("parent") == cells[0].get("id")
    for c in cells[1:]:
        assert c.get("parent") in by_id
    edge = by_id["conn:c"]
    assert ("shape:a", "shape:b") == (edge.get("source"), edge.get("target"))
    assert "entryX=0;entryY=0.5;" in (edge.get("style") or "")
    assert "group;" == by_id["group:g"].get("style")
    labels = [c for c in cells if c.get("parent") == "conn:c"]
    assert ["yes"] == [lb.get("value") for lb in labels]


def test_output_is_deterministic() -> None:
    """The same document always gives the same bytes."""
    doc = build(shape("shape:a", text="x"))

    assert drawio_export.write(doc) == drawio_export.write(doc)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_reads_back_as_itself(kind: str) -> None:
    """Each kind's draw.io style maps back to the same kind."""
    props = {"src": PNG} if kind == "image" else {}
    box = Box(10, 10, 80, 80)
    result = drawio.read(
        drawio_export.write(build(shape("shape:a", kind=kind, box=box, props=props)))
    )

    assert (kind, 0) == (result.doc.typed("shape:a", Shape).kind, result.unmapped)


@pytest.mark.parametrize("start", ARROWHEADS)
def test_every_arrowhead_reads_back_as_itself(start: str) -> None:
    """Arrowheads at both ends survive the draw.io names and fills."""
    end = ARROWHEADS[-1 - ARROWHEADS.index(start)]
    conn = Connector(
        id="conn:c",
        page="page:1",
        layer="layer:1",
        source=Free(point=Vec(10, 10)),
        target=Free(point=Vec(200, 10)),
        style=replace(DEFAULT_STYLE, start_arrow=start, end_arrow=end),
    )
    s = again(build(conn)).typed("conn:c", Connector).style

    assert (start, end) == (s.start_arrow, s.end_arrow)


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "two\nlines",
        "  leading and  double  spaces ",
        "<b>not bold</b> & <script>alert(1)</script>",
        "tab\tand\rreturn",
        "nbsp\xa0here",
        "trailing newline\n",
        "\n\nblank lines first",
        "%placeholder% stays",
        "emoji 🎉 and accents é",
    ],
)
def test_label_text_reads_back_exactly(text: str) -> None:
    """Whatever the label, it comes back character for character."""
    conn = Connector(
        id="conn:c",
        page="page:1",
        layer="layer:1",
        source=Free(point=Vec(10, 10)),
        target=Free(point=Vec(200, 10)),
        labels=(ConnectorLabel(text=text, position=0.3, offset=Vec(2, -3)),),
    )
    doc = again(build(shape("shape:a", text=text), conn))

    assert text == doc.typed("shape:a", Shape).text
    assert (ConnectorLabel(text=text, position=0.3, offset=Vec(2, -3)),) == doc.typed(
        "conn:c", Connector
    ).labels


def test_characters_xml_cannot_carry_are_dropped() -> None:
    """Control characters and lone surrogates never make the XML invalid."""
    doc = again(build(shape("shape:a", text="a\x00b\x1fc\ud800d")))

    assert "abcd" == doc.typed("shape:a", Shape).text


def test_safe_links_are_kept_and_unsafe_ones_left_out() -> None:
    """http(s)/mailto links ride on a UserObject; others are not written at all."""
    doc = build(
        shape("shape:a", link="https://example.org/a"),
        shape("shape:b", link="javascript:alert(1)"),
    )
    data = drawio_export.write(doc)
    back = drawio.read(data).doc

    assert b"javascript" not in data
    assert "https://example.org/a" == back.typed("shape:a", Shape).link
    assert "" == back.typed("shape:b", Shape).link


def test_only_raster_data_uris_are_written_as_images() -> None:
    """An image whose source is not a safe data URI is written without it."""
    doc = build(
        shape("shape:a", kind="image", props={"src": PNG}),
        shape("shape:b", kind="image", props={"src": "javascript:alert(1)"}),
    )
    data = drawio_export.write(doc)
    back = drawio.read(data).doc

    assert b"javascript" not in data
    assert PNG == back.typed("shape:a", Shape).props["src"]
    assert "src" not in back.typed("shape:b", Shape).props


def test_nested_groups_keep_absolute_positions() -> None:
    """Members are written relative to their group and read back where they were."""
    doc = build(
        Group(id="group:outer", page="page:1", layer="layer:1"),
        Group(id="group:inner", page="page:1", layer="layer:1", parent="group:outer"),
        shape("shape:a", box=Box(100.5, 200.25, 10, 10), parent="group:inner"),
        shape("shape:b", box=Box(300, 50, 20, 20), parent="group:outer"),
        Connector(
            id="conn:c",
            page="page:1",
            layer="layer:1",
            parent="group:inner",
            source=Free(point=Vec(120.125, 210)),
            target=Attached(shape="shape:b", anchor=Vec(0.25, 1)),
            waypoints=(Vec(150, 260.5),),
        ),
    )
    back = again(doc)
    c = back.typed("conn:c", Connector)

    assert Box(100.5, 200.25, 10, 10) == back.typed("shape:a", Shape).box
    assert "group:inner" == back.typed("shape:a", Shape).parent
    assert "group:outer" == back.typed("group:inner", Group).parent
    assert (Free(point=Vec(120.125, 210)), (Vec(150, 260.5),)) == (
        c.source,
        c.waypoints,
    )
    assert Attached(shape="shape:b", anchor=Vec(0.25, 1)) == c.target


def test_ports_become_anchors() -> None:
    """A named port is written as the matching exit/entry fractions."""
    doc = build(
        shape("shape:a"),
        shape("shape:b", box=Box(400, 100, 120, 60)),
        Connector(
            id="conn:c",
            page="page:1",
            layer="layer:1",
            source=Attached(shape="shape:a", port="e"),
            target=Attached(shape="shape:b", port="nw"),
        ),
    )
    c = again(doc).typed("conn:c", Connector)

    assert (Vec(1, 0.5), Vec(0, 0)) == (c.source.anchor, c.target.anchor)  # type: ignore[union-attr]


def test_pages_layers_and_styles_survive() -> None:
    """Page names, sizes, layers and every style field come back."""
    style = replace(
        DEFAULT_STYLE,
        fill="#ff8800",
        stroke="none",
        stroke_width=2.5,
        dash="dash-dot",
        opacity=0.4,
        shadow=True,
        font_size=20,
        font_color="#123456",
        bold=True,
        underline=True,
        align="right",
        valign="bottom",
        text_padding=9,
    )
    top = Layer(
        id="layer:top", page="page:1", name="Top", z=5, locked=True, visible=False
    )
    doc = build(shape("shape:a", style=style, rotation_deg=-45), top, pages=2)
    back = again(doc)
    a = back.typed("shape:a", Shape)

    assert ["Page 1", "Extra 1"] == [p.name for p in back.pages()]
    assert [("Layer 1", True, False), ("Top", False, True)] == [
        (la.name, la.visible, la.locked) for la in back.layers("page:1")
    ]
    assert (style, -45) == (replace(a.style, font_family="Arimo"), a.rotation_deg)


@settings(max_examples=150, deadline=None)
@given(documents())
def test_round_trip_is_stable_after_one_pass(doc: Document) -> None:
    """Linework → draw.io → Linework, then again, changes nothing more."""
    first = again(doc)
    second = again(first)

    assert native.encode(first) == native.encode(second)
    assert native.decode(native.encode(first)) == first


@settings(max_examples=100, deadline=None)
@given(documents())
def test_one_pass_keeps_every_element_and_relative_layout(doc: Document) -> None:
    """Every shape and connector survives; shapes move only all together."""
    back = again(doc)
    before = {r.id: r for r in doc.records.values() if isinstance(r, Shape)}
    after = {r.id: r for r in back.records.values() if isinstance(r, Shape)}
    conns = {r.id for r in doc.records.values() if isinstance(r, Connector)}

    assert before.keys() == after.keys()
    assert conns == {r.id for r in back.records.values() if isinstance(r, Connector)}
    shifts = {
        (round(after[k].box.x - s.box.x, 3), round(after[k].box.y - s.box.y, 3))
        for k, s in before.items()
    }
    assert len(shifts) <= 1
    for k, s in before.items():
        expected = (s.kind, NOT_XML.sub("", s.text), s.box.w, s.box.h)
        assert expected == (
            after[k].kind,
            after[k].text,
            after[k].box.w,
            after[k].box.h,
        )


@given(st.text(max_size=30))
def test_any_layer_and_page_name_is_written_safely(name: str) -> None:
    """Names with any characters produce parseable XML."""
    doc = build(Layer(id="layer:n", page="page:1", name=name, z=3))

    drawio.read(drawio_export.write(doc))


def test_round_trip_of_a_rotated_shape_with_its_label_outside_is_stable() -> None:
    """Found by Hypothesis: a rotated corner on the origin came back as -0.0 and
    the second import moved the page's content again."""
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:1",
            page=page.id,
            layer=layer.id,
            z=1,
            kind="rectangle",
            box=Box(0, 0, 1.312, 1.312),
            rotation_deg=90.0,
            style=replace(
                DEFAULT_STYLE, align="left", label_position="bottom", wrap=False
            ),
            text="0",
        )
    )
    first = again(doc.apply(tx.patch()))
    assert native.encode(first) == native.encode(again(first))
