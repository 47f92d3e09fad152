"""The bridge tells pictures from diagrams; Open of a plain picture offers it."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from linework import files
from linework.bridge.api import Api
from linework.formats import imports
from linework.model import Document
from picture_samples import HOSTILE_SVG, jpeg, png


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def kind(api: Api, data: bytes) -> str:
    reply = api.dispatch(json.dumps({"type": "picture-kind", "data": b64(data)}))
    assert reply["ok"], reply
    return str(reply["kind"])


def linework_png() -> bytes:
    """A Linework PNG export: a picture that carries its diagram."""
    from linework.formats import png as png_format

    doc = Document.new()
    return png_format.with_text_chunk(
        png(4, 4), files.PNG_KEY, files.save_as(doc, "linework")
    )


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (png(3, 3), "picture"),
        (jpeg(10, 10), "picture"),
        (HOSTILE_SVG.encode(), "picture"),
        (b"hello", "none"),
        (b'{"format":"linework","version":1,"pages":[]}', "diagram"),
        (linework_png(), "diagram"),
    ],
)
def test_picture_kind(data: bytes, expected: str) -> None:
    assert expected == kind(Api(), data)


def test_open_of_a_plain_picture_offers_insertion_and_changes_nothing() -> None:
    api = Api()
    api.dispatch(json.dumps({"type": "new"}))

    reply: dict[str, Any] = api.dispatch(
        json.dumps({"type": "file-open", "name": "photo.png", "data": b64(png(8, 8))})
    )

    assert (False, "LW-E0206", True) == (reply["ok"], reply["code"], reply["picture"])
    assert imports.sniff(png(8, 8)) is None
