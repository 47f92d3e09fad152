"""Bold, italic or underline a whole label: Ctrl+B/I/U on a selection.

As in draw.io, the keys with shapes selected but no label being edited format
every selected label as a whole: the style field is set on each element, and
the runs that set that field themselves are made to inherit it, so no word
keeps the old look. The in-place editor formats the words selected in it
instead (web/editor/rich-editor.js).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, Final, Literal

from linework.commands._base import descendants, element, is_locked
from linework.model import Connector, Document, Patch, Shape, Transaction
from linework.model.rich import RichText, normalized

Flag = Literal["bold", "italic", "underline"]
FLAGS: Final[tuple[Flag, ...]] = ("bold", "italic", "underline")


def _targets(doc: Document, ids: Iterable[str]) -> list[Shape | Connector]:
    out: list[Shape | Connector] = []
    for rid in descendants(doc, ids):
        el = element(doc, rid)
        if isinstance(el, Shape | Connector) and not is_locked(doc, el):
            out.append(el)
    return out


def _riches(el: Shape | Connector) -> list[RichText | None]:
    if isinstance(el, Shape):
        return [el.rich] if el.text else []
    return [lb.rich for lb in el.labels]


def _labelled(el: Shape | Connector) -> bool:
    return bool(el.text) if isinstance(el, Shape) else bool(el.labels)


def is_whole(el: Shape | Connector, flag: Flag) -> bool:
    """Return whether every character of the element's label shows ``flag``."""
    base: bool = getattr(el.style, flag)
    for rich in _riches(el):
        if rich is None:
            if not base:
                return False
            continue
        for p in rich.paragraphs:
            for r in p.runs:
                own = getattr(r, flag)
                if not (base if own is None else own):
                    return False
    return base or bool(_riches(el))


def _cleared(rich: RichText | None, flag: Flag) -> RichText | None:
    """Return ``rich`` with no run setting ``flag`` (they inherit the style's)."""
    if rich is None:
        return None
    unset: dict[str, Any] = {flag: None}
    return normalized(
        replace(p, runs=tuple(replace(r, **unset) for r in p.runs))
        for p in rich.paragraphs
    )


def toggle_label_style(doc: Document, ids: Iterable[str], flag: Flag) -> Patch:
    """Turn ``flag`` on for the whole label of each element, or off if all have it.

    Group members count as selected; locked elements are left alone. Elements
    without a label get the style too (what is typed in them later shows it),
    but only labelled ones decide whether the keys turn the flag on or off.
    """
    targets = _targets(doc, ids)
    deciding = [e for e in targets if _labelled(e)] or targets
    on = not all(is_whole(e, flag) for e in deciding)
    tx = Transaction(doc)
    fields: dict[str, Any] = {flag: on}
    for el in targets:
        style = replace(el.style, **fields)
        if isinstance(el, Shape):
            new: Shape | Connector = replace(
                el, style=style, rich=_cleared(el.rich, flag)
            )
        else:
            labels = tuple(
                replace(lb, rich=_cleared(lb.rich, flag)) for lb in el.labels
            )
            new = replace(el, style=style, labels=labels)
        if new != el:
            tx.put(new)
    return tx.patch()
