"""A workspace: the document on screen with its title, pending saves and mode.

One per browser tab (the bridge's session) or CLI run. The editor owns the
document, its history and the page on screen; the workspace adds what the
application needs around it. Rules that keep promise P5 ("nothing lost"):

* A document replaces the open one only after the whole file decoded, so a
  file that fails leaves the open diagram and its dirty state as they were.
* A save hands out the bytes and a token but does not mark the document
  saved: only :meth:`Workspace.saved` does, once the page confirms the write,
  and only if the document did not change in between.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Final

from linework import phases, render
from linework.app import opening
from linework.app.titles import UNTITLED, clean_title, title_from
from linework.editor import Editor
from linework.editor.open_view import Canvas
from linework.editor.protocol import DocumentInfo, Response
from linework.errors import LineworkError
from linework.formats import native
from linework.gcpause import paused_gc
from linework.model import Document

#: Saves handed out and not yet confirmed, per workspace; old ones are dropped.
MAX_PENDING_SAVES: Final = 8


@dataclass(slots=True)
class PendingSaves:
    """Saves handed out and not yet confirmed: token -> the document they hold.

    Per workspace (a token of one tab means nothing in another); a document
    is matched by identity, since documents are immutable.
    """

    _tokens: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    _pending: dict[int, Document] = field(default_factory=dict)

    def hand_out(self, doc: Document) -> int:
        """Return a new token for a save of ``doc``."""
        token = next(self._tokens)
        self._pending[token] = doc
        for old in sorted(self._pending)[:-MAX_PENDING_SAVES]:
            del self._pending[old]
        return token

    def take(self, token: object) -> Document | None:
        """Return (and forget) the document a token was handed out for."""
        return self._pending.pop(token, None) if isinstance(token, int) else None


@dataclass(frozen=True, slots=True)
class Replaced:
    """A document replaced the open one: the response and the document block."""

    response: Response
    document: DocumentInfo


@dataclass(slots=True)
class Workspace:
    """The editor (made on first use: start-up imports nothing heavy), title, mode."""

    title: str = ""
    opened: bool = False
    #: Viewer mode (set once, never cleared): edits are refused.
    read_only: bool = False
    #: A read-only embed (``read-only`` with ``embed: true``): the records'
    #: embed allow-list applies instead of the viewer's.
    embedded: bool = False
    #: The document last reported to an embedding host (documents are
    #: immutable, so any other object means the diagram changed since).
    watched: object = None
    saves: PendingSaves = field(default_factory=PendingSaves)
    _editor: Editor | None = field(default=None, repr=False)

    @property
    def editor(self) -> Editor:
        """Return the editor, creating one with an empty document on first use."""
        if self._editor is None:
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

    def require_document(self, code: str = "LW-E0400") -> Document:
        """Return the open document.

        Raises:
            LineworkError: ``code`` when nothing is open.
        """
        if not self.opened:
            raise LineworkError(code, "No diagram is open.")
        return self.editor.document

    def set_title(self, text: str) -> str:
        """Take a title (a host's, a document's own); return it as kept."""
        self.title = clean_title(text)
        return self.title

    # --- replacing the document ----------------------------------------------
    def _replace(
        self,
        doc: Document,
        title: str,
        canvas: Canvas | None,
        *,
        fmt: str,
        warnings: list[str],
        native_file: bool,
        sealed: bool,
    ) -> Replaced:
        if not doc.pages():
            raise LineworkError("LW-E0102", "the document has no pages")
        response = self.editor.replace(doc, canvas)
        self.opened = True
        self.title = title
        info = DocumentInfo(
            title=title,
            format=fmt,
            native=native_file,
            sealed=sealed,
            warnings=warnings,
            count=len(doc.elements(self.editor.page_id)),
            defs=render.SVG_DEFS,
            view=None if (v := self.editor.open_view) is None else v.to_json(),
            bounds=None
            if (b := self.editor.open_bounds) is None
            else {"x": b.x, "y": b.y, "w": b.w, "h": b.h},
        )
        return Replaced(response, info)

    def new(self) -> Replaced:
        """Start an empty, clean diagram titled Untitled."""
        doc = Document.new(self.editor.ids)
        return self._replace(
            doc,
            UNTITLED,
            None,
            fmt="linework",
            warnings=[],
            native_file=True,
            sealed=False,
        )

    def new_from(self, doc: Document, canvas: Canvas | None = None) -> Replaced:
        """Start a new diagram from ``doc`` (a template): Untitled and clean.

        Save asks for a file, as for a diagram started empty.
        """
        return self._replace(
            doc,
            UNTITLED,
            canvas,
            fmt="linework",
            warnings=[],
            native_file=False,
            sealed=False,
        )

    def open_file(
        self,
        name: str,
        data: bytes,
        canvas: Canvas | None = None,
        *,
        meta_title: bool = False,
        copy: bool = False,
    ) -> Replaced:
        """Open any file Linework reads (its content decides the format).

        ``meta_title``: the document's own title (``meta.title``), if any, wins
        over ``name`` (a share link has no file name). ``copy``: open it as a
        new document, Untitled and unsaved ("Edit a copy" of a share link).

        Raises:
            opening.PictureError: a plain picture.
            LineworkError: the file's problem; the open document is untouched.
        """
        with paused_gc():
            with phases.phase("decode"):
                opened = opening.open_bytes(data)
            doc = opened.result.doc
            title = title_from(name)
            own = doc.meta.get("title")
            if meta_title and isinstance(own, str):
                title = clean_title(own, title)
            if copy:
                title = UNTITLED
            replaced = self._replace(
                doc,
                title,
                canvas,
                fmt=opened.result.format,
                warnings=list(opened.result.warnings),
                native_file=opened.native,
                sealed=False,
            )
        if copy:
            self.editor.history.mark_unsaved()
            response = replaced.response
            ui = replace(response.ui, dirty=True)
            return replace(replaced, response=replace(response, ui=ui))
        return replaced

    def open_plain(
        self, name: str, plaintext: bytes, canvas: Canvas | None = None
    ) -> Replaced:
        """Open the decrypted ``.linework`` content of a sealed file."""
        with paused_gc():
            with phases.phase("decode"):
                doc = native.decode(plaintext)
            return self._replace(
                doc,
                title_from(name),
                canvas,
                fmt="linework-sealed",
                warnings=[],
                native_file=True,
                sealed=True,
            )

    # --- saving ----------------------------------------------------------------
    def save(self) -> tuple[bytes, int]:
        """Return the ``.linework`` bytes to write and the token for :meth:`saved`.

        The document stays dirty until the page confirms the write.
        """
        doc = self.require_document()
        try:
            data = native.encode(doc)
        except LineworkError:
            raise
        except Exception as error:  # the user must hear "not saved", with a code
            raise LineworkError("LW-E0400", type(error).__name__) from error
        return data, self.saves.hand_out(doc)

    def saved(self, token: object, name: str | None = None) -> None:
        """The page wrote a save: mark it saved if the document is still that one.

        An edit made while the file was being written stays unsaved. ``name``:
        the file's name, which becomes the title.
        """
        doc = self.saves.take(token)
        if doc is not None and doc is self.editor.document:
            self.editor.mark_saved()
        if name:
            self.title = title_from(name)
