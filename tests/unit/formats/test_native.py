"""The .linework v1 codec: canonical output, exact error places, limits, hostile input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

from linework.errors import LineworkError
from linework.formats import limits, native
from linework.model import Document, Shape
from sample_docs import document as sample_document
from strategies import documents


def _minimal(**element: Any) -> dict[str, Any]:
    el = {
        "type": "shape",
        "id": "shape:1",
        "layer": "layer:1",
        "kind": "rectangle",
        "box": {"x": 0, "y": 0, "w": 10, "h": 10},
    }
    el.update(element)
    return {
        "format": "linework",
        "version": 1,
        "pages": [
            {
                "id": "page:1",
                "name": "P",
                "layers": [{"id": "layer:1", "name": "L"}],
                "elements": [el],
            }
        ],
    }


def _error(raw: Any) -> LineworkError:
    data = raw if isinstance(raw, bytes) else json.dumps(raw).encode()
    with pytest.raises(LineworkError) as info:
        native.decode(data)
    return info.value


@settings(max_examples=60, deadline=None)
@given(documents())
def test_round_trip_is_identical(doc: Document) -> None:
    """read → write → read gives the same document, and writing is canonical."""
    data = native.encode(doc)
    again = native.decode(data)

    assert native.encode(again) == data
    assert native.decode(native.encode(again)) == again


def test_unknown_keys_of_newer_minor_version_are_kept() -> None:
    """Keys this version does not know survive a round trip at every level."""
    raw = _minimal(future_field={"a": 1}, style={"fill": "#ff0000", "glow": 3})
    raw["pages"][0]["future_page"] = True
    raw["pages"][0]["layers"][0]["tint"] = "#000000"
    raw["meta"] = {"author": "x"}
    raw["future_top"] = [1, 2]

    out = json.loads(native.encode(native.decode(json.dumps(raw).encode())))

    assert out["future_top"] == [1, 2]
    assert out["pages"][0]["future_page"] is True
    assert out["pages"][0]["layers"][0]["tint"] == "#000000"
    assert out["pages"][0]["elements"][0]["future_field"] == {"a": 1}
    assert out["pages"][0]["elements"][0]["style"] == {"fill": "#ff0000", "glow": 3}


@pytest.mark.parametrize(
    ("mutate", "place"),
    [
        (
            lambda r: r["pages"][0]["elements"][0]["box"].update(w=0),
            "elements[0].box.w",
        ),
        (
            lambda r: r["pages"][0]["elements"][0]["box"].update(h=-4),
            "elements[0].box.h",
        ),
        (
            lambda r: r["pages"][0]["elements"][0]["box"].update(x="1"),
            "box.x: must be a number",
        ),
        (
            lambda r: r["pages"][0]["elements"][0].update(layer="nope"),
            "elements[0].layer",
        ),
        (
            lambda r: r["pages"][0]["elements"][0].update(type="blob"),
            "elements[0].type",
        ),
        (
            lambda r: r["pages"][0]["elements"][0].update(style={"fill": "red;"}),
            "style.fill",
        ),
        (lambda r: r["pages"][0].update(layers=[]), "pages[0].layers"),
        (lambda r: r.update(pages=[]), "pages: must hold"),
        (lambda r: r.update(format="other"), "format"),
        (
            lambda r: r["pages"][0]["elements"].append(r["pages"][0]["elements"][0]),
            "elements[1].id: duplicate id",
        ),
        (
            lambda r: r["pages"][0]["elements"][0].update(rotation=1e30),
            "elements[0].rotation",
        ),
        (
            lambda r: r["pages"][0]["elements"][0].update(parent="group:9"),
            "names no group",
        ),
    ],
)
def test_validation_names_the_exact_place(mutate: Any, place: str) -> None:
    """Each kind of bad input is refused with LW-E0102 and the path of the problem."""
    raw = _minimal()
    mutate(raw)

    err = _error(raw)

    assert err.code == "LW-E0102"
    assert place in err.detail


def test_connector_to_missing_shape_is_refused() -> None:
    """A connector attached to a shape that does not exist names its end."""
    raw = _minimal()
    raw["pages"][0]["elements"].append(
        {
            "type": "connector",
            "id": "conn:1",
            "layer": "layer:1",
            "source": {"shape": "shape:1"},
            "target": {"shape": "shape:404"},
        }
    )

    err = _error(raw)

    assert "pages[0].elements[1].target.shape" in err.detail


def test_newer_major_version_is_refused_clearly() -> None:
    """A file from a newer major version gets its own code, not a validation error."""
    raw = _minimal()
    raw["version"] = 2

    assert _error(raw).code == "LW-E0103"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"{", "LW-E0101"),
        (b"\xff\xfe{}", "LW-E0107"),
        (
            b'{"format":"linework","version":1,"pages":[{"id":"p","width":NaN}]}',
            "LW-E0102",
        ),
        (b"[" * 10_000 + b"]" * 10_000, "LW-E0106"),
        (b'{"a":' * 5_000 + b"1" + b"}" * 5_000, "LW-E0106"),
    ],
)
def test_hostile_bytes_are_refused_with_a_code(data: bytes, code: str) -> None:
    """Broken, non-UTF-8, NaN and deeply nested inputs fail fast with their own code."""
    assert code == _error(data).code


def test_huge_numbers_are_refused() -> None:
    """Coordinates beyond the sane range are refused, not rendered off to infinity."""
    raw = _minimal(box={"x": 1e300, "y": 0, "w": 10, "h": 10})

    assert "box.x: must be between" in _error(raw).detail


def test_group_cycles_and_deep_nesting_are_refused() -> None:
    """Groups that contain themselves, or nest absurdly deep, are refused without recursion."""
    raw = _minimal()
    els = raw["pages"][0]["elements"]
    els.append({"type": "group", "id": "g:a", "layer": "layer:1", "parent": "g:b"})
    els.append({"type": "group", "id": "g:b", "layer": "layer:1", "parent": "g:a"})
    assert "cycle" in _error(raw).detail

    raw = _minimal()
    els = raw["pages"][0]["elements"]
    for i in range(200):
        parent = {"parent": f"g:{i + 1}"} if i < 199 else {}
        els.append({"type": "group", "id": f"g:{i}", "layer": "layer:1", **parent})
    assert "nest deeper" in _error(raw).detail


def test_too_many_elements_is_refused() -> None:
    """More elements than the limit get LW-E0105 instead of exhausting memory."""
    raw = _minimal()
    el = raw["pages"][0]["elements"][0]
    raw["pages"][0]["elements"] = [
        {**el, "id": f"shape:{i}"} for i in range(limits.MAX_ELEMENTS + 1)
    ]

    assert _error(raw).code == "LW-E0105"


def test_long_strings_are_refused() -> None:
    """A label longer than the limit is refused with its place."""
    raw = _minimal(text="x" * (limits.MAX_TEXT + 1))

    assert "elements[0].text: is" in _error(raw).detail


@pytest.mark.parametrize("position", ["top", "bottom", "left", "right"])
def test_label_position_round_trips(position: str) -> None:
    """An outside label position is read, kept and written back as is."""
    raw = _minimal(style={"label_position": position, "valign": "top"})

    doc = native.decode(json.dumps(raw).encode())
    (shape,) = doc.elements("page:1")
    out = json.loads(native.encode(doc))

    assert isinstance(shape, Shape)
    assert position == shape.style.label_position
    assert {"label_position": position, "valign": "top"} == (
        out["pages"][0]["elements"][0]["style"]
    )


def test_label_position_inside_is_the_default_and_never_written() -> None:
    """Files without the field read as inside, and inside is left out on write,
    so existing files keep their bytes."""
    raw = _minimal(style={"label_position": "inside", "fill": "#ff0000"})

    doc = native.decode(json.dumps(raw).encode())
    out = json.loads(native.encode(doc))

    (shape,) = doc.elements("page:1")
    assert isinstance(shape, Shape)
    assert "inside" == shape.style.label_position
    assert {"fill": "#ff0000"} == out["pages"][0]["elements"][0]["style"]


@pytest.mark.parametrize("bad", ["below", "", 3, None, ["top"]])
def test_label_position_is_validated(bad: Any) -> None:
    """Anything but inside/top/bottom/left/right is refused at its place."""
    err = _error(_minimal(style={"label_position": bad}))

    assert err.code == "LW-E0102"
    assert "elements[0].style.label_position: must be one of inside" in err.detail


def test_cross_arrowhead_is_a_valid_value() -> None:
    """The cross head reads and writes like every other arrowhead."""
    raw = _minimal(style={"end_arrow": "cross", "start_arrow": "cross"})

    out = json.loads(native.encode(native.decode(json.dumps(raw).encode())))

    assert {"end_arrow": "cross", "start_arrow": "cross"} == (
        out["pages"][0]["elements"][0]["style"]
    )


def test_a_lone_surrogate_is_saved_as_its_json_escape() -> None:
    """A label holding a lone UTF-16 surrogate (a file may spell one as
    "\\ud800") saves and reads back the same; UTF-8 has no bytes for it, so it
    is written as the JSON escape (saving failed with LW-E0400 before)."""
    raw = json.dumps(sample_document(text="lone \ud800 é")).encode()
    doc = native.decode(raw)

    saved = native.encode(doc)

    assert b"lone \\ud800 \xc3\xa9 1" in saved
    assert native.decode(saved) == doc
