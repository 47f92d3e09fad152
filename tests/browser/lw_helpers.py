"""Helpers for the browser tests: the app under test, documents, SVG comparison."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from sample_docs import document as document  # browser tests import it from here

SVG_NS = "http://www.w3.org/2000/svg"
READY = "body[data-ready]"
ELEMENTS = "#canvas [data-role=content] > g[data-id]"

_STORAGE_JS = """async () => {
  const opfs = [];
  const root = await navigator.storage.getDirectory();
  for await (const name of root.keys()) opfs.push(name);
  return {
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    opfs,
  };
}"""


class App:
    """One browser context with the app: console, errors and requests recorded."""

    def __init__(self, context: Any, url: str) -> None:
        self.context = context
        self.url = url
        self.page = context.new_page()
        self.console: list[tuple[str, str]] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        context.on("request", lambda r: self.requests.append(r.url))

    def goto(self, query: str = "") -> Any:
        """Navigate to the app; return the main document's response."""
        return self.page.goto(self.url + query)

    def boot(self, timeout_ms: int = 90_000) -> None:
        """Load the app and wait until it is usable."""
        self.goto()
        self.page.wait_for_selector(READY, state="attached", timeout=timeout_ms)

    def problems(self) -> list[tuple[str, str]]:
        """Console errors, page errors, and any message about CSP or Trusted Types."""
        return self.problems_of(self.console)

    @staticmethod
    def problems_of(messages: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Return the messages that are errors or mention CSP / Trusted Types."""
        csp = re.compile(r"Content.Security.Policy|Trusted ?Type|violat", re.I)
        return [
            (kind, text)
            for kind, text in messages
            if kind in ("error", "pageerror") or csp.search(text)
        ]

    def send(self, message: dict[str, Any]) -> Any:
        """Send a bridge message through the page's automation hook."""
        return self.page.evaluate("(m) => linework.send(m)", message)

    def view(self) -> dict[str, float]:
        """Return the canvas view: {scale, x, y}."""
        return self.page.evaluate("() => linework.view()")  # type: ignore[no-any-return]

    def revision(self) -> int:
        """Return how many times the canvas has shown a page."""
        return int(self.page.get_attribute("#canvas", "data-revision") or 0)

    def open_file(self, path: Path, *, expect_error: bool = False) -> None:
        """Open a file through the file input, as a user would, and wait for it."""
        revision = self.revision()
        self.page.set_input_files("input[type=file][data-role=open]", str(path))
        self.wait_shown(revision, expect_error=expect_error)

    def wait_shown(self, revision: int, *, expect_error: bool = False) -> None:
        """Wait for the canvas to pass ``revision`` (or for the error dialog)."""
        done = (
            "[data-role=error-dialog][open]"
            if expect_error
            else f'#canvas[data-revision]:not([data-revision="{revision}"])'
        )
        self.page.wait_for_selector(done, state="attached", timeout=30_000)

    def dom_fragments(self) -> list[tuple[str, str]]:
        """Return (data-id, XML serialization) of each element on the canvas."""
        pairs = self.page.eval_on_selector_all(
            ELEMENTS,
            "els => els.map(e => [e.dataset.id, new XMLSerializer().serializeToString(e)])",
        )
        return [(a, b) for a, b in pairs]

    def storage(self) -> dict[str, Any]:
        """Read every storage API of the page's origin."""
        return self.page.evaluate(_STORAGE_JS)  # type: ignore[no-any-return]

    def dismiss_dialog(self) -> None:
        """Close the error dialog if it is open."""
        if self.page.evaluate(
            "() => document.querySelector('[data-role=error-dialog]').open"
        ):
            self.page.click("[data-action=dismiss]")


def tree(xml_text: str) -> tuple[Any, ...]:
    """Return a comparable tree of one SVG element given as text (xmlns optional)."""
    if f'xmlns="{SVG_NS}"' not in xml_text.split(">", 1)[0]:
        xml_text = f'<svg xmlns="{SVG_NS}">{xml_text}</svg>'
        root = ET.fromstring(xml_text)[0]
    else:
        root = ET.fromstring(xml_text)

    def walk(el: ET.Element) -> tuple[Any, ...]:
        return (
            el.tag,
            tuple(sorted(el.attrib.items())),
            el.text or "",
            tuple(walk(c) for c in el),
            el.tail or "",
        )

    return walk(root)


def write_document(path: Path, doc: dict[str, Any]) -> Path:
    """Write a document dict as a .linework file and return its path."""
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
