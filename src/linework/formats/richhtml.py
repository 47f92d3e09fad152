"""HTML labels ↔ rich text (runs and paragraphs).

Reading: the same defused parse as :mod:`linework.formats.htmltext` (so the
plain text is exactly what it gives), with the formatting of every piece kept:
``<b>``/``<strong>``, ``<i>``/``<em>``, ``<u>``, ``<s>``/``<strike>``/``<del>``,
``<font color size face>``, ``<a href>``, ``<span style>`` (font-weight,
font-style, text-decoration, color, font-size, font-family) and ``text-align``
or ``align`` on blocks. Nothing else survives: colours must be ``#rrggbb``,
``#rgb`` or ``rgb()``, families map to the shipped ones, links are http(s) or
mailto. Used for draw.io and Gliffy labels and for the in-place editor.

Writing: runs back to the small HTML draw.io reads (``<b>``, ``<i>``, ``<u>``,
``<strike>``, ``<font>``, ``<a>``, ``<div style="text-align">``), every
character escaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from typing import Final

from linework.formats import htmltext
from linework.links import safe_link
from linework.model.rich import (
    COMMON_NAMES,
    FORMAT_FIELDS,
    Paragraph,
    RichText,
    Run,
    normalized,
    safe_colour,
    safe_family,
)

#: ``<font size=N>`` in CSS pixels, as browsers map it.
FONT_SIZES: Final = {1: 10.0, 2: 13.0, 3: 16.0, 4: 18.0, 5: 24.0, 6: 32.0, 7: 48.0}
_STRIKE: Final = frozenset({"s", "strike", "del"})
_RGB: Final = re.compile(r"rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})")
_LENGTH: Final = re.compile(r"(\d+(?:\.\d+)?)\s*(px|pt)?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class _Fmt(Run):
    """A piece's formatting while parsing: a run without text, and its block's align."""

    text: str = ""
    align: str | None = None

    def run(self, text: str) -> Run:
        return Run(text=text, **{name: getattr(self, name) for name in FORMAT_FIELDS})


def colour(value: str) -> str | None:
    """Return a CSS colour (hex or ``rgb()``) as ``#rrggbb``, or None."""
    v = value.strip().lower()
    m = _RGB.match(v)
    if m:
        r, g, b = (min(255, int(x)) for x in m.groups())
        return f"#{r:02x}{g:02x}{b:02x}"
    return safe_colour(v)


def _size(value: str) -> float | None:
    m = _LENGTH.match(value.strip().lower())
    if not m:
        return None
    px = float(m.group(1)) * (4 / 3 if m.group(2) == "pt" else 1)
    return round(min(1000.0, max(1.0, px)), 2)


def _apply_style(style: str, f: _Fmt, block: bool) -> _Fmt:
    for name, value in htmltext.declarations(style):
        if name == "font-weight":
            f = replace(f, bold=htmltext.is_bold(value))
        elif name == "font-style":
            f = replace(f, italic=htmltext.is_italic(value))
        elif name in ("text-decoration", "text-decoration-line"):
            f = replace(
                f,
                underline="underline" in value or (f.underline and value != "none"),
                strike="line-through" in value or (f.strike and value != "none"),
            )
        elif name == "color":
            f = replace(f, color=colour(value) or f.color)
        elif name == "font-size":
            f = replace(f, size=_size(value) or f.size)
        elif name == "font-family":
            f = replace(f, family=safe_family(value) or f.family)
        elif name == "text-align" and block and value in ("left", "center", "right"):
            f = replace(f, align=value)
    return f


class _RichCollector(htmltext._Collector):
    """The plain-text collector, also keeping each piece's full formatting."""

    def __init__(self, *, linefeeds: bool) -> None:
        super().__init__(linefeeds=linefeeds)
        self.rich: list[_Fmt] = []  # parallel to self.stack
        self.current = _Fmt()
        self.space_fmt = _Fmt()  # where the pending collapsed space was
        self.paragraphs: list[tuple[list[Run], str | None]] = [([], None)]

    def _break(self) -> None:
        super()._break()
        self.paragraphs.append(([], None))

    def _word(self, core: str, *, counted: bool = True) -> None:
        space = self.pending_space and self.last not in ("", "\n")
        super()._word(core, counted=counted)
        runs, align = self.paragraphs[-1]
        if not runs and align is None:
            self.paragraphs[-1] = (runs, self.current.align)
        if space:
            # A collapsed space keeps the formatting of where it was typed.
            runs.append(self.space_fmt.run(" "))
        runs.append(self.current.run(core.replace("\xa0", " ")))

    def _inline(self, piece: str) -> None:
        s = piece.translate(self.table)
        if s[:1] == " " and not self.pending_space:
            self.space_fmt = self.current
        super()._inline(piece)
        if s[-1:] == " " and s.strip(" "):
            self.space_fmt = self.current

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        depth = len(self.stack)
        super().handle_starttag(tag, attrs)
        if len(self.stack) == depth:
            return  # void or br: nothing opened
        f = self.current
        if tag in htmltext._BOLD:
            f = replace(f, bold=True)
        if tag in htmltext._ITALIC:
            f = replace(f, italic=True)
        if tag in htmltext._UNDERLINE:
            f = replace(f, underline=True)
        if tag in _STRIKE:
            f = replace(f, strike=True)
        block = tag in htmltext._BLOCK
        values = {k: v for k, v in attrs if v}
        if tag == "font":
            if "color" in values:
                f = replace(f, color=colour(values["color"]) or f.color)
            if "face" in values:
                f = replace(f, family=safe_family(values["face"]) or f.family)
            size = values.get("size", "").strip()
            if size.isdigit() and int(size) in FONT_SIZES:
                f = replace(f, size=FONT_SIZES[int(size)])
        if tag == "a" and "href" in values:
            link = safe_link(html.unescape(values["href"]))
            if link is not None:
                f = replace(f, link=link)
        if block and values.get("align", "").lower() in ("left", "center", "right"):
            f = replace(f, align=values["align"].lower())
        if "style" in values:
            f = _apply_style(values["style"], f, block)
        self.rich.append(f)
        self.current = f

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        del self.rich[len(self.stack) :]
        self.current = self.rich[-1] if self.rich else _Fmt()

    def paragraphs_out(self, text: str) -> list[Paragraph]:
        paras = self.paragraphs
        # A final break ends the last line and adds none (as the plain result).
        if len(paras) > len(text.split("\n")):
            paras = paras[: len(text.split("\n"))]
        return [
            Paragraph(
                runs=tuple(runs),
                align=align if align in ("left", "center", "right") else None,  # type: ignore[arg-type]
            )
            for runs, align in paras
        ]


@dataclass(frozen=True, slots=True)
class RichResult:
    """A label read from HTML: its plain text and, if formatted, its runs."""

    plain: htmltext.PlainText
    rich: RichText | None


def html_to_rich(
    markup: str, *, linefeeds: bool = True, lift: bool = True
) -> RichResult:
    """Read an HTML label into plain text and runs (see the module doc).

    With ``lift``, a label formatted all alike (all bold, say) gives no runs:
    its ``plain`` flags say so, for the caller's style. The in-place editor
    reads without lifting, as the runs are all it sends.

    >>> r = html_to_rich('a <b>bold</b> <font color="#F00">red</font>')
    >>> [(x.text, x.bold or x.color) for x in r.rich.paragraphs[0].runs]
    [('a ', None), ('bold', True), (' ', None), ('red', '#ff0000')]
    """
    collector = _RichCollector(linefeeds=linefeeds)
    markup = markup[: htmltext.MAX_MARKUP]
    if "<" in markup or "&" in markup:
        collector.feed(htmltext._defuse(markup))
        collector.close()
    elif markup:
        collector.handle_data(markup)
    plain = collector.result()
    paragraphs = collector.paragraphs_out(plain.text)
    rich = normalized(paragraphs)
    if rich is not None and rich.plain != plain.text:
        rich = None  # never store runs that disagree with the text
    if rich is not None and lift and _uniform(rich, plain):
        rich = None  # the whole label's formatting goes into the style
    return RichResult(plain, rich)


def _uniform(rich: RichText, plain: htmltext.PlainText) -> bool:
    """True when the runs add nothing to what the whole label's style says."""
    whole = Run(
        text="",
        bold=True if plain.bold else None,
        italic=True if plain.italic else None,
        underline=True if plain.underline else None,
    )
    runs = [r for p in rich.paragraphs for r in p.runs if r.text.strip()]
    aligned = any(p.align is not None for p in rich.paragraphs)
    return not aligned and all(r.same_format(replace(whole, text=r.text)) for r in runs)


def rich_to_html(rich: RichText) -> str:
    """Return runs as draw.io HTML: a ``<div>`` per paragraph, inline tags per run.

    >>> rich_to_html(html_to_rich("<b>A</b>&lt;b&gt;<br><i>c</i>").rich)
    '<div><b>A</b>&lt;b&gt;</div><div><i>c</i></div>'
    """
    out: list[str] = []
    for p in rich.paragraphs:
        inner = "".join(_run_html(r) for r in p.runs) or "<br>"
        style = f' style="text-align: {p.align};"' if p.align else ""
        out.append(f"<div{style}>{inner}</div>")
    return "".join(out)


def _run_html(r: Run) -> str:
    text = html.escape(r.text, quote=False)
    # Spaces a browser would collapse or trim keep their width.
    text = re.sub(r"(?<= ) |^ | $", "&nbsp;", text)
    css: list[str] = []
    if r.size is not None:
        css.append(f"font-size: {r.size:g}px")
    if r.bold is False:
        css.append("font-weight: normal")
    if r.italic is False:
        css.append("font-style: normal")
    if css:
        text = f'<span style="{"; ".join(css)};">{text}</span>'
    if r.color is not None or r.family is not None:
        attrs = ""
        if r.color is not None:
            attrs += f' color="{r.color}"'
        if r.family is not None:
            attrs += f' face="{COMMON_NAMES.get(r.family, r.family)}"'
        text = f"<font{attrs}>{text}</font>"
    for on, tag in (
        (r.strike, "strike"),
        (r.underline, "u"),
        (r.italic, "i"),
        (r.bold, "b"),
    ):
        if on:
            text = f"<{tag}>{text}</{tag}>"
    if r.link is not None:
        text = f'<a href="{html.escape(r.link)}">{text}</a>'
    return text
