"""Safe XML parsing: DTDs and entities refused, depth checked before parsing."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from xml.parsers import expat

import pytest

import workcount
from linework.errors import LineworkError
from linework.formats import xmlsafe

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n<lolz>&lol9;</lolz>"
)
SVG_DOCTYPE = (
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
)


def _code(text: str, **kw: object) -> str:
    with pytest.raises(LineworkError) as info:
        xmlsafe.parse(text, code="LW-E0200", **kw)  # type: ignore[arg-type]
    return info.value.code


@pytest.fixture
def no_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to create an expat parser fail the test."""

    def refuse(*_args: object, **_kw: object) -> None:
        raise AssertionError("the parser was reached")

    monkeypatch.setattr(expat, "ParserCreate", refuse)


def test_parses_plain_xml_into_elements() -> None:
    """Well-formed XML becomes an ElementTree element with its attributes."""
    root = xmlsafe.parse('<a x="1"><b>t</b><c/></a>', code="LW-E0200")

    assert ("a", {"x": "1"}, ["b", "c"]) == (
        root.tag,
        root.attrib,
        [c.tag for c in root],
    )


@pytest.mark.usefixtures("no_parser")
@pytest.mark.parametrize(
    "text",
    [
        BILLION_LAUGHS,
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
        '<!DOCTYPE mxfile SYSTEM "http://example.org/evil.dtd"><mxfile/>',
        '<!DOCTYPE mxfile PUBLIC "-//x//y" "http://example.org/y.dtd"><mxfile/>',
        '<!ENTITY e "x"><x/>',
        "<x><!ATTLIST x a CDATA #IMPLIED></x>",
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "svg11.dtd" '
        "[<!ENTITY e 'x'>]><svg>&e;</svg>",
    ],
    ids=[
        "billion-laughs",
        "external-entity",
        "doctype-system",
        "doctype-public",
        "bare-entity",
        "attlist",
        "svg-doctype-with-subset",
    ],
)
def test_dtds_and_entities_are_refused_before_parsing(text: str) -> None:
    """Every DTD or entity declaration is LW-E0204, found by the pre-scan alone."""
    assert _code(text, allow_doctype=("svg",)) == "LW-E0204"


def test_the_plain_svg_doctype_is_tolerated_only_when_allowed() -> None:
    """draw.io's SVG files name the SVG DTD; that is harmless and accepted."""
    root = xmlsafe.parse(
        SVG_DOCTYPE + "<svg/>", code="LW-E0200", allow_doctype=("svg",)
    )

    assert root.tag == "svg"
    assert _code(SVG_DOCTYPE + "<svg/>") == "LW-E0204"


def test_parser_handlers_refuse_entities_the_scan_might_miss() -> None:
    """Even past the scan, expat's own handlers refuse internal subsets."""
    parser = xmlsafe._parser("LW-E0200", ("svg",))
    with pytest.raises(LineworkError) as info:
        parser.Parse('<!DOCTYPE svg [<!ENTITY e "x">]><svg>&e;</svg>', True)

    assert info.value.code == "LW-E0204"


@pytest.mark.usefixtures("no_parser")
def test_deep_nesting_is_refused_by_the_linear_scan() -> None:
    """A ~20 KB file nested 10,000 deep never reaches the parser (docs/architecture.md §7)."""
    text = "<mxfile>" + "<a>" * 10_000 + "</a>" * 10_000 + "</mxfile>"

    assert len(text) < 80_000
    assert _code(text) == "LW-E0106"


@pytest.mark.usefixtures("no_parser")
def test_depth_counts_self_closing_comments_and_quoted_brackets_correctly() -> None:
    """Only real open tags count: not comments, CDATA, ``/>`` or ``>`` in quotes."""
    text = "<a><!-- <b><b> --><![CDATA[<c><c>]]><d x=\"a>b\" y='<'/><?p <e>?></a>"

    assert xmlsafe.scan(text) == 1


def test_depth_limit_is_exact() -> None:
    """Nesting at the limit parses; one more level is refused."""
    ok = "<a>" * 5 + "</a>" * 5
    too_deep = "<a>" * 6 + "</a>" * 6

    assert xmlsafe.parse(ok, code="LW-E0200", max_depth=5).tag == "a"
    assert _code(too_deep, max_depth=5) == "LW-E0106"


def test_too_many_nodes_is_refused() -> None:
    """The node cap stops a wide file while it is parsed."""
    assert _code("<a>" + "<b/>" * 20 + "</a>", max_nodes=10) == "LW-E0105"


PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "quoted-gt": lambda k: "<a " + "b='>' " * k + ">",
    "unclosed-tags": lambda k: "<a" * k,
    "unclosed-quotes": lambda k: "<a x='" * k,
    "comments": lambda k: "<!--" * k,
    "attributes": lambda k: "<a " + 'b="x" ' * k + "/>",
}


@pytest.mark.parametrize("make", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_scan_is_linear_on_pathological_markup(make: Callable[[int], str]) -> None:
    """Adversarial markup is scanned in linear work (counted, not timed): its
    searches look at each character a bounded number of times, and four times
    the markup takes about four times the operations, not sixteen."""
    text = workcount.Scanned(make(100_000))
    workcount.Scanned.examined = 0
    with contextlib.suppress(LineworkError):
        xmlsafe.scan(text)
    assert workcount.Scanned.examined <= 4 * len(text)

    def scan(k: int) -> Callable[[], object]:
        markup = make(k)
        return lambda: xmlsafe.scan(markup)

    workcount.grows_linearly(scan, 2_000)


def test_malformed_xml_gets_the_callers_code_and_place() -> None:
    """Syntax errors carry the importer's code and a line and column."""
    with pytest.raises(LineworkError) as info:
        xmlsafe.parse("<a>\n<b></a>", code="LW-E0200")

    assert info.value.code == "LW-E0200"
    assert "Line 2" in info.value.detail


def test_root_attributes_stops_at_the_root() -> None:
    """Only the root start tag is read; later garbage is never parsed."""
    tag, attrs = xmlsafe.root_attributes(
        '<?xml version="1.0"?><svg content="&lt;x&gt;"><g></unclosed>',
        code="LW-E0200",
    )

    assert ("svg", {"content": "<x>"}) == (tag, attrs)


def test_undefined_entities_are_errors() -> None:
    """Without a DTD, an unknown entity reference is a syntax error."""
    assert _code("<a>&nbsp;</a>") == "LW-E0200"


def test_local_name_and_iterative_walk() -> None:
    """Namespace prefixes are stripped; walk yields every element with its depth."""
    root = xmlsafe.parse("<a><b><c/></b><d/></a>", code="LW-E0200")

    assert xmlsafe.local_name("svg:svg") == "svg"
    assert [(e.tag, d) for e, d in xmlsafe.walk(root)] == [
        ("a", 0),
        ("b", 1),
        ("c", 2),
        ("d", 1),
    ]
