"""The documentation is short where it must be, complete where it claims to be."""

from __future__ import annotations

import re
from pathlib import Path

from linework.cli import VERBS

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "CHANGELOG.md",
    *sorted((ROOT / "docs").glob("*.md")),
]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_is_short_and_the_manual_lives_in_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 200
    assert "Everything a draw.io or Gliffy user reaches for" not in readme
    topics = {p.name for p in (ROOT / "docs").glob("*.md")}
    assert {"architecture.md", "cli.md", "error-codes.md", "automation.md"} <= topics
    assert {"user-guide.md", "file-format.md"} <= topics


def test_relative_links_point_at_files_that_exist() -> None:
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("#"):
                continue
            path = (page.parent / target.split("#")[0]).resolve()
            assert path.exists(), f"{page.name}: {target}"


def test_the_cli_page_documents_every_verb() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for verb in VERBS:
        assert f"### `linework {verb}`" in text, verb
        assert f"usage: linework {verb}" in text, verb
