"""Rich labels: paragraphs of formatted runs, as plain frozen data.

A label without formatting stays a plain string (``Shape.text``); one with
formatting keeps that string too (its plain text, for search, export and
older readers) and adds a :class:`RichText`. A run's formatting field left at
``None`` inherits the element's style, so a bold style with one run turned
``bold=False`` draws that run regular.

Everything that enters here is checked (:func:`rich_from_json`): colours are
``#rrggbb``, families a known family name, links http(s)/mailto only. Nothing
of a run is ever markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Final, Literal

from linework.links import safe_link
from linework.model.style import Style

Align = Literal["left", "center", "right"]
ALIGNS: Final[tuple[str, ...]] = ("left", "center", "right")

#: The families a label may use (each is served from dist/ with its metrics).
FONT_FAMILIES: Final[tuple[str, ...]] = ("Arimo", "Tinos", "Cousine", "Caveat")
MIN_SIZE: Final = 1.0
MAX_SIZE: Final = 1000.0
#: A label's parts are bounded like its text (limits.MAX_TEXT); these bound the
#: structure (a paragraph per character or a run per character is legal, but
#: not more).
MAX_PARAGRAPHS: Final = 10_000
MAX_RUNS: Final = 20_000
_HEX: Final = re.compile(r"#[0-9a-f]{6}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """Text with one formatting; ``None`` fields inherit the element's style."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    color: str | None = None
    size: float | None = None
    family: str | None = None
    link: str | None = None

    def same_format(self, other: Run) -> bool:
        """Return whether ``other`` is formatted exactly like this run."""
        return _fmt(self) == _fmt(other)

    @property
    def plain(self) -> bool:
        """True when the run sets no formatting of its own."""
        return _fmt(self) == _NO_FMT


#: A run's formatting fields (all but its text).
FORMAT_FIELDS: Final = tuple(f.name for f in fields(Run) if f.name != "text")
_NO_FMT: Final = (None,) * len(FORMAT_FIELDS)


def _fmt(run: Run) -> tuple[Any, ...]:
    return tuple(getattr(run, name) for name in FORMAT_FIELDS)


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """One line of the label as typed (wrapping may break it further)."""

    runs: tuple[Run, ...] = ()
    align: Align | None = None

    @property
    def text(self) -> str:
        """The paragraph's characters."""
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True, slots=True, kw_only=True)
class RichText:
    """A formatted label: paragraphs, each a sequence of runs.

    ``plain`` is the text a plain-string reader sees (paragraphs joined by
    ``\\n``); it is computed once, as renders compare it with ``Shape.text``.
    """

    paragraphs: tuple[Paragraph, ...]
    plain: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plain", "\n".join(p.text for p in self.paragraphs))


def normalized(paragraphs: Iterable[Paragraph]) -> RichText | None:
    """Return the paragraphs with empty runs dropped and equal neighbours merged.

    None when no run and no paragraph carries formatting: the label is then
    plain text, stored as a string only.
    """
    out: list[Paragraph] = []
    formatted = False
    for p in paragraphs:
        runs: list[Run] = []
        for r in p.runs:
            if not r.text:
                continue
            if runs and runs[-1].same_format(r):
                runs[-1] = replace(runs[-1], text=runs[-1].text + r.text)
            else:
                runs.append(r)
        formatted = formatted or p.align is not None or any(not r.plain for r in runs)
        out.append(Paragraph(runs=tuple(runs), align=p.align))
    if not formatted:
        return None
    return RichText(paragraphs=tuple(out))


def from_plain(text: str) -> tuple[Paragraph, ...]:
    """Return plain text as unformatted paragraphs (one per line)."""
    return tuple(
        Paragraph(runs=(Run(text=line),) if line else ()) for line in text.split("\n")
    )


def rich_for(text: str, rich: RichText | None) -> RichText | None:
    """Return ``rich`` if it still describes ``text``, else None (plain).

    Code that changes a label's text without knowing about runs leaves a
    stale ``rich``; the label then reads as the plain text it now holds.
    """
    return rich if rich is not None and rich.plain == text else None


# --- JSON (the file format's ``rich`` key; also the editor's wire form) -------


def rich_to_json(rich: RichText) -> list[dict[str, Any]]:
    """Return the paragraphs as JSON data: ``[{"align"?, "runs": [{...}]}]``."""
    out: list[dict[str, Any]] = []
    for p in rich.paragraphs:
        para: dict[str, Any] = {}
        if p.align is not None:
            para["align"] = p.align
        para["runs"] = [_run_json(r) for r in p.runs]
        out.append(para)
    return out


def _run_json(r: Run) -> dict[str, Any]:
    out: dict[str, Any] = {"text": r.text}
    for name in FORMAT_FIELDS:
        value = getattr(r, name)
        if value is not None:
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            out[name] = value
    return out


class RichError(ValueError):
    """Rich text data that does not follow the format (``path``: where)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def rich_from_json(raw: Any, path: str = "rich") -> RichText | None:
    """Read paragraphs from JSON data, checking every field (see module doc).

    Raises:
        RichError: on data of the wrong shape; a colour, family or link that
            is not allowed is dropped (the run keeps its text), not an error.
    """
    if not isinstance(raw, list):
        raise RichError(path, "must be an array of paragraphs")
    if len(raw) > MAX_PARAGRAPHS:
        raise RichError(path, f"more than {MAX_PARAGRAPHS} paragraphs")
    paragraphs: list[Paragraph] = []
    count = 0
    for i, p in enumerate(raw):
        pp = f"{path}[{i}]"
        if not isinstance(p, dict):
            raise RichError(pp, "must be an object")
        align = p.get("align")
        if align is not None and align not in ALIGNS:
            raise RichError(f"{pp}.align", f"must be one of {', '.join(ALIGNS)}")
        runs_raw = p.get("runs", [])
        if not isinstance(runs_raw, list):
            raise RichError(f"{pp}.runs", "must be an array")
        count += len(runs_raw)
        if count > MAX_RUNS:
            raise RichError(path, f"more than {MAX_RUNS} runs")
        runs = tuple(read_run(r, f"{pp}.runs[{k}]") for k, r in enumerate(runs_raw))
        paragraphs.append(Paragraph(runs=runs, align=align))
    return normalized(paragraphs)


def read_run(raw: Any, path: str) -> Run:
    """Read one run (see :func:`rich_from_json`)."""
    if not isinstance(raw, Mapping):
        raise RichError(path, "must be an object")
    text = raw.get("text")
    if not isinstance(text, str):
        raise RichError(f"{path}.text", "must be a string")
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    flags: dict[str, bool | None] = {}
    for name in ("bold", "italic", "underline", "strike"):
        value = raw.get(name)
        if value is not None and not isinstance(value, bool):
            raise RichError(f"{path}.{name}", "must be true or false")
        flags[name] = value
    size = raw.get("size")
    if size is not None:
        if isinstance(size, bool) or not isinstance(size, int | float):
            raise RichError(f"{path}.size", "must be a number")
        size = float(min(MAX_SIZE, max(MIN_SIZE, size)))
    return Run(
        text=text,
        color=safe_colour(raw.get("color")),
        size=size,
        family=safe_family(raw.get("family")),
        link=safe_link(raw.get("link")),
        **flags,
    )


def safe_colour(value: object) -> str | None:
    """Return ``#rrggbb`` (lower case; ``#rgb`` widened) or None."""
    if not isinstance(value, str):
        return None
    v = value.strip().lower()
    if re.fullmatch(r"#[0-9a-f]{3}", v):
        v = "#" + "".join(c * 2 for c in v[1:])
    return v if _HEX.fullmatch(v) else None


def safe_family(value: object) -> str | None:
    """Return the shipped family a CSS family list names first, or None.

    Other families (Helvetica, Times New Roman, Courier New…) map to the
    shipped family metric-compatible with them.
    """
    if not isinstance(value, str):
        return None
    for name in value.split(","):
        key = name.strip().strip("'\"").strip().lower()
        hit = FAMILY_ALIASES.get(key)
        if hit is not None:
            return hit
    return None


#: Family names (lower case) to the shipped family that stands in for them:
#: Arimo, Tinos and Cousine are metric-compatible with Arial, Times New Roman
#: and Courier New.
FAMILY_ALIASES: Final[Mapping[str, str]] = {
    "arimo": "Arimo",
    "arial": "Arimo",
    "helvetica": "Arimo",
    "liberation sans": "Arimo",
    "sans-serif": "Arimo",
    "verdana": "Arimo",
    "tinos": "Tinos",
    "times": "Tinos",
    "times new roman": "Tinos",
    "liberation serif": "Tinos",
    "georgia": "Tinos",
    "garamond": "Tinos",
    "serif": "Tinos",
    "cousine": "Cousine",
    "courier": "Cousine",
    "courier new": "Cousine",
    "liberation mono": "Cousine",
    "monospace": "Cousine",
    "consolas": "Cousine",
    "lucida console": "Cousine",
    "caveat": "Caveat",
    "comic sans ms": "Caveat",
    "cursive": "Caveat",
    "architects daughter": "Caveat",
}


#: What other tools call the shipped families (draw.io export): fonts they have.
COMMON_NAMES: Final[Mapping[str, str]] = {
    "Arimo": "Helvetica",
    "Tinos": "Times New Roman",
    "Cousine": "Courier New",
    "Caveat": "Caveat",
}


def relative_to(rich: RichText | None, style: Style) -> RichText | None:
    """Return ``rich`` with formatting that only repeats ``style`` left unset.

    Importers read each run's full formatting (a Gliffy caption states its
    size and colour on every span); what equals the element's own style is
    inherited instead, so a uniformly formatted label stays plain text.
    """
    if rich is None:
        return None
    base = Run(
        text="",
        bold=style.bold,
        italic=style.italic,
        underline=style.underline,
        strike=False,
        color=style.font_color.lower(),
        size=float(style.font_size),
        family=safe_family(style.font_family) or "Arimo",
    )
    paragraphs = []
    for p in rich.paragraphs:
        runs = []
        for r in p.runs:
            changes: dict[str, Any] = {
                name: None
                for name in (
                    "bold",
                    "italic",
                    "underline",
                    "strike",
                    "color",
                    "size",
                    "family",
                )
                if getattr(r, name) == getattr(base, name)
                or (
                    name in ("bold", "italic", "underline", "strike")
                    and getattr(r, name) is False
                    and not getattr(base, name)
                )
            }
            runs.append(replace(r, **changes) if changes else r)
        align = None if p.align == style.align else p.align
        paragraphs.append(Paragraph(runs=tuple(runs), align=align))
    return normalized(paragraphs)
