"""The page's last lock on SVG text (web/safe-svg.js), tried with hostile input.

The core never writes any of this; the allowlist is defence in depth, so it is
exercised directly here: the module is imported into the running page (same
origin, so the CSP allows it) and fed fragments a compromised core could send.
"""

from __future__ import annotations

from typing import Any

import pytest
from lw_helpers import App, tree

# Import the hashed module by the name index.html's import map gives it.
PARSE_JS = """async (fragments) => {
  const url = [...document.querySelectorAll('link[rel=modulepreload], script[type=module]')]
    .map((e) => e.href || e.src).find((u) => /\\/safe-svg\\.[0-9a-f]+\\.js$/.test(u));
  const { parseFragments } = await import(url);
  const { nodes, removed } = parseFragments(fragments);
  const s = new XMLSerializer();
  return { removed, out: nodes.map((n) => s.serializeToString(n)) };
}"""

HOSTILE = [
    # (fragment, what must not survive, how many parts go)
    ('<g data-id="a"><script>alert(1)</script></g>', "script", 1),
    ('<g data-id="a" onload="alert(1)"><rect width="1"/></g>', "onload", 1),
    (
        '<g data-id="a"><a href="javascript:alert(1)"><text>x</text></a></g>',
        "javascript",
        1,
    ),
    (
        '<g data-id="a"><foreignObject><div>x</div></foreignObject></g>',
        "foreignObject",
        1,
    ),
    ('<g data-id="a"><!-- hidden --><rect width="1"/></g>', "hidden", 0),
    (
        '<g data-id="a"><rect fill="url(https://evil.example/x)" width="1"/></g>',
        "evil",
        1,
    ),
    ('<g data-id="a"><image href="https://evil.example/x.png"/></g>', "evil", 1),
    ('<g data-id="a" style="background:url(x)"><rect width="1"/></g>', "style", 1),
    ('<g data-id="a"><rect fill="JavaScript&#58;x" width="1"/></g>', "avaScript", 1),
    # Issue 14: a strict grammar per attribute, not a blocklist of words.
    (
        '<g data-id="a"><rect fill="\\75 rl(https://evil.example/x)" width="1"/></g>',
        "evil",
        1,
    ),
    (
        '<g data-id="a"><rect fill="image-set(\'https://evil.example/x\' 1x)" width="1"/></g>',
        "evil",
        1,
    ),
    (
        '<g data-id="a"><a href="https://example.org/" rel="opener"><text>x</text></a></g>',
        "opener",
        1,
    ),
    ('<g data-id="a"><use href="#share-url"/></g>', "share-url", 1),
    ('<g data-id="a"><rect data-action="save" width="1"/></g>', "data-action", 1),
    ('<g data-id="a"><rect data-role="status" width="1"/></g>', "status", 1),
    (
        '<g data-id="a"><rect transform="translate(1 2) url(x)" width="1"/></g>',
        "url",
        1,
    ),
]


@pytest.fixture(scope="module")
def page_app(browser: Any, site: Any) -> Any:
    """One booted page for the module."""
    context = browser.new_context()
    app = App(context, site.url)
    app.boot()
    yield app
    context.close()


@pytest.mark.parametrize(("fragment", "gone", "count"), HOSTILE)
def test_hostile_parts_are_removed(
    page_app: App, fragment: str, gone: str, count: int
) -> None:
    """Each hostile part is taken out and counted; the rest of the element stays."""
    got = page_app.page.evaluate(PARSE_JS, [fragment])
    assert count == got["removed"]
    assert 1 == len(got["out"])
    assert gone not in got["out"][0]
    assert 'data-id="a"' in got["out"][0]


def test_renderer_output_passes_untouched(page_app: App) -> None:
    """Honest fragments keep every node and attribute, links and local urls too."""
    fragment = (
        '<g data-id="s1" data-kind="rectangle"><a href="https://example.org/" '
        'target="_blank" rel="noopener noreferrer"><rect x="1" y="2" width="3" '
        'height="4" fill="url(#lw-grad)" stroke="#000" transform="rotate(5 1 2)"/>'
        '<text x="1" y="2" xml:space="preserve">a:b (c)</text></a></g>'
    )
    got = page_app.page.evaluate(PARSE_JS, [fragment])
    assert 0 == got["removed"]
    for part in ('href="https://example.org/"', 'fill="url(#lw-grad)"', "a:b (c)"):
        assert part in got["out"][0]


def test_a_verdict_remembered_in_one_parse_never_frees_a_part_elsewhere(
    page_app: App,
) -> None:
    """Verdicts are remembered per parse (most values repeat), but one that
    depends on the element is not carried over: an SVG data URI allowed on
    an <image> is still refused on a link, and a link target allowed on <a>
    still goes from a <rect>; the same hostile value is refused every time."""
    svg = "data:image/svg+xml;base64,PHN2Zy8+"
    fragments = [
        f'<g data-id="a"><image href="{svg}" width="1" height="1"/></g>',
        f'<g data-id="b"><a href="{svg}"><text>x</text></a></g>',
        '<g data-id="c"><a href="https://example.org/" target="_blank"><text>x</text></a></g>',
        '<g data-id="d"><rect target="_blank" width="1"/></g>',
        '<g data-id="e"><rect fill="\\75 rl(x)" width="1"/></g>',
        '<g data-id="f"><rect fill="\\75 rl(x)" width="1"/></g>',
    ]
    got = page_app.page.evaluate(PARSE_JS, fragments)
    image, link, good_link, rect, bad1, bad2 = got["out"]
    assert svg in image and svg not in link
    assert 'target="_blank"' in good_link and "target" not in rect
    assert "fill" not in bad1 and "fill" not in bad2
    assert 4 == got["removed"]


@pytest.mark.parametrize("name", ["flowchart", "architecture", "every-shape"])
def test_golden_renderings_pass_the_strict_grammar_untouched(
    page_app: App, name: str
) -> None:
    """Every element and attribute the renderer writes follows the grammar."""
    import xml.etree.ElementTree as ET
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "golden" / f"{name}.svg"
    root = ET.fromstring(path.read_text(encoding="utf-8"))
    ET.register_namespace("", "http://www.w3.org/2000/svg")
    keep = ("defs", "g", "rect", "path")
    fragments = [
        ET.tostring(child, encoding="unicode")
        for child in root
        if child.tag.rsplit("}", 1)[-1] in keep
    ]
    got = page_app.page.evaluate(PARSE_JS, fragments)
    assert 0 == got["removed"]
    assert len(fragments) == len(got["out"])
    # Parsed exactly: same elements, attributes (namespaces too) and text.
    assert [tree(f) for f in fragments] == [tree(o) for o in got["out"]]


THROWS_JS = PARSE_JS.replace(
    "const { nodes, removed } = parseFragments(fragments);",
    "try { parseFragments(fragments); } catch (error) { return error.name; }",
)


@pytest.mark.parametrize(
    "fragment",
    [
        # An HTML tag leaves SVG content: the rest would land outside the <svg>.
        '<g data-id="a"><p>x</p><rect width="1"/></g>',
        '<g data-id="a"><rect width="1"/></g></svg><img src="x">',
    ],
)
def test_text_that_leaves_the_svg_is_refused(page_app: App, fragment: str) -> None:
    """The HTML parser takes anything; whatever would leave the one <svg> is
    refused whole (as XML's well-formedness check refused it)."""
    assert "SyntaxError" == page_app.page.evaluate(THROWS_JS, [fragment])


def test_svg_names_and_namespaced_attributes_parse_exactly(page_app: App) -> None:
    """camelCase element and attribute names, xml:space, entities and data
    URIs come out as the renderer wrote them."""
    fragment = (
        '<g data-id="m" data-kind="x"><defs>'
        '<linearGradient id="g1" gradientUnits="userSpaceOnUse" gradientTransform="rotate(5)">'
        '<stop offset="0" stop-color="#fff"/></linearGradient>'
        '<clipPath id="c1" clipPathUnits="userSpaceOnUse"><rect width="1" height="1"/></clipPath>'
        '<marker id="m1" markerWidth="4" markerHeight="4" refX="1" refY="2" orient="auto">'
        '<path d="M0 0L1 1"/></marker></defs>'
        '<svg viewBox="0 0 10 10" preserveAspectRatio="xMidYMid meet">'
        '<text xml:space="preserve" textLength="5" lengthAdjust="spacing">'
        "a &amp; b  &lt;c&gt; &#233;</text></svg>"
        '<image href="data:image/png;base64,AAAA" width="1" height="1"/></g>'
    )
    got = page_app.page.evaluate(PARSE_JS, [fragment])
    assert 0 == got["removed"]
    assert [tree(fragment)] == [tree(o) for o in got["out"]]
