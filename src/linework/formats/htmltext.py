"""HTML labels (draw.io ``html=1``) to plain text, and plain text back to such HTML.

Labels in Linework are plain text, so markup never reaches the DOM: tags are
dropped, entities decoded, ``<br>`` and block elements become line breaks, and
whitespace collapses as a browser would collapse it. Whether the *whole* label
was bold, italic or underlined is reported, since the style can hold that much.

``html.parser`` is used for the parsing, after a linear pass (``_defuse``) that
hands it only tags that end before the next ``>``: on Python 3.11 it otherwise
takes quadratic time on unterminated tags (90 KB of ``<a `` took 86 s).
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final

from linework.model.rich import RichText

#: Markup longer than this is cut before parsing; labels are far shorter.
MAX_MARKUP: Final = 1_000_000

_BLOCK: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    ]
)
_VOID: Final = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Elements whose content is raw text to a browser and never label text. They are
# cut out by ``_defuse`` (up to their end tag, or to the end), so html.parser,
# whose handling of them changed between Python 3.11 and 3.14, never sees them:
# native and Pyodide then give the same text.
_RAW: Final = frozenset(
    {
        "script",
        "style",
        "template",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
    }
)
_ASCII_LOWER: Final = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
)
_NAME_CHARS: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_UNSAFE_IN_ATTR: Final = dict.fromkeys(map(ord, '"<>&'))
_BOLD: Final = frozenset({"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"})
_ITALIC: Final = frozenset({"i", "em", "cite", "var", "dfn", "address"})
_UNDERLINE: Final = frozenset({"u", "ins"})
_COLLAPSE: Final = str.maketrans({"\t": " ", "\r": " ", "\f": " ", "\n": " "})
_COLLAPSE_KEEP_LF: Final = str.maketrans({"\t": " ", "\r": " ", "\f": " "})

_Fmt = tuple[bool, bool, bool]


@dataclass(frozen=True, slots=True)
class PlainText:
    """A label as plain text, plus the formatting that covered all of it.

    Attributes:
        text: the text, lines separated by ``\\n``.
        bold: every visible character was bold.
        italic: every visible character was italic.
        underline: every visible character was underlined.
        rich: the runs, when the caller asked for them and the label has
            formatting beyond the whole-label flags (``formats.richhtml``).
    """

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    rich: RichText | None = None


#: Attributes kept for rich text besides ``style`` (see ``linework.formats.richhtml``).
KEPT_ATTRS: Final = ("style", "color", "size", "face", "href", "align")


def _attrs(tag: str, i: int) -> dict[str, str]:
    """Return the kept attributes (``KEPT_ATTRS``) of the start tag ``tag``.

    A small linear attribute scanner: names, ``=``, quoted or bare values;
    the first of a repeated name wins, as in browsers.
    """
    found: dict[str, str] = {}
    n = len(tag) - 1  # tag[-1] is the closing ">"
    while i < n:
        while i < n and (tag[i].isspace() or tag[i] == "/"):
            i += 1
        start = i
        while i < n and not tag[i].isspace() and tag[i] not in "=/":
            i += 1
        name = tag[start:i].translate(_ASCII_LOWER)
        while i < n and tag[i].isspace():
            i += 1
        value = ""
        if i < n and tag[i] == "=":
            i += 1
            while i < n and tag[i].isspace():
                i += 1
            if i < n and tag[i] in "\"'":
                close = tag.find(tag[i], i + 1, n)
                close = n if close < 0 else close
                value = tag[i + 1 : close]
                i = close + 1
            else:
                start = i
                while i < n and not tag[i].isspace():
                    i += 1
                value = tag[start:i]
        if name in KEPT_ATTRS and name not in found:
            found[name] = value
        if i == start:
            i += 1  # nothing consumed (a stray "="): move on
    return found


def _canonical(markup: str, lt: int, gt: int) -> str:
    """Return the tag at ``markup[lt:gt + 1]`` as ``<name style="…">`` or ``</name>``.

    Only the name and the style matter for plain text (rich text also reads
    ``KEPT_ATTRS``). Handing html.parser
    these canonical tags keeps it linear (no quote can run past a ``>``) and
    makes Python versions agree, since they parse odd attribute and end-tag
    syntax differently. Tags with names no HTML element has become "".
    """
    end_tag = markup[lt + 1] == "/"
    name = _tag_name(markup, lt + 1 if end_tag else lt)
    if not name or not set(name) <= _NAME_CHARS:
        return ""
    if end_tag:
        return f"</{name}>"
    attrs = _attrs(markup[lt : gt + 1], len(name) + 1)
    kept = "".join(
        f' {k}="{v.translate(_UNSAFE_IN_ATTR)}"' for k, v in attrs.items() if v
    )
    return f"<{name}{kept}>"


def _tag_end(markup: str, lt: int, missing: dict[str, int]) -> int:
    """Return the index of the ``>`` that ends the tag at ``lt``, or -1.

    A quoted attribute value (``="…"`` or ``='…'``) may hold ``>``. ``missing``
    remembers from where on a quote character no longer occurs, so an
    unterminated value is searched for once, not once per tag.
    """
    n = len(markup)
    j = lt + 1
    gt = markup.find(">", j)
    while gt >= 0:
        eq = markup.find("=", j, gt)
        k = gt
        while eq >= 0:
            k = eq + 1
            while k < gt and markup[k] in " \t\n\r\f":
                k += 1
            if k < gt and markup[k] in "\"'":
                break
            eq = markup.find("=", k, gt)
        if eq < 0:
            return gt
        quote = markup[k]
        close = -1 if missing.get(quote, n) <= k else markup.find(quote, k + 1)
        if close < 0:
            missing[quote] = min(missing.get(quote, n), k)
            return gt
        j = close + 1
        if j > gt:
            gt = markup.find(">", j)
    return -1


def _tag_name(markup: str, lt: int) -> str:
    """Return the lower-case name of the start tag at ``lt``."""
    end = lt + 1
    n = len(markup)
    while end < n and not markup[end].isspace() and markup[end] not in "/>":
        end += 1
    return markup[lt + 1 : end].translate(_ASCII_LOWER)


def _raw_end(markup: str, lower: str, name: str, start: int) -> int:
    """Return where the content of a raw-text element ends, past its end tag.

    As in browsers, ``</name`` ends it only when followed by white space, ``/``
    or ``>``; without such an end tag the element runs to the end of the text.
    """
    closing = "</" + name
    i = lower.find(closing, start)
    while i >= 0:
        after = markup[i + len(closing) : i + len(closing) + 1]
        if not after or after.isspace() or after in "/>":
            gt = markup.find(">", i)
            return len(markup) if gt < 0 else gt + 1
        i = lower.find(closing, i + 1)
    return len(markup)


def _defuse(markup: str) -> str:
    """Return markup made only of text and canonical tags (see ``_canonical``).

    Comments, declarations and processing instructions are dropped as browsers
    drop them, and so is the content of raw-text elements such as ``<script>``;
    a ``<`` that starts no tag becomes ``&lt;`` (browsers show it as text).
    Linear in the length of the markup.
    """
    out: list[str] = []
    missing: dict[str, int] = {}
    lower = markup.translate(_ASCII_LOWER)  # same length, unlike str.lower()
    pos = 0
    n = len(markup)
    find = markup.find
    while pos < n:
        lt = find("<", pos)
        if lt < 0:
            out.append(markup[pos:])
            break
        out.append(markup[pos:lt])
        if markup.startswith("<!--", lt):
            end = find("-->", lt + 4)
            if end < 0:
                break  # an unterminated comment hides the rest, as in browsers
            pos = end + 3
            continue
        nxt = markup[lt + 1 : lt + 3]
        is_tag = (nxt[:1].isascii() and nxt[:1].isalpha()) or (
            nxt[:1] == "/" and nxt[1:].isascii() and nxt[1:].isalpha()
        )
        gt = _tag_end(markup, lt, missing) if is_tag else find(">", lt + 1)
        if gt < 0:
            out.append(markup[lt:].replace("<", "&lt;"))
            break
        if is_tag:
            name = _tag_name(markup, lt)
            if name in _RAW:
                pos = _raw_end(markup, lower, name, gt + 1)
                continue
            out.append(_canonical(markup, lt, gt))
            pos = gt + 1
        elif nxt[:1] in ("!", "?", "/"):
            pos = gt + 1  # bogus comment or declaration: dropped
        else:
            out.append("&lt;")
            pos = lt + 1
    return "".join(out)


def declarations(style: str) -> Iterator[tuple[str, str]]:
    """Yield a style attribute's ``(property, value)`` pairs, trimmed, lower case."""
    for decl in style.split(";"):
        name, _, value = decl.partition(":")
        yield name.strip().lower(), value.strip().lower()


def is_bold(weight: str) -> bool:
    """Return whether a CSS ``font-weight`` value is bold (``bolder``, 600 up)."""
    return weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)


def is_italic(font_style: str) -> bool:
    """Return whether a CSS ``font-style`` value slants the text."""
    return font_style in ("italic", "oblique")


def _style_fmt(style: str, fmt: _Fmt) -> _Fmt:
    """Apply ``font-weight``/``font-style``/``text-decoration`` of a style attribute."""
    bold, italic, underline = fmt
    for name, value in declarations(style):
        if name == "font-weight":
            bold = is_bold(value)
        elif name == "font-style":
            italic = is_italic(value)
        elif name in ("text-decoration", "text-decoration-line"):
            underline = "underline" in value
    return bold, italic, underline


class _Collector(HTMLParser):
    """Collects plain text the way a browser lays out inline text and blocks."""

    def __init__(self, *, linefeeds: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.table = _COLLAPSE_KEEP_LF if linefeeds else _COLLAPSE
        self.linefeeds = linefeeds
        self.parts: list[str] = []
        self.last = ""  # "" at the start, "\n" after a break, else the last char
        self.pending_space = False
        # (tag, formatting inside it, is a block)
        self.stack: list[tuple[str, _Fmt, bool]] = []
        self.open_counts: Counter[str] = Counter()
        self.fmt: _Fmt = (False, False, False)
        self.chars = 0
        self.counts = [0, 0, 0]

    # --- output -----------------------------------------------------------
    def _break(self) -> None:
        self.parts.append("\n")
        self.last = "\n"
        self.pending_space = False

    def _boundary(self) -> None:
        if self.last not in ("", "\n"):
            self._break()

    def _word(self, core: str, *, counted: bool = True) -> None:
        if self.pending_space and self.last not in ("", "\n"):
            self.parts.append(" ")
        self.pending_space = False
        self.parts.append(core)
        self.last = core[-1]
        if counted:
            visible = len(core) - core.count(" ") - core.count("\xa0")
            self.chars += visible
            for k in range(3):
                if self.fmt[k]:
                    self.counts[k] += visible

    def _inline(self, piece: str) -> None:
        s = piece.translate(self.table)
        core = " ".join(w for w in s.split(" ") if w)
        if s.startswith(" "):
            self.pending_space = True
        if core:
            self._word(core)
            if s.endswith(" "):
                self.pending_space = True

    # --- parser callbacks -------------------------------------------------
    def handle_data(self, data: str) -> None:
        if not self.linefeeds:
            self._inline(data)
            return
        for k, piece in enumerate(data.split("\n")):
            if k:
                self._break()
            self._inline(piece)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break()
            return
        block = tag in _BLOCK
        if block:
            self._boundary()
            if tag == "li":
                self._word("•", counted=False)
                self.pending_space = True
        elif tag in ("td", "th"):
            self.pending_space = True
        if tag in _VOID:
            return
        bold, italic, underline = self.fmt
        fmt: _Fmt = (
            bold or tag in _BOLD,
            italic or tag in _ITALIC,
            underline or tag in _UNDERLINE,
        )
        for name, value in attrs:
            if name == "style" and value:
                fmt = _style_fmt(value, fmt)
        self.stack.append((tag, fmt, block))
        self.open_counts[tag] += 1
        self.fmt = fmt

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # In HTML a self-closing slash means nothing (``<div/>`` opens a div).
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # browsers read ``</br>`` as ``<br>``
            self.handle_starttag(tag, [])
            return
        if not self.open_counts[tag]:
            return
        while self.stack:
            name, _fmt, block = self.stack.pop()
            self.open_counts[name] -= 1
            if block:
                self._boundary()
            if name == tag:
                break
        self.fmt = self.stack[-1][1] if self.stack else (False, False, False)

    def result(self) -> PlainText:
        text = "".join(self.parts)
        if text.endswith("\n"):
            text = text[:-1]  # a final break ends the last line; it adds none
        text = text.replace("\xa0", " ")
        bold, italic, underline = (
            self.chars > 0 and c == self.chars for c in self.counts
        )
        return PlainText(text, bold, italic, underline)


def html_to_text(markup: str, *, linefeeds: bool = True) -> PlainText:
    """Return an HTML label as plain text, with the formatting of the whole label.

    Args:
        markup: the label's HTML (already XML-unescaped).
        linefeeds: treat ``\\n`` in the markup as a line break, as draw.io does
            for HTML labels; otherwise it is collapsible whitespace.

    >>> html_to_text("<b>Title</b><div>a &amp; b<br>c</div>").text
    'Title\\na & b\\nc'
    >>> html_to_text("<i><script>alert(1)</script>Hi</i>").italic
    True
    """
    collector = _Collector(linefeeds=linefeeds)
    markup = markup[:MAX_MARKUP]
    if "<" in markup or "&" in markup:
        collector.feed(_defuse(markup))
        collector.close()
    elif markup:
        collector.handle_data(markup)  # no markup at all: skip the parser
    return collector.result()


def text_to_html(text: str) -> str | None:
    """Return HTML that ``html_to_text`` reads back as exactly ``text``, or None.

    Spaces that a browser would collapse or trim become ``&nbsp;``. Text that no
    such HTML can carry (tabs, carriage returns, non-breaking spaces) gives None,
    and the caller keeps the label as plain text instead.

    >>> text_to_html("a  <b>\\n x")
    'a &nbsp;&lt;b&gt;<br>&nbsp;x'
    """
    lines = []
    for line in text.split("\n"):
        chars = []
        prev_space = True  # a space at the start of a line would be dropped
        for ch in line:
            if ch == " ":
                chars.append("&nbsp;" if prev_space else " ")
                prev_space = True
            else:
                chars.append(html.escape(ch, quote=False))
                prev_space = False
        if chars and chars[-1] == " ":
            chars[-1] = "&nbsp;"
        lines.append("".join(chars))
    out = "<br>".join(lines)
    if text.endswith("\n"):
        out += "<br>"
    return out if html_to_text(out).text == text else None
