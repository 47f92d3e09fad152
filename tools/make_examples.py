"""Write the example documents in ``examples/`` (run by developers, not at build time).

The examples double as golden fixtures: ``tests/golden/<name>.svg`` holds the
rendering of each one's first page, refreshed with ``pytest --update-golden``.

Usage: python tools/make_examples.py
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import (
    ARROWHEADS,
    DEFAULT_STYLE,
    Attached,
    Connector,
    ConnectorLabel,
    Document,
    Free,
    Group,
    IdSource,
    Page,
    Shape,
    Style,
    Transaction,
)
from linework.render import content_bounds
from linework.shapes import DEFAULT_KINDS

OUT = Path(__file__).resolve().parents[1] / "examples"

# Every kind of the registry, in palette order, so a new kind joins the example.
BASIC = tuple(k.name for k in DEFAULT_KINDS if k.library == "basic")
FLOWCHART = tuple(k.name for k in DEFAULT_KINDS if k.library == "flowchart")
# A 2×2 PNG (red, green / blue, white), small enough to read in the file.
TINY_PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4"
    "2mO4Y2RktCCAQSPqzv///wEl6Aa+RAmzBAAAAABJRU5ErkJggg=="
)


class Builder:
    """A tiny helper to write example documents readably."""

    def __init__(self, page_name: str = "Page 1") -> None:
        self.ids = IdSource()
        self.doc = Document.new(self.ids, page_name)
        self.page = self.doc.pages()[0].id
        self.layer = self.doc.layers(self.page)[0].id
        self.tx = Transaction(self.doc)
        self.z = 0

    def _z(self) -> int:
        self.z += 1
        return self.z

    def shape(
        self,
        kind: str,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str = "",
        parent: str | None = None,
        **style: object,
    ) -> str:
        sid = self.ids.new("shape")
        props = {"src": TINY_PNG} if kind == "image" else {}
        self.tx.put(
            Shape(
                id=sid,
                page=self.page,
                layer=self.layer,
                parent=parent,
                z=self._z(),
                kind=kind,
                box=Box(x, y, w, h),
                style=replace(DEFAULT_STYLE, **style) if style else DEFAULT_STYLE,  # type: ignore[arg-type]
                text=text,
                props=props,
            )
        )
        return sid

    def connect(
        self,
        a: str | Vec,
        b: str | Vec,
        label: str = "",
        routing: str = "orthogonal",
        a_port: str | None = None,
        b_port: str | None = None,
        waypoints: tuple[Vec, ...] = (),
        **style: object,
    ) -> str:
        cid = self.ids.new("conn")

        def end(x: str | Vec, port: str | None) -> Attached | Free:
            return Attached(shape=x, port=port) if isinstance(x, str) else Free(point=x)

        self.tx.put(
            Connector(
                id=cid,
                page=self.page,
                layer=self.layer,
                z=self._z(),
                source=end(a, a_port),
                target=end(b, b_port),
                routing=routing,  # type: ignore[arg-type]
                waypoints=waypoints,
                style=replace(DEFAULT_STYLE, **style) if style else DEFAULT_STYLE,  # type: ignore[arg-type]
                labels=(ConnectorLabel(text=label),) if label else (),
            )
        )
        return cid

    def group(self) -> str:
        gid = self.ids.new("group")
        self.tx.put(Group(id=gid, page=self.page, layer=self.layer, z=self._z()))
        return gid

    def done(self) -> Document:
        return fit_page(self.doc.apply(self.tx.patch()), self.page)


def fit_page(doc: Document, page_id: str, margin: float = 20.0) -> Document:
    """Grow the page (never shrink it) to hold its rendered content plus ``margin``.

    The size is rounded up to whole grid cells, so the page edge meets the grid.
    """
    page = doc.typed(page_id, Page)
    box = content_bounds(doc, doc.elements(page_id))
    if box is None:
        return doc
    cell = page.grid.size or 10.0

    def fit(size: float, far: float) -> float:
        return max(size, math.ceil((far + margin) / cell) * cell)

    grown = replace(
        page, width=fit(page.width, box.right), height=fit(page.height, box.bottom)
    )
    if grown == page:
        return doc
    tx = Transaction(doc)
    tx.put(grown)
    return doc.apply(tx.patch())


def flowchart() -> Document:
    """A small order-handling flowchart with a decision and a loop back."""
    b = Builder("Order flow")
    start = b.shape("terminator", 240, 20, 140, 50, "Order received", fill="#e3f2fd")
    check = b.shape("decision", 230, 120, 160, 100, "In stock?", fill="#fff8e1")
    pick = b.shape("process", 240, 270, 140, 60, "Pick and pack the items")
    ship = b.shape("data", 230, 380, 160, 60, "Send tracking number")
    end = b.shape("terminator", 240, 490, 140, 50, "Done", fill="#e8f5e9")
    order = b.shape("predefined-process", 470, 140, 150, 60, "Reorder from supplier")
    b.connect(start, check, a_port="s", b_port="n")
    b.connect(check, pick, "yes", a_port="s", b_port="n")
    b.connect(check, order, "no", a_port="e", b_port="w")
    b.connect(order, pick, "restocked", a_port="s", b_port="e", dash="dashed")
    b.connect(pick, ship, a_port="s", b_port="n")
    b.connect(ship, end, a_port="s", b_port="n")
    return b.done()


def architecture() -> Document:
    """A web app: browser, load balancer, two app servers, database and cache."""
    b = Builder("Architecture")
    zone = b.shape(
        "rounded-rectangle",
        200,
        20,
        420,
        360,
        "Private network",
        fill="#f5f7fa",
        stroke="#9aa5b1",
        dash="dashed",
        valign="top",
        corner_radius=12.0,
    )
    del zone
    user = b.shape(
        "rectangle", 20, 170, 120, 60, "Browser", fill="#e3f2fd", shadow=True
    )
    lb = b.shape("hexagon", 230, 170, 120, 60, "Load balancer", fill="#ede7f6")
    grp = b.group()
    app1 = b.shape("rectangle", 420, 70, 160, 60, "App server 1", parent=grp, bold=True)
    app2 = b.shape(
        "rectangle", 420, 270, 160, 60, "App server 2", parent=grp, bold=True
    )
    db = b.shape("cylinder", 680, 150, 110, 100, "Orders DB", fill="#fff3e0")
    cache = b.shape("cloud", 660, 20, 150, 90, "Cache", fill="#e0f7fa")
    b.connect(user, lb, "HTTPS", a_port="e", b_port="w", start_arrow="none")
    b.connect(lb, app1, routing="orthogonal")
    b.connect(lb, app2, routing="orthogonal")
    b.connect(
        app1, db, "SQL", routing="curved", start_arrow="er-one", end_arrow="er-many"
    )
    b.connect(app2, db, routing="curved", start_arrow="er-one", end_arrow="er-many")
    b.connect(app1, cache, routing="straight", dash="dotted", end_arrow="open")
    return b.done()


def every_shape() -> Document:
    """Every shape kind in a grid, then every arrowhead on a line of its own."""
    b = Builder("All shapes")
    col_w, row_h = 140, 110
    for i, kind in enumerate(BASIC + FLOWCHART):
        x = 20 + (i % 7) * col_w
        y = 20 + (i // 7) * row_h
        b.shape(kind, x, y, 110, 70, kind.replace("-", " "), font_size=12.0)
    top = 20 + ((len(BASIC) + len(FLOWCHART) + 6) // 7) * row_h
    for j, head in enumerate(ARROWHEADS):
        y = top + j * 28
        b.connect(
            Vec(40, y),
            Vec(260, y),
            head,
            routing="straight",
            start_arrow="none",
            end_arrow=head,
        )
        b.connect(
            Vec(520, y),
            Vec(360, y),
            routing="straight",
            end_arrow=head,
            stroke_width=3.0,
            stroke="#c62828",
        )
    styled = Style(fill="#ffeb3b", stroke="#6d4c41", stroke_width=3.0, opacity=0.8)
    b.tx.put(
        Shape(
            id=b.ids.new("shape"),
            page=b.page,
            layer=b.layer,
            z=b._z(),
            kind="star",
            box=Box(700, top, 120, 120),
            rotation_deg=15.0,
            style=styled,
            text="rotated & <escaped>",
            link="https://example.org/docs",
        )
    )
    return b.done()


EXAMPLES = {
    "flowchart": flowchart,
    "architecture": architecture,
    "every-shape": every_shape,
}


def main() -> None:
    """Write every example file."""
    OUT.mkdir(exist_ok=True)
    for name, make in EXAMPLES.items():
        path = OUT / f"{name}.linework"
        path.write_bytes(native.encode(make()) + b"\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
