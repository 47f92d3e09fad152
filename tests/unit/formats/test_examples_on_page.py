"""Every example document keeps its rendered content on its pages.

``tools/make_examples.py`` grows each page to hold what it draws; this checks
the files in ``examples/`` as written, with the corpus test's own check and
no tolerance, since the examples are ours.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_corpus_all import assert_on_its_pages

from golden_files import example_files
from linework.formats import native


@pytest.mark.parametrize("example", example_files(), ids=lambda p: p.stem)
def test_example_content_lies_within_its_pages(example: Path) -> None:
    """Shapes, connectors, arrowheads and labels all render inside the page."""
    assert_on_its_pages(native.decode(example.read_bytes()), tolerance=0.0)
