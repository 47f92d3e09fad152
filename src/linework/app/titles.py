"""Titles: what a diagram is called in the title bar, status line and saves."""

from __future__ import annotations

from typing import Final

UNTITLED: Final = "Untitled"
#: The longest title kept (a host's ``configure``, a document's ``meta.title``).
MAX_TITLE_CHARS: Final = 200

# Longest first: ``x.drawio.svg`` is titled ``x``, not ``x.drawio``.
_SUFFIXES: Final = (
    ".drawio.svg",
    ".drawio.png",
    ".dio.svg",
    ".dio.png",
    ".excalidraw.svg",
    ".excalidraw.png",
    ".linework",
    ".json",
    ".drawio",
    ".dio",
    ".xml",
    ".gliffy",
    ".excalidraw",
    ".mmd",
    ".svg",
    ".png",
)


def title_from(name: str) -> str:
    """Return the title for a file name: its base name without a known suffix.

    >>> title_from("C:\\\\plans/Office.drawio.png")
    'Office'
    >>> title_from("")
    'Untitled'
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in _SUFFIXES:
        if base.lower().endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base or UNTITLED


def clean_title(text: str, default: str = UNTITLED) -> str:
    """Return ``text`` with blanks collapsed and at most 200 characters.

    >>> clean_title("  My   plan ")
    'My plan'
    >>> clean_title("   ")
    'Untitled'
    """
    return " ".join(text.split())[:MAX_TITLE_CHARS] or default
