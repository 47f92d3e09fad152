"""TextEntry: a text made by double-click, kept only if words are typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from linework.editor.tools.base import Gesture

if TYPE_CHECKING:
    pass


class TextEntry(Gesture):
    """A text just added by double-click, waiting for its first words.

    Committing text squashes the two into one step; committing nothing (or any
    other input) bails, so an abandoned empty text leaves no trace.
    """

    name = "text-entry"
    history_name = "Add text"
