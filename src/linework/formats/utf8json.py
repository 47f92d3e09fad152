"""JSON text as UTF-8 bytes, whatever its strings hold.

A JSON file may spell a lone UTF-16 surrogate (``"\\ud800"``), and
``json.loads`` keeps it in the string, but UTF-8 has no bytes for it: a
document holding one could not be saved, and the core's answer to its open
could not cross to the page. JSON text holds text only inside strings, where
the escape stands for the same character, so such a character is written as
its escape and everything else as before.
"""

from __future__ import annotations

import re
from typing import Final

#: A UTF-16 surrogate on its own (Python joins a valid pair into one character).
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def json_utf8(text: str) -> bytes:
    """Return JSON ``text`` as UTF-8, a lone surrogate as its JSON escape.

    >>> json_utf8('["a\\ud800é"]')
    b'["a\\\\ud800\\xc3\\xa9"]'
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub(_escaped, text).encode("utf-8")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
