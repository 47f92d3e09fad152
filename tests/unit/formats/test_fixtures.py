"""Every historic format version has a fixture that still opens as it did."""

from __future__ import annotations

from pathlib import Path

from linework.formats import native
from linework.model import Attached, Connector, Free, Group, Shape

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_v1_basic_fixture_opens_with_every_feature() -> None:
    """The v1 fixture keeps pages, layers, groups, ends, labels and styles."""
    doc = native.decode((FIXTURES / "v1_basic.linework").read_bytes())
    first, second = doc.pages()
    shapes = {r.id: r for r in doc.records.values() if isinstance(r, Shape)}
    conns = {r.id: r for r in doc.records.values() if isinstance(r, Connector)}

    assert ("First", "Second") == (first.name, second.name)
    assert "#fafafa" == first.background
    assert [False, True] == [la.locked for la in doc.layers(first.id)]
    assert isinstance(doc.get("group:1"), Group)
    assert {"shape:1", "shape:2"} == {m.id for m in doc.members("group:1")}
    assert 90 == shapes["shape:2"].rotation_deg
    assert shapes["shape:1"].style.bold
    assert Attached(shape="shape:1", port="e") == conns["conn:1"].source
    assert isinstance(conns["conn:2"].source, Free)
    assert "er-many" == conns["conn:1"].style.end_arrow
    assert "next" == conns["conn:1"].labels[0].text
    assert {"title": "v1 fixture"} == dict(doc.meta)
    assert ["shape:3"] == [
        e.id for e in doc.elements(first.id) if e.layer == "layer:2"
    ][1:]


def test_v1_fixture_rewrites_canonically() -> None:
    """Writing the fixture and reading it back changes nothing."""
    doc = native.decode((FIXTURES / "v1_basic.linework").read_bytes())

    assert doc == native.decode(native.encode(doc))


def test_v1_1_fixture_opens_with_its_containers() -> None:
    """1.1: a pool holding two lanes, a shape and a group in them, nested."""
    from linework.commands import carried, container_of

    doc = native.decode((FIXTURES / "v1_1_containers.linework").read_bytes())
    of = {r.id: c.id for r in doc.records.values()
          if isinstance(r, Shape | Group) and (c := container_of(doc, r))}  # fmt: skip

    assert {"lane:a": "pool", "lane:b": "pool", "order": "lane:a",
            "group:1": "lane:b"} == of  # fmt: skip
    assert {"pool", "lane:a", "lane:b", "order", "group:1", "ticket", "note"} == set(
        carried(doc, ["pool"])
    )
    assert "not membership" == doc.records["outside"].extra["container_1_0"]
    assert doc == native.decode(native.encode(doc))
    assert native.encode(doc).startswith(b'{"format":"linework","meta":')
    # A diagram whose newest data is a container membership stays a 1.1 file.
    assert b'"minor":1,' in native.encode(doc)


def test_v1_0_file_with_a_stray_container_key_is_migrated_not_misread() -> None:
    """1.0 readers kept unknown keys, so a 1.0 ``container`` is no membership."""
    doc = native.decode((FIXTURES / "v1_0_stray_container.linework").read_bytes())

    inner = doc.records["inner"]
    assert "container" not in inner.extra
    assert "box" == inner.extra["container_1_0"]
    assert b'"minor"' not in native.encode(doc)  # still a 1.0 file


def test_v1_2_fixture_opens_with_rows_ports_and_bars() -> None:
    """1.2: a class and a table with rows, a relation between two rows, a lifeline."""
    doc = native.decode((FIXTURES / "v1_2_uml_er.linework").read_bytes())
    shapes = {r.id: r for r in doc.records.values() if isinstance(r, Shape)}
    conn = doc.typed("conn:1", Connector)

    assert shapes["class"].props["rows"] == ["- id: int", "+ pay(): void"]
    assert shapes["class"].props["compartments"] == [1, 1]
    assert shapes["class"].props["abstract"] is True
    assert shapes["table"].props["rows"][0] == "PK id: int"
    assert Attached(shape="table", port="row1-e") == conn.source
    assert [[70, 170]] == shapes["life"].props["activations"]
    assert doc == native.decode(native.encode(doc))
    assert b'"minor":2' in native.encode(doc)
