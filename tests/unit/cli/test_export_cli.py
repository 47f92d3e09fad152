"""Tests of ``linework export``: SVG and PNG that open again as the diagram."""

from __future__ import annotations

import struct
import types
from collections.abc import Callable
from pathlib import Path

import pytest

import linework.cli
from linework import files
from linework.cli import main
from linework.formats import native

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "architecture.linework"
PASS = "seven owls over Zürich"

Run = Callable[..., tuple[int, str]]


@pytest.fixture(autouse=True)
def verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the CLI with the verbs these tests use."""
    monkeypatch.setattr(linework.cli, "VERBS", ("export", "seal"))
    monkeypatch.setenv("LW_PASS", PASS)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Return a runner giving (exit code, stderr) of ``linework ARGS``."""

    def go(*argv: str) -> tuple[int, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
        return code, capsys.readouterr().err

    return go


def png_size(data: bytes) -> tuple[int, int]:
    w, h = struct.unpack(">II", data[16:24])
    return w, h


def test_svg_embeds_the_document(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "a.svg"
    assert (0, "") == run("export", str(EXAMPLE), "-o", str(out))
    data = out.read_bytes()
    assert data.startswith(b"<svg")
    again = files.open_document(data).doc
    assert native.decode(EXAMPLE.read_bytes()) == again


def test_svg_without_embedding_and_background(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "a.svg"
    assert (
        0
        == run("export", str(EXAMPLE), "-o", str(out), "--no-embed", "--transparent")[0]
    )
    data = out.read_text()
    assert "linework:document" not in data


def test_png_scales_and_embeds(run: Run, tmp_path: Path) -> None:
    pytest.importorskip("resvg_py")
    one, two = tmp_path / "1.png", tmp_path / "2.png"
    assert (0, "") == run("export", str(EXAMPLE), "-o", str(one))
    assert (0, "") == run("export", str(EXAMPLE), "-o", str(two), "--scale", "2")
    w1, h1 = png_size(one.read_bytes())
    w2, h2 = png_size(two.read_bytes())
    assert abs(w2 - 2 * w1) <= 2 and abs(h2 - 2 * h1) <= 2
    assert (
        native.decode(EXAMPLE.read_bytes()) == files.open_document(two.read_bytes()).doc
    )


def test_transparent_png_has_clear_corners(run: Run, tmp_path: Path) -> None:
    pytest.importorskip("resvg_py")
    import zlib

    out = tmp_path / "t.png"
    assert (
        0
        == run("export", str(EXAMPLE), "-o", str(out), "--transparent", "--no-embed")[0]
    )
    data = out.read_bytes()
    # Concatenate IDAT, inflate, and read the first pixel's alpha (RGBA, filter byte first).
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    assert data[25] == 6  # colour type RGBA
    raw = zlib.decompress(idat)
    assert 0 == raw[4]


def test_sealed_input_embeds_the_sealed_file(run: Run, tmp_path: Path) -> None:
    pytest.importorskip("cryptography")
    sealed = tmp_path / "s.linework"
    assert (
        0
        == run(
            "seal",
            str(EXAMPLE),
            "-o",
            str(sealed),
            "--iterations",
            "100000",
            "--passphrase-env",
            "LW_PASS",
        )[0]
    )
    out = tmp_path / "s.svg"
    assert (
        0
        == run("export", str(sealed), "-o", str(out), "--passphrase-env", "LW_PASS")[0]
    )
    data = out.read_bytes()
    assert sealed.read_bytes() == files.embedded_document(data)
    assert 2 == run("export", str(sealed), "-o", str(tmp_path / "x.svg"))[0]


def test_refuses_other_suffixes_and_pages(run: Run, tmp_path: Path) -> None:
    code, err = run("export", str(EXAMPLE), "-o", str(tmp_path / "a.gif"))
    assert 2 == code and "LW-E0401" in err
    code, err = run(
        "export", str(EXAMPLE), "-o", str(tmp_path / "a.svg"), "--page", "9"
    )
    assert 2 == code and "LW-E0702" in err
    assert (
        2
        == run("export", str(EXAMPLE), "-o", str(tmp_path / "a.png"), "--scale", "3")[0]
    )


def test_png_without_resvg_says_how_to_get_it(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from linework.cli import export as export_verb

    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(
        export_verb, "importlib", types.SimpleNamespace(import_module=missing)
    )
    code, err = run("export", str(EXAMPLE), "-o", str(tmp_path / "a.png"))
    assert 2 == code and "linework[png]" in err


def _far_apart(tmp_path: Path, distance: float) -> Path:
    """A diagram of two small shapes ``distance`` px apart on both axes."""
    from linework.geometry import Box
    from linework.model import Document, IdSource, Shape, Transaction

    ids = IdSource()
    doc = Document.new(ids)
    page = doc.pages()[0]
    layer = doc.layers(page.id)[0].id
    tx = Transaction(doc)
    for at in (0.0, distance):
        tx.put(
            Shape(
                id=ids.new("shape"),
                page=page.id,
                layer=layer,
                kind="rectangle",
                box=Box(at, at, 40, 30),
            )
        )
    path = tmp_path / "far.linework"
    path.write_bytes(native.encode(doc.apply(tx.patch())))
    return path


def test_a_png_too_large_to_rasterize_is_refused_with_a_code(tmp_path: Path) -> None:
    """Two shapes 100,000 px apart used to abort the process (SIGABRT in resvg)."""
    import subprocess
    import sys

    src = _far_apart(tmp_path, 100_000)
    out = tmp_path / "far.png"
    done = subprocess.run(
        [sys.executable, "-m", "linework.cli", "export", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert 2 == done.returncode, done.stderr
    assert "LW-E0403" in done.stderr
    assert "100,080 × 100,070 pixels" in done.stderr
    assert not out.exists()
    # The SVG of the same diagram is fine: that is what the message suggests.
    svg = tmp_path / "far.svg"
    assert 0 == main(["export", str(src), "-o", str(svg)])


def test_the_pixel_cap_counts_the_scale(run: Run, tmp_path: Path) -> None:
    src = _far_apart(tmp_path, 3_000)
    assert 0 == run("export", str(src), "-o", str(tmp_path / "a.png"))[0]
    code, err = run("export", str(src), "-o", str(tmp_path / "b.png"), "--scale", "4")
    assert 2 == code and "LW-E0403" in err and "12,320 × 12,280" in err
    assert "smaller --scale" in err
