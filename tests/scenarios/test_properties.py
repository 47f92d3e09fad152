"""Property: any sequence of user input, then undo all of it, gives the original.

Hypothesis drives the real editor with the browser's events (drags, clicks,
keys, actions, cancelled drags, text edits). The driver checks after every
event that the DOM ops reproduce the page, so this also fuzzes the renderer
protocol.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scenarios.driver import TestEditor

coord = st.integers(min_value=0, max_value=60).map(lambda v: v * 10.0)
# Points where things are: the seed shapes' centres and ports, the rectangle's
# se and rotate handles when selected, and a little beside them.
HOT = [
    (100.0, 100.0),
    (160.0, 100.0),
    (100.0, 130.0),
    (170.0, 140.0),
    (100.0, 42.0),
    (400.0, 300.0),
    (340.0, 300.0),
    (400.0, 260.0),
    (120.0, 120.0),
    (420.0, 330.0),
]
point = st.one_of(st.sampled_from(HOT), st.tuples(coord, coord))

ACTIONS = (
    "align-left",
    "align-middle",
    "distribute-h",
    "to-front",
    "send-backward",
    "group",
    "ungroup",
    "duplicate",
    "delete",
    "lock",
    "unlock",
    "copy-style",
    "paste-style",
    "select-all",
    "add-layer",
    "add-page",
    "next-page",
    "previous-page",
    "cut",
    "paste",
    "clear-waypoints",
)


@st.composite
def inputs(draw: st.DrawFn) -> list[tuple[str, tuple[object, ...]]]:
    """A list of (what, arguments) user inputs."""
    out: list[tuple[str, tuple[object, ...]]] = []
    for _ in range(draw(st.integers(min_value=1, max_value=14))):
        what = draw(
            st.sampled_from(
                [
                    "drop",
                    "drop",
                    "drag",
                    "drag-shift",
                    "click",
                    "shift-click",
                    "cancelled-drag",
                    "key",
                    "action",
                    "text",
                    "style",
                    "connect",
                ]
            )
        )
        match what:
            case "drop":
                out.append(
                    (
                        what,
                        (
                            draw(st.sampled_from(["rectangle", "ellipse", "diamond"])),
                            *draw(point),
                        ),
                    )
                )
            case "drag" | "drag-shift" | "cancelled-drag":
                out.append((what, (draw(point), draw(point))))
            case "click" | "shift-click" | "text":
                out.append((what, draw(point)))
            case "key":
                out.append(
                    (
                        what,
                        (
                            draw(
                                st.sampled_from(
                                    [
                                        "ArrowLeft",
                                        "ArrowDown",
                                        "Delete",
                                        "Escape",
                                        "Tab",
                                    ]
                                )
                            ),
                        ),
                    )
                )
            case "action":
                out.append((what, (draw(st.sampled_from(ACTIONS)),)))
            case "style":
                out.append(
                    (what, (draw(st.sampled_from(["#ff0000", "#00ff00", "none"])),))
                )
            case "connect":
                out.append((what, (draw(st.integers(1, 6)), draw(st.integers(1, 6)))))
    return out


def _run(t: TestEditor, what: str, args: tuple[object, ...]) -> None:
    match what:
        case "drop":
            kind, x, y = args
            t.drop_shape(kind, x, y)  # type: ignore[arg-type]
        case "drag":
            t.drag(*args, steps=3)  # type: ignore[arg-type]
        case "drag-shift":
            t.drag(*args, steps=2, shift=True)  # type: ignore[arg-type]
        case "cancelled-drag":
            a, b = args
            t.drag(a, b, steps=2, release=False)  # type: ignore[arg-type]
            t.key_down("Escape").pointer_up(*b)  # type: ignore[misc]
        case "click":
            t.click(*args)  # type: ignore[arg-type]
        case "shift-click":
            t.click(*args, shift=True)  # type: ignore[arg-type]
        case "text":
            t.double_click(*args)  # type: ignore[arg-type]
            edit = t.ui["edit_text"]
            if edit is not None:
                t.action("set-text", id=edit["id"], text="<i>x</i>")
        case "key":
            t.key_down(str(args[0]))
        case "action":
            t.action(str(args[0]))
        case "style":
            t.action("set-style", fields={"fill": args[0]})
        case "connect":
            a, b = args
            t.action(
                "connect",
                source={"shape": f"shape:{a}"},
                target={"shape": f"shape:{b}"},
            )


@given(inputs())
def test_any_input_then_undo_all_returns_the_original(
    events: list[tuple[str, tuple[object, ...]]],
) -> None:
    """Undo everything restores the start; redo everything restores the end."""
    seed = TestEditor()
    seed.drop_shape("rectangle", 100, 100).drop_shape("ellipse", 400, 300)
    t = TestEditor(seed.doc)
    start = t.encoded()
    for what, args in events:
        _run(t, what, args)
    t.action("end-edit")
    final = t.encoded()

    while t.ui["can_undo"]:
        t.key_down("z", ctrl=True)
    assert start == t.encoded()
    assert not t.ui["dirty"]
    while t.ui["can_redo"]:
        t.key_down("y", ctrl=True)
    assert final == t.encoded()
