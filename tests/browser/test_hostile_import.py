"""Hostile files of every import format, opened in the browser: nothing runs, nothing dies.

A sample of the native hostile-input suites (tests/unit/formats) replayed through
the real file input: markup and script in labels stay text, unsafe links never
reach the DOM, and files built to crash the runtime (a JSON or XML document
nested 10,000 deep) are refused with their code while Python keeps working.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from lw_helpers import ELEMENTS, App

MARK = "<script>window.pwned=1</script><img src=x onerror=window.pwned=1>"
DRAWIO = f"""<mxfile><diagram name="P1"><mxGraphModel><root>
<mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="a" value="{MARK.replace("<", "&lt;").replace(">", "&gt;")}" style="html=1;"
 vertex="1" parent="1"><mxGeometry x="10" y="10" width="160" height="60" as="geometry"/></mxCell>
<UserObject id="b" label="link" link="javascript:window.pwned=1"><mxCell vertex="1" parent="1">
<mxGeometry x="10" y="100" width="80" height="40" as="geometry"/></mxCell></UserObject>
<mxCell id="e" edge="1" parent="1" source="a" target="b" value="&lt;b onmouseover=x&gt;edge&lt;/b&gt;">
<mxGeometry relative="1" as="geometry"/></mxCell>
</root></mxGraphModel></diagram></mxfile>"""
EXCALIDRAW = json.dumps(
    {
        "type": "excalidraw",
        "version": 2,
        "elements": [
            {
                "type": "text",
                "id": "t",
                "x": 0,
                "y": 0,
                "width": 200,
                "height": 40,
                "text": MARK,
                "link": "javascript:window.pwned=1",
            },
            {
                "type": "rectangle",
                "id": "r",
                "x": 0,
                "y": 80,
                "width": 100,
                "height": 50,
                "link": "javascript:alert(1)",
            },
        ],
    }
)
MERMAID = f"""flowchart LR
  A["{MARK.replace('"', "'")}"] --> B[next]
  click A "javascript:window.pwned=1"
"""
GLIFFY = json.dumps(
    {
        "contentType": "application/gliffy+json",
        "version": "1.3",
        "stage": {
            "objects": [
                {
                    "x": 0,
                    "y": 0,
                    "width": 150,
                    "height": 60,
                    "id": 0,
                    "order": 0,
                    "uid": "com.gliffy.shape.basic.basic_v1.default.rectangle",
                    "graphic": {"type": "Shape", "Shape": {"fillColor": "#ffffff"}},
                    "children": [
                        {
                            "x": 0,
                            "y": 0,
                            "width": 150,
                            "height": 60,
                            "id": 1,
                            "order": 1,
                            "graphic": {"type": "Text", "Text": {"html": MARK}},
                        }
                    ],
                }
            ],
            "layers": [],
        },
    }
)
DEEP_JSON = '{"type":"excalidraw","elements":' + "[" * 10_000 + "]" * 10_000 + "}"
DEEP_XML = "<mxfile>" + "<a>" * 10_000 + "</a>" * 10_000 + "</mxfile>"

# (file, content, text that must show literally; HTML labels drop script bodies)
SAFE = [
    ("hostile.drawio", DRAWIO, "<b onmouseover=x>edge</b>"),
    ("hostile.excalidraw", EXCALIDRAW, "<script>window.pwned=1</script>"),
    ("hostile.mmd", MERMAID, "window.pwned=1"),
    ("hostile.gliffy", GLIFFY, ""),
]
REFUSED = [
    ("deep.excalidraw", DEEP_JSON, "LW-E0106"),
    ("deep.drawio", DEEP_XML, "LW-E0106"),
]


@pytest.fixture(autouse=True)
def _no_problems(app: App) -> Any:
    """Each test starts with no dialog open and must log no error or violation."""
    app.dismiss_dialog()
    seen = len(app.console)
    yield
    assert [] == App.problems_of(app.console[seen:])


def _assert_inert(app: App) -> None:
    assert app.page.evaluate("() => window.pwned") is None
    bad = "#canvas script, #canvas img, #canvas foreignObject, #canvas iframe"
    assert 0 == app.page.locator(bad).count()
    hrefs = app.page.eval_on_selector_all(
        "#canvas [href]", "els => els.map(e => e.getAttribute('href'))"
    )
    assert all(
        h.startswith(("https:", "http:", "mailto:", "#", "data:image/")) for h in hrefs
    )
    handlers = app.page.eval_on_selector_all(
        "#canvas *",
        "els => els.flatMap(e => [...e.attributes].map(a => a.name))"
        ".filter(n => n.startsWith('on'))",
    )
    assert [] == handlers


@pytest.mark.parametrize(("name", "text", "literal"), SAFE, ids=[n for n, _, _ in SAFE])
def test_hostile_labels_and_links_stay_inert(
    app: App, tmp_path: Path, name: str, text: str, literal: str
) -> None:
    """Script and markup in labels render as text; javascript: links are dropped."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")

    app.open_file(path)

    assert app.page.locator(ELEMENTS).count() > 0
    _assert_inert(app)
    shown = "".join((app.page.text_content("#canvas") or "").split())
    assert "".join(literal.split()) in shown


@pytest.mark.parametrize(
    ("name", "text", "code"), REFUSED, ids=[n for n, _, _ in REFUSED]
)
def test_runtime_killers_are_refused_and_python_survives(
    app: App, tmp_path: Path, name: str, text: str, code: str
) -> None:
    """A file nested 10,000 deep gets its code; the open diagram and runtime stay."""
    keep = tmp_path / "keep.mmd"
    keep.write_text("flowchart TD\n  Keep --> Me\n", encoding="utf-8")
    app.open_file(keep)
    before = app.send({"type": "test.render"})["elements"]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")

    app.open_file(path, expect_error=True)

    assert code in (app.page.text_content("[data-role=error-dialog]") or "")
    app.dismiss_dialog()
    assert before == app.send({"type": "test.render"})["elements"]
    assert app.send({"type": "version"})["ok"] is True
    _assert_inert(app)
