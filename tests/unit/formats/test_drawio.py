"""draw.io import: containers, pages, geometry, styles, labels and edges (hostile input: test_drawio_hostile.py)."""

from __future__ import annotations

import base64
import json
import urllib.parse
from xml.sax.saxutils import quoteattr

import pytest

from drawio_samples import (
    compress,
    connectors,
    mxfile,
    page,
    png_with_text,
    read,
    shapes,
    vertex,
)
from linework.errors import LineworkError
from linework.formats import drawio, native
from linework.formats.drawio import export as drawio_export
from linework.geometry import Box, Vec
from linework.model import Attached, Connector, Free, Group, Layer, Shape

SIMPLE = page(
    vertex("a", x=10, y=20, value="A")
    + vertex("b", x=200, y=20, value="B")
    + '<mxCell id="e" edge="1" parent="1" source="a" target="b" style="">'
    '<mxGeometry relative="1" as="geometry"/></mxCell>'
)


# --------------------------------------------------------------------------- containers
def test_uncompressed_and_compressed_pages_read_the_same() -> None:
    """A page stored as compressed text equals the same page stored as XML."""
    plain = read(mxfile(SIMPLE)).doc
    packed = read(
        f'<mxfile><diagram id="d0" name="P0">{compress(SIMPLE)}</diagram></mxfile>'.encode()
    ).doc

    assert native.encode(plain) == native.encode(packed)


def test_bare_graph_model_is_one_page() -> None:
    """Older files have an <mxGraphModel> root and no <mxfile>."""
    doc = read(SIMPLE.encode()).doc

    assert (1, 2, 1) == (len(doc.pages()), len(shapes(doc)), len(connectors(doc)))


def test_svg_content_attribute_is_read_compressed_or_not() -> None:
    """A .drawio.svg carries the mxfile, maybe compressed, in its content attribute."""
    inner = mxfile(SIMPLE).decode()
    packed = f'<mxfile><diagram id="d0" name="P0">{compress(SIMPLE)}</diagram></mxfile>'
    docs = []
    for content in (inner, packed):
        svg = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
            '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" content={quoteattr(content)}>'
            "<g><rect/></g></svg>"
        )
        docs.append(native.encode(read(svg.encode()).doc))

    assert docs[0] == docs[1] == native.encode(read(mxfile(SIMPLE)).doc)


def test_png_text_chunk_is_read() -> None:
    """A .drawio.png carries encodeURIComponent(mxfile) in a tEXt chunk."""
    value = urllib.parse.quote(mxfile(SIMPLE).decode(), safe="~()*!.'").encode()
    doc = read(png_with_text("mxfile", value)).doc

    assert native.encode(doc) == native.encode(read(mxfile(SIMPLE)).doc)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (png_with_text("Software", b"x"), "LW-E0206"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>', "LW-E0206"),
        (b"not xml at all", "LW-E0200"),
        (b"<mxfile><diagram>", "LW-E0200"),
        (b"<html><body/></html>", "LW-E0200"),
        (b"<mxlibrary>[]</mxlibrary>", "LW-E0200"),
        (b"<mxfile/>", "LW-E0200"),
        (b"<mxfile><diagram>!!!not base64!!!</diagram></mxfile>", "LW-E0200"),
        (
            b"<mxfile><diagram>" + base64.b64encode(b"junk") + b"</diagram></mxfile>",
            "LW-E0200",
        ),
        (b"<mxfile>\xff\xfe\x00</mxfile>", "LW-E0107"),  # as every format
    ],
    ids=[
        "png-without-diagram",
        "svg-without-content",
        "garbage",
        "truncated",
        "wrong-root",
        "library",
        "no-pages",
        "bad-base64",
        "bad-deflate",
        "bad-utf8",
    ],
)
def test_unreadable_files_get_a_clear_code(data: bytes, code: str) -> None:
    """Every refusal is a LineworkError with a registered code."""
    with pytest.raises(LineworkError) as info:
        drawio.read(data)

    assert code == info.value.code


# --------------------------------------------------------------------------- pages, layers
def test_pages_keep_names_sizes_background_and_grid() -> None:
    """Each diagram is a page with its own size, background and grid."""
    doc = read(
        mxfile(
            page(
                "",
                pageWidth="500",
                pageHeight="400",
                background="#FFEEDD",
                gridSize="20",
                grid="0",
            ),
            page(vertex("v", value="x"), background="none"),
            names=("First", "Second"),
        )
    ).doc
    first, second = doc.pages()

    assert ("First", 500, 400, "#ffeedd") == (
        first.name,
        first.width,
        first.height,
        first.background,
    )
    assert (20, False) == (first.grid.size, first.grid.visible)
    assert ("Second", "#ffffff") == (second.name, second.background)


def test_layers_keep_name_visibility_lock_and_members() -> None:
    """Children of the root cell are layers; their cells belong to them."""
    root = (
        '<mxCell id="0"/><mxCell id="1" parent="0"/>'
        '<mxCell id="L2" value="Notes" style="locked=1;" visible="0" parent="0"/>'
    )
    doc = read(mxfile(page(vertex("a") + vertex("b", parent="L2"), root=root))).doc
    (page_,) = doc.pages()
    layers = doc.layers(page_.id)

    assert ["Layer 1", "Notes"] == [la.name for la in layers]
    assert (True, False) == (layers[1].locked, layers[1].visible)
    assert layers[1].id == doc.typed("shape:b", Shape).layer


def test_a_page_without_layers_gets_one() -> None:
    """Cells straight under the root, or no root at all, still land on a layer."""
    doc = read(mxfile(page(vertex("a", parent="0"), root='<mxCell id="0"/>'))).doc

    assert 1 == len([r for r in doc.records.values() if isinstance(r, Layer)])
    assert 1 == len(shapes(doc))


# --------------------------------------------------------------------------- geometry
def test_children_of_groups_are_placed_relative_to_them() -> None:
    """Geometry inside a group or container is relative; offsets accumulate."""
    body = (
        vertex("g", x=100, y=100, w=300, h=300, style="group;")
        + vertex("c", x=50, y=50, w=200, h=200, parent="g", value="Container")
        + vertex("leaf", x=10, y=20, parent="c", value="Leaf")
    )
    doc = read(mxfile(page(body))).doc
    leaf = doc.typed("shape:leaf", Shape)
    container = doc.typed("shape:c", Shape)

    assert Box(160, 170, 80, 40) == leaf.box
    assert Box(150, 150, 200, 200) == container.box
    # The container holds the leaf as a member; both stay in the draw.io group.
    assert "group:g" == leaf.parent == container.parent
    assert "shape:c" == leaf.extra["container"]
    assert "group:c" not in doc and "shape:g" not in doc


def test_relative_child_of_a_vertex_uses_fractions_and_offset() -> None:
    """relative=1 under a vertex: x, y are fractions of the parent, plus offset."""
    body = vertex("p", x=100, y=100, w=200, h=100) + (
        '<mxCell id="m" style="shape=message;" vertex="1" parent="p">'
        '<mxGeometry x="1" y="0.5" width="20" height="14" relative="1" as="geometry">'
        '<mxPoint x="-10" y="-7" as="offset"/></mxGeometry></mxCell>'
    )
    doc = read(mxfile(page(body))).doc

    assert Box(290, 143, 20, 14) == doc.typed("shape:m", Shape).box


def test_degenerate_sizes_are_clamped_and_rotation_kept() -> None:
    """Zero or negative sizes become at least 1; rotation comes from the style."""
    doc = read(mxfile(page(vertex("a", w=0, h=-5, style="rotation=450;")))).doc
    a = doc.typed("shape:a", Shape)

    assert (1, 5, 90) == (a.box.w, a.box.h, a.rotation_deg)


def test_content_left_of_the_page_moves_onto_it_and_pages_grow() -> None:
    """draw.io's canvas is unbounded; our page covers the content with a margin."""
    result = read(
        mxfile(
            page(
                vertex("a", x=-100, y=-50) + vertex("b", x=2000, y=10),
                pageWidth="800",
                pageHeight="600",
            )
        )
    )
    doc = result.doc
    (p,) = doc.pages()

    assert Box(40, 40, 80, 40) == doc.typed("shape:a", Shape).box
    assert Box(2140, 100, 80, 40) == doc.typed("shape:b", Shape).box
    assert (2260, 600) == (p.width, p.height)
    assert any("moved onto the page" in w for w in result.warnings)


# --------------------------------------------------------------------------- shapes
@pytest.mark.parametrize(
    ("style", "kind"),
    [
        ("", "rectangle"),
        ("rounded=1;", "rounded-rectangle"),
        ("ellipse;", "ellipse"),
        ("ellipse;aspect=fixed;", "circle"),
        ("rhombus;", "diamond"),
        ("triangle;", "triangle"),
        ("shape=cylinder3;", "cylinder"),
        ("shape=cylinder;", "cylinder"),
        ("shape=process;", "predefined-process"),
        ("shape=document;", "document"),
        ("shape=parallelogram;", "parallelogram"),
        ("shape=hexagon;", "hexagon"),
        ("shape=trapezoid;", "trapezoid"),
        ("ellipse;shape=cloud;", "cloud"),
        ("shape=note;", "note"),
        ("shape=callout;", "callout"),
        ("shape=singleArrow;", "block-arrow"),
        ("text;", "text"),
        ("swimlane;", "swimlane"),
        ("shape=mxgraph.basic.star;", "star"),
        ("shape=mxgraph.basic.octagon2;", "octagon"),
        ("shape=mxgraph.flowchart.decision;", "decision"),
        ("shape=mxgraph.flowchart.terminator;", "terminator"),
        ("shape=mxgraph.flowchart.data;", "data"),
        ("shape=mxgraph.flowchart.multi-document;", "multi-document"),
        ("shape=mxgraph.flowchart.predefined_process;", "predefined-process"),
        ("shape=mxgraph.flowchart.manual_input;", "manual-input"),
        ("shape=mxgraph.flowchart.manual_operation;", "manual-operation"),
        ("shape=mxgraph.flowchart.preparation;", "preparation"),
        ("shape=mxgraph.flowchart.delay;", "delay"),
        ("shape=mxgraph.flowchart.stored_data;", "stored-data"),
        ("shape=mxgraph.flowchart.internal_storage;", "internal-storage"),
        ("shape=mxgraph.flowchart.display;", "display"),
        ("shape=mxgraph.flowchart.on-page_reference;", "on-page-connector"),
        ("shape=mxgraph.flowchart.off-page_reference;", "off-page-connector"),
        ("shape=mxgraph.flowchart.merge_or_storage;", "merge"),
        ("shape=mxgraph.flowchart.extract_or_measurement;", "extract"),
        ("shape=mxgraph.flowchart.or;", "or"),
        ("shape=mxgraph.flowchart.summing_function;", "summing-junction"),
        ("shape=mxgraph.flowchart.process;", "process"),
    ],
)
def test_draw_io_shapes_map_to_our_kinds(style: str, kind: str) -> None:
    """Built-in and flowchart shapes become the matching Linework kind."""
    result = read(mxfile(page(vertex("a", w=50, h=50, style=style))))

    assert (kind, 0) == (result.doc.typed("shape:a", Shape).kind, result.unmapped)


def test_unknown_shapes_become_rectangles_that_keep_label_size_colours() -> None:
    """Shapes we lack are counted, keep their look as far as it goes, and their name."""
    style = (
        "shape=mxgraph.floorplan.spiralStairs;fillColor=#ED7100;strokeColor=#ffffff;"
    )
    result = read(mxfile(page(vertex("a", w=78, h=78, style=style, value="Lambda"))))
    a = result.doc.typed("shape:a", Shape)

    assert 1 == result.unmapped
    assert ("rectangle", "Lambda", Box(0, 0, 78, 78)) == (a.kind, a.text, a.box)
    assert ("#ed7100", "#ffffff") == (a.style.fill, a.style.stroke)
    assert "mxgraph.floorplan.spiralStairs" == a.extra[drawio.EXTRA_SHAPE_KEY]
    assert any("mxgraph.floorplan.spiralStairs" in w for w in result.warnings)


def test_styles_are_mapped() -> None:
    """Colours, line, text and corner fields come across with draw.io's defaults."""
    style = (
        "rounded=1;arcSize=20;fillColor=#DAE8FC;strokeColor=none;strokeWidth=3;"
        "dashed=1;dashPattern=1 2;opacity=50;shadow=1;fontSize=16;fontColor=#333;"
        "fontStyle=7;align=left;verticalAlign=bottom;spacing=8;"
    )
    s = (
        read(mxfile(page(vertex("a", w=100, h=50, style=style))))
        .doc.typed("shape:a", Shape)
        .style
    )
    plain = read(mxfile(page(vertex("b")))).doc.typed("shape:b", Shape).style

    assert ("#dae8fc", "none", 3, "dotted", 0.5, True) == (
        s.fill,
        s.stroke,
        s.stroke_width,
        s.dash,
        s.opacity,
        s.shadow,
    )
    assert (16, "#333333", True, True, True, "left", "bottom", 8, 10) == (
        s.font_size,
        s.font_color,
        s.bold,
        s.italic,
        s.underline,
        s.align,
        s.valign,
        s.text_padding,
        s.corner_radius,
    )
    # draw.io's default stylesheet: vertices 12 (edges and edge labels 11).
    assert ("#ffffff", "#000000", 1, 12, "center", "middle", 2) == (
        plain.fill,
        plain.stroke,
        plain.stroke_width,
        plain.font_size,
        plain.align,
        plain.valign,
        plain.text_padding,
    )


@pytest.mark.parametrize(
    ("style", "dash"),
    [
        ("dashed=1;", "dashed"),
        ("dashed=1;dashPattern=8 8;", "dashed"),
        ("dashed=1;dashPattern=1 4;", "dotted"),
        ("dashed=1;dashPattern=8 4 1 4;", "dash-dot"),
        ("dashed=0;dashPattern=1 1;", "solid"),
    ],
)
def test_dash_patterns(style: str, dash: str) -> None:
    """dashed plus dashPattern picks the nearest named dash."""
    assert (
        dash
        == read(mxfile(page(vertex("a", style=style))))
        .doc.typed("shape:a", Shape)
        .style.dash
    )


def test_swimlane_is_a_container_with_its_title_in_the_header() -> None:
    """A swimlane is the swimlane kind: ``startSize`` deep header band painted
    with ``fillColor``, body with ``swimlaneFillColor``; its children are its
    members (no group)."""
    body = vertex(
        "lane",
        w=400,
        h=200,
        style="swimlane;startSize=20;fillColor=#dae8fc;swimlaneFillColor=#ffffff;",
        value="Lane",
    ) + vertex("in", x=10, y=30, parent="lane", value="Inside")
    doc = read(mxfile(page(body))).doc
    lane = doc.typed("shape:lane", Shape)
    inside = doc.typed("shape:in", Shape)

    assert ("swimlane", "Lane", "middle") == (lane.kind, lane.text, lane.style.valign)
    assert {"header": 20.0, "header_fill": "#dae8fc"} == dict(lane.props)
    assert "#ffffff" == lane.style.fill
    assert (None, None) == (lane.parent, inside.parent)
    assert "shape:lane" == inside.extra["container"]
    assert [] == [e for e in doc.records.values() if isinstance(e, Group)]


def test_a_vertical_lanes_title_is_its_label_turned_up_its_header_band() -> None:
    """``horizontal=0``: the band runs down the left side and the title reads
    bottom to top in it, centred; lanes nest in their pool as members."""
    from linework.render import Renderer

    body = vertex(
        "pool", w=400, h=200, style="swimlane;horizontal=0;startSize=30;", value="Pool"
    ) + vertex(
        "a",
        x=30,
        w=370,
        h=100,
        parent="pool",
        style="swimlane;horizontal=0;",
        value="A",
    )
    doc = read(mxfile(page(body))).doc
    pool, lane = doc.typed("shape:pool", Shape), doc.typed("shape:a", Shape)

    assert ("Pool", "left", 30.0) == (
        pool.text,
        pool.props["header_side"],
        pool.props["header"],
    )
    assert ("center", "middle") == (pool.style.align, pool.style.valign)
    assert "shape:pool" == lane.extra["container"]
    assert doc.get("shape:pool-title") is None
    svg = Renderer().fragment(doc, pool)
    assert '<g transform="rotate(-90 15 100)">' in svg
    assert native.encode(doc) == native.encode(
        drawio.read(drawio_export.write(doc)).doc
    )


def test_container_1_and_parent_vertices_are_containers() -> None:
    """``container=1`` and any vertex with children hold them as members;
    edges inside a container are members too (their bends travel)."""
    body = (
        vertex("box", w=300, h=200, style="rounded=0;container=1;", value="Box")
        + vertex("parent", x=400, w=300, h=200, value="Parent")
        + vertex("a", x=10, y=10, parent="box")
        + vertex("b", x=10, y=100, parent="box")
        + vertex("c", x=10, y=10, parent="parent")
        + '<mxCell id="e" edge="1" parent="box" source="a" target="b">'
        '<mxGeometry relative="1" as="geometry"/></mxCell>'
    )
    doc = read(mxfile(page(body))).doc

    assert {
        "shape:a": "shape:box",
        "shape:b": "shape:box",
        "conn:e": "shape:box",
        "shape:c": "shape:parent",
    } == {
        r.id: r.extra["container"]
        for r in doc.records.values()
        if "container" in getattr(r, "extra", {})
    }
    assert all(
        doc.typed(f"shape:{i}", Shape).props.get("container") for i in ("box", "parent")
    )


def test_containers_export_as_draw_io_containers_with_nested_members() -> None:
    """Members are written as children of their container's cell, relative to
    it; lanes as ``swimlane`` with their band; reading it back gives the same."""
    import xml.etree.ElementTree as ET

    body = (
        vertex(
            "pool", x=100, y=50, w=400, h=300, style="swimlane;startSize=30;", value="P"
        )
        + vertex("lane", x=0, y=30, w=200, h=270, parent="pool", style="swimlane;")
        + vertex("task", x=20, y=60, parent="lane", value="Task")
        + vertex("box", x=600, w=200, h=200, style="container=1;")
        + vertex("in", x=10, y=10, parent="box")
    )
    doc = read(mxfile(page(body))).doc

    out = drawio_export.write(doc)
    cells = {c.get("id"): c for c in ET.fromstring(out).iter("mxCell")}
    task, lane, inside = cells["shape:task"], cells["shape:lane"], cells["shape:in"]
    assert "shape:lane" == task.get("parent") and "shape:pool" == lane.get("parent")
    geo = task.find("mxGeometry")
    assert geo is not None and ("20", "60") == (geo.get("x"), geo.get("y"))
    assert cells["shape:pool"].get("style", "").startswith("swimlane;startSize=30;")
    assert "container=1;" in cells["shape:box"].get("style", "")
    assert "shape:box" == inside.get("parent")
    assert native.encode(doc) == native.encode(drawio.read(out).doc)


def mermaid_cell(
    cid: str, source: str, *, x: float, y: float, w: float, h: float
) -> str:
    """Return a cell as draw.io's Mermaid plugin writes it (source in JSON)."""
    data = json.dumps({"data": source, "config": {"theme": "neutral"}})
    return (
        f'<UserObject label="" mermaidData={quoteattr(data)} id="{cid}">'
        '<mxCell style="shape=image;noLabel=1;verticalAlign=top;imageAspect=1;'
        'image=data:image/svg+xml,PHN2Zz48L3N2Zz4=;" vertex="1" parent="1">'
        f'<mxGeometry x="{x}" y="{y}" width="{w}" height="{h}" as="geometry"/>'
        "</mxCell></UserObject>"
    )


def test_a_mermaid_flowchart_cell_becomes_its_chart_in_the_cells_box() -> None:
    """The plugin's flowchart is read and placed, grouped, at the cell's corner."""
    chart = "graph TD\n  A[Start] --> B{Ok?}\n  B -->|yes| C[End]"
    roomy = mermaid_cell("m", chart, x=100, y=50, w=2000, h=2000)
    doc = read(mxfile(page(roomy))).doc
    got = shapes(doc)

    assert ["Ok?", "End", "Start"] == sorted((s.text for s in got), key=len)
    elements: list[Shape | Connector] = [*got, *connectors(doc)]
    assert {"group:m"} == {r.parent for r in elements}
    assert 2 == len(connectors(doc))
    assert {"shape:m-1", "shape:m-2", "shape:m-3"} == {s.id for s in got}
    assert (100, 50) == (min(s.box.x for s in got), min(s.box.y for s in got))
    assert {14.0} == {s.style.font_size for s in got}  # room enough: natural size
    # A cell narrower than the chart scales it down, text included, but not
    # below half size: the chart then overflows the cell.
    width = max(s.box.right for s in got) - 100
    for cell_w, font in ((width * 0.75, 10.5), (width / 4, 7.0)):
        tight = mermaid_cell("m", chart, x=0, y=0, w=cell_w, h=1000)
        small = shapes(read(mxfile(page(tight))).doc)
        assert {font} == {s.style.font_size for s in small}


def test_other_mermaid_cells_show_the_picture_draw_io_stored() -> None:
    """A sequence diagram (or bad JSON) is drawn as the SVG picture draw.io
    rendered into the cell (sanitized), not as an empty box."""
    seq = mermaid_cell("s", "sequenceDiagram\n A->>B: hi", x=0, y=0, w=200, h=100)
    bad = seq.replace("mermaidData=", 'x="1" mermaidData="{" y=', 1)
    for body in (seq, bad):
        result = read(mxfile(page(body)))
        (shape,) = shapes(result.doc)
        assert ("image", 0) == (shape.kind, result.unmapped)
        assert str(shape.props["src"]).startswith("data:image/svg+xml;base64,")


def test_svg_image_cells_are_drawn_sanitized() -> None:
    """draw.io's ``data:image/svg+xml`` icons (base64 without ``;base64``) are
    pictures, rebuilt without script; export writes them back the same."""
    import base64 as b64

    from linework.render import Renderer

    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="x()">'
        '<script>alert(1)</script><circle cx="12" cy="12" r="10" fill="#f90"/></svg>'
    )
    icon = b64.b64encode(svg.encode()).decode()
    body = vertex("i", style=f"shape=image;image=data:image/svg+xml,{icon};")
    result = read(mxfile(page(body)))
    shape = result.doc.typed("shape:i", Shape)

    assert ("image", 0) == (shape.kind, result.unmapped)
    inner = b64.b64decode(str(shape.props["src"]).split(",", 1)[1]).decode()
    assert "<circle" in inner and "script" not in inner and "onload" not in inner
    assert '<image x="' in Renderer().fragment(result.doc, shape)
    again = drawio.read(drawio_export.write(result.doc)).doc
    assert native.encode(result.doc) == native.encode(again)


def test_images_keep_only_raster_data_uris() -> None:
    """PNG data URIs become image shapes; SVG and remote images do not.

    A remote picture (never fetched) is a labelled placeholder, not a box filled
    with the cell's colour, and goes back to draw.io with its address.
    """
    png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    body = (
        vertex("p", style=f"shape=image;image=data:image/png,{png};")
        + vertex("s", style="shape=image;image=data:image/svg+xml,PHN2Zz4=;")
        + vertex("r", style="image;image=https://example.org/x.png;")
        + vertex("j", style="image;image=javascript:alert(1);")
    )
    result = read(mxfile(page(body)))
    doc = result.doc

    assert ("image", f"data:image/png;base64,{png}") == (
        doc.typed("shape:p", Shape).kind,
        doc.typed("shape:p", Shape).props["src"],
    )
    assert ["rectangle", "icon", "rectangle"] == [
        doc.typed(f"shape:{i}", Shape).kind for i in "srj"
    ]
    remote = doc.typed("shape:r", Shape)
    assert ("Picture", "https://example.org/x.png") == (
        remote.text,
        remote.props["stencil"],
    )
    assert "image=https://example.org/x.png;" in drawio_export.write(doc).decode()
    assert 3 == result.unmapped


# --------------------------------------------------------------------------- labels
def test_html_labels_become_plain_text_and_whole_bold_is_kept() -> None:
    """html=1 labels lose their markup but keep line breaks and whole-label bold."""
    value = "<b>Title<br>two</b>"
    s = read(mxfile(page(vertex("a", style="html=1;", value=value)))).doc.typed(
        "shape:a", Shape
    )
    raw = read(mxfile(page(vertex("b", value="<b>x</b>")))).doc.typed("shape:b", Shape)

    assert ("Title\ntwo", True) == (s.text, s.style.bold)
    assert ("<b>x</b>", False) == (raw.text, raw.style.bold)


def test_user_objects_give_labels_placeholders_and_safe_links() -> None:
    """UserObject/object wrappers hold the label, its %placeholders% and the link."""
    body = (
        '<object id="o" label="&lt;b&gt;%name%&lt;/b&gt;&lt;br&gt;[%type%] %missing% %page%" '
        'name="A &amp; B" type="Person" placeholders="1" link="https://example.org/a">'
        '<mxCell style="html=1;" vertex="1" parent="1">'
        '<mxGeometry width="80" height="40" as="geometry"/></mxCell></object>'
        '<UserObject id="u" label="plain %name%" name="n" link="javascript:alert(1)">'
        '<mxCell vertex="1" parent="1"><mxGeometry width="80" height="40" as="geometry"/>'
        "</mxCell></UserObject>"
    )
    result = read(mxfile(page(body), names=("Main",)))
    o = result.doc.typed("shape:o", Shape)
    u = result.doc.typed("shape:u", Shape)

    assert ("A & B\n[Person] %missing% Main", "https://example.org/a") == (
        o.text,
        o.link,
    )
    assert ("plain %name%", "") == (u.text, u.link)
    assert any("link" in w for w in result.warnings)


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "data:page/id,abc",
        'https://x.org/" onmouseover="alert(1)',
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_are_dropped(link: str) -> None:
    """Only http, https and mailto links survive."""
    body = (
        f'<UserObject id="u" label="x" link={quoteattr(link)}>'
        '<mxCell vertex="1" parent="1"><mxGeometry width="8" height="4" as="geometry"/>'
        "</mxCell></UserObject>"
    )

    assert "" == read(mxfile(page(body))).doc.typed("shape:u", Shape).link


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok"),
        ("&lt;img src=x onerror=alert(1)&gt;hi", "hi"),
        ("&amp;lt;script&amp;gt;", "<script>"),
    ],
)
def test_active_html_in_labels_becomes_plain_text(value: str, text: str) -> None:
    """Scripts and handlers in HTML labels never survive as markup."""
    cell = f'<mxCell id="a" value="{value}" style="html=1;" vertex="1" parent="1">'
    cell += '<mxGeometry width="8" height="4" as="geometry"/></mxCell>'

    assert text == read(mxfile(page(cell))).doc.typed("shape:a", Shape).text


# --------------------------------------------------------------------------- edges
def edge(
    cid: str,
    style: str = "",
    *,
    source: str = "",
    target: str = "",
    parent: str = "1",
    value: str = "",
    geometry: str = "",
) -> str:
    ends = (f' source="{source}"' if source else "") + (
        f' target="{target}"' if target else ""
    )
    return (
        f'<mxCell id="{cid}" value={quoteattr(value)} style={quoteattr(style)} edge="1" '
        f'parent="{parent}"{ends}><mxGeometry relative="1" as="geometry">{geometry}'
        "</mxGeometry></mxCell>"
    )


def test_edges_attach_with_anchors_and_keep_waypoints() -> None:
    """source/target attach; exit/entry give anchors; points become waypoints."""
    body = (
        vertex("a", x=0, y=0)
        + vertex("b", x=300, y=200)
        + edge(
            "e",
            "edgeStyle=orthogonalEdgeStyle;exitX=1;exitY=0.5;entryX=0.5;entryY=0;",
            source="a",
            target="b",
            geometry='<Array as="points"><mxPoint x="150" y="20"/><mxPoint x="150"/>'
            "</Array>",
        )
    )
    c = read(mxfile(page(body))).doc.typed("conn:e", Connector)

    assert Attached(shape="shape:a", anchor=Vec(1, 0.5)) == c.source
    assert Attached(shape="shape:b", anchor=Vec(0.5, 0)) == c.target
    assert ((Vec(150, 20), Vec(150, 0)), "orthogonal") == (c.waypoints, c.routing)


def test_free_ends_and_waypoints_inside_groups_are_absolute() -> None:
    """sourcePoint/targetPoint and points are relative to the edge's parent."""
    body = vertex("g", x=100, y=100, w=200, h=200, style="group;") + edge(
        "e",
        "curved=1;",
        parent="g",
        geometry='<mxPoint x="10" y="10" as="sourcePoint"/>'
        '<mxPoint x="90" y="10" as="targetPoint"/>'
        '<Array as="points"><mxPoint x="50" y="60"/></Array>',
    )
    c = read(mxfile(page(body))).doc.typed("conn:e", Connector)

    assert (Free(point=Vec(110, 110)), Free(point=Vec(190, 110))) == (
        c.source,
        c.target,
    )
    assert ((Vec(150, 160),), "curved", "group:g") == (c.waypoints, c.routing, c.parent)


@pytest.mark.parametrize(
    ("style", "start", "end"),
    [
        ("", "none", "classic"),
        ("endArrow=none;", "none", "none"),
        ("startArrow=classic;endArrow=block;", "classic", "block"),
        ("endArrow=block;endFill=0;", "none", "block-hollow"),
        ("endArrow=classic;endFill=0;", "none", "block-hollow"),
        ("endArrow=open;", "none", "open"),
        (
            "startArrow=oval;startFill=1;endArrow=oval;endFill=0;",
            "circle",
            "circle-hollow",
        ),
        (
            "startArrow=diamondThin;startFill=0;endArrow=diamond;",
            "diamond-hollow",
            "diamond",
        ),
        ("startArrow=ERmandOne;endArrow=ERmany;", "er-one", "er-many"),
        ("startArrow=ERone;endArrow=ERzeroToOne;", "er-one", "er-zero-or-one"),
        (
            "startArrow=ERoneToMany;endArrow=ERzeroToMany;",
            "er-one-or-many",
            "er-zero-or-many",
        ),
    ],
)
def test_arrowheads_map_with_their_fill(style: str, start: str, end: str) -> None:
    """startArrow/endArrow with startFill/endFill pick our arrowheads."""
    body = vertex("a") + vertex("b", x=200) + edge("e", style, source="a", target="b")
    s = read(mxfile(page(body))).doc.typed("conn:e", Connector).style

    assert (start, end) == (s.start_arrow, s.end_arrow)


def test_routing_follows_edge_style() -> None:
    """orthogonal/elbow styles are orthogonal, curved=1 curved, others straight."""
    body = (
        vertex("a")
        + vertex("b", x=200)
        + "".join(
            edge(f"e{i}", s, source="a", target="b")
            for i, s in enumerate(
                [
                    "edgeStyle=orthogonalEdgeStyle;",
                    "edgeStyle=elbowEdgeStyle;",
                    "edgeStyle=none;",
                    "",
                    "edgeStyle=orthogonalEdgeStyle;curved=1;",
                ]
            )
        )
    )
    doc = read(mxfile(page(body))).doc

    assert ["orthogonal", "orthogonal", "straight", "straight", "curved"] == [
        doc.typed(f"conn:e{i}", Connector).routing for i in range(5)
    ]


def test_edge_labels_come_from_the_value_and_from_label_cells() -> None:
    """The edge's value sits mid-way; edgeLabel children sit at (x + 1) / 2."""
    body = (
        vertex("a", x=0, y=0)
        + vertex("b", x=300, y=0)
        + edge("e", "html=1;", source="a", target="b", value="mid")
        + '<mxCell id="l1" value="&lt;i&gt;near&lt;/i&gt;" style="edgeLabel;html=1;" '
        'vertex="1" connectable="0" parent="e"><mxGeometry x="-0.5" relative="1" '
        'as="geometry"><mxPoint x="3" y="-4" as="offset"/></mxGeometry></mxCell>'
        '<mxCell id="l2" value="side" style="text;" vertex="1" connectable="0" parent="e">'
        '<mxGeometry x="0.8" y="10" relative="1" as="geometry"/></mxCell>'
        '<mxCell id="l3" value="" style="edgeLabel;" vertex="1" connectable="0" parent="e">'
        '<mxGeometry relative="1" as="geometry"/></mxCell>'
    )
    doc = read(mxfile(page(body))).doc
    c = doc.typed("conn:e", Connector)

    assert [
        ("mid", 0.5, Vec(0, 0)),
        ("near", 0.25, Vec(3, -4)),
        ("side", 0.9, Vec(0, -10)),
    ] == [(lb.text, lb.position, lb.offset) for lb in c.labels]
    assert 2 == len(shapes(doc))


def test_ends_on_missing_or_unconnectable_cells_are_left_free() -> None:
    """A missing terminal falls back to the edge's points, with a warning."""
    body = (
        vertex("g", x=50, y=50, w=100, h=100, style="group;")
        + vertex("a", x=10, y=10, parent="g")
        + edge(
            "e",
            source="nope",
            target="g",
            geometry='<mxPoint x="5" y="6" as="sourcePoint"/>',
        )
    )
    result = read(mxfile(page(body)))
    c = result.doc.typed("conn:e", Connector)

    assert (Free(point=Vec(5, 6)), Free(point=Vec(100, 100))) == (c.source, c.target)
    assert any("left free" in w for w in result.warnings)


def test_edges_with_nothing_to_place_are_skipped() -> None:
    """An edge with no terminals and no points cannot be drawn; it is reported."""
    result = read(mxfile(page(edge("e") + vertex("a"))))

    assert ([], 1) == (connectors(result.doc), len(shapes(result.doc)))
    assert any("skipped" in w for w in result.warnings)


def test_ids_are_deterministic_readable_and_unique_across_pages() -> None:
    """Ids come from draw.io ids; repeats on later pages get a suffix."""
    data = mxfile(page(vertex("2") + vertex("x y")), page(vertex("2")))
    first, second = read(data).doc, read(data).doc

    assert sorted(first.records) == sorted(second.records)
    assert {"shape:2", "shape:2-2", "shape:x_y", "layer:1", "layer:1-2"} <= set(
        first.records
    )
