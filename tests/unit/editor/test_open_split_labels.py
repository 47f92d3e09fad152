"""The open's split paints now exactly what exact label spans say, laying out few."""

from __future__ import annotations

import math

import pytest

from linework.editor.painter import _rough_shape_span, split_by_view
from linework.geometry import Box, Vec
from linework.model import (
    Attached,
    Connector,
    Document,
    Element,
    Free,
    IdSource,
    Page,
    Record,
    Shape,
    Style,
)
from linework.model.style import LabelPosition
from linework.render.shape import label_text_bounds

POSITIONS: tuple[LabelPosition, ...] = ("bottom", "right", "top", "left", "inside")
TEXTS = ("A", "A label much wider than its icon", "two\nlines", "W" * 60)


def _document() -> Document:
    """Icons with labels on every side, some rotated, joined by connectors."""
    base = Document.new(IdSource())
    page = base.pages()[0]
    layer = base.layers(page.id)[0].id
    records: dict[str, Record] = dict(base.records)
    records[page.id] = Page(id=page.id, name="P", z=0, width=3000, height=2000)
    n = 400
    for i in range(n):
        records[f"s{i}"] = Shape(
            id=f"s{i}",
            page=page.id,
            layer=layer,
            z=i,
            kind="icon",
            box=Box((i % 20) * 140 + 20, (i // 20) * 100 + 20, 64, 48),
            text=TEXTS[i % len(TEXTS)],
            style=Style(
                label_position=POSITIONS[i % len(POSITIONS)],
                wrap=i % 3 != 0,
                font_size=12.0 + i % 5,
            ),
            rotation_deg=45.0 if i % 17 == 0 else 0.0,
        )
    for i in range(0, n - 21, 3):
        records[f"c{i}"] = Connector(
            id=f"c{i}",
            page=page.id,
            layer=layer,
            z=n + i,
            source=Attached(shape=f"s{i}"),
            target=Attached(shape=f"s{i + 21}")
            if i % 2
            else Free(point=Vec(i * 7.0, 50.0)),
        )
    return Document(records=records)


def _exact_split(
    doc: Document, elements: tuple[Element, ...], view: Box
) -> tuple[list[str], dict[str, tuple[float, float, float, float]]]:
    """The split as it was: every label laid out."""
    vx0, vy0, vx1, vy1 = view.x, view.y, view.right, view.bottom
    now: list[str] = []
    later = {}
    for el in elements:
        if isinstance(el, Shape):
            x0, y0, x1, y1 = _rough_shape_span(el)
        elif isinstance(el, Connector):
            x0 = y0 = math.inf
            x1 = y1 = -math.inf
            for end in (el.source, el.target):
                if isinstance(end, Free):
                    p = end.point
                    x0, y0, x1, y1 = (
                        min(x0, p.x),
                        min(y0, p.y),
                        max(x1, p.x),
                        max(y1, p.y),
                    )
                    continue
                sh = doc.get(end.shape)
                assert isinstance(sh, Shape)
                sp = _rough_shape_span(sh)
                x0, y0 = min(x0, sp[0]), min(y0, sp[1])
                x1, y1 = max(x1, sp[2]), max(y1, sp[3])
            m = 80.0 + 4 * el.style.font_size
            x0, y0, x1, y1 = x0 - m, y0 - m, x1 + m, y1 + m
        else:
            now.append(el.id)
            continue
        if x0 <= vx1 and vx0 <= x1 and y0 <= vy1 and vy0 <= y1:
            now.append(el.id)
        else:
            later[el.id] = (x0, y0, x1, y1)
    return now, later


@pytest.mark.parametrize(
    "view",
    [
        Box(-48, -48, 2800, 1800),
        Box(500, 300, 900, 600),
        Box(1210, 812, 333, 155),
        Box(2000, -500, 4000, 900),
        Box(-5000, -5000, 10, 10),
    ],
)
def test_what_is_painted_now_is_what_exact_spans_give(view: Box) -> None:
    doc = _document()
    page = doc.pages()[0].id
    elements = doc.elements(page)
    now, later = split_by_view(doc, elements, view)
    exact_now, exact_later = _exact_split(doc, elements, view)
    assert [el.id for el in now] == exact_now
    assert later.keys() == exact_later.keys()
    # What waits keeps edges round its exact ones (they order the later slices).
    for rid, (x0, y0, x1, y1) in later.items():
        e = exact_later[rid]
        assert x0 <= e[0] and y0 <= e[1] and e[2] <= x1 and e[3] <= y1


def test_only_labels_near_the_views_edge_are_laid_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc = _document()
    elements = doc.elements(doc.pages()[0].id)
    laid_out: list[str] = []

    def counting(shape: Shape) -> Box | None:
        laid_out.append(shape.id)
        return label_text_bounds(shape)

    monkeypatch.setattr("linework.editor.painter.label_text_bounds", counting)
    now, later = split_by_view(doc, elements, Box(500, 300, 900, 600))
    assert now and later
    # Rotated shapes (no cheap reach) and the band round the view's edges.
    assert 0 < len(set(laid_out)) < 150
