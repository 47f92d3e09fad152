"""Tests of the sealed-file v1 envelope: round trips and one code per failure."""

from __future__ import annotations

import base64
import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linework.errors import LineworkError
from linework.seal import (
    MIN_ITERATIONS,
    SealedEnvelope,
    begin_seal,
    finish_seal,
    is_sealed,
    normalize_passphrase,
    parse_sealed,
    seal,
    unseal,
)
from linework.seal.native import NativePrimitives

from .fakes import FastKdf, SpyPrimitives

DOC = b'{"format":"linework","version":1,"pages":[]}'
PASS = "tangerine orbit 42"
FAST = MIN_ITERATIONS  # ~15 ms natively; the public minimum


@pytest.fixture(scope="module")
def native() -> NativePrimitives:
    return NativePrimitives()


@pytest.fixture(scope="module")
def sealed(native: NativePrimitives) -> bytes:
    return seal(DOC, PASS, native, iterations=FAST)


def code_of(data: bytes, passphrase: str = PASS) -> str:
    """Return the error code unsealing ``data`` raises.

    A spy records the primitives used: every refusal but LW-E0300 (which only
    decryption can discover) must come before any key derivation.
    """
    spy = SpyPrimitives()
    with pytest.raises(LineworkError) as info:
        unseal(data, passphrase, spy)
    code = info.value.code
    assert spy.calls == (["derive_key", "decrypt"] if code == "LW-E0300" else [])
    return code


def b64url(raw: bytes) -> str:
    """Return unpadded base64url text."""
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def edit(data: bytes, change: dict[str, object], where: str = "") -> bytes:
    """Return ``data`` with header fields replaced (in ``kdf``/``cipher`` if given)."""
    o = json.loads(data)
    (o[where] if where else o).update(change)
    return json.dumps(o).encode()


def test_round_trip(native: NativePrimitives, sealed: bytes) -> None:
    """Unsealing with the right passphrase gives back the exact plaintext."""
    assert unseal(sealed, PASS, native) == DOC


def test_default_envelope_shape(native: NativePrimitives) -> None:
    """The writer emits the documented fields, order, defaults and unpadded base64url."""
    data = seal(DOC, PASS, native)
    o = json.loads(data)

    assert list(o) == ["format", "version", "kdf", "cipher", "ciphertext"]
    assert {k: o["kdf"][k] for k in ("name", "iterations")} == {
        "name": "PBKDF2-HMAC-SHA256",
        "iterations": 600_000,
    }
    assert o["cipher"]["name"] == "AES-256-GCM"
    assert (len(o["kdf"]["salt"]), len(o["cipher"]["nonce"])) == (22, 16)
    assert not any("=" in s for s in (o["kdf"]["salt"], o["ciphertext"]))
    assert data.startswith(b'{"format":"linework-sealed","version":1,')
    assert data.endswith(b"}\n")


def test_fresh_salt_and_nonce(native: NativePrimitives) -> None:
    """Two seals of the same plaintext and passphrase share no salt, nonce or bytes."""
    a = json.loads(seal(DOC, PASS, native, iterations=FAST))
    b = json.loads(seal(DOC, PASS, native, iterations=FAST))

    assert a["kdf"]["salt"] != b["kdf"]["salt"]
    assert a["cipher"]["nonce"] != b["cipher"]["nonce"]
    assert a["ciphertext"] != b["ciphertext"]


def test_nfc_and_nfd_passphrases_open_the_same_file(native: NativePrimitives) -> None:
    """'é' typed precomposed or as e + combining accent derives the same key."""
    nfc = unicodedata.normalize("NFC", "crème brûlée é")
    nfd = unicodedata.normalize("NFD", nfc)
    data = seal(DOC, nfd, native, iterations=FAST)

    assert nfc != nfd
    assert normalize_passphrase(nfc) == normalize_passphrase(nfd)
    assert unseal(data, nfc, native) == DOC


def test_passphrase_is_not_otherwise_altered() -> None:
    """Only NFC applies: case and surrounding spaces still matter."""
    assert normalize_passphrase(" Pass ") == b" Pass "


def test_wrong_passphrase(sealed: bytes) -> None:
    """A wrong passphrase is LW-E0300, and the message admits it may be tampering."""
    with pytest.raises(LineworkError) as info:
        unseal(sealed, PASS + "!", NativePrimitives())

    assert info.value.code == "LW-E0300"
    assert "changed" in info.value.describe()


@pytest.mark.parametrize("index", [0, 7, -1])
def test_flipped_ciphertext_byte(sealed: bytes, index: int) -> None:
    """One flipped bit anywhere in the ciphertext or tag is LW-E0300."""
    ct = bytearray(parse_sealed(sealed).ciphertext)
    ct[index] ^= 0x01

    assert code_of(edit(sealed, {"ciphertext": b64url(bytes(ct))})) == "LW-E0300"


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("kdf", {"iterations": FAST + 1}),
        ("kdf", {"salt": "AAAAAAAAAAAAAAAAAAAAAA"}),
        ("cipher", {"nonce": "AAAAAAAAAAAAAAAA"}),
    ],
)
def test_changed_header_field(
    sealed: bytes, where: str, change: dict[str, object]
) -> None:
    """A header field changed to another valid value is LW-E0300: the aad binds it."""
    assert code_of(edit(sealed, change, where)) == "LW-E0300"


def test_reformatted_file_still_opens(native: NativePrimitives, sealed: bytes) -> None:
    """The aad is the canonical header as read, so re-indenting the JSON is harmless."""
    pretty = json.dumps(json.loads(sealed), indent=4, sort_keys=True).encode()

    assert unseal(pretty, PASS, native) == DOC


def test_padded_base64_is_accepted(native: NativePrimitives) -> None:
    """A writer that pads its base64url (and binds the padded text) interoperates."""
    plan = begin_seal(bytes(range(16)), bytes(range(12)), FAST)
    header = plan.header
    header["kdf"]["salt"] += "=="  # 22 chars + 2 (the 16-char nonce needs none)
    aad = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    key = native.derive_key(normalize_passphrase(PASS), plan.salt, FAST)
    ct = native.encrypt(key, plan.nonce, DOC + b"\n", aad)  # 77 bytes: padded
    padded = base64.urlsafe_b64encode(ct).decode()
    data = json.dumps({**header, "ciphertext": padded}).encode()

    assert padded.endswith("=")
    assert unseal(data, PASS, native) == DOC + b"\n"


@pytest.mark.parametrize("cut", [0, 1, 40, 150, -30, -3])
def test_truncated_file(sealed: bytes, cut: int) -> None:
    """A file cut short anywhere is LW-E0301 (malformed), decided before any crypto."""
    assert code_of(sealed[:cut]) == "LW-E0301"


def test_ciphertext_shorter_than_tag(sealed: bytes) -> None:
    """A ciphertext that cannot even hold the 16-byte tag is LW-E0301."""
    assert code_of(edit(sealed, {"ciphertext": "AAAAAAAAAAAAAAAAAAAA"})) == "LW-E0301"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b"[]",
        b'"linework-sealed"',
        b"\xff\xfe{}",
        b'{"format":"linework","version":1}',
        b'{"format":"linework-sealed","version":1,"version":1}',
        b'{"format":"linework-sealed","version":NaN}',
        b'{"format":"linework-sealed","version":"1"}',
        b'{"format":"linework-sealed","version":1.0}',
        b'{"format":"linework-sealed","version":true}',
        b'{"format":"linework-sealed","version":1}',
        b"{" * 100_000,
        b'{"a":' * 70 + b"1" + b"}" * 70,
    ],
)
def test_malformed_json(data: bytes) -> None:
    """Non-JSON, wrong types, duplicates, deep nesting and missing fields are LW-E0301."""
    assert code_of(data) == "LW-E0301"


def test_oversized_file() -> None:
    """A file over the size cap is refused before it is decoded."""
    assert code_of(b" " * (96 * 1024 * 1024 + 1)) == "LW-E0301"


@pytest.mark.parametrize("version", [2, 0, -1, 10**30])
def test_unsupported_version(sealed: bytes, version: int) -> None:
    """Any integer version but 1 is LW-E0302, whatever the rest looks like."""
    assert code_of(edit(sealed, {"version": version})) == "LW-E0302"
    assert (
        code_of(json.dumps({"format": "linework-sealed", "version": version}).encode())
        == "LW-E0302"
    )


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("kdf", {"iterations": 1}),
        ("kdf", {"iterations": MIN_ITERATIONS - 1}),
        ("kdf", {"iterations": 10**9}),
        ("kdf", {"iterations": 10_000_001}),
        ("kdf", {"iterations": 600_000.0}),
        ("kdf", {"iterations": "600000"}),
        ("kdf", {"salt": "AAAAAAAAAAA"}),  # 8 bytes
        ("kdf", {"salt": "AAAAAAAAAAAAAAAAAAAAAAAA"}),  # 18 bytes
        ("kdf", {"salt": "AAAAAAAAAAAAAAAAAAAAA+"}),  # standard, not url, alphabet
        ("kdf", {"salt": "AAAAAAAAAAAAAAAAAAAAAB"}),  # non-canonical low bits
        ("kdf", {"salt": 7}),
        ("kdf", {"name": "scrypt"}),
        ("kdf", {"extra": 1}),
        ("cipher", {"nonce": "AAAAAAAAAAA"}),  # 8 bytes
        ("cipher", {"nonce": "AAAAAAAAAAAAAAAA="}),
        ("cipher", {"name": "AES-128-GCM"}),
        ("", {"kdf": []}),
        ("", {"cipher": None}),
        ("", {"ciphertext": "!!"}),
        ("", {"note": "hi"}),
    ],
)
def test_refused_before_any_crypto(
    sealed: bytes, where: str, change: dict[str, object]
) -> None:
    """Bad parameters are LW-E0301, and no primitive runs: the spy records nothing."""
    spy = SpyPrimitives()
    with pytest.raises(LineworkError) as info:
        unseal(edit(sealed, change, where), PASS, spy)

    assert (info.value.code, spy.calls) == ("LW-E0301", [])


@pytest.mark.parametrize("key", ["kdf", "cipher", "ciphertext"])
def test_missing_field(sealed: bytes, key: str) -> None:
    """A missing field is LW-E0301."""
    o = json.loads(sealed)
    del o[key]

    assert code_of(json.dumps(o).encode()) == "LW-E0301"


def test_empty_passphrase_to_open(sealed: bytes) -> None:
    """Opening with no passphrase is LW-E0304, without deriving anything."""
    assert code_of(sealed, "") == "LW-E0304"


def test_refused_seal_parameters(native: NativePrimitives) -> None:
    """Sealing refuses an empty passphrase and out-of-range iterations (LW-E0303)."""
    for call in (
        lambda: seal(DOC, "", native),
        lambda: seal(DOC, PASS, native, iterations=MIN_ITERATIONS - 1),
        lambda: seal(DOC, PASS, native, iterations=10**9),
        lambda: seal(DOC, "\udcff", native, iterations=FAST),
        lambda: begin_seal(bytes(8), bytes(12)),
        lambda: begin_seal(bytes(16), bytes(16)),
        lambda: finish_seal(begin_seal(bytes(16), bytes(12)), bytes(15)),
    ):
        with pytest.raises(LineworkError) as info:
            call()
        assert info.value.code == "LW-E0303"


def test_primitive_failure_while_sealing() -> None:
    """A failing primitive while sealing becomes LW-E0303, never a traceback."""

    class Broken(SpyPrimitives):
        def encrypt(
            self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes
        ) -> bytes:
            raise RuntimeError("boom")

    with pytest.raises(LineworkError) as info:
        seal(DOC, PASS, Broken(), iterations=FAST)

    assert info.value.code == "LW-E0303"


def test_unseal_order_of_work(sealed: bytes) -> None:
    """Unsealing derives once and decrypts once, and never draws randomness."""
    spy = SpyPrimitives()
    unseal(sealed, PASS, spy)

    assert spy.calls == ["derive_key", "decrypt"]


def test_two_phase_matches_one_phase(native: NativePrimitives) -> None:
    """The bridge's begin/finish + parse path gives the same bytes as seal/unseal."""
    salt, nonce = bytes(range(16)), bytes(range(12))
    plan = begin_seal(salt, nonce, FAST)
    key = native.derive_key(plan.passphrase_utf8(PASS), plan.salt, plan.iterations)
    data = finish_seal(plan, native.encrypt(key, plan.nonce, DOC, plan.aad))
    env = parse_sealed(data)

    assert SealedEnvelope(salt, nonce, FAST, env.ciphertext, plan.aad) == env
    assert plan.header == {
        k: v for k, v in json.loads(data).items() if k != "ciphertext"
    }
    assert native.decrypt(key, env.nonce, env.ciphertext, env.aad) == DOC
    assert unseal(data, PASS, native) == DOC


def test_plan_header_is_a_copy() -> None:
    """Mutating the header a plan hands out cannot change what gets sealed."""
    plan = begin_seal(bytes(16), bytes(12), FAST)
    plan.header["kdf"]["iterations"] = 1

    assert plan.header["kdf"]["iterations"] == FAST


def test_is_sealed(sealed: bytes) -> None:
    """The sniff recognises sealed files (also key-sorted) and nothing else."""
    sorted_keys = json.dumps(json.loads(sealed), sort_keys=True).encode()
    doc_mentioning = (
        b'{"format":"linework","text":"{\\"format\\":\\"linework-sealed\\"}"}'
    )

    assert is_sealed(sealed)
    assert is_sealed(b"\xef\xbb\xbf \n" + sealed)
    assert is_sealed(sorted_keys)
    assert not is_sealed(DOC)
    assert not is_sealed(doc_mentioning)
    assert not is_sealed(b"")
    assert not is_sealed(b"<svg/>")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plaintext=st.binary(max_size=2048),
    passphrase=st.text(min_size=1, max_size=40).filter(
        lambda s: all(not 0xD800 <= ord(c) <= 0xDFFF for c in s)
    ),
    iterations=st.integers(MIN_ITERATIONS, 10_000_000),
)
def test_round_trip_property(
    plaintext: bytes, passphrase: str, iterations: int
) -> None:
    """Any bytes sealed under any passphrase and iteration count unseal unchanged.

    ``FastKdf`` runs one PBKDF2 round whatever the header says, so the full
    envelope logic runs without 10^7 real rounds per example.
    """
    prims = FastKdf()
    data = seal(plaintext, passphrase, prims, iterations=iterations)

    assert iterations == parse_sealed(data).iterations
    assert plaintext == unseal(data, unicodedata.normalize("NFD", passphrase), prims)
