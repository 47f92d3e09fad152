"""Tests of the passphrase-strength estimate shown while sealing."""

from __future__ import annotations

import unicodedata

import pytest

from linework.seal import strength
from linework.seal.strength import LABELS, estimate_bits


@pytest.mark.parametrize(
    "passphrase",
    [
        "",
        "a",
        "password",
        "P@ssw0rd!",
        "Password123",
        "12345678",
        "qwertyuiop",
        "aaaaaaaaaaaaaaaa",
        "abcdefghijkl",
        "correct horse battery staple",
        "dishwasher",
        "Tr0ub4dor&3",
        "01/02/1990",
    ],
)
def test_weak(passphrase: str) -> None:
    """Common passwords, patterns, dates and single words score 0 or 1."""
    assert strength(passphrase)[0] <= 1


@pytest.mark.parametrize(
    "passphrase",
    [
        "plum tractor velvet orbit canyon whisk",
        "J7x!pQ2#vL9@wR4z",
        "averylongpassphrasewithoutspacesatall",
    ],
)
def test_strong(passphrase: str) -> None:
    """Six random words, 16 random characters and long phrases score 3 or more."""
    assert strength(passphrase)[0] >= 3


def test_more_words_never_weaker() -> None:
    """Adding a word to a passphrase never lowers the estimate."""
    words = ["plum", "tractor", "velvet", "orbit", "canyon", "whisk", "lagoon"]
    bits = [estimate_bits(" ".join(words[:n])) for n in range(1, len(words) + 1)]

    assert bits == sorted(bits)


def test_labels_and_nfc() -> None:
    """Scores map to their labels, and NFC/NFD spellings score alike."""
    score, label = strength("Mañana-Kiwi-Lantern-9")
    nfd = unicodedata.normalize("NFD", "Mañana-Kiwi-Lantern-9")

    assert LABELS[score] == label
    assert strength(nfd) == (score, label)
    assert len(LABELS) == 5
