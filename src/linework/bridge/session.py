"""What the bridge remembers between messages: one editor and the file's name.

The editor owns the document, its history and the page on screen; the bridge
only adds what the browser shell needs around it (the title).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linework.editor import Editor
    from linework.model import Document


@dataclass(slots=True)
class Session:
    """The editor (made on first use: start-up imports nothing heavy), title, mode."""

    title: str = ""
    opened: bool = False
    # Viewer mode (set once by ``read-only``, never cleared): edits are refused.
    read_only: bool = False
    # The document embed mode last reported to the host (documents are immutable,
    # so any other object means the diagram changed since).
    watched: object = None
    _editor: Editor | None = field(default=None, repr=False)

    @property
    def editor(self) -> Editor:
        """Return the editor, creating one with an empty document on first use."""
        if self._editor is None:
            from linework.editor import Editor

            self._editor = Editor()
        return self._editor

    @property
    def document(self) -> Document | None:
        """Return the open document, or None before anything was opened or created."""
        return self.editor.document if self.opened else None

    @property
    def page_id(self) -> str:
        """Return the page on screen ("" before a document)."""
        return self.editor.page_id if self.opened else ""
