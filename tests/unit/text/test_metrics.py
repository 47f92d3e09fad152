"""Tests for the shipped Arimo metrics and ``text_width``.

Expected widths were computed with fontTools straight from the
``@fontsource/arimo@5.3.0`` ``.woff`` files (sum of hmtx advances,
unitsPerEm 2048), independently of ``tools/gen_metrics.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
from importlib import resources
from pathlib import Path

import pytest

from linework.text import line_height, text_width
from linework.text.metrics import (
    ascent,
    baseline_offset,
    descent,
    face_metrics,
    font_face,
)

# At 2048 px one pixel is one font unit, so widths read as raw advances.
UNITS = 2048.0


def test_hello_regular_12px() -> None:
    """ "Hello" at 12 px matches the font's advances (4667 units)."""
    expected = 27.345703125
    actual = text_width("Hello", 12)
    assert expected == actual


def test_hello_bold_12px() -> None:
    """Bold "Hello" at 12 px uses the 700 weight (5007 units)."""
    expected = 29.337890625
    actual = text_width("Hello", 12, bold=True)
    assert expected == actual


def test_hello_world_counts_the_space() -> None:
    """The space advance (569 units) is counted inside a line."""
    expected = 59.35546875
    actual = text_width("Hello world", 12)
    assert expected == actual


def test_italic_faces_match_their_upright_weight() -> None:
    """Arimo's italics share the upright advances, weight by weight."""
    expected = (59.35546875, 64.669921875)
    actual = (
        text_width("Hello world", 12, italic=True),
        text_width("Hello world", 12, bold=True, italic=True),
    )
    assert expected == actual


def test_latin_ext_characters_are_in_the_table() -> None:
    """Characters from the latin-ext subset use real advances, not fallbacks."""
    expected = (26.021484375, 27.990234375)
    actual = (text_width("Łódź", 12), text_width("Łódź", 12, bold=True))
    assert expected == actual


def test_width_scales_linearly_with_size() -> None:
    """Doubling the font size doubles the width exactly."""
    expected = 2 * text_width("Hello", 12)
    actual = text_width("Hello", 24)
    assert expected == actual


def test_empty_string_has_zero_width() -> None:
    """Nothing to draw takes no room."""
    expected = 0.0
    actual = text_width("", 12)
    assert expected == actual


def test_unknown_letter_falls_back_to_average_lowercase() -> None:
    """A Cyrillic letter (outside the latin subsets) gets the mean a–z advance."""
    expected = (1003, 1103)  # round(26067 / 26), round(28677 / 26)
    actual = (text_width("Ж", UNITS), text_width("Ж", UNITS, bold=True))
    assert expected == actual


def test_wide_characters_are_one_em() -> None:
    """East-Asian wide/fullwidth characters and emoji take one em."""
    expected = [12.0, 12.0, 12.0]
    actual = [text_width(char, 12) for char in ("中", "Ａ", "😀")]
    assert expected == actual


def test_combining_marks_are_zero_width() -> None:
    """A combining accent adds nothing to its base letter."""
    expected = (text_width("e", 12), 0.0)
    actual = (text_width("e\u0301", 12), text_width("\u0301\u20dd", 12))
    assert expected == actual


def test_foreign_digits_are_as_wide_as_zero() -> None:
    """Decimal digits of other scripts fall back to the tabular digit width."""
    expected = text_width("0", 12)
    actual = text_width("٣", 12)
    assert expected == actual


def test_tab_is_four_spaces() -> None:
    """A tab advances like four spaces."""
    expected = text_width("    ", 12)
    actual = text_width("\t", 12)
    assert expected == actual


def test_invisible_characters_are_zero_width() -> None:
    """Controls, joiners and the soft hyphen draw nothing."""
    expected = 0.0
    actual = text_width("\n\r\u200d\u200b\u00ad\ufeff", 12)
    assert expected == actual


def test_font_face_names() -> None:
    """Weight and style pick one of the four shipped faces."""
    expected = ["regular", "italic", "bold", "bold-italic"]
    actual = [font_face(bold=b, italic=i) for b in (False, True) for i in (False, True)]
    assert expected == actual


def test_vertical_metrics_are_hhea_values() -> None:
    """Ascender/descender are Arimo's hhea values (also its OS/2 typo values)."""
    m = face_metrics()
    expected = (2048, 1854, -434, 67, 1854.0, 434.0)
    actual = (
        m.units_per_em,
        m.ascender,
        m.descender,
        m.line_gap,
        ascent(UNITS),
        descent(UNITS),
    )
    assert expected == actual


def test_line_height_is_1_2_em() -> None:
    """Line pitch follows draw.io: 1.2 × the font size."""
    expected = pytest.approx([12.0, 14.4])
    actual = [line_height(10), line_height(12)]
    assert expected == actual


def test_baseline_centres_the_content_area_in_the_line_box() -> None:
    """The baseline sits half the leading plus the ascent below the line top."""
    expected = pytest.approx((2457.6 - 1854 - 434) / 2 + 1854)
    actual = baseline_offset(UNITS)
    assert expected == actual


def test_table_is_small_and_canonical() -> None:
    """The shipped JSON is compact, key-sorted and covers all four faces."""
    path = resources.files("linework.text") / "metrics" / "arimo.json"
    text = path.read_text(encoding="utf-8")
    raw = json.loads(text)
    expected = (
        json.dumps(raw, sort_keys=True, separators=(",", ":")) + "\n",
        ["bold", "bold-italic", "italic", "regular"],
    )
    actual = (text, sorted(raw["faces"]))
    assert expected == actual
    assert len(text.encode()) < 150_000


@pytest.mark.skipif(
    "LINEWORK_ARIMO_DIR" not in os.environ,
    reason="set LINEWORK_ARIMO_DIR to node_modules/@fontsource/arimo",
)
def test_generator_reproduces_the_shipped_table(tmp_path: Path) -> None:
    """Regenerating from the pinned npm package gives the committed bytes."""
    pytest.importorskip("fontTools")
    script = Path(__file__).parents[3] / "tools" / "gen_metrics.py"
    spec = importlib.util.spec_from_file_location("gen_metrics", script)
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    out = tmp_path / "arimo.json"
    gen.main([os.environ["LINEWORK_ARIMO_DIR"], "-o", str(out)])
    expected = (
        resources.files("linework.text") / "metrics" / "arimo.json"
    ).read_bytes()
    actual = out.read_bytes()
    assert expected == actual
