"""Browser tests: the built site, served like ``build.py serve``, in headless Chromium.

Every test in this folder that needs the built site or a browser gets the
``browser`` marker (``pytest -m "not browser"`` runs the rest). The site is
served once per session by the server code of ``build.py serve`` itself, so the
headers under test are the ones users get. Pyodide takes seconds to start, so
a module boots the app once (``app``) and tests reset what they change.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from lw_helpers import App

from devtools.common import DIST
from devtools.server import serving
from devtools.site import build, dist_is_fresh
from devtools.testing import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
try:
    import playwright  # noqa: F401  (only: is it installed?)
except ImportError:
    # Everything in this folder needs a browser (native tests live in tests/unit
    # and tests/scenarios): without Playwright, collect none of it, so
    # `pytest -m "not browser"` runs in a venv without Playwright.
    collect_ignore_glob = ["test_*.py"]
# Fixtures that mean "needs dist/ or Chromium".
BROWSER_FIXTURES = {"site", "app", "fresh_page", "browser", "page", "context"}


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("linework_build", ROOT / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Mark this folder's tests that use the site or a browser as ``browser``."""
    for item in items:
        if HERE in Path(str(item.path)).parents and BROWSER_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def build_module() -> ModuleType:
    """Return build.py, imported as a module (``serving``, ``DIST``, ``tool``...)."""
    return _load_build()


@pytest.fixture(scope="session")
def site() -> Iterator[Any]:
    """Serve dist/ on 127.0.0.1 (a free port) for the session; build it if needed."""
    if os.environ.get("LINEWORK_DIST_BUILT") != "1" and not dist_is_fresh():
        build()
    with serving(DIST) as server:
        yield server


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any],
) -> dict[str, Any]:
    """Use the system's Chromium (CI cannot download Playwright's builds)."""
    chromium = find_chromium()
    if chromium is None and os.environ.get("LINEWORK_REQUIRE_BROWSER") != "1":
        bundled = Path.home() / ".cache" / "ms-playwright"
        if not bundled.exists():
            pytest.skip("no Chromium found: set $CHROMIUM or install chromium")
    launch = {**browser_type_launch_args, "args": list(CHROMIUM_ARGS)}
    if chromium is not None:
        launch["executable_path"] = chromium
    return launch


@pytest.fixture(scope="module")
def app(browser: Any, site: Any) -> Iterator[App]:
    """Boot the app once for a test module, in its own browser context."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    application = App(context, site.url)
    application.boot()
    yield application
    context.close()


@pytest.fixture
def fresh_page(browser: Any, site: Any) -> Iterator[App]:
    """A new context and page, not yet navigated (for start-up tests)."""
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    yield App(context, site.url)
    context.close()
