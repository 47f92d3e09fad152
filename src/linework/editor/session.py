"""Session: the editor state that is not the document and never enters history.

Selection, hover, the page and layer in use, the grid toggle, the copied style
and the zoom used for hit tolerances all live here, so the model never learns
they exist (docs/architecture.md §2) and changing them never clears redo.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linework.geometry import Vec
from linework.model import Style


@dataclass(slots=True)
class Editing:
    """An in-place text edit: the element and whether it was just created.

    A text created by double-clicking empty canvas is one gesture with its
    first words: committing it empty removes it and leaves no undo step.
    For a connector, ``label`` is the label being edited; one past the last
    label means a new one, which will sit at ``position`` along the path.
    ``typed`` is the key that started the edit by typing on the selection
    (draw.io's type to edit): the editor opens with it in place of the text.
    """

    id: str
    created: bool = False
    label: int = 0
    position: float | None = None
    typed: str | None = None


@dataclass(slots=True)
class Session:
    """What the user is doing, as opposed to what the diagram is.

    Attributes:
        page_id: The page on screen.
        layer_id: The layer new elements go to (the page's top layer by default).
        selection: Selected top-level ids, in the order they were picked.
        hover: The element under the pointer, if any.
        zoom: Screen pixels per page unit, as last reported by the browser.
        snap: Whether moves and resizes snap to the page grid.
        guides: Whether smart guides snap to other shapes while dragging.
        copied_style: The style the format painter holds.
        editing: The in-place text edit in progress.
        clipboard: The last clipboard text this editor produced.
        paste_count: Pastes onto the copy's own page since the copy; each one
            lands a step further down-right so copies never hide each other.
        layer_by_page: The active layer remembered for each page.
        pointer: Where the pointer last was (page units): a context menu
            opened from the keyboard with nothing selected appears there.
    """

    page_id: str = ""
    layer_id: str = ""
    selection: tuple[str, ...] = ()
    hover: str | None = None
    zoom: float = 1.0
    snap: bool = True
    guides: bool = True
    copied_style: Style | None = None
    editing: Editing | None = None
    clipboard: str = ""
    paste_count: int = 0
    layer_by_page: dict[str, str] = field(default_factory=dict)
    pointer: Vec | None = None

    def select(self, ids: tuple[str, ...] | list[str]) -> None:
        """Replace the selection (duplicates dropped, order kept)."""
        self.selection = tuple(dict.fromkeys(ids))
