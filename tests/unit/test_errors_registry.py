"""The error-code registry is the one source: docs, page and beacon agree with it."""

from __future__ import annotations

import re
from pathlib import Path

from linework.errors import CONTEXTS, REGISTRY, LineworkError, message_for

ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"LW-E\d{4}")


def _docs_table() -> dict[str, tuple[str, str]]:
    text = (ROOT / "docs" / "error-codes.md").read_text(encoding="utf-8")
    section = text[text.index("## All codes") :]
    rows = re.findall(r"^\| `(LW-E\d{4})` \| (\w+) \| (.*) \|$", section, re.M)
    return {
        code: (context, message.replace("\\|", "|")) for code, context, message in rows
    }


def test_docs_list_every_registered_code_and_no_other() -> None:
    table = _docs_table()
    assert sorted(REGISTRY) == sorted(table)
    for code, entry in REGISTRY.items():
        assert (entry.context, entry.message) == table[code], code


def test_every_code_the_readme_and_docs_mention_is_registered() -> None:
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = page.read_text(encoding="utf-8")
        assert set(CODE.findall(text)) <= set(REGISTRY), page.name


def test_codes_are_well_formed_and_contexts_fixed() -> None:
    assert ("boot", "import", "export", "save", "open", "edit", "embed") == CONTEXTS
    for code, entry in REGISTRY.items():
        assert CODE.fullmatch(code) and code == entry.code
        assert entry.context in CONTEXTS
        assert entry.message.strip() and "{" not in entry.message


def test_page_mirrors_match_the_registry() -> None:
    """web/errors.js (and any other mirror) holds registered codes with their texts."""
    for path in sorted((ROOT / "web").rglob("*.js")):
        if "node_modules" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for code in CODE.findall(source):
            assert code in REGISTRY, f"{path.name}: {code}"
        for code, message in re.findall(r'"(LW-E\d{4})":\s*"([^"]*)"', source):
            assert REGISTRY[code].message == message, f"{path.name}: {code}"


def test_beacon_and_endpoint_share_the_contexts() -> None:
    report = (ROOT / "web" / "report.js").read_text(encoding="utf-8")
    listed = re.search(r"CONTEXTS = Object\.freeze\(\[([^\]]*)\]\)", report)
    assert listed is not None
    assert list(CONTEXTS) == re.findall(r'"(\w+)"', listed.group(1))
    build = (ROOT / "tools" / "devtools" / "headers.py").read_text(encoding="utf-8")
    block = build[build.index("ERROR_CONTEXTS") :]
    block = block[: block.index(")")]
    assert set(CONTEXTS) == set(re.findall(r'"(\w+)"', block))


def test_beacon_body_has_exactly_three_fields() -> None:
    report = (ROOT / "web" / "report.js").read_text(encoding="utf-8")
    bodies = re.findall(r"JSON\.stringify\(\{([^}]*)\}\)", report)
    assert [" code, version: String(config.version), context "] == bodies


def test_errors_know_their_message_and_context() -> None:
    error = LineworkError("LW-E0602", "at line 3")
    assert "embed" == error.context
    assert error.describe().endswith("at line 3 (LW-E0602)")
    assert REGISTRY["LW-E0001"].message == message_for("LW-E9999")
