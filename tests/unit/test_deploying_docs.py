"""docs/deploying.md and SECURITY.md stay true to the headers the build writes."""

from __future__ import annotations

from pathlib import Path

from devtools import headers as build

ROOT = Path(__file__).resolve().parents[2]


def test_every_host_section_sets_every_header_with_the_default_values() -> None:
    text = (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")
    headers = build.security_headers()
    sections = {
        "nginx": text[text.index("## nginx") : text.index("## Caddy")],
        "caddy": text[text.index("## Caddy") : text.index("## Amazon S3")],
        "table": text[text.index("## The headers") : text.index("### HSTS")],
    }
    for name, section in sections.items():
        for key, value in headers.items():
            assert key in section, (name, key)
            if name != "table" or key != "Permissions-Policy":
                assert value in section, (name, key)
        assert "Strict-Transport-Security" in section, name
    for prefix in build.IMMUTABLE_PREFIXES:
        assert prefix in sections["table"]
    for host in ("Netlify", "Cloudflare", "S3", "CloudFront", "GitHub Pages"):
        assert host in text


def test_security_policy_says_how_to_report_and_what_is_in_scope() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    for heading in ("## Reporting a problem", "## In scope", "## Threat model"):
        assert heading in text
    assert "docs/deploying.md" in text and "sbom.json" in text
