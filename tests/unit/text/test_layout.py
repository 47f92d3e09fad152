"""Tests for ``layout_text``: wrapping, line breaks and alignment."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.text import TextLayout, layout_text, line_height, text_width
from linework.text.layout import ELLIPSIS, MIN_DRAWN_LINES, Align, VAlign
from linework.text.metrics import baseline_offset

SIZE = 12.0
STEP = line_height(SIZE)
HELLO = 27.345703125  # "Hello" at 12 px, from fontTools
HELLO_WORLD = 59.35546875  # "Hello world" at 12 px
W = 11.326171875  # "W" at 12 px
BOX = (10.0, 20.0, 100.0, 50.0)


def lay(
    text: str,
    width: float = 100.0,
    *,
    bold: bool = False,
    align: Align = "left",
    valign: VAlign = "top",
    box: tuple[float, float, float, float] = BOX,
    wrap: bool = True,
) -> TextLayout:
    """Lay out at 12 px, non-italic, with test defaults."""
    return layout_text(
        text,
        width=width,
        size_px=SIZE,
        bold=bold,
        italic=False,
        align=align,
        valign=valign,
        box=box,
        wrap=wrap,
    )


def texts(layout: TextLayout) -> list[str]:
    """Return the text of each line."""
    return [line.text for line in layout.lines]


def test_short_text_is_one_line() -> None:
    """Text narrower than the box stays on a single line with its width."""
    layout = lay("Hello")
    expected = (["Hello"], HELLO, HELLO, STEP)
    actual = (texts(layout), layout.lines[0].width, layout.width, layout.height)
    assert expected == actual


def test_empty_text_has_no_lines() -> None:
    """An empty label produces nothing to draw and no size."""
    layout = lay("")
    expected = ((), 0.0, 0.0)
    actual = (layout.lines, layout.width, layout.height)
    assert expected == actual


def test_words_wrap_at_spaces() -> None:
    """A line that would overflow the width breaks at the last space."""
    expected = ["Hello", "world"]
    actual = texts(lay("Hello world", 40))
    assert expected == actual


def test_text_exactly_as_wide_as_the_box_fits() -> None:
    """Measuring the text and using that width keeps it on one line."""
    expected = ["Hello world"]
    actual = texts(lay("Hello world", HELLO_WORLD))
    assert expected == actual


def test_spaces_at_a_wrap_point_are_dropped() -> None:
    """The run of spaces where a line wraps is neither drawn nor measured."""
    layout = lay("Hello     world", 40)
    expected = (["Hello", "world"], HELLO)
    actual = (texts(layout), layout.lines[0].width)
    assert expected == actual


def test_inner_spaces_are_kept() -> None:
    """Spaces between words on one line are preserved as typed."""
    expected = ["a  b"]
    actual = texts(lay("a  b"))
    assert expected == actual


def test_leading_indentation_is_kept() -> None:
    """Spaces at the start of a paragraph are kept and measured."""
    layout = lay("  Hello")
    expected = (["  Hello"], text_width("  Hello", SIZE))
    actual = (texts(layout), layout.lines[0].width)
    assert expected == actual


def test_trailing_spaces_are_not_drawn() -> None:
    """Trailing spaces would skew centring, so they are dropped."""
    expected = ["Hello"]
    actual = texts(lay("Hello   ", align="center"))
    assert expected == actual


def test_explicit_newlines_always_break() -> None:
    """\\n, \\r\\n and a lone \\r each start a new line, even when it would fit."""
    expected = ["a", "b", "c", "d"]
    actual = texts(lay("a\nb\r\nc\rd"))
    assert expected == actual


def test_empty_lines_keep_their_height() -> None:
    """Blank lines between paragraphs still advance the baseline."""
    layout = lay("a\n\nb\n")
    first = layout.lines[0].y
    expected_texts = ["a", "", "b", ""]
    assert expected_texts == texts(layout)
    expected = pytest.approx([first + i * STEP for i in range(4)])
    actual = [line.y for line in layout.lines]
    assert expected == actual
    assert pytest.approx(4 * STEP) == layout.height


def test_long_word_breaks_between_characters() -> None:
    """A word wider than the box is split greedily, at least one char a line."""
    layout = lay("W" * 10, 40)
    expected = (["WWW", "WWW", "WWW", "W"], 3 * W)
    actual = (texts(layout), layout.lines[0].width)
    assert expected == actual


def test_long_word_starts_on_a_fresh_line() -> None:
    """A too-long word first wraps, then breaks; later words join its tail."""
    expected = ["Hi", "WWW", "WWW", "W a"]
    actual = texts(lay("Hi WWWWWWW a", 40))
    assert expected == actual


def test_character_wider_than_the_box_gets_its_own_line() -> None:
    """A single glyph is never split, even if it overflows."""
    expected = ["W", "W"]
    actual = texts(lay("WW", 5))
    assert expected == actual


def test_combining_marks_stay_with_their_letter() -> None:
    """Breaking a word never separates an accent from its base."""
    expected = ["WW", "e\u0301W"]
    actual = texts(lay("WWe\u0301W", 2 * W))
    assert expected == actual


def test_no_wrap_keeps_long_lines() -> None:
    """With wrap=False only explicit newlines break."""
    expected = ["Hello world", "x"]
    actual = texts(lay("Hello world\nx", 10, wrap=False))
    assert expected == actual


def test_non_positive_width_disables_wrapping() -> None:
    """A degenerate box does not explode into one glyph per line."""
    expected = ["Hello world"]
    actual = texts(lay("Hello world", 0))
    assert expected == actual


def test_bold_wraps_with_bold_widths() -> None:
    """Bold "Hello" (29.34 px) no longer fits 28 px beside "a"; regular (27.35 px) does."""
    expected = (["Hello"], ["Hello"], ["a", "Hello"])
    actual = (
        texts(lay("Hello", 28.0)),
        texts(lay("Hello", 28.0, bold=True)),
        texts(lay("a Hello", 36.0, bold=True)),
    )
    assert expected == actual


def test_slightly_long_words_overflow_whole() -> None:
    """A word up to 1.6x the width stays whole (as in draw.io); longer ones break."""
    expected = (["Hello"], ["H", "ell", "o"])
    actual = (texts(lay("Hello", 20.0)), texts(lay("Hello", 15.0)))
    assert expected == actual


@pytest.mark.parametrize(
    ("align", "anchor", "x"),
    [("left", "start", 10.0), ("center", "middle", 60.0), ("right", "end", 110.0)],
)
def test_horizontal_alignment_sets_anchor_and_x(
    align: Align, anchor: str, x: float
) -> None:
    """x is the text-anchor point: left edge, centre or right edge of the box."""
    layout = lay("Hello world", 40, align=align)
    expected = (anchor, [x, x])
    actual = (layout.anchor, [line.x for line in layout.lines])
    assert expected == actual


@pytest.mark.parametrize(
    ("valign", "top"),
    [
        ("top", 20.0),
        ("middle", 20.0 + (50.0 - 2 * 14.4) / 2),
        ("bottom", 70.0 - 2 * 14.4),
    ],
)
def test_vertical_alignment_places_the_block(valign: VAlign, top: float) -> None:
    """The block of lines sits at the top, middle or bottom of the box."""
    layout = lay("Hello world", 40, valign=valign)
    baseline = top + baseline_offset(SIZE)
    expected = pytest.approx([baseline, baseline + 14.4])
    actual = [line.y for line in layout.lines]
    assert expected == actual


def test_overflowing_text_is_kept() -> None:
    """Lines that do not fit the box height are all still laid out."""
    layout = lay("a\nb\nc\nd\ne", box=(0.0, 0.0, 100.0, 20.0), valign="middle")
    expected = 5
    actual = len(layout.lines)
    assert expected == actual
    assert layout.height > 20.0
    assert layout.lines[0].y < 0.0  # overflow spills out of the top, too


def test_layout_is_memoized_and_deterministic() -> None:
    """Equal arguments give an equal, cached layout."""
    first = lay("Hello world", 40)
    assert first == lay("Hello world", 40)
    assert first is lay("Hello world", 40)


def test_integer_box_gives_float_coordinates() -> None:
    """Coordinates are floats even when the box is given in ints."""
    layout = lay("Hello", box=(1, 2, 3, 4))
    expected = (float, float)
    actual = (type(layout.lines[0].x), type(layout.lines[0].y))
    assert expected == actual


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzWMil.-ÄŁ", min_size=1, max_size=12)
_paragraphs = st.lists(_words, max_size=12).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "  ", "   "]), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(w + g for w, g in zip(words, gaps, strict=True)))
)
_texts = st.lists(_paragraphs, min_size=1, max_size=4).map("\n".join)


@given(text=_texts, width=st.floats(min_value=1.0, max_value=400.0), bold=st.booleans())
def test_lines_fit_and_keep_every_character(
    text: str, width: float, bold: bool
) -> None:
    """Every line fits (a lone word may overflow by 60 %), and no character is lost.

    Unless the label has more lines than it may draw: then the lines drawn
    are a prefix of the text, the last one ending in an ellipsis.
    """
    layout = lay(text, width, bold=bold)
    cut = bool(layout.lines) and layout.lines[-1].text.endswith(ELLIPSIS)
    drawn = layout.lines[:-1] if cut else layout.lines
    for line in drawn:
        lone_word = " " not in line.text.strip()
        limit = width * 1.6 if lone_word else width
        assert line.width <= limit + 1e-6 or len(line.text) == 1
        assert text_width(line.text, SIZE, bold=bold) == line.width
        assert line.text == line.text.rstrip(" ")
    expected = text.replace(" ", "").replace("\n", "")
    actual = "".join(texts(layout)).replace(" ", "")
    if cut:
        assert MIN_DRAWN_LINES <= len(layout.lines)
        assert expected.startswith(actual.removesuffix(ELLIPSIS))
        return
    if text:
        assert text.count("\n") + 1 <= len(layout.lines)
    assert expected == actual


@given(text=_texts, width=st.floats(min_value=120.0, max_value=400.0))
def test_joining_lines_reproduces_the_words(text: str, width: float) -> None:
    """When every word fits the width, wrapping only moves the breaks."""
    expected = text.split()
    actual = " ".join(texts(lay(text, width))).split()
    assert expected == actual
