"""Each UML and ER kind renders to its golden SVG, byte for byte (issue 11).

Every kind is drawn as a fresh palette shape would be (its default text, rows
and style), plus the variants that change the drawing: an abstract class with
a stereotype, an entity whose keys widen the key column, a lifeline with two
bars. The templates render to their goldens too. Refresh after an intended
change with ``LINEWORK_UPDATE_GOLDEN=1 pytest tests/unit/render/test_uml_er_golden.py``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from golden_files import GOLDEN, UPDATE
from linework.formats import native
from linework.geometry import Box
from linework.model import (
    DEFAULT_STYLE,
    Document,
    IdSource,
    Shape,
    Transaction,
    frozen_map,
)
from linework.render import export_svg
from linework.shapes import DEFAULT_KINDS
from linework.shapes.defaults import kind_defaults

UML_ER = [k for k in DEFAULT_KINDS if k.library in ("uml", "er")]
TEMPLATES = Path(__file__).resolve().parents[3] / "src" / "linework" / "templates"
SVG = "{http://www.w3.org/2000/svg}"

VARIANTS: dict[str, tuple[str, dict[str, Any], str]] = {
    "uml-class-abstract": (
        "uml-class",
        {
            "rows": ["- id: int", "+ name: str", "+ save(): void"],
            "compartments": [2, 1],
            "abstract": True,
            "stereotype": "entity",
        },
        "Person",
    ),
    "er-entity-keys": (
        "er-entity",
        {
            "rows": ["PK,FK1 order_id", "PK,FK2 item_id", "qty <b>&amp;</b>"],
            "compartments": [3],
        },
        "order_item",
    ),
    "uml-lifeline-bars": (
        "uml-lifeline",
        {"activations": [[60, 120], [150, 260]]},
        ":Bus",
    ),
}


def _doc(
    kind: str, props: dict[str, Any] | None = None, text: str | None = None
) -> Document:
    k = next(x for x in DEFAULT_KINDS if x.name == kind)
    t, p, st = kind_defaults(k)
    w, h = k.default_size
    doc = Document.new(IdSource())
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0]
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:a",
            page=page.id,
            layer=layer.id,
            kind=kind,
            box=Box(20, 20, w, h),
            text=t if text is None else text,
            props=frozen_map(dict(p) if props is None else props),
            style=replace(DEFAULT_STYLE, **st),
        )
    )
    doc = doc.apply(tx.patch())
    # As add-row leaves it: tall enough for every row.
    need = getattr(k, "needed_height", None)
    s = doc.typed("shape:a", Shape)
    if need is not None and need(s) > s.box.h:
        tx = Transaction(doc)
        tx.put(replace(s, box=Box(20, 20, w, need(s))))
        doc = doc.apply(tx.patch())
    return doc


def _check(name: str, svg: str) -> None:
    golden = GOLDEN / "uml-er" / f"{name}.svg"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(svg, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == svg


@pytest.mark.parametrize("kind", [k.name for k in UML_ER])
def test_kind_matches_golden(kind: str) -> None:
    """A fresh shape of the kind renders to exactly its golden bytes."""
    doc = _doc(kind)
    _check(kind, export_svg(doc, doc.pages()[0].id))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_matches_golden(name: str) -> None:
    """Abstract class with stereotype, keyed entity, lifeline bars: their goldens."""
    kind, props, text = VARIANTS[name]
    doc = _doc(kind, props, text)
    _check(name, export_svg(doc, doc.pages()[0].id))


@pytest.mark.parametrize("name", ["uml-class", "uml-sequence", "er-model"])
def test_template_matches_golden(name: str) -> None:
    """Each UML/ER template opens and renders to its golden bytes."""
    doc = native.decode((TEMPLATES / f"{name}.linework").read_bytes())
    _check(f"template-{name}", export_svg(doc, doc.pages()[0].id))


def test_rows_are_escaped_text_in_their_own_row() -> None:
    """Row text is data: markup in a row is escaped, each row is its own <text>."""
    kind, props, text = VARIANTS["er-entity-keys"]
    svg = export_svg(_doc(kind, props, text), "page:1")
    root = ET.fromstring(svg)
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]

    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert texts == [
        "order_item",
        "PK,FK1",
        "order_id",
        "PK,FK2",
        "item_id",
        "qty <b>&amp;</b>",
    ]


def test_abstract_name_is_italic_and_stereotype_in_guillemets() -> None:
    """The name of an abstract class is set in italics under «stereotype»."""
    kind, props, text = VARIANTS["uml-class-abstract"]
    root = ET.fromstring(export_svg(_doc(kind, props, text), "page:1"))
    texts = list(root.iter(f"{SVG}text"))

    assert "".join(texts[0].itertext()) == "«entity»"
    assert "".join(texts[1].itertext()) == "Person"
    assert texts[1].get("font-style") == "italic"
    assert texts[2].get("font-style") in (None, "normal")
