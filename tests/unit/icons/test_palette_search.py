"""Palette search over every shape kind and every library icon, in the core's
rules (linework.icons.search) and the page's copy of them
(web/editor/palette-match.js): word starts, not substrings, and ranking."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest

import icon_data
from linework.bridge.workbench import palette
from linework.icons.search import Matcher, query_words, search, words_of

MATCH_JS = Path(__file__).parents[3] / "web" / "editor" / "palette-match.js"
NODE = shutil.which("node")

Key = tuple[str, str]  # (library or "kind", name)
Entry = tuple[Key, frozenset[str], frozenset[str]]


@cache
def _entries() -> tuple[Entry, ...]:
    """The palette's entries as the page builds them: kinds, then icons."""
    reply = palette(None, {})  # type: ignore[arg-type]
    sections = {lib["id"]: lib["keywords"] for lib in reply["libraries"]}
    out: list[Entry] = []
    for k in reply["kinds"]:
        name = words_of(k["name"], k["title"])
        rest = words_of(" ".join([*k["keywords"], *sections.get(k["library"], [])]))
        out.append((("kind", k["name"]), name | rest, name))
    for lib, rows in icon_data.icon_index().items():
        for n, t, tags, *_ in rows:
            name = words_of(n, t)
            out.append(((lib, n), name | words_of(tags), name))
    return tuple(out)


@cache
def _drawn() -> dict[Key, str]:
    """What each icon that others draw too draws (the index's fourth field)."""
    return {
        (lib, row[0]): str(row[3])
        for lib, rows in icon_data.icon_index().items()
        for row in rows
        if len(row) > 3
    }


def find(query: str) -> list[Key]:
    return search(_entries(), query, _drawn())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("server", ("network", "server")),
        ("lambda", ("aws", "aws-lambda")),
        ("s3", ("aws", "aws-s3")),
        ("azure", ("azure", "azure")),
        ("kubernetes", ("kubernetes", "kubernetes")),
        ("router", ("network", "router")),
        ("firewall", ("network", "firewall")),
        ("laptop", ("network", "laptop")),
        ("user", ("network", "user")),
        ("class", ("kind", "uml-class")),
        ("serv", ("network", "server")),  # still being typed: a prefix
        ("data", ("network", "database")),  # a compound of a known word
        ("users", ("network", "users")),
    ],
)
def test_a_query_finds_what_a_user_expects_near_the_top(
    query: str, expected: Key
) -> None:
    found = find(query)
    assert expected in found[:20], found[:20]


def test_class_finds_no_word_that_merely_starts_with_it() -> None:
    """Found by substring before: elm-classic and emacs-classic are no classes."""
    found = find("class")
    assert ("kind", "uml-class") in found
    assert ("logos", "elm-classic") not in found
    assert ("logos", "emacs-classic") not in found
    # While typed ("clas" is no word of any entry) they are offered.
    assert ("logos", "elm-classic") in find("clas")


@pytest.mark.parametrize(
    "query", ["class", "user", "serv", "net", "load bal", "s3 bucket", "aws db x"]
)
def test_results_matching_more_query_words_come_first(query: str) -> None:
    """Every result has a word starting with some query word; those matching
    every word come first, then those missing one, and so on."""
    words = {key: ws for key, ws, _ in _entries()}
    found = find(query)
    assert found
    matched = [
        sum(any(w.startswith(q) for w in words[key]) for q in query_words(query))
        for key in found
    ]
    assert min(matched) >= 1
    assert matched == sorted(matched, reverse=True)


def test_a_query_of_several_words_finds_entries_matching_some_of_them() -> None:
    """'s3 bucket': no entry is both (no S3 icon is tagged bucket); found
    before, nothing. The S3 icon leads, being named by its word; then the
    entries only tagged bucket; things matching both would come first."""
    found = find("s3 bucket")
    assert found.index(("aws", "aws-s3")) == 0
    assert ("gcp", "gcp-cloud-storage") in found  # tagged bucket
    # Where some entries match every word, they lead: "load bal" is both.
    both = find("load bal")
    assert both[0] == ("network", "load-balancer")
    words = {key: ws for key, ws, _ in _entries()}
    full = [k for k in both if any(w.startswith("bal") for w in words[k])]
    full = [k for k in full if any(w.startswith("load") for w in words[k])]
    assert both[: len(full)] == full and len(both) > len(full)
    # A word no entry has does not hide the others: "aws lambda zzz".
    assert find("aws lambda zzz")[0] == ("aws", "aws-lambda")


def test_an_icon_drawn_twice_is_found_once_under_its_best_name() -> None:
    """AWS S3 is in the AWS library and among the brand logos; the database
    drum is Database, AWS Generic Database, Azure SQL Database...: one entry
    each, the best-ranked (the first library's on a tie)."""
    found = find("s3")
    assert ("aws", "aws-s3") in found and ("logos", "aws-s3") not in found
    db = find("database")
    assert ("network", "database") in db
    assert ("aws", "aws-generic-database") not in db
    assert ("azure", "azure-sql-database") not in db
    sql = find("azure sql")
    assert sql[0] == ("azure", "azure-sql-database")
    assert ("network", "database") not in sql
    # No query shows two entries drawing the same.
    drawn = _drawn()
    for q in ["server", "user", "aws", "cloud", "k8s", "storage", "logo"]:
        shown = [drawn[k] for k in find(q) if k in drawn]
        assert len(shown) == len(set(shown)), q


def test_the_index_numbers_exactly_the_icons_drawn_twice() -> None:
    """The fourth field is shared by rows whose SVG and size are the same."""
    files, catalog = icon_data._built()
    svg: dict[Key, tuple[object, ...]] = {}
    for name, data in files.items():
        if name.startswith("icons/") and name != catalog["index"]:
            lib = json.loads(data)
            for i in lib["icons"]:
                svg[(lib["id"], i["n"])] = (i["w"], i["h"], i["s"])
    drawn = _drawn()
    by_drawing: dict[tuple[object, ...], set[str | None]] = {}
    for key, d in svg.items():
        by_drawing.setdefault(d, set()).add(drawn.get(key))
    for keys in by_drawing.values():
        assert len(keys) == 1  # one number per drawing (None: drawn once)
    assert len(drawn) > 100 and len(set(drawn.values())) < len(drawn)


def test_the_word_itself_ranks_before_its_forms_and_prefixes() -> None:
    """`user`: entries named by the word first, then those tagged with it,
    then its forms (users), ranks never going back up."""
    entries = {key: (ws, name) for key, ws, name in _entries()}
    matcher = Matcher(w for ws, _ in entries.values() for w in ws)
    found = find("user")
    ranks = [
        matcher.rank(("user",), sorted(entries[k][0]), sorted(entries[k][1]))
        for k in found
    ]
    assert None not in ranks
    ranks_of = [r for r in ranks if r is not None]

    assert ranks_of == sorted(ranks_of)
    assert ranks[found.index(("network", "user"))] == 0
    assert ranks_of[0] == 0 and ranks_of[-1] > ranks_of[0]
    assert found.index(("network", "user")) < found.index(("network", "users"))


_RUNNER = r"""
import { readFileSync } from "node:fs";
const { module, entries, queries } = JSON.parse(readFileSync(0, "utf8"));
const m = await import(module);
const hay = entries.map(([key, name, rest, drawn]) => {
  const n = m.wordsOf(name);
  return { key, words: [...n, ...m.wordsOf(rest)], name: n, drawn };
});
for (const h of hay) m.addVocabulary(h.words);
const out = {};
for (const q of queries) {
  const words = m.queryWords(q);
  const found = [];
  hay.forEach((h, i) => {
    const r = m.rankOf(words, h.words, h.name);
    if (r !== null) found.push([r, i, h.key]);
  });
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  out[q] = m.distinct(found, (f) => hay[f[1]].drawn).map((f) => f[2]);
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_ranks_exactly_as_the_core() -> None:
    """web/editor/palette-match.js, run under Node on the same entries, finds
    and orders the same results as linework.icons.search for every query."""
    queries = [
        "server", "lambda", "s3", "azure", "kubernetes", "router", "firewall",
        "laptop", "user", "class", "clas", "serv", "serve", "data", "net",
        "fire", "app", "load bal", "k8s", "Über", "x", "s3 bucket",
        "aws lambda function", "uml class zzz", "database", "azure sql",
    ]  # fmt: skip
    reply = palette(None, {})  # type: ignore[arg-type]
    sections = {lib["id"]: lib["keywords"] for lib in reply["libraries"]}
    texts = [
        [
            ["kind", k["name"]],
            f"{k['name']} {k['title']}",
            " ".join([*k["keywords"], *sections.get(k["library"], [])]),
        ]
        for k in reply["kinds"]
    ]
    for lib, rows in icon_data.icon_index().items():
        texts += [[[lib, r[0]], f"{r[0]} {r[1]}", r[2], *r[3:]] for r in rows]
    assert NODE is not None
    done = subprocess.run(
        [NODE, "--input-type=module", "-e", _RUNNER],
        input=json.dumps(
            {"module": MATCH_JS.as_uri(), "entries": texts, "queries": queries}
        ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = json.loads(done.stdout)
    for q in queries:
        assert [tuple(k) for k in page[q]] == find(q), q
