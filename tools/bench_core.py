"""Benchmark the native core: read, render, and re-render after one change.

Prints figures; asserts nothing (targets live here, not in timed tests). The
re-render after one change must not grow with the document: compare the
"re-render one" column across sizes.

Usage: python tools/bench_core.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from linework.formats import native
from linework.geometry import Box, Vec
from linework.model import Attached, Connector, Document, IdSource, Shape, Transaction
from linework.render import Renderer, export_svg

KINDS = ("rectangle", "rounded-rectangle", "ellipse", "diamond", "process", "cylinder")


def make_document(n: int) -> Document:
    """Return a grid of about n/2 shapes chained by about n/2 connectors."""
    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0].id
    layer = doc.layers(page)[0].id
    tx = Transaction(doc)
    shapes = n // 2
    cols = max(int(shapes**0.5), 1)
    prev: str | None = None
    for i in range(shapes):
        sid = ids.new("shape")
        x, y = (i % cols) * 160, (i // cols) * 110
        tx.put(
            Shape(
                id=sid,
                page=page,
                layer=layer,
                z=i,
                kind=KINDS[i % len(KINDS)],
                box=Box(x, y, 120, 60),
                text=f"Step {i}\nsecond line",
            )
        )
        if prev is not None:
            tx.put(
                Connector(
                    id=ids.new("conn"),
                    page=page,
                    layer=layer,
                    z=shapes + i,
                    source=Attached(shape=prev),
                    target=Attached(shape=sid),
                )
            )
        prev = sid
    return doc.apply(tx.patch())


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Return the median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def bench(n: int) -> dict[str, float]:
    """Return the timings for a document of ``n`` elements."""
    doc = make_document(n)
    data = native.encode(doc)
    page = doc.pages()[0].id
    out: dict[str, float] = {"elements": float(len(doc.elements(page)))}
    out["read ms"] = timed(lambda: native.decode(data))
    out["render all ms"] = timed(lambda: Renderer().page_fragments(doc, page))
    out["export svg ms"] = timed(lambda: export_svg(doc, page), repeat=1)
    renderer = Renderer()
    renderer.page_fragments(doc, page)
    middle = next(
        e for e in doc.elements(page) if isinstance(e, Shape) and e.z == n // 4
    )
    state = {"doc": doc, "shape": middle}

    def one_change() -> None:
        d: Document = state["doc"]  # type: ignore[assignment]
        s: Shape = state["shape"]  # type: ignore[assignment]
        moved = replace(s, box=s.box.translated(Vec(1, 0)))
        tx = Transaction(d)
        tx.put(moved)
        patch = tx.patch()
        d2 = d.apply(patch)
        renderer.update(d2, patch, page)
        state["doc"], state["shape"] = d2, moved

    out["re-render one ms"] = timed(one_change, repeat=9)
    return out


def main() -> None:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    rows = [bench(int(s)) for s in args.sizes.split(",")]
    cols = list(rows[0])
    print("  ".join(f"{c:>16}" for c in cols))
    for row in rows:
        print("  ".join(f"{row[c]:>16.1f}" for c in cols))


if __name__ == "__main__":
    main()
