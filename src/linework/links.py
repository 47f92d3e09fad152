"""The one rule for which links Linework keeps: http(s) and mailto, nothing else.

Importers drop other links, and the renderer refuses them again, so a
``javascript:`` URL can neither enter a document nor leave as SVG.
"""

from __future__ import annotations

from typing import Final

SAFE_SCHEMES: Final = ("http://", "https://", "mailto:")
MAX_LINK: Final = 2048
# Characters no link keeps: markup and quote characters, and (below) whitespace
# and controls, which browsers strip silently (``java\tscript:``).
_FORBIDDEN: Final = frozenset("<>\"'`")


def safe_link(value: object) -> str | None:
    """Return the link without surrounding space if it is safe to keep, else None.

    >>> safe_link(" https://example.org/a "), safe_link("javascript:alert(1)")
    ('https://example.org/a', None)
    >>> safe_link("java\\tscript:x"), safe_link("mailto:"), safe_link("//evil.org")
    (None, None, None)
    """
    if not isinstance(value, str):
        return None
    u = value.strip()
    if len(u) > MAX_LINK or not u.lower().startswith(SAFE_SCHEMES):
        return None
    if u.lower() == "mailto:" or any(
        c.isspace() or ord(c) < 32 or ord(c) == 127 or c in _FORBIDDEN for c in u
    ):
        return None
    return u
