"""The in-place editor's rich text: what it shows, and what a commit stores.

The editor opens on the label's runs (:func:`edit_fields`, plain JSON data
that web/ turns into DOM nodes with ``textContent``, never markup) and
commits the edited content's HTML (``set-text`` with ``html``), which the
core reads with the same sanitizing reader as draw.io labels: nothing but
the formatting survives, and only http(s)/mailto links.
"""

from __future__ import annotations

from typing import Any

from linework.formats import limits, richhtml
from linework.model import Connector, Document, Shape
from linework.model.rich import (
    FONT_FAMILIES,
    RichText,
    relative_to,
    rich_for,
    rich_to_json,
)
from linework.render.rows import has_rows


def edit_fields(doc: Document, rid: str) -> dict[str, Any]:
    """Return the ``edit_text`` fields for rich editing of element ``rid``.

    ``rich``: whether the element's label takes runs (shapes do; connector
    labels are plain); ``runs``: its paragraphs as in the file format, or
    null for a plain label; ``families``: the families a run may use.
    """
    el = doc.get(rid)
    # A class's or table's name and rows are drawn plain (render.rows).
    if not isinstance(el, Shape) or has_rows(el):
        return {"rich": False, "runs": None}
    rich = rich_for(el.text, el.rich)
    return {
        "rich": True,
        "runs": rich_to_json(rich) if rich is not None else None,
        "families": list(FONT_FAMILIES),
    }


def read_commit(doc: Document, rid: str, markup: str) -> tuple[str, RichText | None]:
    """Return the plain text and runs of the editor's HTML for element ``rid``.

    Formatting that only repeats the element's style is dropped, so a label
    edited without formatting stays plain text.
    """
    read = richhtml.html_to_rich(
        markup[: limits.MAX_TEXT * 4], linefeeds=False, lift=False
    )
    text = read.plain.text
    el = doc.get(rid)
    if not isinstance(el, Shape):
        return text, None
    return text, rich_for(text, relative_to(read.rich, el.style))


def plain_commit(
    doc: Document, rid: str, text: str, label: int = 0
) -> tuple[str, RichText | None]:
    """Return the runs a plain ``set-text`` keeps: the label's own, if unchanged.

    A script, the properties panel or the plain editor of connector labels
    setting the text a rich label already has must not strip its formatting;
    new text is plain text.
    """
    el = doc.get(rid)
    if isinstance(el, Shape) and el.text == text:
        return text, rich_for(el.text, el.rich)
    if isinstance(el, Connector) and 0 <= label < len(el.labels):
        own = el.labels[label]
        if own.text == text:
            return text, rich_for(own.text, own.rich)
    return text, None
