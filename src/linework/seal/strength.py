"""A simple, honest passphrase-strength estimate for "Save encrypted…".

It estimates the bits an attacker who knows common habits must guess, and errs
low: letter runs that look like words count ~2 bits per letter (English words,
not random letters), keyboard and alphabet sequences and repeats count almost
nothing, and a short list of the most common passwords (with their usual digit
suffixes and leetspeak) scores zero. It has no dictionary, so a single rare word
can still be over-rated; the label is advice, and sealing never refuses a
passphrase for its score.
"""

from __future__ import annotations

import math
import string
import unicodedata
from typing import Final

LABELS: Final[tuple[str, ...]] = ("very weak", "weak", "fair", "strong", "very strong")
# Upper bounds in bits for scores 0-3. Each guess costs 600,000 PBKDF2 rounds, so
# ~56 bits already resists an offline attack on a cluster for years, and 72
# bits is far beyond reach; 4 random common words land near "fair".
_THRESHOLDS: Final = (28.0, 40.0, 56.0, 72.0)
_WORD_BITS_PER_LETTER: Final = 2.0
_SEQUENCES: Final = (
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertzuiop",
    "azertyuiop",
    "1qaz2wsx3edc4rfv",
)
_LEET: Final = str.maketrans("0134579@$!", "oleastgasi")
_COMMON_TEXT: Final = """
    password passw0rd passwort motdepasse contraseña qwerty qwertz azerty letmein
    welcome admin administrator login iloveyou monkey dragon master shadow
    sunshine princess football baseball soccer hockey superman batman trustno
    whatever freedom starwars computer michael jennifer jordan hunter ranger
    buster thomas robert charlie daniel secret changeme default linework
    abc abcd abcdef abcdefg qazwsx asdfgh zxcvbn zaq xsw qwe asd zxc aaa
    test testing guest hello hellohello love lovely flower summer winter
    autumn spring pokemon cheese chocolate cookie pepper ginger maggie
    ninja mustang access master killer hottie loveme zaqxsw trustnoone
    correcthorsebatterystaple correct horse battery staple troubador troubadour
"""
_COMMON: Final = frozenset(_COMMON_TEXT.split())


def strength(passphrase: str) -> tuple[int, str]:
    """Return a score from 0 (very weak) to 4 (very strong) and its label.

    >>> strength("password123")
    (0, 'very weak')
    >>> strength("plum tractor velvet orbit canyon whisk")[1]
    'strong'
    """
    bits = estimate_bits(passphrase)
    score = sum(bits >= t for t in _THRESHOLDS)
    return score, LABELS[score]


def estimate_bits(passphrase: str) -> float:
    """Return the estimated guessing entropy of ``passphrase`` in bits."""
    p = unicodedata.normalize("NFC", passphrase)
    if not p:
        return 0.0
    if _is_common(p):
        return 0.0
    mixed_case = any(c.islower() for c in p) and any(c.isupper() for c in p)
    low = p.lower()
    bits = 0.0
    i = 0
    prev_word = False
    while i < len(p):
        n = _repeat_len(low, i)
        if n >= 3:
            bits += _char_bits(p[i], mixed_case) + math.log2(n)
            i += n
            prev_word = False
            continue
        n = _sequence_len(low, i)
        if n >= 3:
            bits += 4.0 + math.log2(n)
            i += n
            prev_word = False
            continue
        n = _word_len(p, i)
        if n >= 3:
            word = p[i : i + n]
            bits += _WORD_BITS_PER_LETTER * n + (0.0 if word.islower() else 1.0)
            i += n
            prev_word = True
            continue
        if prev_word and p[i] in " -_.,+" and _word_len(p, i + 1) >= 3:
            bits += 1.0  # a separator between words is predictable
        else:
            bits += _char_bits(p[i], mixed_case)
        prev_word = False
        i += 1
    return bits


def _is_common(p: str) -> bool:
    core = p.lower().strip(string.digits + string.punctuation + " ")
    if not core:
        return True  # only digits and punctuation: a PIN or a date
    squashed = core.replace(" ", "")
    return (
        core in _COMMON
        or squashed in _COMMON
        or core.translate(_LEET) in _COMMON
        or squashed.translate(_LEET) in _COMMON
    )


def _char_bits(c: str, mixed_case: bool) -> float:
    if c.isascii() and c.isalpha():
        return math.log2(52 if mixed_case else 26)
    if c.isdigit():
        return math.log2(10)
    if c.isascii():
        return math.log2(33)
    return math.log2(100)  # a letter from a larger alphabet


def _repeat_len(s: str, i: int) -> int:
    j = i
    while j < len(s) and s[j] == s[i]:
        j += 1
    return j - i


def _sequence_len(s: str, i: int) -> int:
    best = 1
    for seq in _SEQUENCES:
        for ref in (seq, seq[::-1]):
            k = ref.find(s[i])
            if k < 0:
                continue
            n = 1
            while i + n < len(s) and k + n < len(ref) and s[i + n] == ref[k + n]:
                n += 1
            best = max(best, n)
    return best


def _word_len(p: str, i: int) -> int:
    """Return the length of a word-like letter run at ``i`` (0 when it is not one).

    Word-like means lower case, Title case or UPPER case: how people type words.
    A run with case changes inside ("mPq") is scored letter by letter instead.
    """
    j = i
    while j < len(p) and p[j].isalpha():
        j += 1
    run = p[i:j]
    if run.islower() or run.isupper() or (run[:1].isupper() and run[1:].islower()):
        return len(run)
    return 0
