"""Why a passphrase is weak, in words: the meter's score alone left people guessing.

"correct horse battery staple" scores "very weak" because it is the best-known
example passphrase there is; without a reason the meter looked broken. The
reasons reuse :mod:`linework.seal.strength`'s own checks, so score and words
always agree.
"""

from __future__ import annotations

import string
import unicodedata
from typing import Final

from linework.seal.strength import _is_common, _repeat_len, _sequence_len, strength

#: Below this many characters a passphrase is called short.
SHORT: Final = 12


def advice(passphrase: str) -> str:
    """Return one sentence saying why ``passphrase`` is weak, or "" when it is strong.

    >>> advice("correct horse battery staple")
    'It is a well-known example phrase or password: attackers try those first.'
    >>> advice("plum tractor velvet orbit canyon whisk")
    ''
    """
    p = unicodedata.normalize("NFC", passphrase)
    if not p:
        return ""
    score, _label = strength(p)
    if score >= 3:
        return ""
    if not p.strip(string.digits + string.punctuation + " "):
        return "It has only digits and punctuation, like a PIN or a date: add words."
    if _is_common(p):
        return (
            "It is a well-known example phrase or password: attackers try those first."
        )
    low = p.lower()
    if any(
        _repeat_len(low, i) >= 3 or _sequence_len(low, i) >= 4 for i in range(len(low))
    ):
        return (
            "It contains a keyboard or alphabet sequence or repeated characters: "
            "those are guessed early."
        )
    if len(p) < SHORT:
        return f"It is short ({len(p)} characters): use four or more unrelated words."
    words = [w for w in low.replace("-", " ").replace("_", " ").split() if w]
    if len(words) < 4:
        return (
            "Add more unrelated words: four or more random words make a strong "
            "passphrase."
        )
    return "Add another unrelated word or two to make it harder to guess."
