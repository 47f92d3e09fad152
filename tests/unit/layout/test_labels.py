"""Label sizes come from the shipped font metrics, so imported boxes fit their text."""

from __future__ import annotations

import pytest

from linework.formats import mermaid
from linework.layout.labels import label_size
from linework.model import Shape
from linework.render.shape import label_layout
from linework.text import line_height, text_width


def test_label_size_is_the_widest_line_by_the_real_advances() -> None:
    w, h = label_size("Short\nA much longer line", 14.0)
    assert w == text_width("A much longer line", 14.0)
    assert h == 2 * line_height(14.0)


def test_narrow_and_wide_letters_measure_differently() -> None:
    # An average glyph width would give these the same size.
    assert label_size("iiiiiiiiii", 14.0)[0] < label_size("WWWWWWWWWW", 14.0)[0] / 2


def test_bold_is_wider_than_regular() -> None:
    assert label_size("Heading", 14.0, bold=True)[0] > label_size("Heading", 14.0)[0]


CHART = """flowchart LR
    A[Start] --> B{Is it working well?}
    B -->|Yes| C[Great, ship it to every customer]
    B -->|No| D[Debug]
    C --> E((Done))
    D --> F[WWWWWWWWWWWW]
    F --> G[iiiiiiiiiiii]
    classDef big font-weight:bold,font-size:20px
    class D big
"""


@pytest.mark.parametrize("label", ["Start", "Is it working well?", "Debug", "Done"])
def test_imported_mermaid_labels_fit_on_one_line(label: str) -> None:
    doc = mermaid.read_text(CHART).doc
    shape = next(
        r for r in doc.records.values() if isinstance(r, Shape) and r.text == label
    )
    assert len(label_layout(shape).lines) == 1


def test_imported_mermaid_boxes_follow_the_real_width_of_their_labels() -> None:
    doc = mermaid.read_text(CHART).doc
    by_text = {r.text: r for r in doc.records.values() if isinstance(r, Shape)}
    wide, narrow = by_text["WWWWWWWWWWWW"], by_text["iiiiiiiiiiii"]
    assert wide.box.w > 2 * narrow.box.w
    assert len(label_layout(wide).lines) == 1
