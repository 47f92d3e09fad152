"""Property: no action, with any JSON arguments, makes ``handle`` raise.

The browser is trusted to follow the protocol, but a bug there (or a hostile
embedder) must get an error response, never a dead editor.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from linework.editor import ACTIONS, Editor
from linework.model import IdSource

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**9), 10**9)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["shape:1", "conn:1", "page:1", "layer:1", "group:1"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
arg_names = st.sampled_from(
    [
        "id",
        "ids",
        "kind",
        "x",
        "y",
        "w",
        "h",
        "text",
        "name",
        "index",
        "fields",
        "data",
        "source",
        "target",
        "routing",
        "start",
        "end",
        "dx",
        "dy",
        "deg",
        "url",
        "tool",
        "snap",
        "on",
        "size",
        "visible",
    ]
)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(ACTIONS)),
            st.dictionaries(arg_names, json_values, max_size=4),
        ),
        max_size=8,
    )
)
def test_actions_with_junk_arguments_answer_instead_of_raising(
    calls: list[tuple[str, dict[str, Any]]],
) -> None:
    """Every response is JSON and the document stays a valid one."""
    ed = Editor(ids=IdSource())
    ed.handle(
        {
            "type": "action",
            "name": "add-shape",
            "args": {"kind": "rectangle", "x": 100, "y": 100},
        }
    )
    ed.handle(
        {
            "type": "action",
            "name": "connect",
            "args": {"source": {"shape": "shape:1"}, "target": {"x": 400, "y": 100}},
        }
    )
    for name, args in calls:
        response = ed.handle({"type": "action", "name": name, "args": args})
        json.dumps(response)
    from linework.formats import native

    native.decode(native.encode(ed.document))
