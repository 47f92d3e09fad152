"""Tests of ``linework seal`` and ``linework unseal``: passphrase sources and errors."""

from __future__ import annotations

import getpass as getpass_module
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import linework.cli
from linework.cli import main
from linework.cli import seal as seal_verb

DOC = (
    b'{"format":"linework","version":1,"pages":[{"id":"page:1",'
    b'"layers":[{"id":"layer:1"}],"elements":[]}],"meta":{}}'
)
PASS = "Grüße, 7 owls über Zürich"
FAST = ["--iterations", "100000"]

Run = Callable[..., tuple[int, str]]


@pytest.fixture(autouse=True)
def only_seal_verbs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the CLI with just these verbs, so other verbs' state cannot interfere."""
    monkeypatch.setattr(linework.cli, "VERBS", ("seal", "unseal"))
    monkeypatch.setenv("LW_PASS", PASS)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Return a runner giving (exit code, stderr) of ``linework ARGS``."""

    def go(*argv: str) -> tuple[int, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refusals
            code = int(exc.code or 0)
        return code, capsys.readouterr().err

    return go


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    """Return a valid .linework file."""
    path = tmp_path / "d.linework"
    path.write_bytes(DOC)
    return path


@pytest.fixture
def sealed(run: Run, doc: Path, tmp_path: Path) -> Path:
    """Return a file sealed with PASS."""
    out = tmp_path / "d.sealed"
    assert (
        run("seal", str(doc), "-o", str(out), "--passphrase-env", "LW_PASS", *FAST)[0]
        == 0
    )
    return out


@pytest.fixture
def no_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything prompts for a passphrase."""

    def refuse(prompt: str = "") -> str:
        raise AssertionError(f"unexpected prompt {prompt!r}")

    monkeypatch.setattr(getpass_module, "getpass", refuse)


def pipe_with(text: str) -> Iterator[int]:
    """Yield the read end of a pipe holding ``text``."""
    r, w = os.pipe()
    os.write(w, text.encode())
    os.close(w)
    try:
        yield r
    finally:
        os.close(r)


def error_line(err: str) -> str:
    """Return the only line of stderr (errors are one line)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_env_round_trip(run: Run, sealed: Path, tmp_path: Path) -> None:
    """A file sealed and unsealed with --passphrase-env comes back byte for byte."""
    out = tmp_path / "back.linework"
    code, err = run(
        "unseal", str(sealed), "-o", str(out), "--passphrase-env", "LW_PASS"
    )

    assert (code, err) == (0, "")
    assert out.read_bytes() == DOC
    assert sealed.read_bytes().startswith(b'{"format":"linework-sealed"')


def test_fd_round_trip(run: Run, doc: Path, tmp_path: Path) -> None:
    """--passphrase-fd reads one line (CRLF tolerated) from the descriptor."""
    sealed, back = tmp_path / "s", tmp_path / "b"
    for fd in pipe_with(PASS + "\r\nnot part of it\n"):
        assert (
            run("seal", str(doc), "-o", str(sealed), "--passphrase-fd", str(fd), *FAST)[
                0
            ]
            == 0
        )
    for fd in pipe_with(PASS):  # no newline at all is fine too
        assert (
            run("unseal", str(sealed), "-o", str(back), "--passphrase-fd", str(fd))[0]
            == 0
        )

    assert back.read_bytes() == DOC


@pytest.mark.parametrize(
    "argv", [["--passphrase", "secret"], ["--passphrase=secret"], ["-p", "secret"]]
)
@pytest.mark.parametrize("verb", ["seal", "unseal"])
def test_passphrase_never_from_argv(
    run: Run, doc: Path, tmp_path: Path, verb: str, argv: list[str]
) -> None:
    """A passphrase on the command line is refused with advice, and nothing is written."""
    out = tmp_path / "out"
    code, err = run(verb, str(doc), "-o", str(out), *argv)

    assert code == 2
    assert "--passphrase-env" in err
    assert "secret" not in err
    assert not out.exists()


def test_wrong_passphrase(
    run: Run, sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong passphrase exits 2 with LW-E0300 on one line and leaves OUT alone."""
    out = tmp_path / "keep"
    out.write_bytes(b"previous")
    monkeypatch.setenv("LW_PASS", PASS + "x")
    code, err = run(
        "unseal", str(sealed), "-o", str(out), "--passphrase-env", "LW_PASS"
    )

    assert code == 2
    assert error_line(err).endswith("(LW-E0300)")
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "d.linework",
        "d.sealed",
        "keep",
    ]


@pytest.mark.parametrize(
    ("mangle", "expected"),
    [
        (lambda b: b[: len(b) // 2], "LW-E0301"),
        (lambda b: b.replace(b'"version":1', b'"version":2'), "LW-E0302"),
        (lambda b: b.replace(b'"iterations":100000', b'"iterations":1'), "LW-E0301"),
        (
            lambda b: b.replace(b'"iterations":100000', b'"iterations":100001'),
            "LW-E0300",
        ),
    ],
)
@pytest.mark.usefixtures("no_prompt")
def test_unseal_errors(
    run: Run,
    sealed: Path,
    tmp_path: Path,
    mangle: Callable[[bytes], bytes],
    expected: str,
) -> None:
    """Damage, versions and tampering each give their own code."""
    sealed.write_bytes(mangle(sealed.read_bytes()))
    code, err = run(
        "unseal", str(sealed), "-o", str(tmp_path / "o"), "--passphrase-env", "LW_PASS"
    )

    assert code == 2
    assert error_line(err).endswith(f"({expected})")


@pytest.mark.usefixtures("no_prompt")
def test_malformed_file_is_reported_before_the_prompt(
    run: Run, doc: Path, tmp_path: Path
) -> None:
    """A file that is not sealed fails at once, saying so (not "damaged"); the
    user is never asked for a passphrase."""
    code, err = run("unseal", str(doc), "-o", str(tmp_path / "o"))

    assert code == 2
    line = error_line(err)
    assert line.endswith("(LW-E0306)")
    assert "not sealed" in line and "damaged" not in line


@pytest.mark.usefixtures("no_prompt")
@pytest.mark.parametrize(
    ("content", "expected"),
    [(b"{not json", "LW-E0101"), (b'{"format":"linework","version":1}', "LW-E0102")],
)
def test_seal_refuses_invalid_input(
    run: Run, tmp_path: Path, content: bytes, expected: str
) -> None:
    """Only a valid .linework file may be sealed."""
    src, out = tmp_path / "in", tmp_path / "out"
    src.write_bytes(content)
    code, err = run("seal", str(src), "-o", str(out), "--passphrase-env", "LW_PASS")

    assert code == 2
    assert error_line(err).endswith(f"({expected})")
    assert not out.exists()


def test_seal_refuses_sealed_input(run: Run, sealed: Path, tmp_path: Path) -> None:
    """Sealing a sealed file is refused rather than double-wrapped."""
    code, err = run(
        "seal", str(sealed), "-o", str(tmp_path / "o"), "--passphrase-env", "LW_PASS"
    )

    assert code == 2
    assert error_line(err).endswith("(LW-E0303)")


def test_seal_refuses_low_iterations(run: Run, doc: Path, tmp_path: Path) -> None:
    """--iterations below the format's minimum is refused."""
    code, err = run(
        "seal",
        str(doc),
        "-o",
        str(tmp_path / "o"),
        "--passphrase-env",
        "LW_PASS",
        "--iterations",
        "1000",
    )

    assert code == 2
    assert error_line(err).endswith("(LW-E0303)")


@pytest.mark.parametrize(
    ("verb", "expected"), [("seal", "LW-E0303"), ("unseal", "LW-E0304")]
)
def test_missing_environment_variable(
    run: Run, doc: Path, sealed: Path, tmp_path: Path, verb: str, expected: str
) -> None:
    """An unset variable names itself in the error."""
    src = doc if verb == "seal" else sealed
    code, err = run(
        verb, str(src), "-o", str(tmp_path / "o"), "--passphrase-env", "LW_NOPE"
    )

    assert code == 2
    assert "LW_NOPE" in err
    assert error_line(err).endswith(f"({expected})")


def test_bad_descriptor(run: Run, sealed: Path, tmp_path: Path) -> None:
    """A descriptor that is not open is a clear passphrase error."""
    code, err = run(
        "unseal", str(sealed), "-o", str(tmp_path / "o"), "--passphrase-fd", "987"
    )

    assert code == 2
    assert error_line(err).endswith("(LW-E0304)")


def fake_prompt(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> list[str]:
    """Answer getpass prompts from ``answers`` and return the prompts shown."""
    shown: list[str] = []

    def getpass(prompt: str = "") -> str:
        shown.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(seal_verb, "_has_terminal", lambda: True)
    monkeypatch.setattr(getpass_module, "getpass", getpass)
    return shown


def test_prompt_asks_twice_and_shows_strength(
    run: Run, doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sealing at a prompt asks twice and reports the passphrase strength."""
    out, back = tmp_path / "s", tmp_path / "b"
    shown = fake_prompt(monkeypatch, [PASS, PASS, PASS])
    code, err = run("seal", str(doc), "-o", str(out), *FAST)

    assert code == 0
    assert "strength:" in err
    assert PASS not in err
    assert run("unseal", str(out), "-o", str(back))[0] == 0
    assert len(shown) == 3
    assert back.read_bytes() == DOC


def test_prompt_mismatch(
    run: Run, doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two different answers at the prompt seal nothing."""
    out = tmp_path / "s"
    fake_prompt(monkeypatch, [PASS, PASS + " "])
    code, err = run("seal", str(doc), "-o", str(out), *FAST)

    assert code == 2
    assert err.startswith("Passphrase strength:")  # shown after the first answer
    assert error_line(err.split("\n", 1)[1]).endswith("(LW-E0303)")
    assert not out.exists()


@pytest.mark.usefixtures("no_prompt")
def test_no_terminal(
    run: Run, sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a terminal and without a source option, unsealing says how to pass one."""
    monkeypatch.setattr(seal_verb, "_has_terminal", lambda: False)
    code, err = run("unseal", str(sealed), "-o", str(tmp_path / "o"))

    assert code == 2
    assert "--passphrase-fd" in err
    assert error_line(err).endswith("(LW-E0304)")


@pytest.fixture
def without_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every ``cryptography`` import fail, as when the extra is not installed."""
    names = {
        "cryptography",
        "cryptography.exceptions",
        "cryptography.hazmat",
        "cryptography.hazmat.primitives",
        "cryptography.hazmat.primitives.ciphers",
        "cryptography.hazmat.primitives.kdf",
    }
    names.update(n for n in sys.modules if n.split(".")[0] == "cryptography")
    for name in names:
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize("verb", ["seal", "unseal"])
def test_missing_cryptography_is_lw_e0305(
    verb: str,
    run: Run,
    doc: Path,
    sealed: Path,
    tmp_path: Path,
    no_prompt: None,
    request: pytest.FixtureRequest,
) -> None:
    """Without the ``native`` extra both verbs say LW-E0305, with the install hint."""
    request.getfixturevalue("without_cryptography")
    source = doc if verb == "seal" else sealed

    code, err = run(
        verb, str(source), "-o", str(tmp_path / "out"), "--passphrase-env", "LW_PASS"
    )

    assert code == 2
    line = error_line(err)
    assert "(LW-E0305)" in line
    assert "Encryption needs the cryptography package" in line
    assert "pip install" in line
    assert not (tmp_path / "out").exists()
