"""The readers' record builders give exactly the records the constructors give."""

from __future__ import annotations

import copy
from dataclasses import fields, replace

from linework.geometry import Box, Vec
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Shape,
    Style,
    frozen_map,
)
from linework.model.builders import attached_to, new_connector, new_shape


def _values(rec: object) -> dict[str, object]:
    return {f.name: getattr(rec, f.name) for f in fields(rec)}  # type: ignore[arg-type]


def test_new_shape_equals_the_constructor_field_for_field() -> None:
    kwargs: dict[str, object] = {
        "id": "s1",
        "page": "p1",
        "layer": "l1",
        "parent": "g1",
        "z": 7,
        "kind": "diamond",
        "box": Box(1.0, 2.0, 30.0, 40.0),
        "rotation_deg": 15.0,
        "style": Style(fill="#ff0000"),
        "text": "Hello",
        "rich": None,
        "link": "https://example.com",
        "props": frozen_map({"n": 5}),
        "locked": True,
        "extra": frozen_map({"x-future": 1}),
    }
    # Every field is given, in declaration order: a new field breaks this.
    assert list(kwargs) == [f.name for f in fields(Shape)]
    built = new_shape(*kwargs.values())  # type: ignore[arg-type]
    made = Shape(**kwargs)  # type: ignore[arg-type]
    assert built == made
    assert _values(built) == _values(made)
    assert type(built) is Shape
    assert replace(built, text="Bye") == replace(made, text="Bye")
    assert copy.copy(built) == made


def test_new_connector_and_attached_equal_the_constructors() -> None:
    kwargs: dict[str, object] = {
        "id": "c1",
        "page": "p1",
        "layer": "l1",
        "parent": None,
        "z": 3,
        "source": attached_to("s1"),
        "target": Attached(shape="s2", port="n"),
        "waypoints": (Vec(1.0, 2.0),),
        "routing": "curved",
        "style": DEFAULT_STYLE,
        "labels": (ConnectorLabel(text="yes"),),
        "locked": False,
        "extra": frozen_map(),
    }
    assert list(kwargs) == [f.name for f in fields(Connector)]
    built = new_connector(*kwargs.values())  # type: ignore[arg-type]
    made = Connector(**kwargs)  # type: ignore[arg-type]
    assert built == made
    assert _values(built) == _values(made)
    assert attached_to("s1") == Attached(shape="s1")
    assert _values(attached_to("s1")) == {"shape": "s1", "port": None, "anchor": None}
    assert [f.name for f in fields(Attached)] == ["shape", "port", "anchor"]
