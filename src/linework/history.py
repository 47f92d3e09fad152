"""Undo and redo of patches, one step per gesture (docs/architecture.md §11.2).

History stores patches, never documents: a step is the patch a command produced,
undo applies its inverse, redo applies it again. A gesture (a drag, a text edit
that may be dropped) opens a :class:`Mark`; every patch recorded while it is open
is a separate step until :meth:`History.squash_to_mark` folds them into one, or
:meth:`History.bail_to_mark` takes them all back as if the gesture never began,
redo stack included, so cancelling a drag with Escape costs the user nothing.

"Dirty" is a position, not a flag: :meth:`History.mark_saved` remembers which
step the saved file holds, so undoing back to it makes the document clean again.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from linework.model import Document, Patch


@dataclass(frozen=True, slots=True)
class Step:
    """One undo step: what it is called (for menus) and the patch it made."""

    name: str
    patch: Patch
    serial: int


@dataclass(frozen=True, slots=True)
class Mark:
    """The start of a gesture: where the undo stack stood and what redo held."""

    name: str
    depth: int
    serial: int
    redo: tuple[Step, ...]


class History:
    """Unlimited undo and redo of patches, with marks for gestures."""

    def __init__(self) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._serials = itertools.count(1)
        self._saved: int | None = 0  # serial of the saved step; 0 is "no steps"
        self._marks: list[Mark] = []

    # --- queries ----------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        """Return whether there is a step to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Return whether there is a step to redo."""
        return bool(self._redo)

    @property
    def dirty(self) -> bool:
        """Return whether the document differs from what was last saved (or opened)."""
        return self._top() != self._saved

    @property
    def undo_name(self) -> str | None:
        """Return the name of the step undo would revert, for the menu."""
        return self._undo[-1].name if self._undo else None

    @property
    def redo_name(self) -> str | None:
        """Return the name of the step redo would replay."""
        return self._redo[-1].name if self._redo else None

    @property
    def in_gesture(self) -> bool:
        """Return whether a mark is open."""
        return bool(self._marks)

    def __len__(self) -> int:
        return len(self._undo)

    def _top(self) -> int:
        return self._undo[-1].serial if self._undo else 0

    # --- recording --------------------------------------------------------
    def record(self, patch: Patch, name: str = "") -> None:
        """Push ``patch`` as a new step and forget what could be redone.

        Empty patches are not steps: clicking without changing anything must not
        clear redo or make the document dirty.
        """
        if patch.is_empty():
            return
        self._undo.append(Step(name, patch, next(self._serials)))
        self._redo.clear()

    def clear(self) -> None:
        """Forget everything, as after opening a file; the result is clean."""
        self._undo.clear()
        self._redo.clear()
        self._marks.clear()
        self._saved = 0

    def mark_saved(self) -> None:
        """Remember that the document as it stands now is what the file holds."""
        self._saved = self._top()

    def mark_unsaved(self) -> None:
        """Make the document dirty until the next save (say, a new untitled copy)."""
        self._saved = None

    # --- gestures ---------------------------------------------------------
    def mark(self, name: str) -> Mark:
        """Open a gesture; steps recorded from now on can be squashed or bailed."""
        m = Mark(name, len(self._undo), self._top(), tuple(self._redo))
        self._marks.append(m)
        return m

    def _close(self, mark: Mark) -> list[Step]:
        if mark not in self._marks:
            raise ValueError(f"mark {mark.name!r} is not open")
        while self._marks and self._marks[-1] is not mark:
            self._marks.pop()
        self._marks.pop()
        if len(self._undo) < mark.depth or self._top_at(mark.depth) != mark.serial:
            raise ValueError(f"steps below mark {mark.name!r} were undone")
        steps = self._undo[mark.depth :]
        del self._undo[mark.depth :]
        return steps

    def _top_at(self, depth: int) -> int:
        return self._undo[depth - 1].serial if depth else 0

    def squash_to_mark(self, mark: Mark, name: str | None = None) -> Patch:
        """Close the gesture, folding its steps into one; return that step's patch.

        A gesture that changed nothing in the end (dragged and brought back)
        leaves no step, and then redo keeps what it had.
        """
        steps = self._close(mark)
        patch = Patch()
        for step in steps:
            patch = patch.then(step.patch)
        if patch.is_empty():
            self._redo[:] = mark.redo
            return patch
        self._undo.append(Step(name or mark.name, patch, next(self._serials)))
        return patch

    def bail_to_mark(self, mark: Mark, doc: Document) -> tuple[Document, Patch]:
        """Close the gesture and revert it: no step stays and redo is as before.

        Returns:
            The reverted document and the patch that reverted it (for the renderer).
        """
        steps = self._close(mark)
        patch = Patch()
        for step in reversed(steps):
            patch = patch.then(step.patch.inverse())
        self._redo[:] = mark.redo
        return doc.apply(patch), patch

    # --- undo / redo ------------------------------------------------------
    def undo(self, doc: Document) -> tuple[Document, Patch]:
        """Revert the last step.

        Returns:
            The document before that step and the patch applied to get there;
            ``(doc, empty patch)`` when there is nothing to undo.
        """
        if not self._undo or self._marks:
            return doc, Patch()
        step = self._undo.pop()
        inverse = step.patch.inverse()
        new = doc.apply(inverse)
        self._redo.append(step)
        return new, inverse

    def redo(self, doc: Document) -> tuple[Document, Patch]:
        """Replay the last undone step; see :meth:`undo`."""
        if not self._redo or self._marks:
            return doc, Patch()
        step = self._redo.pop()
        new = doc.apply(step.patch)
        self._undo.append(step)
        return new, step.patch
