"""What the bridge remembers between messages: the open document and page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from linework.model import Document


@dataclass(slots=True)
class Session:
    """The open document, its title and the page on screen (None before a file)."""

    document: Document | None = None
    title: str = ""
    page_id: str = ""
