"""Time sealing and unsealing a 5,000-element document natively (issue 5, figure 4).

Usage: ``python tools/bench_seal.py [--elements N] [--iterations N] [--repeat N]``

The document is a real ``.linework`` file (validated by the native reader) of
shapes and connectors with styles, text and labels, sized like a busy diagram
(~1.5 MB of JSON for 5,000 elements). The KDF is timed apart from the whole, since
PBKDF2 at 600,000 rounds is a fixed cost and AES-GCM the per-byte one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from linework.formats import native as native_format
from linework.seal import (
    DEFAULT_ITERATIONS,
    normalize_passphrase,
    parse_sealed,
    seal,
    unseal,
)
from linework.seal.native import NativePrimitives

PASSPHRASE = "bench: plum tractor velvet orbit canyon whisk"
_WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "service",
    "queue",
    "cache",
    "worker",
    "gateway",
    "store",
]


def build_document(elements: int) -> bytes:
    """Return canonical ``.linework`` bytes with ``elements`` shapes and connectors."""
    shapes = elements * 3 // 5
    items: list[dict[str, Any]] = []
    for i in range(shapes):
        words = " ".join(_WORDS[(i + k) % len(_WORDS)] for k in range(12))
        items.append(
            {
                "type": "shape",
                "id": f"shape:{i}",
                "layer": "layer:1",
                "kind": ("rectangle", "ellipse", "diamond")[i % 3],
                "box": {"x": (i % 60) * 160, "y": (i // 60) * 110, "w": 120, "h": 70},
                "style": {
                    "fill": f"#{(i * 2654435761) % 0xFFFFFF:06x}",
                    "stroke_width": 2,
                    "corner_radius": 6,
                    "font_size": 13,
                    "bold": i % 5 == 0,
                },
                "text": f"Node {i}: {words}",
                "link": f"https://example.com/docs/{i}",
            }
        )
    for j in range(elements - shapes):
        a, b = j % shapes, (j * 7 + 1) % shapes
        items.append(
            {
                "type": "connector",
                "id": f"conn:{j}",
                "layer": "layer:1",
                "source": {"shape": f"shape:{a}", "port": "e"},
                "target": {"shape": f"shape:{b}", "anchor": {"x": 0.5, "y": 0}},
                "waypoints": [{"x": a * 3 % 9000, "y": b * 5 % 7000}],
                "routing": "orthogonal",
                "style": {
                    "dash": "dashed",
                    "end_arrow": "classic",
                    "stroke": "#336699",
                },
                "labels": [
                    {"text": f"calls {_WORDS[j % len(_WORDS)]} {j}", "position": 0.5}
                ],
            }
        )
    raw = {
        "format": "linework",
        "version": 1,
        "pages": [
            {
                "id": "page:1",
                "name": "Benchmark",
                "layers": [{"id": "layer:1"}],
                "elements": items,
            }
        ],
        "meta": {},
    }
    # Through the real reader and writer, so the payload is what Linework saves.
    return native_format.encode(native_format.decode(json.dumps(raw).encode()))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Return the median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Build the document, then print seal/unseal/KDF medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=5_000)
    parser.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    prims = NativePrimitives()
    doc = build_document(args.elements)
    sealed = seal(doc, PASSPHRASE, prims, iterations=args.iterations)
    assert unseal(sealed, PASSPHRASE, prims) == doc
    env = parse_sealed(sealed)
    secret = normalize_passphrase(PASSPHRASE)

    t_seal = timed(
        lambda: seal(doc, PASSPHRASE, prims, iterations=args.iterations), args.repeat
    )
    t_unseal = timed(lambda: unseal(sealed, PASSPHRASE, prims), args.repeat)
    t_kdf = timed(
        lambda: prims.derive_key(secret, env.salt, env.iterations), args.repeat
    )
    t_parse = timed(lambda: parse_sealed(sealed), args.repeat)

    print(
        f"document: {args.elements:,} elements, {len(doc) / 1e6:.2f} MB of .linework JSON"
    )
    print(
        f"sealed file: {len(sealed) / 1e6:.2f} MB, PBKDF2 iterations {args.iterations:,}"
    )
    print(f"seal   (native, median of {args.repeat}): {t_seal:8.1f} ms")
    print(f"unseal (native, median of {args.repeat}): {t_unseal:8.1f} ms")
    print(f"  of which PBKDF2-HMAC-SHA256:     {t_kdf:8.1f} ms")
    print(f"  of which envelope parse+base64:  {t_parse:8.1f} ms")


if __name__ == "__main__":
    main()
