"""Write the UML and ER templates in ``src/linework/templates/`` with the core.

Each template is a ``.linework`` file whose meta title is the gallery's title:
``uml-class``, ``uml-sequence`` and ``er-model``. Run by developers when the
kinds change (``python tools/make_uml_templates.py``); the files are committed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from linework import commands as cmd
from linework.commands.rows import add_row
from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import (
    DEFAULT_STYLE,
    Attached,
    Document,
    IdSource,
    Patch,
    Shape,
    Transaction,
    frozen_map,
)
from linework.shapes.relations import RELATIONS

OUT = Path(__file__).resolve().parents[1] / "src" / "linework" / "templates"


class Builder:
    """A document built shape by shape through the commands (as the editor does)."""

    def __init__(self, title: str) -> None:
        self.ids = IdSource()
        self.doc = Document.new(self.ids)
        self.doc = replace(self.doc, meta=frozen_map({"title": title}))
        self.page = self.doc.pages()[0].id
        self.layer = self.doc.layers(self.page)[0].id

    def _apply(self, patch: Patch) -> str:
        self.doc = self.doc.apply(patch)
        return next(iter(patch.added))

    def shape(
        self,
        kind: str,
        x: float,
        y: float,
        w: float | None = None,
        h: float | None = None,
        *,
        text: str = "",
        props: Mapping[str, Any] | None = None,
    ) -> str:
        """Add a shape of ``kind`` (its defaults, then ``text`` and ``props``)."""
        box = None if w is None or h is None else Box(x, y, w, h)
        rid = self._apply(
            cmd.add_shape(
                self.doc,
                self.ids,
                page=self.page,
                layer=self.layer,
                kind=kind,
                box=box,
                center=None if box else Vec(x, y),
                text=text,
            )
        )
        if props:
            el = self.doc.typed(rid, Shape)
            t = Transaction(self.doc)
            t.put(replace(el, props=frozen_map({**el.props, **props})))
            self.doc = self.doc.apply(t.patch())
        return rid

    def rows(self, rid: str, rows: list[list[str]]) -> None:
        """Replace a class's or table's rows, compartment by compartment (growing it)."""
        el = self.doc.typed(rid, Shape)
        t = Transaction(self.doc)
        t.put(
            replace(
                el,
                props=frozen_map(
                    {**el.props, "rows": [], "compartments": [0] * len(rows)}
                ),
            )
        )
        self.doc = self.doc.apply(t.patch())
        for c, texts in enumerate(rows):
            for text in texts:
                self.doc = self.doc.apply(
                    add_row(self.doc, rid, compartment=c, text=text)
                )

    def level_with(self, rid: str, other: str) -> None:
        """Move a shape up or down so its middle is level with ``other``'s: a
        class grows with its rows, and a side-to-side connector between two
        middles a few pixels apart got a kink."""
        el = self.doc.typed(rid, Shape)
        to = self.doc.typed(other, Shape).box
        dy = (to.y + to.h / 2) - (el.box.y + el.box.h / 2)
        t = Transaction(self.doc)
        t.put(replace(el, box=replace(el.box, y=el.box.y + dy)))
        self.doc = self.doc.apply(t.patch())

    def connect(
        self,
        a: str,
        b: str,
        relation: str,
        *,
        ports: tuple[str | None, str | None] = (None, None),
        text: str = "",
        routing: str = "orthogonal",
    ) -> str:
        """Connect two shapes with a relation preset (``shapes.relations``)."""
        fields = dict(RELATIONS[relation]["fields"])
        style = replace(DEFAULT_STYLE, **fields)
        return self._apply(
            cmd.connect(
                self.doc,
                self.ids,
                page=self.page,
                layer=self.layer,
                source=Attached(shape=a, port=ports[0]),
                target=Attached(shape=b, port=ports[1]),
                routing=routing,  # type: ignore[arg-type]
                style=style,
                text=text,
            )
        )

    def write(self, name: str) -> None:
        """Write ``<name>.linework``."""
        OUT.mkdir(parents=True, exist_ok=True)
        (OUT / f"{name}.linework").write_bytes(native.encode(self.doc))


def uml_class() -> None:
    """A small domain model: an interface, an abstract class, two subclasses."""
    b = Builder("UML class diagram")
    shape = b.shape("uml-interface", 360, 40, 240, 76, text="Drawable")
    b.rows(shape, [["+ draw(canvas: Canvas): void"]])
    base = b.shape(
        "uml-class", 360, 200, 240, 120, text="Shape", props={"abstract": True}
    )
    b.rows(
        base,
        [
            ["# id: UUID", "# position: Point"],
            ["+ area(): float", "+ move(dx, dy): void"],
        ],
    )
    circle = b.shape("uml-class", 180, 420, 200, 100, text="Circle")
    b.rows(circle, [["- radius: float"], ["+ area(): float"]])
    rect = b.shape("uml-class", 580, 420, 200, 100, text="Rectangle")
    b.rows(rect, [["- width: float", "- height: float"], ["+ area(): float"]])
    canvas = b.shape("uml-class", 40, 222, 200, 90, text="Canvas")
    b.rows(canvas, [["- shapes: List<Shape>"], ["+ render(): void"]])
    colour = b.shape("uml-enumeration", 760, 200, 160, 120, text="Colour")
    b.rows(colour, [["RED", "GREEN", "BLUE"]])
    b.level_with(colour, base)
    b.level_with(canvas, base)
    b.connect(base, shape, "realization", ports=("n", "s"))
    b.connect(circle, base, "generalization", ports=("n", "s"))
    b.connect(rect, base, "generalization", ports=("n", "s"))
    b.connect(canvas, base, "aggregation", ports=("e", "w"), text="0..*")
    b.connect(base, colour, "dependency", ports=("e", "w"))
    b.shape("uml-note", 40, 420, 120, 60, text="Shapes draw themselves")
    b.write("uml-class")


def uml_sequence() -> None:
    """A login: actor, two lifelines with activations, an alt fragment."""
    b = Builder("UML sequence diagram")
    user = b.shape(
        "uml-lifeline",
        60,
        40,
        100,
        420,
        text="User",
        props={"activations": [[60, 380]]},
    )
    app = b.shape(
        "uml-lifeline",
        280,
        40,
        100,
        420,
        text=":App",
        props={"activations": [[80, 360]]},
    )
    auth = b.shape(
        "uml-lifeline",
        500,
        40,
        100,
        420,
        text=":AuthService",
        props={"activations": [[120, 200], [240, 320]]},
    )
    b.connect(
        user,
        app,
        "message",
        ports=("l2-e", "l2-w"),
        text="login(name, password)",
        routing="straight",
    )
    b.connect(
        app,
        auth,
        "message",
        ports=("l4-e", "l4-w"),
        text="verify()",
        routing="straight",
    )
    b.connect(auth, app, "reply", ports=("l7-w", "l7-e"), text="ok", routing="straight")
    b.shape("uml-fragment", 40, 270, 600, 150, text="alt", props={"dividers": [75]})
    b.shape("text", 100, 276, 80, 20, text="[valid]")
    b.shape("text", 100, 351, 80, 20, text="[else]")
    b.connect(
        app, user, "reply", ports=("l12-w", "l12-e"), text="welcome", routing="straight"
    )
    b.connect(
        app,
        user,
        "reply",
        ports=("l16-w", "l16-e"),
        text="try again",
        routing="straight",
    )
    b.write("uml-sequence")


def er_model() -> None:
    """Customers, orders and products with keys, joined row to row."""
    b = Builder("ER model")
    customer = b.shape("er-entity", 40, 60, 200, 100, text="customer")
    b.rows(customer, [["PK id: int", "name: text", "email: text"]])
    order = b.shape("er-entity", 340, 60, 220, 100, text="order")
    b.rows(order, [["PK id: int", "FK customer_id: int", "placed_at: timestamp"]])
    item = b.shape("er-entity", 340, 260, 220, 100, text="order_item")
    b.rows(item, [["PK,FK1 order_id: int", "PK,FK2 product_id: int", "quantity: int"]])
    product = b.shape("er-entity", 40, 260, 200, 100, text="product")
    b.rows(product, [["PK id: int", "name: text", "price: numeric"]])
    b.connect(customer, order, "er-one-to-zero-or-many", ports=("row0-e", "row1-w"))
    b.connect(order, item, "er-one-to-many", ports=("row0-e", "row0-e"))
    b.connect(product, item, "er-one-to-zero-or-many", ports=("row0-e", "row1-w"))
    b.write("er-model")


if __name__ == "__main__":
    uml_class()
    uml_sequence()
    er_model()
