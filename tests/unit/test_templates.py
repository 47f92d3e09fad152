"""The template gallery: every .linework file in linework/templates opens, with a title.

The gallery lists the folder, so templates other branches add (uml-class, …)
join with no code change: checked here with a temporary extra file.
"""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import pytest

from linework import templates
from linework.bridge.api import Api
from linework.errors import LineworkError
from linework.formats import native
from linework.geometry import Box
from linework.model import Document, IdSource, Shape, Transaction

MINE = (
    "flowchart",
    "swimlane-process",
    "aws-architecture",
    "network",
    "org-chart",
    "mind-map",
    "wireframe",
)
FOLDER = Path(str(resources.files("linework.templates")))


def test_the_gallery_has_every_template_this_branch_writes() -> None:
    assert set(MINE) <= set(templates.names())


@pytest.mark.parametrize("name", templates.names())
def test_every_template_opens_with_elements_and_a_title(name: str) -> None:
    """Each file decodes, has elements on its first page and a meta title."""
    doc = native.decode(templates.data(name))
    page = doc.pages()[0]

    assert len(doc.elements(page.id)) >= 5
    assert isinstance(doc.meta.get("title"), str) and doc.meta["title"].strip()
    entry = next(t for t in templates.gallery() if t.name == name)
    assert entry.svg.startswith("<svg") and 'data-kind="' in entry.svg
    assert entry.elements == len(doc.elements(page.id))


def test_templates_use_their_kinds() -> None:
    """The org chart is person cards, the wireframe mockups, AWS library icons."""
    kinds = {
        name: {
            r.kind
            for r in native.decode(templates.data(name)).records.values()
            if isinstance(r, Shape)
        }
        for name in ("org-chart", "wireframe", "aws-architecture")
    }
    assert "person-card" in kinds["org-chart"]
    assert {"mockup-browser", "mockup-button", "mockup-phone"} <= kinds["wireframe"]
    aws = native.decode(templates.data("aws-architecture"))
    assert any(
        isinstance(r, Shape) and r.kind == "icon" and r.props.get("library") == "aws"
        for r in aws.records.values()
    )


def test_a_file_added_to_the_folder_joins_the_gallery_without_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of the folder plus ``uml-class.linework`` lists and opens it."""
    for f in FOLDER.glob("*.linework"):
        shutil.copy(f, tmp_path / f.name)
    doc = Document.new(IdSource())
    tx = Transaction(doc)
    for i in range(5):
        tx.put(
            Shape(
                id=f"shape:{i + 10}",
                page="page:1",
                layer="layer:1",
                box=Box(i * 120, 0, 100, 60),
                text=f"Class {i}",
            )
        )
    from dataclasses import replace

    from linework.model import frozen_map

    extra = replace(doc.apply(tx.patch()), meta=frozen_map({"title": "UML class"}))
    (tmp_path / "uml-class.linework").write_bytes(native.encode(extra))
    (tmp_path / "Not A Template.linework").write_bytes(b"{}")
    (tmp_path / "notes.txt").write_text("not a template")
    monkeypatch.setattr(templates, "_folder", lambda: tmp_path)

    assert "uml-class" in templates.names()
    assert "Not A Template" not in templates.names()
    api = Api()
    listed = api.dispatch('{"type": "templates"}')
    assert {"name": "uml-class", "title": "UML class"}.items() <= next(
        t for t in listed["templates"] if t["name"] == "uml-class"
    ).items()
    opened = api.dispatch('{"type": "file-template", "name": "uml-class"}')
    info = opened["document"]
    assert opened["ok"] and info["title"] == "Untitled" and info["count"] == 5


def test_opening_a_template_is_a_new_untitled_clean_document() -> None:
    api = Api()
    reply = api.dispatch('{"type": "file-template", "name": "org-chart"}')

    info = reply["document"]
    assert reply["ok"] and info["title"] == "Untitled" and info["native"] is False
    assert reply["ui"]["dirty"] is False and reply["ui"]["can_undo"] is False
    doc = native.decode(templates.data("org-chart"))
    assert info["count"] == len(doc.elements(doc.pages()[0].id))


@pytest.mark.parametrize("name", ["nope", "../flowchart", "Flowchart", ""])
def test_unknown_template_names_are_refused(name: str) -> None:
    with pytest.raises(LineworkError) as caught:
        templates.data(name)
    assert caught.value.code == "LW-E0108"
    reply = Api().dispatch(json.dumps({"type": "file-template", "name": name}))
    assert reply["ok"] is False and reply["code"] == "LW-E0108"


def _shadowed(title: str) -> bytes:
    """A template of one shadowed shape whose label reads like a reference."""
    from dataclasses import replace

    from linework.model import DEFAULT_STYLE, frozen_map

    doc = Document.new(IdSource())
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:10",
            page="page:1",
            layer="layer:1",
            box=Box(0, 0, 160, 60),
            text='url(#lw-shadow) id="lw-shadow"',
            style=replace(DEFAULT_STYLE, shadow=True),
        )
    )
    return native.encode(
        replace(doc.apply(tx.patch()), meta=frozen_map({"title": title}))
    )


def test_thumbnails_have_ids_of_their_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each thumbnail's defs ids are its own (the canvas keeps ``lw-shadow``),
    its shapes refer to them, and label text is left as typed."""
    import re

    for name in ("first-one", "second-one"):
        (tmp_path / f"{name}.linework").write_bytes(_shadowed(name))
    monkeypatch.setattr(templates, "_folder", lambda: tmp_path)

    seen: list[str] = []
    for t in templates.gallery():
        ids = re.findall(r'<[^>]*\sid="([^"]+)"', t.svg)
        refs = re.findall(r'filter="url\(#([^)]+)\)"', t.svg)
        assert ids == [f"lw-t-{t.name}-lw-shadow"]
        assert refs == ids
        # The label, as typed (wrapped on two lines).
        assert (
            ">url(#lw-shadow)</tspan>" in t.svg and '>id="lw-shadow"</tspan>' in t.svg
        )
        seen += ids
    assert len(seen) == len(set(seen)) == 2


def test_an_id_prefix_leaves_normal_renders_as_they_were() -> None:
    """Without a prefix the renderer's bytes and defs are the canvas's; with
    one, only ids and references to them change."""
    from linework.render import SVG_DEFS, Renderer

    doc = native.decode(_shadowed("x"))
    shape = doc.typed("shape:10", Shape)
    plain = Renderer().fragment(doc, shape)
    assert 'filter="url(#lw-shadow)"' in plain and Renderer().defs() == SVG_DEFS
    other = Renderer(id_prefix="p-").fragment(doc, shape)
    assert other == plain.replace(
        'filter="url(#lw-shadow)"', 'filter="url(#p-lw-shadow)"'
    )
    assert Renderer(id_prefix="p-").defs() == SVG_DEFS.replace('id="', 'id="p-')
    with pytest.raises(ValueError):
        Renderer(id_prefix='x" onload="')
