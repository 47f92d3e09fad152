"""Mockup kinds and the person card: golden SVG per kind and variant, readable text.

Goldens live in tests/golden/mockups/<kind>[-variant].svg; refresh them after
an intended change with ``LINEWORK_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from golden_files import GOLDEN, UPDATE
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
from linework.render.shape import shape_node
from linework.shapes import KINDS, kind_of
from linework.shapes.mockup import MOCKUP_KINDS
from linework.shapes.orgchart import ORGCHART_KINDS
from linework.svg import serialize

NEW_KINDS = [k.name for k in (*MOCKUP_KINDS, *ORGCHART_KINDS)]
# (kind, variant name, props): every kind light, and its variants.
VARIANTS: list[tuple[str, str, dict[str, Any]]] = [
    *((k, "light", {}) for k in NEW_KINDS),
    *(
        (k, "dark", {"theme": "dark"})
        for k in NEW_KINDS
        if k not in ("mockup-slider", "mockup-image")
    ),
    ("mockup-checkbox", "checked", {"checked": True}),
    ("mockup-radio", "checked", {"checked": True}),
    ("mockup-toggle", "on", {"checked": True}),
    ("mockup-slider", "quarter", {"value": 0.25}),
    ("mockup-tabs", "second", {"tabs": 4, "active": 1}),
    ("mockup-table", "grid", {"rows": 6, "columns": 4}),
]


def _doc(kind: str, props: dict[str, Any], text: str = "") -> Document:
    doc = Document.new(IdSource())
    w, h = kind_of(kind).default_size
    label = text or getattr(kind_of(kind), "default_text", "") or ""
    tx = Transaction(doc)
    tx.put(
        Shape(
            id="shape:1",
            page="page:1",
            layer="layer:1",
            kind=kind,
            box=Box(20, 20, w, h),
            text=label,
            props=frozen_map(props),
        )
    )
    return doc.apply(tx.patch())


@pytest.mark.parametrize(
    ("kind", "variant", "props"), VARIANTS, ids=[f"{k}-{v}" for k, v, _ in VARIANTS]
)
def test_kind_matches_its_golden_svg(
    kind: str, variant: str, props: dict[str, Any]
) -> None:
    """Each kind (and variant) renders to exactly its golden bytes."""
    doc = _doc(kind, props)
    svg = export_svg(doc, "page:1")
    golden = GOLDEN / "mockups" / f"{kind}-{variant}.svg"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(svg, encoding="utf-8")

    assert golden.read_text(encoding="utf-8") == svg
    assert f'data-kind="{kind}"' in svg


def test_every_new_kind_is_registered_in_its_palette_section() -> None:
    """Mockups are in "mockups", the person card in "orgchart"."""
    assert {KINDS[k].library for k in NEW_KINDS} == {"mockups", "orgchart"}
    assert KINDS["person-card"].library == "orgchart"


@pytest.mark.parametrize("kind", NEW_KINDS)
def test_dark_theme_turns_unset_label_colour_white(kind: str) -> None:
    """On a dark surface an unset font colour becomes white; a set one stays."""
    if kind in ("mockup-slider", "mockup-image", "mockup-checkbox", "mockup-radio"):
        pytest.skip("the label of this kind sits on the page, not on a dark surface")
    dark = serialize(
        shape_node(_doc(kind, {"theme": "dark"}, "Hi").typed("shape:1", Shape))
    )
    light = serialize(shape_node(_doc(kind, {}, "Hi").typed("shape:1", Shape)))

    assert "<text text-anchor" in dark and 'fill="#ffffff"' in dark.split("<text", 1)[1]
    assert 'fill="#1f2933"' in light.split("<text", 1)[1]


def test_font_colour_follows_the_fill_for_every_kind_unless_set() -> None:
    """The rule lives in the renderer: a black rectangle gets white text too."""
    base = _doc("rectangle", {}, "Hi").typed("shape:1", Shape)
    black = replace(base, style=replace(DEFAULT_STYLE, fill="#000000"))
    pale = replace(base, style=replace(DEFAULT_STYLE, fill="#fef3c7"))
    chosen = replace(
        base, style=replace(DEFAULT_STYLE, fill="#000000", font_color="#ff0000")
    )
    outside = replace(
        base, style=replace(DEFAULT_STYLE, fill="#000000", label_position="bottom")
    )

    def text_fill(s: Shape) -> str:
        return serialize(shape_node(s)).split("<text", 1)[1].split('fill="', 1)[1][:7]

    assert text_fill(black) == "#ffffff"
    assert text_fill(pale) == "#1f2933"
    assert text_fill(chosen) == "#ff0000"
    assert text_fill(outside) == "#1f2933"


def test_a_person_card_draws_its_picture_or_a_silhouette() -> None:
    """A safe data URI is drawn in the frame; anything else is not."""
    png = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4"
        "2mO4Y2RktCCAQSPqzv///wEl6Aa+RAmzBAAAAABJRU5ErkJggg=="
    )
    with_picture = serialize(
        shape_node(_doc("person-card", {"src": png}).typed("shape:1", Shape))
    )
    hostile = serialize(
        shape_node(
            _doc("person-card", {"src": "javascript:alert(1)"}).typed("shape:1", Shape)
        )
    )

    assert "<image" in with_picture and png in with_picture
    assert "<image" not in hostile and "javascript" not in hostile
