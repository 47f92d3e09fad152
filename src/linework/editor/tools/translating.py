"""Translating: moving (or Alt-copying) the selection, into and out of containers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.commands import (
    duplicate,
    move_elements,
    pasted_roots,
)
from linework.commands._base import union
from linework.commands.containers import (
    carried,
    container_id,
    drop_candidates,
    drop_target,
    join_containers,
)
from linework.editor.protocol import Mods
from linework.editor.snapping import Guide, Snapper
from linework.editor.tools.base import GUIDE_REACH_PX, PREVIEW_AT, Gesture
from linework.editor.tools.preview import Preview
from linework.geometry import Box, Vec
from linework.model import (
    Group,
    Shape,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor


# --------------------------------------------------------------------------- gestures
class Translating(Gesture):
    """Dragging the selection, snapped to smart guides or the grid."""

    name = "translating"
    cursor = "move"
    history_name = "Move"

    def __init__(
        self, ed: Editor, start: Vec, ids: tuple[str, ...], *, copy: bool = False
    ) -> None:
        self.history_name = "Duplicate" if copy else "Move"
        super().__init__(ed)
        self.start = start
        self.original = ids
        if copy:
            # The copies are made where the originals are and then dragged;
            # they share the gesture's mark, so one undo (or Escape) takes
            # back both. Connectors between copied shapes follow the copies.
            made = duplicate(self.base, ids, ed.ids, Vec(0.0, 0.0))
            ed.apply(made)
            ids = tuple(pasted_roots(made))
            ed.select(ids)
            self.base = ed.document
        self.ids = ids
        self.bounds = union(ed.unit_bounds(i) for i in ids)
        moving = set(carried(self.base, ids))
        self.moving = moving
        # Containers the selection may be dropped into (highlighted on the way).
        page = ed.session.page_id
        self.containers = drop_candidates(self.base, page, moving)
        self.window: Box | None = None
        self.snapper: Snapper | None = None
        self.delta = Vec(0.0, 0.0)
        self.preview: Preview | None = None
        if len(moving) > PREVIEW_AT:
            self.preview = Preview(self.base, moving)

    def move(self, p: Vec, mods: Mods) -> None:
        """Move the selection to follow the pointer."""
        d = p - self.start
        axis = ""
        if mods.shift:  # constrain to the dominant axis
            axis = "x" if abs(d.x) >= abs(d.y) else "y"
            d = Vec(d.x, 0.0) if axis == "x" else Vec(0.0, d.y)
        guides: list[Guide] = []
        if self.bounds is not None and self.ed.session.guides:
            self._refresh_snapper(self.bounds.translated(d))
        if self.bounds is not None and (self.snapper or self.ed.grid):
            d, guides = (self.snapper or Snapper(())).snap(
                self.bounds,
                d,
                zoom=self.ed.zoom,
                grid=self.ed.grid,
                guides=self.snapper is not None,
            )
            if axis == "x":
                d, guides = Vec(d.x, 0.0), [g for g in guides if g.vertical]
            elif axis == "y":
                d, guides = Vec(0.0, d.y), [g for g in guides if not g.vertical]
        self.ed.extras.guides = guides
        self.delta = d
        box = self.bounds.translated(d) if self.bounds is not None else None
        target = drop_target(self.base, self.containers, box) if box else None
        self.ed.extras.drop_into = target.id if target is not None else None
        if self.preview is not None:
            self.ed.extras.offset = d
            self.ed.preview(self.preview, d)
        else:
            self.show(move_elements(self.base, self.ids, d))

    def _refresh_snapper(self, box: Box) -> None:
        """Collect guide lines from shapes around ``box`` (a screenful or two).

        Rebuilt when the dragged box leaves the window, so a drag across a
        5,000-shape page never looks at all of them at once.
        """
        w = self.window
        if (
            w is not None
            and w.x <= box.x
            and w.y <= box.y
            and box.right <= w.right
            and box.bottom <= w.bottom
        ):
            return
        reach = GUIDE_REACH_PX / self.ed.zoom
        self.window = box.inflated(reach / 2)
        near = box.inflated(reach)
        self.snapper = Snapper(self.ed.other_shape_bounds(self.moving, near))

    def up(self, p: Vec, mods: Mods) -> None:
        """Commit the move (a previewed move gets its real geometry now)."""
        self.ed.extras.guides = []
        self.ed.extras.offset = None
        self.ed.extras.drop_into = None
        if self.preview is not None:
            self.show(move_elements(self.base, self.ids, self.delta))
        # Dropped: each moved unit joins the container it now lies in, or
        # leaves the one it left (same undo step as the move). With no
        # container staying behind, a rigid move changes no membership
        # (select all and move costs nothing more).
        if self.containers or self._leaves_a_container():
            self.show(self.total.then(join_containers(self.ed.document, self.ids)))
        self.finish()

    def _leaves_a_container(self) -> bool:
        for rid in self.ids:
            el = self.base.get(rid)
            cid = container_id(el) if isinstance(el, Shape | Group) else None
            if cid is not None and cid not in self.moving:
                return True
        return False

    def cancel(self) -> None:
        """Put everything back (and drop the copies of a copying drag)."""
        self.ed.extras.guides = []
        self.ed.extras.offset = None
        self.ed.extras.drop_into = None
        if self.preview is not None:
            self.ed.preview(self.preview, Vec(0.0, 0.0))
        super().cancel()
        self.ed.select(self.original)
