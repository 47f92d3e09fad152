"""Where the example documents and their golden SVG renderings live."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("LINEWORK_UPDATE_GOLDEN") == "1"


def example_files() -> list[Path]:
    """Return the example documents, sorted by name."""
    return sorted(EXAMPLES.glob("*.linework"))


def golden_for(example: Path) -> Path:
    """Return the golden SVG path of an example."""
    return GOLDEN / f"{example.stem}.svg"
