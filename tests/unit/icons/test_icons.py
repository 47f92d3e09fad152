"""Icons natively: the sanitizer, the stencil mapping, imports and rendering."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

import icon_data
from linework.editor import Editor
from linework.editor.protocol import Action
from linework.errors import LineworkError
from linework.formats import native
from linework.formats.imports import read_any
from linework.formats.stencils import icon_src
from linework.icons.bundled import bundled_icon
from linework.icons.mapping import map_drawio, map_gliffy, mapping_targets
from linework.icons.sanitize import sanitize_svg
from linework.model import Document, Shape
from linework.render import export_svg

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


@pytest.fixture
def mapped_icons() -> None:
    """The wheel's mapped icons, made as the build makes them if missing
    (tests/icon_data.py); skipped, saying why, only without the npm packages."""
    icon_data.ensure_mapped_icons()


needs_icons = pytest.mark.usefixtures("mapped_icons")

HOSTILE = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' viewBox="0 0 10 10" onload="alert(1)">'
    "<script>alert(2)</script>"
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
    '<image href="https://evil.example/x.png"/>'
    '<use xlink:href="https://evil.example/s.svg#a"/>'
    '<a href="javascript:alert(3)"><path d="M0 0h1"/></a>'
    '<path d="M0 0h10" onclick="alert(4)" fill="url(https://evil.example/p)"'
    ' style="stroke:red;background:url(//evil.example/b)"/>'
    '<rect width="1" height="1" fill="url(#ok)"/>'
    "</svg>"
)


def test_sanitizer_keeps_drawing_and_drops_everything_active() -> None:
    svg, w, h = sanitize_svg(HOSTILE)
    for bad in (
        "script",
        "onload",
        "onclick",
        "foreignObject",
        "evil",
        "javascript",
        "<a",
        "<image",
    ):
        assert bad not in svg, bad
    assert '<path d="M0 0h10" stroke="red"/>' in svg
    assert 'fill="url(#ok)"' in svg
    assert (w, h) == (10.0, 10.0)


@pytest.mark.parametrize(
    "text",
    [
        '<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        "<svg",
        '<html xmlns="http://www.w3.org/1999/xhtml"/>',
    ],
)
def test_sanitizer_refuses_what_is_no_plain_svg(text: str) -> None:
    with pytest.raises(LineworkError) as caught:
        sanitize_svg(text)
    assert caught.value.code == "LW-E0220"


@pytest.mark.parametrize(
    ("stencil", "style", "key"),
    [
        ("mxgraph.aws4.lambda_function", {}, "aws/aws-lambda"),
        ("mxgraph.aws4.resourceIcon", {"resIcon": "mxgraph.aws4.s3"}, "aws/aws-s3"),
        ("mxgraph.aws3d.application_server", {}, "aws/aws-generic-server"),
        ("mxgraph.azure.virtual_machine", {}, "azure/azure-virtual-machine"),
        ("mxgraph.gcp2.cloud_storage", {}, "gcp/gcp-cloud-storage"),
        ("mxgraph.kubernetes.pod", {}, "kubernetes/k8s-pod"),
        ("mxgraph.cisco.security.firewall", {}, "network/firewall"),
        ("mxgraph.cisco.switches.workgroup_switch", {}, "network/switch"),
        ("mxgraph.networks.desktop_pc", {}, "network/desktop"),
        ("mxgraph.networks.laptop", {}, "network/laptop"),
        ("mxgraph.office.users.user", {}, "network/user"),
        (
            "image",
            {"image": "img/lib/clip_art/networking/Router_128x128.png"},
            "network/router",
        ),
        (
            "image",
            {"image": "img/lib/clip_art/computers/Server_Tower_128x128.png"},
            "network/server",
        ),
    ],
)
def test_drawio_stencils_map_to_library_icons(
    stencil: str, style: dict[str, str], key: str
) -> None:
    assert key == map_drawio(stencil, style)
    assert key in mapping_targets()


def test_gliffy_network_and_cloud_stencils_map() -> None:
    assert "network/router" == map_gliffy(
        "com.gliffy.shape.network.network_v4.business.router"
    )
    assert "aws/aws-s3" == map_gliffy("com.gliffy.shape.aws.aws_v3.storage.s3")
    assert map_gliffy("com.gliffy.shape.basic.basic_v1.default.rectangle") is None


@needs_icons
def test_every_mapping_target_is_carried() -> None:
    for key in mapping_targets():
        icon = bundled_icon(key)
        assert icon is not None, key
        assert icon.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
        assert sanitize_svg(icon.svg)[0] == icon.svg  # already clean: a fixed point


def _shapes(doc: Document) -> list[Shape]:
    return [r for r in (doc.get(i) for i in doc) if isinstance(r, Shape)]


def _drawio(cells: str) -> bytes:
    return (
        '<mxfile><diagram id="d" name="P"><mxGraphModel><root>'
        '<mxCell id="0"/><mxCell id="1" parent="0"/>'
        f"{cells}</root></mxGraphModel></diagram></mxfile>"
    ).encode()


@needs_icons
def test_drawio_icons_import_as_icons_and_render_natively() -> None:
    data = _drawio(
        '<mxCell id="a" value="Fn" vertex="1" parent="1" style="shape=mxgraph.aws4.lambda_function;'
        'verticalLabelPosition=bottom;"><mxGeometry x="10" y="10" width="78" height="78" as="geometry"/></mxCell>'
        '<mxCell id="b" value="" vertex="1" parent="1" style="shape=mxgraph.aws4.braket;">'
        '<mxGeometry x="200" y="10" width="78" height="78" as="geometry"/></mxCell>'
    )
    result = read_any(data)
    shapes = {s.text: s for s in _shapes(result.doc)}
    fn = shapes["Fn"]
    assert ("icon", "aws", "aws-lambda") == (
        fn.kind,
        fn.props["library"],
        fn.props["icon"],
    )
    lambda_svg = bundled_icon("aws/aws-lambda").svg  # type: ignore[union-attr]
    assert fn.props["src"] == icon_src(lambda_svg)
    # The unmapped one is a labelled placeholder and still counted.
    placeholder = shapes["Braket"]
    assert "icon" == placeholder.kind and "src" not in placeholder.props
    assert 1 == result.unmapped
    assert any("mxgraph.aws4.braket" in w for w in result.warnings)
    page = result.doc.pages()[0].id
    out = export_svg(result.doc, page)
    assert f'href="{fn.props["src"]}"' in out  # drawn as <image>
    assert "#f3f4f6" in out and "Braket" in out
    # The document carries its icons: a saved file renders the same.
    again = native.decode(native.encode(result.doc))
    assert out == export_svg(again, page)


@needs_icons
@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_network_template_icons_are_mapped() -> None:
    path = CORPUS / "drawio" / "tpl_network_enterprise_1.xml"
    result = read_any(path.read_bytes())
    icons = [s for s in _shapes(result.doc) if s.kind == "icon"]
    assert len(icons) >= 60
    assert {"network/laptop", "network/router", "network/firewall"} <= {
        f"{s.props['library']}/{s.props['icon']}" for s in icons if "src" in s.props
    }


def test_add_icon_sanitizes_and_is_one_undo_step() -> None:
    ed = Editor()
    before = len(ed.document)
    ed.dispatch(
        Action(
            name="add-icon",
            args={
                "library": "network",
                "icon": "router",
                "svg": HOSTILE,
                "x": 100,
                "y": 100,
            },
        )
    )
    added = _shapes(ed.document)
    assert 1 == len(added) and before + 1 == len(ed.document)
    icon = added[0]
    assert ("icon", "network", "router") == (
        icon.kind,
        icon.props["library"],
        icon.props["icon"],
    )
    svg = base64.b64decode(str(icon.props["src"]).split(",", 1)[1]).decode()
    assert "script" not in svg and "evil" not in svg and "<path" in svg
    assert (64.0, 64.0) == (icon.box.w, icon.box.h)
    ed.dispatch(Action(name="undo", args={}))
    assert before == len(ed.document)


def test_add_icon_refuses_bad_svg_and_changes_nothing() -> None:
    ed = Editor()
    before = ed.document
    reply = ed.handle(
        {
            "type": "action",
            "name": "add-icon",
            "args": {"library": "x", "icon": "y", "svg": "<svg"},
        }
    )
    assert "LW-E0220" in json.dumps(reply)
    assert before is ed.document


def test_catalog_is_json_serialisable() -> None:
    json.dumps({"targets": sorted(mapping_targets())})


@needs_icons
def test_gliffy_network_stencils_import_as_icons() -> None:
    def shape(oid: int, uid: str) -> dict[str, object]:
        return {
            "x": 0, "y": 0, "width": 60, "height": 60, "rotation": 0, "id": oid,
            "uid": uid, "order": oid, "hidden": False, "children": [],
            "graphic": {"type": "Shape", "Shape": {}},
        }  # fmt: skip

    raw = {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                shape(1, "com.gliffy.shape.network.network_v4.business.router"),
                shape(2, "com.gliffy.shape.network.network_v4.business.flux_capacitor"),
            ]
        },
    }
    result = read_any(json.dumps(raw).encode())
    kinds = {
        (s.kind, s.props.get("icon"), "src" in s.props) for s in _shapes(result.doc)
    }
    assert {("icon", "router", True), ("icon", None, False)} == kinds
    assert 1 == result.unmapped
