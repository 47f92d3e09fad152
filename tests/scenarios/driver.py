"""TestEditor: drives the real Editor with the event dicts the browser sends.

Every response's ops are applied to a tiny model of the canvas DOM (an ordered
list of ``[id, svg]``), exactly as ``web/`` applies them, and the result is
checked against a fresh render of the page after every event, so any test that
uses the driver also proves the ops are complete, ordered and minimal enough
to reproduce the page.
"""

from __future__ import annotations

import json
from typing import Any

from linework.editor import Editor
from linework.formats import native
from linework.geometry import Vec
from linework.model import Connector, Document, IdSource, Shape
from linework.render import Renderer
from linework.routing import route


class DomModel:
    """The canvas element layer as the browser holds it: ids in order, with SVG."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.offsets: dict[str, tuple[float, float]] = {}

    def apply(self, ops: list[dict[str, Any]]) -> None:
        """Apply ops the way ``web/`` does; fail on an op the browser could not do."""
        for op in ops:
            match op["op"]:
                case "reset":
                    self.items = [(i, s) for i, s in op["elements"]]
                    self.offsets.clear()
                case "translate":
                    ids = [i for i, _ in self.items]
                    assert set(op["ids"]) <= set(ids), "translate of a missing element"
                    for rid in op["ids"]:
                        self.offsets[rid] = (op["dx"], op["dy"])
                case "remove":
                    self.items = [it for it in self.items if it[0] != op["id"]]
                    self.offsets.pop(op["id"], None)
                case "upsert":
                    self.items = [it for it in self.items if it[0] != op["id"]]
                    self.offsets.pop(op["id"], None)
                    before = op["before"]
                    if before is None:
                        self.items.append((op["id"], op["svg"]))
                    else:
                        ids = [i for i, _ in self.items]
                        assert before in ids, (
                            f"upsert {op['id']} before missing {before}"
                        )
                        self.items.insert(ids.index(before), (op["id"], op["svg"]))
                case other:
                    raise AssertionError(f"unknown op {other}")


class TestEditor:
    """Chainable driver: ``t.pointer_down(10, 10).pointer_move(50, 10).pointer_up(50, 10)``."""

    __test__ = False  # not a pytest test class

    def __init__(self, doc: Document | None = None, *, check_dom: bool = True) -> None:
        self.editor = Editor(doc, IdSource(doc.records if doc else ()))
        self.zoom = 1.0
        self.dom = DomModel()
        self.check_dom = check_dom
        self.response: dict[str, Any] = {}
        self.send({"type": "refresh"})

    # --- plumbing -----------------------------------------------------------
    def send(self, event: dict[str, Any]) -> TestEditor:
        """Send one event through a JSON round trip, as the bridge will."""
        wire = json.loads(json.dumps(event))
        self.response = json.loads(json.dumps(self.editor.handle(wire)))
        self.dom.apply(self.response["ops"])
        if self.check_dom and not self.previewing:
            self.assert_dom_matches()
        return self

    @property
    def previewing(self) -> bool:
        """Return whether nodes are shown translated (a large drag or move)."""
        pending = self.response.get("ui", {}).get("pending", 0)
        return bool(pending) or any(d != (0, 0) for d in self.dom.offsets.values())

    def flush(self) -> TestEditor:
        """Send ``idle`` until every node has its real fragment, as the browser does."""
        for _ in range(10_000):
            if not self.ui["pending"]:
                break
            self.send({"type": "idle"})
        assert not self.ui["pending"]
        return self

    def assert_dom_matches(self) -> None:
        """Check the modelled DOM equals a fresh render of the page on screen."""
        fresh = Renderer().page_fragments(self.doc, self.editor.page_id)
        assert [tuple(x) for x in fresh] == self.dom.items

    def _pointer(
        self, kind: str, x: float, y: float, mods: dict[str, bool]
    ) -> TestEditor:
        return self.send(
            {
                "type": kind,
                "x": x,
                "y": y,
                "button": 0,
                "shift": mods.get("shift", False),
                "ctrl": mods.get("ctrl", False),
                "alt": mods.get("alt", False),
                "meta": mods.get("meta", False),
                "zoom": self.zoom,
                "detail": 1,
            }
        )

    # --- input ---------------------------------------------------------------
    def pointer_down(self, x: float, y: float, **mods: bool) -> TestEditor:
        """Press the main button at a page point."""
        return self._pointer("pointerdown", x, y, mods)

    def pointer_move(self, x: float, y: float, **mods: bool) -> TestEditor:
        """Move the pointer to a page point."""
        return self._pointer("pointermove", x, y, mods)

    def pointer_up(self, x: float, y: float, **mods: bool) -> TestEditor:
        """Release the main button."""
        return self._pointer("pointerup", x, y, mods)

    def click(self, x: float, y: float, **mods: bool) -> TestEditor:
        """Hover, press and release at one point."""
        return (
            self.pointer_move(x, y, **mods)
            .pointer_down(x, y, **mods)
            .pointer_up(x, y, **mods)
        )

    def drag(
        self,
        start: tuple[float, float],
        end: tuple[float, float],
        *,
        steps: int = 4,
        release: bool = True,
        **mods: bool,
    ) -> TestEditor:
        """Press at ``start``, move in ``steps`` to ``end`` and (by default) release."""
        self.pointer_move(*start, **mods).pointer_down(*start, **mods)
        for i in range(1, steps + 1):
            k = i / steps
            self.pointer_move(
                start[0] + (end[0] - start[0]) * k,
                start[1] + (end[1] - start[1]) * k,
                **mods,
            )
        if release:
            self.pointer_up(*end, **mods)
        return self

    def double_click(self, x: float, y: float) -> TestEditor:
        """Double-click (the browser sends two clicks, then dblclick)."""
        self.click(x, y).click(x, y)
        return self.send({"type": "dblclick", "x": x, "y": y, "zoom": self.zoom})

    def key_down(self, key: str, code: str = "", **mods: bool) -> TestEditor:
        """Press a key with modifiers (``ctrl=True``, ``shift=True``, …)."""
        return self.send(
            {
                "type": "keydown",
                "key": key,
                "code": code,
                "shift": mods.get("shift", False),
                "ctrl": mods.get("ctrl", False),
                "alt": mods.get("alt", False),
                "meta": mods.get("meta", False),
            }
        )

    def action(self, action_name: str, /, **args: Any) -> TestEditor:
        """Run a toolbar action (``name`` may also be one of its arguments)."""
        return self.send({"type": "action", "name": action_name, "args": args})

    def drop_shape(self, kind: str, x: float, y: float) -> TestEditor:
        """Drop a palette entry on the canvas."""
        return self.send({"type": "drop-shape", "kind": kind, "x": x, "y": y})

    # --- reading -------------------------------------------------------------
    @property
    def doc(self) -> Document:
        """Return the editor's document."""
        return self.editor.document

    @property
    def ui(self) -> dict[str, Any]:
        """Return the last response's UI state."""
        return self.response["ui"]  # type: ignore[no-any-return]

    @property
    def ops(self) -> list[dict[str, Any]]:
        """Return the last response's ops."""
        return self.response["ops"]  # type: ignore[no-any-return]

    @property
    def overlay(self) -> str:
        """Return the last response's overlay SVG."""
        return self.response["overlay"]  # type: ignore[no-any-return]

    @property
    def selection(self) -> list[str]:
        """Return the selected ids."""
        return self.ui["selection"]  # type: ignore[no-any-return]

    def shape(self, rid: str) -> Shape:
        """Return a shape of the document."""
        return self.doc.typed(rid, Shape)

    def connector(self, rid: str) -> Connector:
        """Return a connector of the document."""
        return self.doc.typed(rid, Connector)

    def route_points(self, rid: str) -> tuple[Vec, ...]:
        """Return a connector's routed points."""
        return route(self.doc, self.connector(rid)).points

    def encoded(self) -> bytes:
        """Return the document as ``.linework`` bytes (what a save would write)."""
        return native.encode(self.doc)

    def svg_of(self, rid: str) -> str:
        """Return the element's SVG as the modelled DOM holds it."""
        return dict(self.dom.items)[rid]
