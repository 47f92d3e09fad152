"""Palette search: which entries a query finds, and in what order.

An entry (a shape kind or a library icon) is found by the words of its name,
title and tags, a query word matching a word of the entry at its start, never
inside it ("ram" does not find "program"). Entries matching every query word
come first, then those matching all but one, and so on ("s3 bucket" finds
the S3 icons, which no tag calls a bucket, after anything that is both). A
query word that is a whole word of some entry is taken as meant whole: it
finds that word, its plural and agent forms (user → users, serve → server)
and compounds made of it and another known word (data → database, fire →
firewall), but not other words that merely start with it (class does not
find elm-classic). A query word that no entry has whole is still being typed,
and finds every word starting with it (serv → server). Among entries missing
as many query words, those matching more closely come first: the whole word,
then its forms and compounds, then bare prefixes; within each, entries whose
name or title matches as closely before those found only by a tag; ties keep
palette order. Entries that draw the same icon (one icon under two names or
in two libraries) are shown once, as the best-ranked of them: the name that
fits the query best, or the first library's.

web/editor/palette-match.js is the page's copy of these rules (the palette
filters as the user types, without a round trip to the core);
tests/unit/icons/test_palette_search.py runs both on the same queries and
checks they agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, TypeVar

K = TypeVar("K")

_WORD: Final = re.compile(r"[^\W_]+")
#: Endings that make another form of the same word: plural, agent, tense.
SUFFIXES: Final = frozenset({"s", "es", "r", "er", "ers", "d", "ed", "ing"})
#: The shortest known word a compound's second part may be ("data" + "base").
MIN_PART: Final = 3
EXACT, FORM, PREFIX = 0, 1, 2
#: Ranks per missing query word: a rank below TIER matches every word.
TIER: Final = 6


def words_of(*texts: str) -> frozenset[str]:
    """Return the lower-case words (letters and digits) of some texts.

    >>> sorted(words_of("aws-s3", "AWS S3", "bucket storage"))
    ['aws', 'bucket', 's3', 'storage']
    """
    return frozenset(w for t in texts for w in _WORD.findall(t.lower()))


def query_words(query: str) -> tuple[str, ...]:
    """Return a query's words in order (repeats dropped)."""
    return tuple(dict.fromkeys(_WORD.findall(query.lower())))


class Matcher:
    """The rules above over one vocabulary: every word of every entry."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.vocabulary = frozenset(vocabulary)

    def word_rank(self, q: str, words: Iterable[str]) -> int | None:
        """Return how closely one query word matches an entry's words (None: not)."""
        best: int | None = None
        whole = q in self.vocabulary
        for w in words:
            if w == q:
                return EXACT
            if not w.startswith(q):
                continue
            rest = w[len(q) :]
            if not whole:
                rank = PREFIX
            elif rest in SUFFIXES or (
                len(rest) >= MIN_PART and rest in self.vocabulary
            ):
                rank = FORM
            else:
                continue
            best = rank if best is None else min(best, rank)
        return best

    def _loosest(self, query: Sequence[str], words: Sequence[str]) -> int | None:
        worst = EXACT
        for q in query:
            r = self.word_rank(q, words)
            if r is None:
                return None
            worst = max(worst, r)
        return worst

    def rank(
        self, query: Sequence[str], words: Iterable[str], name: Iterable[str] = ()
    ) -> int | None:
        """Return an entry's rank for the query words (None: not found; lower first).

        The entry is found if a query word matches one of ``words`` (all its
        words). It ranks TIER times the number of query words it misses, plus
        twice its loosest match of the others, plus one unless its ``name``
        words (name and title) match those as closely.
        """
        if not query:
            return EXACT  # no query: everything shows
        ws = tuple(words)
        ranks = {q: self.word_rank(q, ws) for q in query}
        matched = [q for q, r in ranks.items() if r is not None]
        if not matched:
            return None
        loosest = max(r for r in ranks.values() if r is not None)
        by_name = self._loosest(matched, tuple(name))
        near = 0 if by_name is not None and by_name <= loosest else 1
        return TIER * (len(query) - len(matched)) + 2 * loosest + near


def search(
    entries: Sequence[tuple[K, frozenset[str], frozenset[str]]],
    query: str,
    drawn: Mapping[K, str] | None = None,
) -> list[K]:
    """Return the keys of the entries a query finds, best first.

    ``entries`` are (key, all words, name and title words) in palette order;
    the vocabulary is all their words. ``drawn`` names what an entry draws
    (the icon's data): of entries drawing the same, only the first found stays.
    """
    q = query_words(query)
    if not q:
        return []
    matcher = Matcher(w for _, ws, _ in entries for w in ws)
    found = []
    for i, (key, ws, name) in enumerate(entries):
        r = matcher.rank(q, sorted(ws), sorted(name))
        if r is not None:
            found.append((r, i, key))
    found.sort(key=lambda t: (t[0], t[1]))
    return distinct([key for _, _, key in found], drawn or {})


def distinct(keys: Iterable[K], drawn: Mapping[K, str]) -> list[K]:
    """Return the keys in order, dropping each that draws what an earlier one does.

    A key missing from ``drawn`` draws something of its own.
    """
    seen: set[str] = set()
    out = []
    for key in keys:
        d = drawn.get(key)
        if d is not None:
            if d in seen:
                continue
            seen.add(d)
        out.append(key)
    return out
