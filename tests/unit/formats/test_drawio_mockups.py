"""draw.io ↔ mockup kinds and person cards: round trips, draw.io's own styles, corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linework.formats import drawio
from linework.formats.drawio import export as drawio_export
from linework.formats.gliffy_mockups import GLIFFY_MOCKUP_KINDS
from linework.geometry import Box
from linework.model import Document, IdSource, Shape, Transaction, frozen_map
from linework.render import export_svg
from linework.shapes import KINDS
from linework.shapes.mockup import MOCKUP_KINDS
from linework.shapes.orgchart import ORGCHART_KINDS

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
NEW_KINDS = [k.name for k in (*MOCKUP_KINDS, *ORGCHART_KINDS)]
PROPS: dict[str, dict[str, Any]] = {
    "mockup-browser": {"theme": "dark"},
    "mockup-checkbox": {"checked": True},
    "mockup-radio": {"checked": False},
    "mockup-toggle": {"checked": True, "theme": "dark"},
    "mockup-slider": {"value": 0.25},
    "mockup-tabs": {"tabs": 4, "active": 2},
    "mockup-table": {"rows": 5, "columns": 2},
    "person-card": {
        "src": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4"
        "2mO4Y2RktCCAQSPqzv///wEl6Aa+RAmzBAAAAABJRU5ErkJggg=="
    },
}


def _one(kind: str, text: str, props: dict[str, Any]) -> Document:
    doc = Document.new(IdSource())
    w, h = KINDS[kind].default_size
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:a",
            page="page:1",
            layer="layer:1",
            kind=kind,
            box=Box(40, 60, w, h),
            text=text,
            props=frozen_map(props),
        )
    )
    return doc.apply(tx.patch())


def _read(xml: str) -> Document:
    return drawio.read(xml.encode()).doc


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_round_trip_keeps_kind_text_geometry_and_props(kind: str) -> None:
    """Linework → draw.io → Linework: the same shape, drawn the same."""
    doc = _one(
        kind,
        "Jane Doe\nDesigner" if kind == "person-card" else "Label",
        PROPS.get(kind, {}),
    )
    xml = drawio_export.write(doc).decode()
    back = drawio.read(xml.encode()).doc

    a, b = doc.typed("shape:a", Shape), back.typed("shape:a", Shape)
    assert (b.kind, b.text, b.box, dict(b.props)) == (
        a.kind,
        a.text,
        a.box,
        dict(a.props),
    )
    assert export_svg(doc, "page:1") == export_svg(back, "page:1")
    assert "mxgraph.mockup" in xml or kind in (
        "mockup-phone",
        "mockup-table",
        "person-card",
    )


def _cell(style: str, value: str = "", w: int = 150, h: int = 40) -> str:
    return (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root><mxCell id="0"/>'
        f'<mxCell id="1" parent="0"/><mxCell id="a" value="{value}" style="{style}" '
        f'vertex="1" parent="1"><mxGeometry x="10" y="20" width="{w}" height="{h}" '
        'as="geometry"/></mxCell></root></mxGraphModel></diagram></mxfile>'
    )


@pytest.mark.parametrize(
    ("style", "kind", "props"),
    [
        (
            "shape=mxgraph.mockup.containers.browserWindow;mainText=,;",
            "mockup-browser",
            {},
        ),
        ("shape=mxgraph.mockup.buttons.button;fillColor=#008cff;", "mockup-button", {}),
        (
            "shape=mxgraph.mockup.buttons.onOffButton;buttonState=off;",
            "mockup-toggle",
            {"checked": False},
        ),
        ("shape=mxgraph.mockup.forms.comboBox;", "mockup-dropdown", {}),
        (
            "shape=mxgraph.mockup.forms.horSlider;sliderPos=20;",
            "mockup-slider",
            {"value": 0.2},
        ),
        ("shape=mxgraph.mockup.forms.pwField;", "mockup-input", {}),
        ("shape=mxgraph.mockup.forms.checkboxGroup;", "mockup-checkbox", {}),
        ("shape=mxgraph.mockup.graphics.simpleIcon;", "mockup-image", {}),
        (
            "shape=mxgraph.mockup.graphics.iconGrid;gridSize=1,1;",
            "mockup-image",
            {"columns": 1, "rows": 1},
        ),
        (
            "shape=mxgraph.mockup.graphics.iconGrid;gridSize=4, 2;",
            "mockup-image",
            {"columns": 4, "rows": 2},
        ),
        (  # draw.io's default grid
            "shape=mxgraph.mockup.graphics.iconGrid;",
            "mockup-image",
            {"columns": 3, "rows": 3},
        ),
        (  # nonsense and huge sizes stay in bounds
            "shape=mxgraph.mockup.graphics.iconGrid;gridSize=x,9999;",
            "mockup-image",
            {"columns": 3, "rows": 50},
        ),
        ("shape=mxgraph.android.phone2;", "mockup-phone", {}),
        ("shape=mxgraph.mockup.forms.rrect;rSize=0;", "rectangle", {}),
        ("shape=mxgraph.mockup.containers.anchor;", "text", {}),
        ("label;image=https://example.com/a.png;rounded=1;", "person-card", {}),
    ],
)
def test_draw_io_mockup_styles_import_as_kinds(
    style: str, kind: str, props: dict[str, Any]
) -> None:
    """draw.io's own mockup shapes map to our kinds, none counted unmapped."""
    result = drawio.read(_cell(style, "Hi").encode())
    (shape,) = [r for r in result.doc.records.values() if isinstance(r, Shape)]

    assert (shape.kind, dict(shape.props)) == (kind, props)
    assert result.unmapped == 0


def test_a_hinted_cell_restyled_in_draw_io_keeps_the_new_shape() -> None:
    """``lineworkKind`` restores a kind only while draw.io's shape is unchanged."""
    doc = _read(_cell("rhombus;lineworkKind=mockup-button;"))
    (shape,) = [r for r in doc.records.values() if isinstance(r, Shape)]

    assert shape.kind == "diamond"


def test_gliffy_names_map_to_existing_kinds() -> None:
    """Every Gliffy UI and org chart name points at a registered kind."""
    assert set(GLIFFY_MOCKUP_KINDS.values()) <= set(NEW_KINDS)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_no_draw_io_mockup_shape_in_the_corpus_is_unmapped() -> None:
    """Over ../shared/corpus no shape keeps an unmapped ``mxgraph.mockup`` name.

    An unmapped draw.io shape keeps its name in ``extra`` (``drawio_shape``),
    an unmapped icon stencil in ``props["stencil"]`` with no ``src``.
    """
    from linework import files
    from linework.formats.drawio import EXTRA_SHAPE_KEY

    seen = 0
    for path in sorted((CORPUS / "drawio").iterdir()):
        result = files.open_document(path.read_bytes())
        seen += 1
        for r in result.doc.records.values():
            if isinstance(r, Shape):
                placeholder = "src" not in r.props
                stencil = r.props.get("stencil", "") if placeholder else ""
                name = str(r.extra.get(EXTRA_SHAPE_KEY, "")) + str(stencil)
                assert "mockup" not in name, (path.name, name)
    assert seen > 30


@pytest.mark.parametrize(
    ("uid", "kind"),
    [
        ("com.gliffy.shape.ui.ui_v3.forms_controls.button", "mockup-button"),
        ("com.gliffy.shape.ui.ui_v3.forms_controls.checkbox", "mockup-checkbox"),
        ("com.gliffy.shape.ui.ui_v3.containers_content.browser", "mockup-browser"),
        ("com.gliffy.shape.orgchart.orgchart_v1.default.employee", "person-card"),
    ],
)
def test_gliffy_mockup_and_org_chart_stencils_import_as_kinds(
    uid: str, kind: str
) -> None:
    """A Gliffy object with a UI or org chart uid becomes the matching kind."""
    import json

    from linework.formats import gliffy

    body = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                {
                    "x": 10,
                    "y": 20,
                    "width": 120,
                    "height": 40,
                    "uid": uid,
                    "id": 1,
                    "graphic": {"type": "Shape", "Shape": {"tid": "x"}},
                }
            ]
        },
    }
    result = gliffy.read(json.dumps(body).encode())
    (shape,) = [r for r in result.doc.records.values() if isinstance(r, Shape)]

    assert shape.kind == kind and result.unmapped == 0


def test_an_icon_grid_is_drawn_as_draw_io_draws_it() -> None:
    """columns x rows crossed boxes, half a box apart, filling the box, in the
    cell's own (light) stroke; no picture, no sun."""
    xml = _cell(
        "shape=mxgraph.mockup.graphics.iconGrid;gridSize=3,2;strokeColor=#CCCCCC;",
        w=320,
        h=200,
    )
    doc = _read(xml)
    out = export_svg(doc, doc.pages()[0].id)
    # Boxes 80 x 80: 3 * 80 + 2 * 40 = 320 across, 2 * 80 + 40 = 200 down.
    for x, y in [(10, 20), (130, 20), (250, 20), (10, 140), (250, 140)]:
        assert f'<rect x="{x}" y="{y}" width="80" height="80"' in out, (x, y)
    assert "M10 20L90 100M90 20L10 100" in out  # the first box's cross
    assert "#cccccc" in out.lower() and "<image" not in out and "<circle" not in out


def test_an_icon_grid_goes_back_to_draw_io_as_an_icon_grid() -> None:
    doc = _one("mockup-image", "", {"columns": 4, "rows": 2})
    xml = drawio_export.write(doc).decode()
    assert "shape=mxgraph.mockup.graphics.iconGrid;" in xml
    assert ";gridSize=4,2" in xml
    back = drawio.read(xml.encode()).doc
    a, b = doc.typed("shape:a", Shape), back.typed("shape:a", Shape)
    assert (b.kind, dict(b.props)) == ("mockup-image", {"columns": 4, "rows": 2})
    assert export_svg(doc, "page:1") == export_svg(back, "page:1")
    # A plain image placeholder still goes as draw.io's simple icon.
    plain = drawio_export.write(_one("mockup-image", "", {})).decode()
    assert "mxgraph.mockup.graphics.simpleIcon" in plain and ";gridSize=" not in plain
    assert a.props == frozen_map({"columns": 4, "rows": 2})


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
def test_the_blog_wireframe_draws_its_icon_grids_not_a_big_black_icon() -> None:
    """tpl_wireframes_blog_1.xml: draw.io's icon grids (its frames and picture
    boxes) were a tabler "layout grid" icon drawn big and black over the text."""
    from linework import files

    result = files.open_document(
        (CORPUS / "drawio" / "tpl_wireframes_blog_1.xml").read_bytes()
    )
    shapes = [r for r in result.doc.records.values() if isinstance(r, Shape)]
    grids = [s for s in shapes if s.kind == "mockup-image"]
    assert len(grids) == 10
    assert all(dict(s.props) == {"columns": 1, "rows": 1} for s in grids)
    assert all(s.style.stroke.lower() == "#cccccc" for s in grids)
    assert not [s for s in shapes if s.props.get("icon") == "layout-grid"]
    assert result.unmapped == 0
