"""An unlabelled icon in the outline and the announcements: named by its
library title ("AWS S3"), as the palette names it, not "Icon (no label)"."""

from __future__ import annotations

from typing import Any

from linework.editor import Editor
from linework.icons.titles import icon_title, title_of

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="20"/></svg>'


def act(ed: Editor, action: str, **args: Any) -> dict[str, Any]:
    ui: dict[str, Any] = ed.handle({"type": "action", "name": action, "args": args})[
        "ui"
    ]
    assert not ui.get("error"), ui.get("error")
    return ui


def add_icon(ed: Editor, library: str, icon: str, x: float) -> str:
    """Add an icon without a label (the palette labels cloud icons)."""
    ui = act(ed, "add-icon", library=library, icon=icon, svg=SVG, text="", x=x, y=100)
    return str(ui["selection"][0])


def test_an_unlabelled_icon_is_named_by_its_title_and_a_label_wins() -> None:
    ed = Editor()
    s3 = add_icon(ed, "aws", "aws-s3", 100)
    gw = add_icon(ed, "aws", "aws-api-gateway", 300)
    assert act(ed, "select", ids=[s3])["announce"] == "Icon 'AWS S3' selected"
    ed.resend_outline()
    items = act(ed, "select-none")["outline"]["items"]
    assert [(i["kind"], i["label"]) for i in items] == [
        ("Icon", "AWS S3"),
        ("Icon", "AWS API Gateway"),
    ]
    assert items[0]["text"] == "Icon 'AWS S3'"
    # The user's label names it from then on.
    after = act(ed, "set-text", id=gw, text="Public API")
    assert after["outline"]["items"][1]["label"] == "Public API"


def test_titles_are_the_palettes() -> None:
    """The build titles palette entries with the same function."""
    assert title_of("gcp-cloud-sql") == "GCP Cloud SQL"
    assert icon_title({"library": "network", "icon": "load-balancer"}) == (
        "Load Balancer"
    )
    assert icon_title({"src": "data:image/svg+xml;base64,"}) == ""  # no name: none


def test_the_new_action_sends_the_new_documents_outline() -> None:
    """The outline panel kept the old document's shapes after ``new`` (the
    automation hook's New): its response carried no outline."""
    ed = Editor()
    add_icon(ed, "aws", "aws-s3", 100)
    ui = act(ed, "new")
    assert ui["outline"]["items"] == []
    assert ui["status"].endswith("0 elements")
    assert not ui["can_undo"] and ui["selection"] == []
