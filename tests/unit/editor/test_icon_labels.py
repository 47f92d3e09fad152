"""An icon placed from a cloud or network library carries its name below it,
as draw.io's AWS, Azure, GCP and Kubernetes icons do; brand logos and generic
glyphs are placed bare. The label is an ordinary label: edited, removed and
undone like any other, and the drop is one undo step."""

from __future__ import annotations

from typing import Any

import pytest

from linework.editor import Editor
from linework.icons.titles import icon_label
from linework.model import Shape
from linework.render import export_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="20"/></svg>'


def act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    ui: dict[str, Any] = ed.handle({"type": "action", "name": action, "args": args})[
        "ui"
    ]
    assert not ui.get("error"), ui.get("error")
    return ui


def shape(ed: Editor, sid: str) -> Shape:
    el = ed.document.get(sid)
    assert isinstance(el, Shape)
    return el


@pytest.mark.parametrize(
    ("library", "icon", "label"),
    [
        ("aws", "aws-lambda", "Lambda"),
        ("aws", "aws-s3", "S3"),
        ("aws", "aws-dynamodb", "DynamoDB"),
        ("azure", "azure-virtual-machine", "Virtual Machine"),
        ("azure", "azure-brand", "Azure"),
        ("gcp", "gcp-bigquery", "BigQuery"),
        ("gcp", "google-cloud-run", "Cloud Run"),
        ("kubernetes", "k8s-pod", "Pod"),
        ("kubernetes", "kubernetes", "Kubernetes"),
        ("network", "load-balancer", "Load Balancer"),
        ("logos", "github", ""),
        ("tabler", "arrow-right", ""),
    ],
)
def test_labels_by_library(library: str, icon: str, label: str) -> None:
    assert icon_label(library, icon) == label


def test_a_dropped_aws_icon_is_labelled_below_and_one_undo_step() -> None:
    ed = Editor()
    before = len(ed.document)
    ui = act(ed, "add-icon", library="aws", icon="aws-lambda", svg=SVG, x=200, y=150)
    lam = shape(ed, str(ui["selection"][0]))
    assert (lam.kind, lam.text, lam.style.label_position) == (
        "icon",
        "Lambda",
        "bottom",
    )
    # Drawn below the icon, escaped as any label.
    page = ed.session.page_id
    out = export_svg(ed.document, page)
    assert ">Lambda<" in out
    # One step: undo removes the icon and its label together.
    act(ed, "undo")
    assert len(ed.document) == before
    act(ed, "redo")
    assert shape(ed, lam.id).text == "Lambda"


def test_the_label_is_edited_and_removed_like_any_label() -> None:
    ed = Editor()
    sid = str(
        act(ed, "add-icon", library="network", icon="router", svg=SVG, x=100, y=100)[
            "selection"
        ][0]
    )
    assert shape(ed, sid).text == "Router"
    act(ed, "set-text", id=sid, text="Edge router")
    assert shape(ed, sid).text == "Edge router"
    act(ed, "set-text", id=sid, text="")
    assert shape(ed, sid).text == ""
    assert ">Router<" not in export_svg(ed.document, ed.session.page_id)


def test_logos_and_glyphs_are_placed_bare_and_text_overrides() -> None:
    ed = Editor()
    logo = act(ed, "add-icon", library="logos", icon="github", svg=SVG, x=100, y=100)
    assert shape(ed, str(logo["selection"][0])).text == ""
    own = act(
        ed, "add-icon", library="aws", icon="aws-s3", svg=SVG, text="", x=300, y=100
    )
    assert shape(ed, str(own["selection"][0])).text == ""
    named = act(
        ed,
        "add-icon",
        library="tabler",
        icon="arrow-right",
        svg=SVG,
        text="Next",
        x=500,
        y=100,
    )
    assert shape(ed, str(named["selection"][0])).text == "Next"


def test_icons_added_by_click_keep_their_labels_clear_of_each_other() -> None:
    """Click-to-insert seeks a free spot for the icon and its name together:
    a long name ("Certificate Manager") does not run into the next one."""
    from linework.render.shape import label_text_bounds

    ed = Editor()
    view = {"x": 0, "y": 0, "w": 1400, "h": 800}
    seen = []
    for icon in ("aws-certificate-manager", "aws-secrets-manager", "aws-lambda"):
        sid = act(ed, "add-icon", library="aws", icon=icon, svg=SVG, view=view)[
            "selection"
        ][0]
        s = shape(ed, str(sid))
        label = label_text_bounds(s)
        assert label is not None and label.y >= s.box.bottom  # below the icon
        seen.append(s.box.union(label))
    for i, a in enumerate(seen):
        for b in seen[i + 1 :]:
            assert not a.intersects(b), (a, b)
