"""Colours the diagram already uses, for the properties panel's swatches.

draw.io's format panel offers the document's colours beside its palette, so
a second shape gets the first one's exact blue in one click. Most used first;
white, black and ``none`` are in the palette anyway and left out here.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from linework.model import Connector, Document, Shape
from linework.model.rich import rich_for

#: At most this many document colours are offered.
MAX_COLOURS: Final = 12
_COMMON: Final = frozenset({"none", "#ffffff", "#000000"})


def document_colours(doc: Document, limit: int = MAX_COLOURS) -> list[str]:
    """Return the fill, line and text colours of ``doc``, most used first.

    Styles are shared records, so each distinct style is read once however
    many elements use it; run colours of rich labels count too.
    """
    uses: Counter[int] = Counter()
    styles = {}
    extra: Counter[str] = Counter()
    for r in doc.records.values():
        if isinstance(r, Shape | Connector):
            uses[id(r.style)] += 1
            styles[id(r.style)] = r.style
        if isinstance(r, Shape) and r.rich is not None:
            rich = rich_for(r.text, r.rich)
            for p in rich.paragraphs if rich else ():
                extra.update(run.color for run in p.runs if run.color)
    counts: Counter[str] = Counter(extra)
    for key, n in uses.items():
        st = styles[key]
        for value in (st.fill, st.stroke, st.font_color):
            counts[value.lower()] += n
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    out = [c for c, _ in ordered if c not in _COMMON and len(c) == 7 and c[0] == "#"]
    return out[:limit]
