"""The nesting pre-scan that keeps hostile JSON from reaching a parser."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from linework.errors import LineworkError
from linework.formats import limits


def reference_depth(text: str) -> int:
    """The scan spelled out character by character (the definition)."""
    depth = best = 0
    in_str = esc = False
    for ch in text:
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            best = max(best, depth)
        elif ch in "]}":
            depth -= 1
    return best


@given(st.text(alphabet='[]{}"\\ a\n', max_size=200))
def test_depth_matches_the_definition_on_any_text(text: str) -> None:
    """Brackets in strings, escapes, unterminated strings: the same answer."""
    assert reference_depth(text) == limits.json_depth(text)


@given(st.recursive(st.none() | st.text(max_size=5), lambda c: st.lists(c, max_size=3)))
def test_depth_of_real_json(value: object) -> None:
    """On real JSON the depth is the nesting of its arrays."""
    text = json.dumps(value)
    assert reference_depth(text) == limits.json_depth(text)


def test_deep_nesting_is_refused_before_parsing() -> None:
    """A small file nested 10,000 deep gets its code, not a parser crash."""
    with pytest.raises(LineworkError) as caught:
        limits.check_json_depth("[" * 10_000 + "]" * 10_000)
    assert "LW-E0106" == caught.value.code


def test_brackets_inside_a_long_string_do_not_count() -> None:
    """A megabyte of brackets inside one string is depth 1."""
    text = json.dumps(["[{" * 500_000])
    assert 1 == limits.json_depth(text)
    limits.check_json_depth(text)


@given(
    st.text(alphabet='[]{}"\\ aé\n', max_size=200),
    st.integers(min_value=0, max_value=8),
)
def test_a_quick_shallow_proof_is_never_wrong(text: str, limit: int) -> None:
    """surely_shallow says yes only when the definition's depth is within the limit."""
    if limits.surely_shallow(text.encode(), limit):
        assert reference_depth(text) <= limit


@given(st.recursive(st.none() | st.text(max_size=5), lambda c: st.lists(c, max_size=3)))
def test_a_quick_shallow_proof_holds_for_real_json(value: object) -> None:
    """Real JSON is proven shallow for twice its depth, never below its depth."""
    text = json.dumps(value)
    depth = reference_depth(text)
    if '\\"' not in text:  # an escaped quote leaves it to the exact scan
        assert limits.surely_shallow(text.encode(), 2 * depth)
    assert not limits.surely_shallow(text.encode(), depth - 1)


def test_big_files_are_proven_shallow_and_deep_ones_still_refused() -> None:
    """The open of a big file skips the exact scan; deep nesting still gets its code."""
    doc = {"elements": [{"box": {"x": 1}, "text": "[[[{"} for _ in range(5000)]}
    assert limits.surely_shallow(json.dumps(doc).encode())
    assert limits.json_text(json.dumps(doc).encode())
    deep = b'{"a":' * 40 + b"[" * 30 + b"1" + b"]" * 30 + b"}" * 40
    assert not limits.surely_shallow(deep)
    with pytest.raises(LineworkError) as caught:
        limits.json_text(deep)
    assert caught.value.code == "LW-E0106"
    assert "nested 70 levels deep" in caught.value.detail


@given(st.text(alphabet='\\"a', max_size=300))
def test_the_escaped_quote_scan_agrees_with_a_plain_search(text: str) -> None:
    """Backslashes looked at one by one, or past the first few a search: the same."""
    data = text.encode()
    assert limits._has_escaped_quote(data) == (b'\\"' in data)
    assert limits._has_escaped_quote(b"\\n" * 100 + data) == (b'\\"' in data)
