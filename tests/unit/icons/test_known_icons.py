"""Library icons the sanitizer made are drawn without parsing them again
(linework.icons.known), and everything else is still sanitized in full."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import icon_data
from linework.formats import pictures, xmlsafe
from linework.formats.stencils import icon_src
from linework.icons import known
from linework.icons.bundled import bundled_icon, svg_data_uri
from linework.icons.mapping import mapping_targets
from sample_docs import file_open, one_page

ICON_LIBRARIES = icon_data.ROOT / "tools"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Count the picture sanitizer's XML parses (each SVG text it parses)."""
    calls: list[str] = []
    real: Callable[..., Any] = xmlsafe.parse

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(xmlsafe, "parse", counting)
    pictures.safe_src.cache_clear()
    yield calls
    pictures.safe_src.cache_clear()


@pytest.fixture
def stored() -> str:
    """A library icon as the document stores it (what add-icon writes)."""
    icon_data.ensure_mapped_icons()
    icon_data.ensure_known_icons()
    found = bundled_icon("aws/aws-lambda") or bundled_icon(sorted(mapping_targets())[0])
    assert found is not None
    return icon_src(found.svg)


def _svg(src: str) -> str:
    return base64.b64decode(src.partition(",")[2]).decode()


def _uri(svg: str) -> str:
    return svg_data_uri(svg)


def test_a_known_library_icon_comes_back_unchanged_without_parsing(
    stored: str, parses: list[str]
) -> None:
    assert known.is_known(stored)
    assert pictures.safe_src(stored) == stored
    assert parses == []
    # The very bytes the full sanitizer gives (which parses it once).
    assert pictures.sanitize_src(stored) == stored
    assert len(parses) == 1


@pytest.mark.parametrize(
    "tamper",
    [
        lambda s: s.replace("<svg ", '<svg onload="alert(1)" ', 1),
        lambda s: s.replace("</svg>", "<script>alert(1)</script></svg>"),
        lambda s: s.replace(
            "</svg>", '<image href="https://evil.example/x.png"/></svg>'
        ),
        lambda s: s.replace("<svg ", "<svg  ", 1),  # one byte more, harmless
    ],
    ids=["onload", "script", "external image", "one space"],
)
def test_a_tampered_library_icon_is_still_sanitized(
    stored: str, parses: list[str], tamper: Callable[[str], str]
) -> None:
    svg = tamper(_svg(stored))
    assert svg != _svg(stored)
    changed = _uri(svg)
    assert not known.is_known(changed)
    out = pictures.safe_src(changed)
    assert len(parses) == 1
    assert out is not None and out != changed  # rebuilt by the sanitizer
    text = _svg(out)
    assert "onload" not in text and "script" not in text and "evil" not in text


def test_one_changed_byte_of_the_stored_uri_is_parsed(
    stored: str, parses: list[str]
) -> None:
    head, _, payload = stored.partition(",")
    flipped = "B" if payload[40] != "B" else "C"
    changed = f"{head},{payload[:40]}{flipped}{payload[41:]}"
    assert not known.is_known(changed)
    pictures.safe_src(changed)
    assert len(parses) == 1


def test_without_a_table_every_icon_is_parsed(
    stored: str, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(known, "table", lambda: frozenset())
    assert pictures.safe_src(stored) == stored
    assert len(parses) == 1


def test_the_build_leaves_out_icons_the_sanitizer_changes_again() -> None:
    import sys

    sys.path.insert(0, str(ICON_LIBRARIES))
    from icon_libraries import known_icons

    fixed = '<svg xmlns="http://www.w3.org/2000/svg"><title>a</title></svg>'
    # A carriage return comes out raw and is read back as a line feed: the
    # sanitizer is not idempotent for it, so skipping the parse would change it.
    moving = '<svg xmlns="http://www.w3.org/2000/svg"><title>a&#13;b</title></svg>'
    table, left_out = known_icons([fixed, moving])
    assert left_out == 1
    digests = known.unpack(table)
    fixed_src = pictures.sanitize_src(_uri(fixed))
    moving_src = pictures.sanitize_src(_uri(moving))
    assert fixed_src is not None and moving_src is not None
    assert digests == {known.digest(fixed_src)}
    assert pictures.sanitize_src(moving_src) != moving_src


def test_the_table_is_sorted_digests_of_fixed_size() -> None:
    a, b = known.digest("data:,a"), known.digest("data:,b")
    assert len(a) == known.DIGEST_BYTES
    packed = known.pack({b, a})
    assert packed == b"".join(sorted([a, b]))
    assert known.unpack(packed + b"xyz") == {a, b}


def test_opening_library_icons_parses_only_the_unknown_ones(
    parses: list[str],
) -> None:
    """The worker's open (Api) renders stored library icons without a parse;
    the same drawing tampered with, and a picture, are parsed and sanitized."""
    import json

    from linework.bridge.api import Api

    icon_data.ensure_mapped_icons()
    icon_data.ensure_known_icons()
    keys = sorted(mapping_targets())[:3]
    found = [bundled_icon(k) for k in keys]
    srcs = [icon_src(f.svg) for f in found if f is not None]
    assert len(srcs) == 3 and all(known.is_known(s) for s in srcs)
    hostile = _uri(_svg(srcs[0]).replace("<svg ", '<svg onload="alert(1)" ', 1))
    picture = _uri('<svg xmlns="http://www.w3.org/2000/svg"><circle r="3"/></svg>')
    els = [
        {
            "type": "shape",
            "id": f"i{i}",
            "layer": "l1",
            "kind": "icon",
            "box": {"x": 10.0 + 80 * i, "y": 10.0, "w": 64.0, "h": 64.0},
            "props": {"src": src},
        }
        for i, src in enumerate([*srcs, hostile, picture])
    ]
    message = file_open(one_page(els, 800.0, 200.0), "i.linework")
    parses.clear()  # making the stored forms above parsed the library SVGs
    pictures.safe_src.cache_clear()
    reply = Api().handle(json.dumps(message))
    assert json.loads(reply)["ok"] is True
    # Two parses: the tampered icon and the picture; none for the three known.
    assert 2 == len(parses)
    assert "onload" in parses[0] or "onload" in parses[1]
    assert "onload" not in reply and "alert" not in reply
    # The known icons are drawn with their stored bytes.
    for src in srcs:
        assert src in reply


def test_the_carried_icons_are_known_and_fixed_points_of_todays_sanitizer() -> None:
    """Every icon an import maps to is known, and the full sanitizer still gives
    its stored form back unchanged (a table made by an older sanitizer would not)."""
    icon_data.ensure_mapped_icons()
    icon_data.ensure_known_icons()
    for key in sorted(mapping_targets()):
        found = bundled_icon(key)
        assert found is not None, key
        stored = icon_src(found.svg)
        assert known.is_known(stored), key
        assert pictures.sanitize_src(stored) == stored, key
