"""Import Mermaid flowcharts (``flowchart``/``graph``) as editable diagrams.

Mermaid text has structure but no geometry, so nodes are sized from their
labels (measured with the shipped font metrics, ``linework.layout.labels``) and
placed by ``linework.layout``. Subgraphs become a group plus a titled container
rectangle drawn around their members. The parser reads one statement at a time
with anchored regular expressions; a line it cannot read is an error naming
the line (LW-E0203), never a guess.

Modules: ``syntax`` (limits, patterns, statements), ``parser`` (statements to
nodes, edges and subgraphs), ``builder`` (the parsed chart to records).
"""

from __future__ import annotations

from linework.errors import LineworkError
from linework.formats.colours import css_colour
from linework.formats.imports import ImportResult
from linework.formats.mermaid.builder import build_chart
from linework.formats.mermaid.parser import parse
from linework.formats.mermaid.syntax import (
    CODE,
    MAX_EDGES,
    MAX_NODES,
    MAX_SOURCE_BYTES,
    MAX_SUBGRAPHS,
)

__all__ = [
    "CODE",
    "MAX_EDGES",
    "MAX_NODES",
    "MAX_SOURCE_BYTES",
    "MAX_SUBGRAPHS",
    "css_colour",
    "read",
    "read_text",
]


def read_text(text: str) -> ImportResult:
    """Import Mermaid flowchart source text.

    Raises:
        LineworkError: LW-E0203 naming the line that could not be read;
            LW-E0105 when the chart is too large to lay out.
    """
    if len(text) > MAX_SOURCE_BYTES:
        raise LineworkError(
            "LW-E0104", f"Mermaid text is limited to {MAX_SOURCE_BYTES:,}."
        )
    return build_chart(parse(text.replace("\r\n", "\n").replace("\r", "\n")))


def read(data: bytes) -> ImportResult:
    """Import Mermaid flowchart source (UTF-8 bytes).

    Raises:
        LineworkError: LW-E0104 if too large, LW-E0107 if not UTF-8, LW-E0203
            naming the line that could not be read.
    """
    if len(data) > MAX_SOURCE_BYTES:
        raise LineworkError(
            "LW-E0104",
            f"It has {len(data):,} bytes; Mermaid text may have {MAX_SOURCE_BYTES:,}.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError("LW-E0107", f"Bad byte at offset {exc.start}.") from None
    return read_text(text)
