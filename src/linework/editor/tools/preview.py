"""Preview: a large drag shown translated in the browser, made real on release."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    is_locked,
)
from linework.model import (
    Attached,
    Connector,
    Document,
    Group,
    Shape,
)

if TYPE_CHECKING:
    pass


class Preview:
    """What a large drag shows without changing the document until release.

    Moving thousands of elements cannot re-render them all on every pointer
    move (docs/architecture.md §2, "Painting large diagrams"), so the browser translates
    the elements that move rigidly (``rigid``) and only connectors with one end
    staying (``followers``) are re-rendered per move.
    """

    def __init__(self, base: Document, moving: set[str]) -> None:
        self.base = base
        shapes = {
            r
            for r in moving
            if isinstance(e := base.get(r), Shape) and not is_locked(base, e)
        }
        selected = {
            r
            for r in moving
            if isinstance(e := base.get(r), Connector) and not is_locked(base, e)
        }
        candidates = set(selected)
        for sid in shapes:
            candidates.update(c.id for c in base.connectors_of(sid))
        rigid = set(shapes)
        followers: set[str] = set()
        for cid in candidates:
            c = base.typed(cid, Connector)
            ends = [
                e.shape in shapes if isinstance(e, Attached) else cid in selected
                for e in (c.source, c.target)
            ]
            if all(ends):
                rigid.add(cid)
            else:
                followers.add(cid)
        page = next(
            (e.page for r in moving if isinstance(e := base.get(r), Shape | Group)),
            "",
        )
        self.page = page
        order = base.paint_index(page)
        self.rigid = sorted(rigid, key=lambda r: order.get(r, 0))
        self.followers = sorted(followers, key=lambda r: order.get(r, 0))
        self.shapes = shapes
