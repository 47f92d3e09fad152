"""Unmapped draw.io stencils on real files: never black or blank boxes.

``dd_AWSRobot.xml`` (../shared/corpus/drawio, read there) is an isometric AWS
diagram: its icons map to library icons, its connectors (``mxgraph.aws3d.
arrowSE``, ``flatDoubleEdge``…) are vertices with ``fillColor=#000000`` that
used to fall back to rounded rectangles filled black, and its arrowheads have
no equivalent at all. The business-model canvas names a picture on the web.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import icon_data
from linework.formats import drawio
from linework.formats.drawio import export as drawio_export
from linework.formats.imports import ImportResult
from linework.model import Attached, Connector, Shape
from linework.render import Renderer
from linework.routing.routers import route

CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "drawio"
ROBOT = CORPUS / "dd_AWSRobot.xml"
CANVAS = CORPUS / "dd_business-model-canvas-table.drawio"
SVG = "{http://www.w3.org/2000/svg}"
#: Placeholder tile colours (linework.shapes.icon).
TILE_FILL, TILE_STROKE = "#f3f4f6", "#9ca3af"
DRAWN = ("rect", "path", "polygon", "ellipse", "circle")

pytestmark = pytest.mark.skipif(
    not ROBOT.is_file(), reason="the shared corpus is not present"
)


@pytest.fixture(autouse=True, scope="module")
def _mapped_icons() -> None:
    """The library icons the mapped AWS stencils become (tests/icon_data.py)."""
    icon_data.ensure_mapped_icons()


def _read(path: Path) -> ImportResult:
    return drawio.read(path.read_bytes())


def _shape(result: ImportResult, cell: str) -> Shape:
    return result.doc.typed(f"shape:{cell}", Shape)


def _filled(svg: str) -> list[tuple[str, str]]:
    """(tag, fill) of every drawn element of a fragment, fills inherited."""
    out: list[tuple[str, str]] = []

    def walk(el: ET.Element, fill: str) -> None:
        fill = el.get("fill", fill)
        tag = el.tag.removeprefix(SVG)
        if tag in DRAWN:
            out.append((tag, fill))
        for child in el:
            walk(child, fill)

    walk(ET.fromstring(svg), "#000000")  # SVG's own default fill is black
    return out


def _texts(svg: str) -> str:
    return "".join(ET.fromstring(svg).itertext())


def test_unmapped_aws3d_arrowhead_renders_as_labelled_placeholder() -> None:
    """An ``mxgraph.aws3d.arrowhead`` has no library equivalent: it is drawn as
    the neutral placeholder tile, labelled with the stencil's name, in the cell's
    own box, not as a box in the cell's colours."""
    result = _read(ROBOT)
    head = _shape(result, "P8NbGl9SuoY1pJ98n0GJ-40")
    svg = Renderer().fragment(result.doc, head)

    assert ("icon", "mxgraph.aws3d.arrowhead", "Arrowhead") == (
        head.kind,
        head.props.get("stencil"),
        head.text,
    )
    assert "src" not in head.props
    assert (39.0, 23.0) == (head.box.w, head.box.h)  # draw.io's geometry
    assert ("rect", TILE_FILL) == _filled(svg)[0]
    assert f'stroke="{TILE_STROKE}"' in svg
    assert "Arrowhead" == _texts(svg)
    assert "#000000" not in {fill for _, fill in _filled(svg)}


def test_unmapped_aws3d_cells_are_counted_in_the_import_notice() -> None:
    """The three arrowheads are the file's only unmapped cells: the count and
    the notice say so, naming the stencil."""
    result = _read(ROBOT)

    assert 3 == result.unmapped
    assert (
        "3 shape(s) have no Linework equivalent and are drawn as "
        "placeholders or rectangles "
        "(mxgraph.aws3d.arrowhead)." in result.warnings
    )


def test_no_shape_of_the_aws_robot_is_a_black_or_blank_box() -> None:
    """Every vertex of the diagram is an icon (a library icon, a drawing of its
    connector or a placeholder): no shape draws anything filled black, and none
    falls back to a plain box."""
    result = _read(ROBOT)
    shapes = [r for r in result.doc.records.values() if isinstance(r, Shape)]
    black = {
        s.id: tag
        for s in shapes
        for tag, fill in _filled(Renderer().fragment(result.doc, s))
        if fill == "#000000"
    }

    assert 74 == len(shapes)
    assert {"icon"} == {s.kind for s in shapes}
    assert {} == black


@pytest.mark.parametrize(
    ("cell", "stencil", "flip"),
    [
        ("P8NbGl9SuoY1pJ98n0GJ-19", "mxgraph.aws3d.flatDoubleEdge", "v"),
        ("P8NbGl9SuoY1pJ98n0GJ-43", "mxgraph.aws3d.dashedEdgeDouble", "v"),
        ("P8NbGl9SuoY1pJ98n0GJ-45", "mxgraph.aws3d.arrowSE", None),
        ("P8NbGl9SuoY1pJ98n0GJ-46", "mxgraph.aws3d.arrowSW", None),
        ("P8NbGl9SuoY1pJ98n0GJ-57", "mxgraph.aws3d.dashedArrowlessEdge", None),
    ],
)
def test_aws3d_connectors_are_drawn_corner_to_corner(
    cell: str, stencil: str, flip: str | None
) -> None:
    """An AWS 3D connector carries a drawing as wide and tall as its box that
    reaches across it, keeps its flip and goes back to draw.io as the stencil."""
    result = _read(ROBOT)
    shape = _shape(result, cell)
    src = shape.props.get("src")
    assert isinstance(src, str)
    drawing = ET.fromstring(base64.b64decode(src.partition(",")[2]))
    xs, ys = [], []
    for el in drawing.iter(f"{SVG}path"):
        for part in el.get("d", "").replace("M", "L").replace("Z", "").split("L"):
            if part.strip():
                x, y = map(float, part.split())
                xs.append(x)
                ys.append(y)
    w, h = shape.box.w, shape.box.h

    assert (stencil, flip, "") == (
        shape.props.get("stencil"),
        shape.props.get("flip"),
        shape.text,
    )
    assert f"0 0 {w:g} {h:g}" == drawing.get("viewBox")
    # The figure spans the box (within draw.io's head and cap insets).
    assert max(xs) - min(xs) > w - 25 and max(ys) - min(ys) > h - 20
    assert f"shape={stencil};" in drawio_export.write(result.doc).decode()


def test_mapped_aws3d_icons_stay_library_icons() -> None:
    """The AWS 3D service stencils keep their library icons."""
    result = _read(ROBOT)

    assert ("aws", "aws-s3") == (
        _shape(result, "P8NbGl9SuoY1pJ98n0GJ-14").props.get("library"),
        _shape(result, "P8NbGl9SuoY1pJ98n0GJ-14").props.get("icon"),
    )
    assert "aws-redshift" == _shape(result, "P8NbGl9SuoY1pJ98n0GJ-30").props.get("icon")


def test_picture_on_the_web_is_a_labelled_placeholder_not_a_filled_box() -> None:
    """draw.io draws a ``shape=image`` without its fill colour; Linework never
    fetches the picture, so it is the placeholder (labelled, counted), not a
    square filled #2F5B7C, and export writes its address back."""
    result = _read(CANVAS)
    pic = _shape(result, "717")
    svg = Renderer().fragment(result.doc, pic)

    assert ("icon", "Picture") == (pic.kind, pic.text)
    assert ("rect", TILE_FILL) == _filled(svg)[0]
    assert "#2f5b7c" not in {fill for _, fill in _filled(svg)}
    assert 1 == result.unmapped
    assert any("(image)" in w for w in result.warnings)
    assert (
        "image=https://cdn4.iconfinder.com/data/icons/evil-icons-user-interface/"
        "64/price-128.png;" in drawio_export.write(result.doc).decode()
    )


# --------------------------------------------------------------------------- figures
FLOORPLAN = CORPUS / "dd_floorplan-apartment.drawio"
FISHBONE = CORPUS / "dd_ishikawa-fishbone-examples.drawio"
BPMN = CORPUS / "tpl_business_bpmn.xml"


def _drawing(shape: Shape) -> ET.Element:
    src = shape.props.get("src")
    assert isinstance(src, str)
    return ET.fromstring(base64.b64decode(src.partition(",")[2]))


def test_floor_plan_dimensions_are_dimension_lines_not_empty_frames() -> None:
    """draw.io's ``dimension`` (end bars and a double-arrowed line, turned by
    ``direction``) is drawn as such, keeps its label and goes back to draw.io
    with its direction; none of the file's shapes is unmapped any more."""
    result = _read(FLOORPLAN)
    south = _shape(result, "AyCxiQcVLSH7agfEguuE-82")  # 40 x 210, direction=south
    d = _drawing(south).find(f"{SVG}path")
    assert d is not None

    assert ("icon", "dimension", "south", "4m") == (
        south.kind,
        south.props.get("stencil"),
        south.props.get("direction"),
        south.text,
    )
    # End bars across the top and the bottom, the line down the left side.
    path = d.get("d", "")
    assert path.startswith("M40 0L0 0M40 210L0 210")
    assert "M5.5 0.5L5.5 209.5" in path
    assert 0 == result.unmapped
    assert (
        "shape=dimension;direction=south;" in drawio_export.write(result.doc).decode()
    )


def test_fishbone_waypoints_are_dots_the_spine_runs_through() -> None:
    """A ``waypoint`` is a dot in its stroke colour (draw.io: size 6), not a 40 px
    empty frame the spine stops at: a small filled circle at the cell's centre,
    and every connector attached to it ends at the dot."""
    result = _read(FISHBONE)
    dot = _shape(result, "bZcgU8KG57-F1ER2HjaA-256")
    svg = Renderer().fragment(result.doc, dot)
    ends = [
        route(result.doc, c).points[0 if c.source == Attached(shape=dot.id) else -1]
        for c in result.doc.records.values()
        if isinstance(c, Connector) and Attached(shape=dot.id) in (c.source, c.target)
    ]
    centre = dot.box.center

    assert ("circle", 6.0, 6.0, "#d1c6a7") == (
        dot.kind,
        dot.box.w,
        dot.box.h,
        dot.style.fill,
    )
    assert any(fill == "#d1c6a7" for _, fill in _filled(svg))
    assert 4 == len(ends)  # the spine on both sides and two ribs
    assert all(
        abs(p.x - centre.x) <= 3.01 and abs(p.y - centre.y) <= 3.01 for p in ends
    )
    assert 0 == result.unmapped


def test_bpmn_plus_marker_is_a_square_with_a_cross() -> None:
    """BPMN's collapsed sub-process marker (``shape=plus``) draws its cross."""
    result = _read(BPMN)
    plus = _shape(result, "7a84cebc1def654-7")
    drawing = _drawing(plus)
    cross = [p.get("d") for p in drawing.iter(f"{SVG}path")]

    assert ("icon", "plus") == (plus.kind, plus.props.get("stencil"))
    assert drawing.find(f"{SVG}rect") is not None
    assert ["M7 3.8L7 10.2M3.8 7L10.2 7"] == cross
    assert 0 == result.unmapped
