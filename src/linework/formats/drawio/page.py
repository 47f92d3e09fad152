"""Turning the cells of one draw.io page into Linework records.

The builder works out layers, parents (missing ids and cycles re-rooted),
groups, labels with placeholders and paint order; ``elements`` makes the
shape and connector records themselves.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from linework.errors import LineworkError
from linework.formats import htmltext, limits
from linework.formats.drawio.cells import Cell, Geo, Report
from linework.formats.drawio.charts import chart_depth, mermaid_elements, mermaid_source
from linework.formats.drawio.containers import as_container, is_container_cell, member
from linework.formats.drawio.elements import build_connector, build_shape
from linework.formats.drawio.names import (
    CODE,
    ID_PREFIXES,
    MAX_COORD,
    PLACEHOLDER,
    fresh_id,
)
from linework.formats.drawio.styles import flag
from linework.geometry import Box, Vec
from linework.geometry.fmt import rounded
from linework.model import (
    Attached,
    Connector,
    End,
    Group,
    Layer,
    Record,
    Shape,
)


# --------------------------------------------------------------------------- ids
class Ids:
    """Readable, unique, deterministic record ids made from draw.io ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}  # per base: where the suffix search resumes

    def make(self, prefix: str, raw: str) -> str:
        """Return a fresh id ``prefix:body``; repeats get ``-2``, ``-3``, ….

        The suffix counter resumes per base, so many ids that sanitize to the same
        text cost linear time, not quadratic.
        """
        body = raw
        for p in ID_PREFIXES:
            if body.startswith(p):
                body = body[len(p) :]
                break
        body = "".join(
            c if c.isascii() and (c.isalnum() or c in "_.-") else "_" for c in body
        )
        body = body[:180] or "x"
        base = f"{prefix}:{body}"
        return fresh_id(base, self.used, self.next)


# --------------------------------------------------------------------------- pages
@dataclass(slots=True)
class PageResult:
    records: list[Record]
    unmapped: int


class PageBuilder:
    """Turns the cells of one diagram page into records."""

    def __init__(
        self,
        cells: list[Cell],
        *,
        page_id: str,
        page_name: str,
        page_index: int,
        page_count: int,
        ids: Ids,
        report: Report,
    ) -> None:
        self.cells = cells
        self.page_id = page_id
        self.page_name = page_name
        self.page_index = page_index
        self.page_count = page_count
        self.ids = ids
        self.report = report
        self.by_id: dict[str, Cell] = {}
        for c in cells:
            if c.id in self.by_id:
                c.id = f"{c.id}#{c.order}"  # duplicate ids: keep both, first wins refs
            self.by_id[c.id] = c
        self.records: list[Record] = []
        self.unmapped = 0

    # --- structure ----------------------------------------------------------
    def _layers(self) -> tuple[str | None, list[Cell]]:
        """Return the root cell id and the layer cells, in order."""
        root_id = next((c.id for c in self.cells if not c.parent), None)
        layers = [
            c
            for c in self.cells
            if not c.vertex
            and not c.edge
            and c.id != root_id
            and (not c.parent or c.parent == root_id)
        ]
        return root_id, layers

    def _effective_parents(
        self, root_id: str | None, layer_ids: set[str], first_layer: str
    ) -> dict[str, str]:
        """Return each content cell's parent, missing ids and cycles re-rooted.

        A cell whose parent is missing (or is the root itself) hangs from the
        first layer. Cycles are found by walking each chain once with an explicit
        path (no recursion), and broken at the cell where the walk met itself.
        """
        parent: dict[str, str] = {}
        for c in self.cells:
            if c.id == root_id or c.id in layer_ids:
                continue
            p = c.parent
            if p is None or p not in self.by_id or p == root_id or p == c.id:
                if p != root_id:
                    self.report.add("missing_parent" if p != c.id else "cycle")
                parent[c.id] = first_layer
            else:
                parent[c.id] = p
        done: set[str] = set(layer_ids)
        for start in parent:
            path: list[str] = []
            on_path: set[str] = set()
            cur = start
            while cur not in done:
                if cur in on_path:
                    parent[cur] = first_layer
                    self.report.add("cycle")
                    break
                on_path.add(cur)
                path.append(cur)
                cur = parent[cur]
            done.update(path)
        return parent

    # --- labels ---------------------------------------------------------------
    def _placeholder_value(
        self, cell: Cell, name: str, parent: dict[str, str]
    ) -> str | None:
        cur: Cell | None = cell
        for _ in range(64):  # draw.io looks up the ancestors too; bounded here
            if cur is None:
                break
            if name in cur.attrs:
                return cur.attrs[name]
            p = parent.get(cur.id) or cur.parent
            cur = self.by_id.get(p) if p else None
        if name == "page":
            return self.page_name
        if name == "pagenumber":
            return str(self.page_index + 1)
        if name == "pagecount":
            return str(self.page_count)
        return None

    def label(self, cell: Cell, parent: dict[str, str]) -> htmltext.PlainText:
        raw = cell.label
        is_html = flag(cell.style, "html")
        if cell.placeholders and "%" in raw:
            # Values are looked up once per name, and the label may grow only so
            # far: "%a%" a million times with a long "a" must not explode.
            found: dict[str, str | None] = {}
            budget = [htmltext.MAX_MARKUP]

            def sub(m: re.Match[str]) -> str:
                name = m.group(1)
                if name not in found:
                    value = self._placeholder_value(cell, name, parent)
                    if value is not None and is_html:
                        value = html.escape(value, quote=False)
                    found[name] = value
                value = found[name]
                if value is None or len(value) > budget[0]:
                    return m.group(0)
                budget[0] -= len(value)
                return value

            raw = PLACEHOLDER.sub(sub, raw)
        result = htmltext.html_to_text(raw) if is_html else htmltext.PlainText(raw)
        if len(result.text) > limits.MAX_TEXT:
            self.report.add("truncated")
            result = replace(result, text=result.text[: limits.MAX_TEXT])
        return result

    # --- building -------------------------------------------------------------
    def build(self) -> PageResult:
        root_id, layer_cells = self._layers()
        report = self.report
        if len(layer_cells) > limits.MAX_LAYERS:
            raise LineworkError(
                CODE,
                f"A page has {len(layer_cells):,} layers; the limit is "
                f"{limits.MAX_LAYERS:,}.",
            )
        layer_rec: dict[str, Layer] = {}
        if not layer_cells:
            synthetic = Cell(
                id="\x00layer",
                order=-1,
                parent=root_id,
                style={},
                names=(),
                vertex=False,
                edge=False,
                source=None,
                target=None,
                label="",
                attrs={},
                placeholders=False,
                link="",
                visible=True,
                geo=Geo(),
            )
            layer_cells = [synthetic]
            self.by_id[synthetic.id] = synthetic
        for i, lc in enumerate(layer_cells):
            layer = Layer(
                id=self.ids.make(
                    "layer", lc.id if lc.order >= 0 else f"{self.page_id}-1"
                ),
                page=self.page_id,
                name=(lc.label.strip() or f"Layer {i + 1}")[:200],
                z=i,
                visible=lc.visible,
                locked=flag(lc.style, "locked"),
            )
            layer_rec[lc.id] = layer
            self.records.append(layer)
        layer_ids = set(layer_rec)
        first_layer = layer_cells[0].id
        parent = self._effective_parents(root_id, layer_ids, first_layer)

        children: dict[str, list[Cell]] = {}
        for c in self.cells:
            if c.id in parent:
                children.setdefault(parent[c.id], []).append(c)

        # Depth-first from each layer, children in document order: draw.io's
        # paint order, with every parent before its children.
        order: list[Cell] = []
        layer_of: dict[str, str] = {}
        for lc in layer_cells:
            stack = list(reversed(children.get(lc.id, [])))
            while stack:
                c = stack.pop()
                order.append(c)
                layer_of[c.id] = layer_rec[lc.id].id
                stack.extend(reversed(children.get(c.id, [])))

        def is_label(c: Cell) -> bool:
            p = self.by_id.get(parent.get(c.id, ""))
            return c.vertex and p is not None and p.edge

        def has_content(c: Cell) -> bool:
            return any(
                (k.vertex and not is_label(k)) or k.edge for k in children.get(c.id, [])
            )

        origin: dict[str, Vec] = {lid: Vec(0.0, 0.0) for lid in layer_ids}
        boxes: dict[str, Box] = {}
        shape_of: dict[str, str] = {}  # draw.io id → Shape id
        group_of: dict[str, str | None] = dict.fromkeys(layer_ids)
        # Container cells → their shape: what their children's units belong to.
        holder: dict[str, str] = {}
        holder_depth: dict[str, int] = {}
        group_depth: dict[str, int] = {}
        edges: list[tuple[Cell, int]] = []  # with their place in paint order
        z = 0

        def depth_under(inherited: str | None) -> int:
            """Return how deep a group opened under ``inherited`` would nest."""
            return group_depth.get(inherited, 0) + 1 if inherited else 1

        def open_group(
            c: Cell, inherited: str | None, layer: str, at: int, into: str | None
        ) -> str:
            """Add a group for cell ``c`` under ``inherited`` (a member of
            container ``into`` when it is the cell's unit); return its id."""
            gid = self.ids.make("group", c.id)
            group_depth[gid] = depth_under(inherited)
            group = Group(
                id=gid, page=self.page_id, layer=layer, parent=inherited, z=at
            )
            self.records.append(member(group, into))
            return gid

        for c in order:
            p = parent[c.id]
            pbox = boxes.get(p)
            porigin = origin[p]
            inherited = group_of[p]
            # The container this cell's unit (itself, or the group it opens)
            # belongs to: its parent's, if the parent is one.
            into = holder.get(p)
            if not c.visible:
                report.add("hidden")
            if not c.vertex or is_label(c):
                # Edges, edge labels and bare cells own no origin: children of
                # theirs are placed as if they were the parent's own.
                origin[c.id] = porigin
                group_of[c.id] = inherited
                if c.edge:
                    edges.append((c, z))
                    z += 1
                continue
            g = c.geo
            if g.relative and pbox is not None:
                x = pbox.x + g.x * pbox.w + (g.offset.x if g.offset else 0.0)
                y = pbox.y + g.y * pbox.h + (g.offset.y if g.offset else 0.0)
            else:
                x = porigin.x + g.x
                y = porigin.y + g.y
            x = max(-MAX_COORD, min(MAX_COORD, x))
            y = max(-MAX_COORD, min(MAX_COORD, y))
            box = Box(
                rounded(x),
                rounded(y),
                rounded(max(1.0, min(MAX_COORD, abs(g.w)))),
                rounded(max(1.0, min(MAX_COORD, abs(g.h)))),
            )
            boxes[c.id] = box
            origin[c.id] = Vec(box.x, box.y)
            layer_id = layer_of[c.id]
            is_group = "group" in c.names
            label = self.label(c, parent)
            chart = None
            if not label.text:
                source = mermaid_source(c, report)
                chart = mermaid_elements(source, box, report) if source else None
            if chart is not None:
                depth = depth_under(inherited)
                if depth + chart_depth(chart) <= limits.MAX_GROUP_DEPTH:
                    chart_group = open_group(c, inherited, layer_id, z, into)
                    group_of[c.id] = chart_group
                    z = self._chart(c, chart, chart_group, layer_id, z + 1)
                    continue
            group_id: str | None = inherited
            container = is_container_cell(c, has_content(c))
            if container:
                depth = holder_depth.get(p, 0) + 1
                if depth > limits.MAX_GROUP_DEPTH:
                    report.add("group_depth")  # deeper ones hold no members
                    container = False
                else:
                    holder_depth[c.id] = depth
            if is_group and not container:
                if depth_under(inherited) > limits.MAX_GROUP_DEPTH:
                    report.add("group_depth")
                else:
                    group_id = open_group(c, inherited, layer_id, z, into)
                    z += 1
            # A container's children are its members, beside it in its group.
            group_of[c.id] = group_id
            if is_group and not label.text:
                continue
            shape = build_shape(
                self, c, box, label, layer=layer_id, parent_group=group_id, z=z
            )
            if container:
                shape = as_container(c, shape)
                holder[c.id] = shape.id
            z += 1
            shape_of[c.id] = shape.id
            # A lane's title, even down its left side, is its own label (the
            # swimlane kind turns it); the shape is its own unit.
            self.records.append(member(shape, into))

        # Connectors come last because their ends need every shape's box.
        for c, edge_z in edges:
            conn = build_connector(
                self,
                c,
                parent,
                origin,
                boxes,
                shape_of,
                children,
                layer=layer_of[c.id],
                parent_group=group_of[c.id],
                z=edge_z,
            )
            if conn is not None:
                # An edge inside a container is a member: its bends travel.
                self.records.append(member(conn, holder.get(parent[c.id])))
        return PageResult(self.records, self.unmapped)

    def _chart(
        self,
        c: Cell,
        chart: list[Shape | Connector | Group],
        group: str,
        layer: str,
        z: int,
    ) -> int:
        """Add a Mermaid cell's chart under ``group``; return the next z.

        Ids become ``<prefix>:<cell id>-<Mermaid id>``, so they are deterministic.
        """
        new: dict[str, str] = {}
        for r in chart:
            prefix, _, body = r.id.partition(":")
            new[r.id] = self.ids.make(prefix, f"{c.id}-{body}")

        def end(e: End) -> End:
            if isinstance(e, Attached):
                return replace(e, shape=new.get(e.shape, e.shape))
            return e

        for r in chart:
            parent = new.get(r.parent, group) if r.parent else group
            rec: Record = replace(
                r, id=new[r.id], page=self.page_id, layer=layer, parent=parent, z=z
            )
            if isinstance(rec, Connector):
                rec = replace(rec, source=end(rec.source), target=end(rec.target))
            self.records.append(rec)
            z += 1
        return z
