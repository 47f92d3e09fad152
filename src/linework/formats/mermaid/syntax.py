"""Mermaid flowchart syntax: limits, token patterns, and source split into statements.

Everything here is anchored regular expressions and plain string work: a
statement is read whole or refused, never guessed.
"""

from __future__ import annotations

import html
import re
from typing import Final

from linework.formats import limits

CODE: Final = "LW-E0203"
MAX_NODES: Final = 3_000
MAX_EDGES: Final = 6_000
MAX_SUBGRAPHS: Final = 500
MAX_SOURCE_BYTES: Final = 2 * 1024 * 1024  # a 3,000-node chart is ~100 KB

# ------------------------------------------------------------------- parsing
ID: Final = r"[\w\u00a0-\uffff]+(?:[-.][\w\u00a0-\uffff]+)*"
ID_RE: Final = re.compile(ID)
HEADER: Final = re.compile(
    r"(?:flowchart|graph)(?:-elk)?(?:\s+(TB|TD|BT|RL|LR|tb|td|bt|rl|lr))?\s*",
)
DIRECTION: Final = re.compile(r"direction\s+(TB|TD|BT|RL|LR)\s*", re.IGNORECASE)
SUBGRAPH: Final = re.compile(r"subgraph(?:\s+(.*))?", re.DOTALL)
CLASSDEF: Final = re.compile(r"classDef\s+(\S+)\s+(.+)", re.DOTALL)
CLASS: Final = re.compile(r"class\s+(\S+)\s+(\S+)\s*")
STYLE: Final = re.compile(r"style\s+(" + ID + r")\s+(.+)", re.DOTALL)
LINKSTYLE: Final = re.compile(r"linkStyle\s+(\S+)\s+(.+)", re.DOTALL)
CLICK: Final = re.compile(r"click\s+(" + ID + r")(?:\s+(.*))?", re.DOTALL)
ACC: Final = re.compile(r"acc(?:Title|Descr)\s*(:|\{)")
_ENTITY: Final = re.compile(r"#(\w{1,10});")
_BR: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)
LINK_FULL: Final = re.compile(r"([<ox])?(-{2,}|={2,}|-?\.+-)([>ox])?")
LINK_OPEN: Final = re.compile(r"([<ox])?(--|==|-\.)(?=\s)")
LINK_CLOSE: Final = {
    "--": re.compile(r"\s(-{2,})(>|[ox](?!\w))?(?!-)"),
    "==": re.compile(r"\s(={2,})(>|[ox](?!\w))?(?!=)"),
    "-.": re.compile(r"\s(\.+-)(>|[ox](?!\w))?(?!-)"),
}
INVISIBLE: Final = re.compile(r"~{3,}")
CLASS_SUFFIX: Final = re.compile(r":::([\w-]+)")
_SHAPE_AT: Final = re.compile(r"@\{")

# (opener, ((closer, kind), ...)): longest openers first.
BRACKETS: Final[tuple[tuple[str, tuple[tuple[str, str], ...]], ...]] = (
    ("(((", ((")))", "circle"),)),
    ("((", (("))", "circle"),)),
    ("([", (("])", "terminator"),)),
    ("[(", ((")]", "cylinder"),)),
    ("[[", (("]]", "predefined-process"),)),
    ("[/", (("/]", "data"), ("\\]", "trapezoid"))),
    ("[\\", (("\\]", "parallelogram"), ("/]", "manual-operation"))),
    ("[", (("]", "rectangle"),)),
    ("(", ((")", "rounded-rectangle"),)),
    ("{{", (("}}", "hexagon"),)),
    ("{", (("}", "decision"),)),
    (">", (("]", "block-arrow"),)),
)
# Mermaid 11 ``A@{ shape: … }`` names (and aliases) to our kinds.
_V11_TABLE: Final = (
    "rect rectangle proc process process process rectangle rectangle rounded "
    "rounded-rectangle event rounded-rectangle stadium terminator terminal terminator "
    "pill terminator subproc predefined-process subprocess predefined-process "
    "subroutine predefined-process fr-rect predefined-process cyl cylinder cylinder "
    "cylinder database cylinder db cylinder circle circle circ circle dbl-circ circle "
    "double-circle circle diam decision diamond decision decision decision question "
    "decision hex hexagon hexagon hexagon prepare preparation lean-r data lean-right "
    "data in-out data lean-l parallelogram lean-left parallelogram out-in "
    "parallelogram trap-b trapezoid trapezoid trapezoid priority trapezoid trap-t "
    "manual-operation inv-trapezoid manual-operation manual manual-operation doc "
    "document document document docs multi-document documents multi-document st-doc "
    "multi-document stacked-document multi-document delay delay "
    "half-rounded-rectangle delay manual-input manual-input sl-rect manual-input "
    "sloped-rectangle manual-input notch-pent preparation odd block-arrow flag "
    "block-arrow paper-tape document tri triangle triangle triangle extract extract "
    "flip-tri merge flipped-triangle merge manual-file merge cross-circ "
    "summing-junction summary summing-junction f-circ or junction or text text "
    "notch-rect note card note brace text comment text cloud cloud bolt callout "
    "com-link callout h-cyl cylinder das cylinder horizontal-cylinder cylinder "
    "lin-cyl stored-data disk cylinder bow-rect stored-data stored-data stored-data "
    "win-pane internal-storage internal-storage internal-storage curv-trap display "
    "display display sm-circ circle start circle small-circle circle fr-circ circle "
    "stop circle framed-circle circle lightning-bolt callout hourglass merge collate "
    "merge"
)
_V11_WORDS: Final = _V11_TABLE.split()
V11_SHAPES: Final[dict[str, str]] = dict(
    zip(_V11_WORDS[::2], _V11_WORDS[1::2], strict=True)
)


def label_text(raw: str) -> str:
    """Return display text for a label: quotes, markdown ticks and entities resolved."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    if len(text) >= 2 and text[0] == "`" and text[-1] == "`":
        text = text[1:-1].replace("**", "")
    text = _ENTITY.sub(_entity, text)
    text = _BR.sub("\n", text)
    text = html.unescape(text)
    return "\n".join(line.strip() for line in text.split("\n"))[: limits.MAX_TEXT]


def _entity(m: re.Match[str]) -> str:
    name = m.group(1)
    ref = f"&#{name};" if name.isdigit() else f"&{name};"
    out = html.unescape(ref)
    return m.group(0) if out == ref else out


def statements(text: str) -> list[tuple[int, str]]:
    """Split source into (line number, statement): newlines and ``;`` end one.

    A ``;`` inside quotes, brackets or ``|labels|`` belongs to the text; a
    newline inside a markdown string (``"`…`"``) too. ``%%`` starts a comment.
    """
    out: list[tuple[int, str]] = []
    buf: list[str] = []
    line = start = 1
    quote = markdown = pipe = False
    depth = 0
    i = 0
    n = len(text)

    def flush() -> None:
        s = "".join(buf).strip()
        if s:
            out.append((start, s))
        buf.clear()

    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            if quote and markdown:
                buf.append(ch)
                i += 1
                continue
            flush()
            quote = markdown = pipe = False
            depth = 0
            start = line
            i += 1
            continue
        if quote:
            if ch == '"':
                quote = markdown = False
            buf.append(ch)
        elif ch == '"':
            quote = True
            markdown = text.startswith("`", i + 1)
            buf.append(ch)
        elif ch == "%" and text.startswith("%%", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif ch in "[({":
            depth += 1
            buf.append(ch)
        elif ch in "])}":
            depth = max(0, depth - 1)
            buf.append(ch)
        elif ch == "|" and depth == 0:
            pipe = not pipe
            buf.append(ch)
        elif ch == ";" and depth == 0 and not pipe:
            flush()
            start = line
        else:
            if not buf and ch in " \t\r":
                start = line
            buf.append(ch)
        i += 1
    flush()
    return out


def strip_front_matter(text: str) -> tuple[str, str]:
    """Blank out a leading ``---`` YAML block (keeping line numbers); return title."""
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    if first is None or lines[first].strip() != "---":
        return text, ""
    title = ""
    for j in range(first + 1, len(lines)):
        if lines[j].strip() == "---":
            for k in range(first, j + 1):
                m = re.match(r"\s*title\s*:\s*(.*)", lines[k])
                if m and not title:
                    title = label_text(m.group(1))
                lines[k] = ""
            return "\n".join(lines), title
    return text, ""


def style_props(text: str) -> dict[str, str]:
    """Parse ``fill:#f9f,stroke:#333`` into a dict (commas inside parens kept)."""
    out: dict[str, str] = {}
    depth = 0
    cur: list[str] = []
    parts: list[str] = []
    for ch in text.strip().rstrip(";"):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    for part in parts:
        key, sep, value = part.partition(":")
        if sep:
            out[key.strip().lower()] = value.strip().removesuffix("!important").strip()
    return out
