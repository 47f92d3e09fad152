"""draw.io fidelity (#12): the defaults of draw.io's stylesheet on import."""

from __future__ import annotations

from pathlib import Path

import pytest

from drawio_samples import mxfile, only_shape, page, vertex
from linework.formats import drawio
from linework.model import Connector, Shape


def _file(cells: str) -> bytes:
    return mxfile(page(cells))


def _vertex(cid: str, style: str, value: str = "Label") -> str:
    return vertex(cid, x=100, y=100, w=120, h=60, style=style, value=value)


@pytest.mark.parametrize(
    ("style", "size"),
    [
        ("rounded=0;whiteSpace=wrap;html=1;", 12.0),
        ("text;html=1;", 12.0),
        ("edgeLabel;html=1;", 11.0),
        ("rounded=0;fontSize=16;", 16.0),
    ],
)
def test_vertex_labels_default_to_draw_ios_12(style: str, size: float) -> None:
    assert (
        size == only_shape(drawio.read(_file(_vertex("a", style))).doc).style.font_size
    )


def test_edge_labels_default_to_11() -> None:
    edge = (
        '<mxCell id="e" value="yes" style="edgeStyle=orthogonalEdgeStyle;" '
        'edge="1" parent="1"><mxGeometry relative="1" as="geometry">'
        '<mxPoint x="0" y="0" as="sourcePoint"/><mxPoint x="200" y="0" '
        'as="targetPoint"/></mxGeometry></mxCell>'
    )
    doc = drawio.read(_file(edge)).doc
    (c,) = [r for r in doc.records.values() if isinstance(r, Connector)]
    assert 11.0 == c.style.font_size


def test_a_swimlane_title_is_bold_by_default() -> None:
    doc = drawio.read(_file(_vertex("a", "swimlane;startSize=23;"))).doc
    assert only_shape(doc).style.bold is True
    doc = drawio.read(_file(_vertex("a", "swimlane;fontStyle=0;"))).doc
    assert only_shape(doc).style.bold is False


@pytest.mark.parametrize(
    ("style", "stroke"),
    [
        ("shape=mxgraph.aws4.group;grStroke=0;strokeColor=#7AA116;", "none"),
        ("shape=mxgraph.aws4.groupCenter;grStroke=0;strokeColor=#7AA116;", "none"),
        ("shape=mxgraph.aws4.group;grStroke=1;strokeColor=#7AA116;", "#7aa116"),
        ("shape=mxgraph.aws4.group;strokeColor=#7AA116;", "#7aa116"),
        ("rounded=0;grStroke=0;strokeColor=#7AA116;", "#7aa116"),
    ],
)
def test_gr_stroke_0_draws_an_aws_group_without_its_frame(
    style: str, stroke: str
) -> None:
    shape = only_shape(drawio.read(_file(_vertex("a", style))).doc)
    assert stroke == shape.style.stroke


CORPUS = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "drawio"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
def test_corpus_aws_subnets_have_no_frame_and_the_vpc_keeps_its_own() -> None:
    """dd_aws-simple-architecture: the four subnets are grStroke=0 groups."""
    doc = drawio.read((CORPUS / "dd_aws-simple-architecture.drawio").read_bytes()).doc
    by_text = {s.text: s for s in doc.records.values() if isinstance(s, Shape)}
    for name in ("Public DMZ1", "Public DMZ2", "Private Subnet 1", "Private Subnet 2"):
        assert ("none", True) == (
            by_text[name].style.stroke,
            by_text[name].style.fill != "none",
        ), name
    assert "#248814" == by_text["VPC"].style.stroke
