"""HTML labels to plain text (and back) for draw.io's ``html=1`` labels."""

from __future__ import annotations

import html
import html.parser
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import workcount
from linework.formats import htmltext
from linework.formats.htmltext import PlainText, html_to_text, text_to_html


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain", "plain"),
        ("a<br>b", "a\nb"),
        ("a<br/>b<BR>c", "a\nb\nc"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("a<div>b</div>c", "a\nb\nc"),
        ("<p>one</p><p>two</p>", "one\ntwo"),
        ("a<div><br></div><div>b</div>", "a\n\nb"),
        ("a<br>", "a"),
        ("a<br><br>", "a\n"),
        ("<br>a", "\na"),
        ("a &amp; b &lt;c&gt; &quot;d&quot; &#169; &eacute;", 'a & b <c> "d" © é'),
        ("a&nbsp;&nbsp;b", "a  b"),
        ("  lots   of \t space  ", "lots of space"),
        ("<b>x </b> y", "x y"),
        ("line\nbreak", "line\nbreak"),
        ("<ul><li>one</li><li>two</li></ul>", "• one\n• two"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("a<!-- hidden -->b", "ab"),
        ("a < b > c", "a < b > c"),
        ("<a href='x>y'>link</a>", "link"),
        (
            "<b>%c4Name%</b><div>[%c4Type%]</div><br><div>%c4Description%</div>",
            "%c4Name%\n[%c4Type%]\n\n%c4Description%",
        ),
    ],
)
def test_markup_becomes_plain_text_with_line_breaks(markup: str, text: str) -> None:
    """Tags are dropped, entities decoded, breaks and blocks become newlines."""
    assert text == html_to_text(markup).text


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<script>alert(1)</script>Hello", "Hello"),
        ("<img src=x onerror=alert(1)>Hi", "Hi"),
        ("<style>*{x:y}</style>Hi", "Hi"),
        ("<svg onload=alert(1)><a xlink:href='javascript:alert(1)'>x</a></svg>", "x"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
        ("<iframe src='javascript:alert(1)'></iframe>ok", "ok"),
    ],
)
def test_active_content_never_survives_as_markup(markup: str, expected: str) -> None:
    """Scripts and handlers vanish; escaped markup stays literal text."""
    assert expected == html_to_text(markup).text


@pytest.mark.parametrize(
    ("markup", "flags"),
    [
        ("<b>all</b>", (True, False, False)),
        ("<b>x</b> <strong>y</strong>", (True, False, False)),
        ("<b>x</b> y", (False, False, False)),
        ("<i><u>both</u></i>", (False, True, True)),
        (
            '<span style="font-weight: bold; font-style: italic">s</span>',
            (True, True, False),
        ),
        ('<b><span style="font-weight: normal">n</span></b>', (False, False, False)),
        ('<div style="text-decoration: underline">u</div>', (False, False, True)),
        ("", (False, False, False)),
    ],
)
def test_formatting_of_the_whole_label_is_reported(
    markup: str, flags: tuple[bool, bool, bool]
) -> None:
    """Bold, italic and underline are true only if they cover every character."""
    r = html_to_text(markup)

    assert flags == (r.bold, r.italic, r.underline)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<textarea><b>x</b></textarea>y", "y"),
        ("<title>t</title>u", "u"),
        ("<iframe>x<b>y", ""),
        ("<script>a</scriptx>b</script>c", "c"),
        ("<SCRIPT>x</Script >ok", "ok"),
        ("a</x=y<b href='x>y'>c", "ac"),
        ("<o:p>w</o:p>", "w"),
    ],
)
def test_odd_markup_reads_the_same_on_every_python(markup: str, expected: str) -> None:
    """Raw-text elements and odd tags, which html.parser versions disagree on.

    The pre-pass cuts raw-text content and hands the parser canonical tags, so
    Python 3.11 natively and 3.14 in Pyodide give the same text (checked by
    fuzzing both with 4,000 generated labels).
    """
    assert expected == html_to_text(markup).text


def test_linefeeds_can_be_ordinary_whitespace() -> None:
    """Outside draw.io, a newline in markup is just a space."""
    assert PlainText("a b") == html_to_text("a\nb", linefeeds=False)


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "open-tags": lambda k: "<a " * k,
    "open-quotes": lambda k: "<a x='" * k,
    "quoted-gt": lambda k: "<a b='>' " * k,
    "comment-like": lambda k: "<!--a>" * k,
    "cdata-like": lambda k: "<![a>" * k,
    "glued": lambda k: "<a" * k,
    "deep": lambda k: "<b>" * (k // 2) + "</i>" * (k // 2),
    "slashes": lambda k: "<br/" * k,
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_markup_takes_linear_work(make: Callable[[int], str]) -> None:
    """Inputs that make html.parser quadratic on Python 3.11 (86 s on 90 KB)
    take linear work here, html.parser's included: four times the markup runs
    about four times the lines and regex characters, not sixteen (counted,
    not timed; html.parser alone fails this on "<a " * k)."""

    def convert(k: int) -> Callable[[], object]:
        markup = make(k)
        return lambda: html_to_text(markup)

    workcount.grows_linearly(convert, 1_000, modules=(html, html.parser, htmltext))
    assert html_to_text(make(100_000)) is not None  # the full size still converts


@given(st.text(max_size=60))
def test_text_to_html_reads_back_exactly_or_declines(text: str) -> None:
    """Whatever text_to_html returns, html_to_text turns back into the same text."""
    markup = text_to_html(text)

    if markup is not None:
        assert text == html_to_text(markup).text


@pytest.mark.parametrize(
    "text", ["a  b", " lead", "trail ", "x\n", "\ny", "a\n\n\nb", "<&>", "", "•"]
)
def test_ordinary_text_is_representable_as_html(text: str) -> None:
    """Spaces, breaks and special characters all survive the HTML form."""
    markup = text_to_html(text)

    assert markup is not None
    assert text == html_to_text(markup).text


def test_text_html_cannot_carry_is_declined() -> None:
    """Tabs and non-breaking spaces have no exact HTML form here."""
    assert (None, None) == (text_to_html("a\tb"), text_to_html("a\xa0b"))
