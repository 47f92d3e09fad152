"""Limits and pre-parse checks that keep hostile files from crashing the runtime.

In Pyodide, ``json.loads`` of a small document nested thousands deep overflows the
JavaScript stack and kills the interpreter (docs/architecture.md §7), so nesting
is measured with a linear scan before any parser sees the text.
"""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import Final

from linework.errors import LineworkError
from linework.model.capacity import MAX_ELEMENTS as MAX_ELEMENTS

MAX_FILE_BYTES: Final = 64 * 1024 * 1024
MAX_PAGES: Final = 1_000
MAX_LAYERS: Final = 1_000
MAX_JSON_DEPTH: Final = 64
MAX_GROUP_DEPTH: Final = 32
MAX_TEXT: Final = 100_000
MAX_ID: Final = 200
MAX_IMAGE_CHARS: Final = 16 * 1024 * 1024
MAX_COORD: Final = 10_000_000.0
MAX_WAYPOINTS: Final = 1_000
MAX_LABELS: Final = 100


def check_size(data: bytes, code: str = "LW-E0104") -> None:
    """Refuse data larger than ``MAX_FILE_BYTES``."""
    if len(data) > MAX_FILE_BYTES:
        raise LineworkError(
            code, f"It has {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}."
        )


# A JSON string, to its closing quote or (unterminated) to the end, and runs of
# anything but brackets: both are dropped by the regex engine before the Python
# loop, which then sees only the brackets that count.
_JSON_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKETS: Final = re.compile(r"[^\[\]{}]+")
# ASCII characters other than quotes and brackets, deleted by str.translate.
_STRUCTURE: Final = {i: None for i in range(128) if chr(i) not in '[]{}"'}
_DEPTH_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """Return the deepest bracket nesting of JSON text, ignoring brackets in strings.

    >>> json_depth('{"a": [1, {"b": "[[["}]}')
    3
    """
    if '\\"' not in text:
        # No escaped quote, so every quote opens or closes a string: keep only
        # quotes and brackets (str.translate's ASCII fast path, ~30× quicker
        # than the regexes below), drop what lies between quote pairs, and sum
        # the brackets' steps in C.
        outside = "".join(text.translate(_STRUCTURE).split('"')[::2])
        steps = accumulate(map(_DEPTH_STEP.get, outside, repeat(0)))
        return max(0, max(steps, default=0))
    brackets = _NOT_BRACKETS.sub("", _JSON_STRING.sub("", text))
    depth = best = 0
    for ch in brackets:
        if ch == "[" or ch == "{":
            depth += 1
            if depth > best:
                best = depth
        else:
            depth -= 1
    return best


def check_json_depth(text: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than ``limit`` before it is parsed."""
    # A fast path: the scan is only needed when there are many brackets.
    if text.count("[") + text.count("{") <= limit:
        return
    d = json_depth(text)
    if d > limit:
        raise LineworkError(
            "LW-E0106", f"It is nested {d} levels deep; the limit is {limit}."
        )


# Every byte but quotes and brackets, deleted by bytes.translate. UTF-8 never
# uses an ASCII byte inside a longer character, so these are the text's own.
_NOT_STRUCTURE: Final = bytes(i for i in range(256) if i not in b'[]{}"')


def surely_shallow(data: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Return True when JSON bytes surely nest no deeper than ``limit``.

    A quick proof in C-level passes for big files (False means "not proven":
    measure with :func:`json_depth`). Strings are dropped as in json_depth
    (adjacent quotes first: removing a pair keeps every other quote's side);
    then each round deletes the empty ``{}`` and ``[]`` pairs, taking at most
    one level per kind off the nesting, so a sequence that empties in R rounds
    nests at most 2R deep.
    """
    if limit < 0 or _has_escaped_quote(data):
        return False
    s = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in s:
        s = b"".join(s.split(b'"')[::2])
    rounds = 0
    while s:
        t = s.replace(b"{}", b"").replace(b"[]", b"")
        rounds += 1
        if len(t) == len(s) or 2 * rounds > limit:
            return False
        s = t
    return True


#: Backslashes looked at one by one before a whole-data search takes over.
_FEW_BACKSLASHES: Final = 64


def _has_escaped_quote(data: bytes) -> bool:
    """Return ``b'\\\\"' in data``, quicker where backslashes are few.

    A two-byte search runs at about 1 GB/s (4 ms over a 4 MB file of icons),
    a one-byte one at memchr's speed: a file with no backslash, or a few, is
    done with the latter.
    """
    i = data.find(b"\\")
    for _ in range(_FEW_BACKSLASHES):
        if i < 0:
            return False
        if data[i + 1 : i + 2] == b'"':
            return True
        i = data.find(b"\\", i + 1)
    return i >= 0 and data.find(b'\\"', i) >= 0


def json_text(data: bytes) -> str:
    """Return the text of JSON bytes once size, UTF-8 and nesting depth pass.

    Raises:
        LineworkError: LW-E0104 (too big), LW-E0107 (not UTF-8) or the depth's.
    """
    check_size(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError("LW-E0107", f"Bad byte at offset {exc.start}.") from None
    if not surely_shallow(data):
        check_json_depth(text)
    return text
