"""draw.io import against hostile files: entity tricks, nesting, bombs, cycles, huge numbers and pathological labels."""

from __future__ import annotations

import base64
import html
import html.parser
import urllib.parse
import zlib
from collections.abc import Callable
from xml.sax.saxutils import quoteattr

import pytest

import workcount
from drawio_samples import (
    compress,
    mxfile,
    page,
    png_with_text,
    read,
    shapes,
    vertex,
)
from linework.errors import LineworkError
from linework.formats import drawio, htmltext, limits, xmlsafe
from linework.geometry import Box
from linework.model import Shape


# --------------------------------------------------------------------------- hostile input
def test_billion_laughs_is_refused() -> None:
    """An entity bomb is refused before anything expands."""
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE mxfile [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'
            for i in range(8)
        )
        + ']><mxfile><diagram name="&i;"/></mxfile>'
    )
    with pytest.raises(LineworkError) as info:
        drawio.read(bomb.encode())

    assert "LW-E0204" == info.value.code


@pytest.mark.parametrize(
    "where",
    ["top", "compressed-page", "svg-content", "png"],
)
def test_entities_are_refused_wherever_the_xml_is_hidden(where: str) -> None:
    """DTDs in compressed pages, SVG content and PNG chunks are refused too."""
    evil = '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><mxGraphModel/>'
    if where == "top":
        data = evil.encode()
    elif where == "compressed-page":
        data = f"<mxfile><diagram>{compress(evil)}</diagram></mxfile>".encode()
    elif where == "svg-content":
        data = f"<svg content={quoteattr(evil)}/>".encode()
    else:
        data = png_with_text("mxfile", urllib.parse.quote(evil).encode())
    with pytest.raises(LineworkError) as info:
        drawio.read(data)

    assert "LW-E0204" == info.value.code


@pytest.mark.parametrize("where", ["top", "compressed-page", "svg-content"])
def test_deep_nesting_is_refused_before_parsing(
    where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """~20 KB nested 10,000 deep is refused by the linear scan, never parsed."""
    deep = (
        "<mxGraphModel><root>"
        + "<a>" * 10_000
        + "</a>" * 10_000
        + "</root></mxGraphModel>"
    )
    if where == "top":
        data = deep.encode()
    elif where == "compressed-page":
        data = f"<mxfile><diagram>{compress(deep)}</diagram></mxfile>".encode()
    else:
        data = f"<svg content={quoteattr(mxfile(deep).decode())}/>".encode()
    real_scan = xmlsafe.scan
    refused: list[str] = []

    def watch(text: str, **kw: object) -> int:
        try:
            return real_scan(text, **kw)  # type: ignore[arg-type]
        except LineworkError as exc:
            refused.append(exc.code)
            raise

    monkeypatch.setattr(xmlsafe, "scan", watch)
    with pytest.raises(LineworkError) as info:
        drawio.read(data)

    # The refusal came from the linear scan, which runs before any tree is built.
    assert ["LW-E0106"] == refused
    assert "LW-E0106" == info.value.code


def test_compression_bomb_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page that inflates past the cap is refused with LW-E0205, and the
    inflation stops at the cap: no byte past it is produced (counted, not
    timed)."""
    produced = [0]
    real = zlib.decompressobj

    class Counting:
        def __init__(self, wbits: int) -> None:
            self._d = real(wbits)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            out = self._d.decompress(data, max_length)
            produced[0] += len(out)
            return out

        def flush(self) -> bytes:
            out = self._d.flush()
            produced[0] += len(out)
            return out

        def __getattr__(self, name: str) -> object:
            return getattr(self._d, name)

    monkeypatch.setattr(zlib, "decompressobj", Counting)  # as png.inflate calls it
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(b"A" * (drawio.MAX_INFLATED * 4)) + c.flush()
    data = f"<mxfile><diagram>{base64.b64encode(raw).decode()}</diagram></mxfile>"
    with pytest.raises(LineworkError) as info:
        drawio.read(data.encode())

    assert "LW-E0205" == info.value.code
    assert 0 < produced[0] <= drawio.MAX_INFLATED + 1


def test_the_cap_is_shared_by_all_pages() -> None:
    """Many pages each under the cap cannot add up past it."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(b" " * (drawio.MAX_INFLATED // 2) + b"<mxGraphModel/>") + c.flush()
    one = f"<diagram>{base64.b64encode(raw).decode()}</diagram>"
    with pytest.raises(LineworkError) as info:
        drawio.read(f"<mxfile>{one * 3}</mxfile>".encode())

    assert "LW-E0205" == info.value.code


def test_cyclic_parents_are_broken_without_hanging() -> None:
    """Cells that are their own ancestors are re-rooted onto the layer."""
    body = (
        vertex("a", parent="b", value="A")
        + vertex("b", parent="a", value="B")
        + vertex("c", parent="c", value="C")
    )
    result = read(mxfile(page(body)))

    assert {"A", "B", "C"} == {s.text for s in shapes(result.doc)}
    assert any("cycle" in w for w in result.warnings)


def test_missing_parents_land_on_the_first_layer() -> None:
    """A parent id that names nothing is reported and ignored."""
    result = read(mxfile(page(vertex("a", parent="ghost", x=5, y=5))))

    assert Box(5, 5, 80, 40) == result.doc.typed("shape:a", Shape).box
    assert any("missing parent" in w for w in result.warnings)


def _nested(n: int) -> bytes:
    """A file of ``n`` containers, each inside the one before."""
    body = "".join(
        vertex(f"v{i}", x=1, y=1, w=10, h=10, parent=f"v{i - 1}" if i else "1")
        for i in range(n)
    )
    return mxfile(page(body))


def test_long_parent_chains_are_walked_iteratively() -> None:
    """20,000 nested containers import; groups deeper than the cap flatten;
    and the work grows with the chain, not with its square (four times the
    chain runs about four times the lines: counted, not timed)."""
    n = 20_000
    result = read(_nested(n))
    doc = result.doc

    assert n == len(shapes(doc))
    assert Box(n, n, 10, 10) == doc.typed(f"shape:v{n - 1}", Shape).box
    assert any("flattened" in w for w in result.warnings)

    def chain(k: int) -> Callable[[], object]:
        data = _nested(k)
        return lambda: read(data)

    workcount.grows_linearly(chain, 500)


@pytest.mark.parametrize(
    ("x", "expected"),
    [("1e308", drawio.MAX_COORD), ("-inf", -drawio.MAX_COORD), ("nan", 0), ("junk", 0)],
)
def test_huge_or_invalid_numbers_are_clamped(x: str, expected: float) -> None:
    """Numbers that are not finite or too large never reach the document."""
    cell = (
        f'<mxCell id="a" vertex="1" parent="1"><mxGeometry x="{x}" y="0" '
        f'width="{x}" height="10" as="geometry"/></mxCell>'
    )
    doc = read(mxfile(page(cell))).doc
    a = doc.typed("shape:a", Shape)

    assert a.box.w >= 1
    assert all(
        abs(v) <= limits.MAX_COORD for v in (a.box.x, a.box.w, doc.pages()[0].width)
    )
    if expected >= 0:
        assert expected == a.box.x


def test_too_many_cells_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """More cells than the element limit is LW-E0105."""
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 10)
    with pytest.raises(LineworkError) as info:
        drawio.read(mxfile(page("".join(vertex(f"v{i}") for i in range(20)))))

    assert "LW-E0105" == info.value.code


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """More pages than the page limit is refused with a clear message."""
    monkeypatch.setattr(limits, "MAX_PAGES", 2)
    with pytest.raises(LineworkError) as info:
        drawio.read(mxfile(page(""), page(""), page("")))

    assert "LW-E0200" == info.value.code


def test_pathological_html_label_imports_in_linear_work() -> None:
    """A label crafted to make html.parser quadratic imports, and four times
    the label takes about four times the work (lines run and characters the
    HTML patterns look at), not sixteen: counted, not timed."""

    def label(k: int) -> Callable[[], object]:
        value = quoteattr("<a " * k)
        cell = (
            f'<mxCell id="a" value={value} style="html=1;" vertex="1" parent="1">'
            '<mxGeometry width="8" height="4" as="geometry"/></mxCell>'
        )
        data = mxfile(page(cell))
        return lambda: read(data)

    workcount.grows_linearly(label, 1_000, modules=(html, html.parser, htmltext))
    label(50_000)()


def test_control_characters_in_compressed_pages_are_stripped() -> None:
    """draw.io strips control characters after decompression; so do we."""
    xml = page(vertex("a", value="ok")).replace('value="ok"', 'value="o%01k"')
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(xml.encode()) + c.flush()  # not URL-encoded: %01 is literal
    text = urllib.parse.quote(urllib.parse.unquote(xml), safe="~()*!.'")
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(text.encode()) + c.flush()
    data = f"<mxfile><diagram>{base64.b64encode(raw).decode()}</diagram></mxfile>"

    assert "ok" == read(data.encode()).doc.typed("shape:a", Shape).text
