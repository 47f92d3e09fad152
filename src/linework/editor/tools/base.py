"""States every tool builds on: State, Gesture and a press not yet a drag."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from linework.editor.protocol import Mods
from linework.geometry import Vec
from linework.history import Mark
from linework.model import (
    Patch,
)

if TYPE_CHECKING:
    from linework.editor.editor import Editor

DRAG_PX: Final = 3.0  # a press becomes a drag after this many screen pixels
#: Drags moving more elements than this are previewed (translated in the
#: browser) and get their real geometry on release.
PREVIEW_AT: Final = 200
#: Smart guides come from shapes within this many screen pixels of the drag.
GUIDE_REACH_PX: Final = 1600.0
ROTATE_SNAP_DEG: Final = 15.0


class State:
    """A state of the current tool; every method may hand over to another state."""

    name = "idle"
    cursor = "default"

    def __init__(self, ed: Editor) -> None:
        self.ed = ed

    def down(self, p: Vec, mods: Mods) -> None:
        """Handle a main-button press."""

    def move(self, p: Vec, mods: Mods) -> None:
        """Handle a pointer move."""

    def up(self, p: Vec, mods: Mods) -> None:
        """Handle the release."""

    def cancel(self) -> None:
        """Abandon whatever is in progress (Escape, lost pointer)."""
        self.ed.to_idle()

    @property
    def busy(self) -> bool:
        """Return whether a press or gesture is in progress."""
        return False


class Gesture(State):
    """A drag that changes the document: one undo step, or none if cancelled."""

    name = "gesture"
    history_name = "Edit"

    def __init__(self, ed: Editor) -> None:
        super().__init__(ed)
        self.base = ed.document
        self.mark: Mark = ed.history.mark(self.history_name)
        self.total = Patch()

    @property
    def busy(self) -> bool:
        """Return True: a gesture is in progress."""
        return True

    def show(self, new_total: Patch) -> None:
        """Bring the document to ``base`` + ``new_total`` with one incremental patch."""
        step = self.total.inverse().then(new_total)
        self.total = new_total
        self.ed.apply(step)

    def finish(self) -> None:
        """Squash the gesture into one undo step and return to idle."""
        self.ed.squash(self.mark, self.history_name)
        self.ed.to_idle()

    def cancel(self) -> None:
        """Revert the gesture; no undo step stays and redo is untouched."""
        self.ed.bail(self.mark)
        self.ed.to_idle()


class Pointing(State):
    """A press that has not moved far enough to be a drag yet."""

    def __init__(self, ed: Editor, start: Vec) -> None:
        super().__init__(ed)
        self.start = start

    @property
    def busy(self) -> bool:
        """Return True: the button is down."""
        return True

    def dragged(self, p: Vec) -> bool:
        """Return whether the pointer left the click tolerance."""
        return p.distance(self.start) > DRAG_PX / self.ed.zoom

    def up(self, p: Vec, mods: Mods) -> None:
        """A click: nothing more to do."""
        self.ed.to_idle()
