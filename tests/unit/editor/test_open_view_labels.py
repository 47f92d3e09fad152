"""The drawing's box lays out only the labels that can widen it, to the same box."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

import pytest

from linework.editor.open_view import drawing_bounds
from linework.geometry import Box, Vec, rotate_about
from linework.model import Element, Page, Shape, Style
from linework.model.rich import rich_from_json
from linework.model.style import HAlign, LabelPosition, VAlign
from linework.render.label_reach import label_reach
from linework.render.shape import label_leaves_shape, label_text_bounds, label_text_box

PAGE = Page(id="p", name="P", z=0, width=1000.0, height=800.0)

TEXTS = (
    "A",
    "Amazon Elastic Container Service",
    "two\nlines",
    "three\r\nlines\rhere",
    "   ",
    "trailing spaces   ",
    "服务器 wide",
    "e\u0301\u0301 marks",
    "W" * 300,
    "\n".join(["many"] * 60),
)


def _every_label(page: Page, elements: Sequence[Element]) -> Box:
    """The drawing's box as it was computed before: every label laid out."""
    x0, y0, x1, y1 = 0.0, 0.0, max(0.0, page.width), max(0.0, page.height)
    for el in elements:
        assert isinstance(el, Shape)
        b = el.box
        if el.rotation_deg % 360:
            c = b.center
            b = Box.around(
                [
                    rotate_about(Vec(x, y), c, el.rotation_deg)
                    for x in (b.x, b.x + b.w)
                    for y in (b.y, b.y + b.h)
                ]
            )
        if label_leaves_shape(el):
            label = label_text_bounds(el)
            if label is not None:
                b = b.union(label)
        x0, y0 = min(x0, b.x), min(y0, b.y)
        x1, y1 = max(x1, b.x + b.w), max(y1, b.y + b.h)
    return Box(x0, y0, x1 - x0, y1 - y0)


def _styles() -> list[Style]:
    out = []
    positions: tuple[LabelPosition, ...] = ("inside", "top", "bottom", "left", "right")
    aligns: tuple[HAlign, ...] = ("left", "center", "right")
    valigns: tuple[VAlign, ...] = ("top", "middle", "bottom")
    for position, align, valign in itertools.product(positions, aligns, valigns):
        out.append(
            Style(label_position=position, align=align, valign=valign, wrap=False)
        )
    out += [
        Style(label_position="bottom", font_size=40.0, bold=True, italic=True),
        Style(label_position="right", font_family="Caveat", text_padding=30.0),
        Style(label_position="top", text_padding=0.0, text_padding_left=50.0),
        Style(label_position="bottom", text_padding=-8.0),
        Style(label_position="left", font_size=3.0, font_family="Cousine"),
    ]
    return out


def _shapes() -> list[Shape]:
    shapes = []
    styles = _styles()
    kinds = ("rectangle", "icon", "bpmn-start-event", "diamond")
    for i, (style, text) in enumerate(itertools.product(styles, TEXTS)):
        w, h = (64.0, 64.0) if i % 3 else (10.0 + i % 7, 180.0)
        shapes.append(
            Shape(
                id=f"s{i}",
                page="p",
                layer="l",
                z=i,
                kind=kinds[i % len(kinds)],
                box=Box(-300.0 + (i * 37) % 1500, -200.0 + (i * 53) % 1100, w, h),
                text=text,
                style=style,
                rotation_deg=33.0 if i % 11 == 0 else 0.0,
            )
        )
    return shapes


def test_a_labels_reach_holds_its_laid_out_text() -> None:
    checked = 0
    for shape in _shapes():
        if not label_leaves_shape(shape):
            continue
        reach = label_reach(shape)
        text = label_text_box(shape)
        if reach is None or text is None:
            continue
        checked += 1
        x0, y0, x1, y1 = reach
        assert x0 <= text.x and y0 <= text.y, (shape.id, reach, text)
        assert text.right <= x1 and text.bottom <= y1, (shape.id, reach, text)
    assert checked > 400


def test_a_rotated_or_rich_label_is_always_laid_out() -> None:
    shape = Shape(
        id="s",
        page="p",
        layer="l",
        box=Box(0, 0, 50, 50),
        text="ab",
        style=Style(label_position="bottom"),
    )
    assert label_reach(shape) is not None
    assert label_reach(replace(shape, rotation_deg=90.0)) is None
    rich = rich_from_json([{"runs": [{"text": "ab", "bold": True}]}])
    assert label_reach(replace(shape, rich=rich)) is None


@pytest.mark.parametrize("start", range(0, 350, 35))
@pytest.mark.parametrize("longest", [20, 1000])
def test_the_drawing_box_is_the_one_every_label_laid_out_gives(
    start: int, longest: int
) -> None:
    # Shapes strewn past every edge of the page, their labels often holding it.
    shapes = [s for s in _shapes() if len(s.text) <= longest][start : start + 35]
    assert drawing_bounds(PAGE, shapes) == _every_label(PAGE, shapes)


def test_a_label_beyond_every_other_element_widens_the_drawing() -> None:
    places: list[tuple[float, float, str, LabelPosition]] = [
        (400.0, 400.0, "x", "bottom"),
        (0.0, 300.0, "A label far wider than its icon", "bottom"),
        (960.0, 500.0, "right of the page", "right"),
        (500.0, 740.0, "one\ntwo\nthree\nfour", "bottom"),
        (500.0, 0.0, "up\nthere", "top"),
    ]
    shapes = [
        Shape(
            id=f"s{i}",
            page="p",
            layer="l",
            z=i,
            kind="icon",
            box=Box(x, y, 64, 64),
            text=text,
            style=Style(label_position=position),
        )
        for i, (x, y, text, position) in enumerate(places)
    ]
    got = drawing_bounds(PAGE, shapes)
    assert got == _every_label(PAGE, shapes)
    assert got.x < 0 and got.y < 0 and got.right > 1024 and got.bottom > 804


def test_a_page_of_icons_lays_out_only_the_labels_near_its_edges(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    style = Style(fill="none", stroke="none", label_position="bottom")
    shapes = [
        Shape(
            id=f"i{i}",
            page="p",
            layer="l",
            z=i,
            kind="icon",
            box=Box((i % 40) * 110 + 20, (i // 40) * 110 + 20, 64, 64),
            text=f"Icon number {i} of the library",
            style=style,
        )
        for i in range(1000)
    ]
    page = replace(PAGE, width=40 * 110 + 40, height=25 * 110 + 40)
    laid_out: list[str] = []

    def counting(shape: Shape) -> Box | None:
        laid_out.append(shape.id)
        return label_text_bounds(shape)

    monkeypatch.setattr("linework.editor.open_view.label_text_bounds", counting)
    got = drawing_bounds(page, shapes)
    assert got == _every_label(page, shapes)
    # Wider than its icon, the first column's labels reach past the page.
    assert got.x < 0
    # The first and last columns and the last row, give or take: not 1,000.
    assert 25 <= len(laid_out) <= 150
