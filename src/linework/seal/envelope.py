"""The sealed file v1 (docs/architecture.md §4): a JSON envelope around AES-256-GCM.

All format logic is here, in Python, so the browser and the CLI write and read
the very same bytes; the crypto itself is injected (``seal.primitives``).

Decisions the design leaves open:

* B64URL is base64url (RFC 4648 §5) written **without** padding; readers accept
  it with or without ``=`` padding, but refuse any other character and any
  non-canonical encoding, so every value has exactly one unpadded spelling.
* The aad is the canonical JSON of the header **as read** (the parsed object
  without ``ciphertext``), so a writer that pads its base64 still interoperates,
  and re-indenting a sealed file does not break it.
* The header has exactly the documented keys, at every level; an unknown key is
  a malformed file (LW-E0301). ``version`` is read first so that any other
  version gives LW-E0302 whatever its shape.
* The writer emits the documented key order, compact, with a final newline, so
  ``"format"`` is in the first bytes for content sniffing.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Final

from linework.errors import LineworkError
from linework.seal.primitives import AuthenticationError, Primitives

FORMAT: Final = "linework-sealed"
VERSION: Final = 1
MEDIA_TYPE: Final = "application/vnd.linework-sealed+json"
KDF_NAME: Final = "PBKDF2-HMAC-SHA256"
CIPHER_NAME: Final = "AES-256-GCM"
DEFAULT_ITERATIONS: Final = 600_000
MIN_ITERATIONS: Final = 100_000
MAX_ITERATIONS: Final = 10_000_000
SALT_BYTES: Final = 16
NONCE_BYTES: Final = 12
TAG_BYTES: Final = 16
KEY_BYTES: Final = 32
# Mirrors formats.limits.MAX_FILE_BYTES (a layer above, so not imported): we never
# seal a document Linework would refuse to open.
MAX_PLAINTEXT_BYTES: Final = 64 * 1024 * 1024
# A 64 MiB document is ~85.4 MiB of base64; the rest is header and whitespace.
MAX_SEALED_BYTES: Final = 96 * 1024 * 1024
# A valid envelope has three '{' and no '[' (its strings are names and base64url),
# so counting brackets bounds the nesting before json.loads can recurse on it;
# docs/architecture.md §7: deep JSON overflows the JavaScript stack in Pyodide.
_MAX_BRACKETS: Final = 64

_URL_TO_STD: Final = bytes.maketrans(b"-_", b"+/")
_SNIFF: Final = re.compile(rb'[{,]\s*"format"\s*:\s*"linework-sealed"')
_TOP_KEYS: Final = frozenset({"format", "version", "kdf", "cipher", "ciphertext"})
_KDF_KEYS: Final = frozenset({"name", "iterations", "salt"})
_CIPHER_KEYS: Final = frozenset({"name", "nonce"})


@dataclass(frozen=True, slots=True)
class SealPlan:
    """Everything needed to seal, before any crypto runs (phase one of sealing).

    Attributes:
        salt: the 16 PBKDF2 salt bytes.
        nonce: the 12 AES-GCM nonce bytes.
        iterations: the PBKDF2 iteration count.
        aad: the canonical header JSON to pass as AES-GCM additional data.
    """

    salt: bytes
    nonce: bytes
    iterations: int
    aad: bytes

    @property
    def header(self) -> dict[str, Any]:
        """Return a fresh copy of the envelope header (everything but ciphertext)."""
        return _header(self.salt, self.nonce, self.iterations)

    @staticmethod
    def passphrase_utf8(passphrase: str) -> bytes:
        """Return the bytes to hand to PBKDF2 (``normalize_passphrase``)."""
        return normalize_passphrase(passphrase)


@dataclass(frozen=True, slots=True)
class SealedEnvelope:
    """A parsed and validated sealed file, ready for key derivation and decryption.

    Attributes:
        salt: the 16 PBKDF2 salt bytes.
        nonce: the 12 AES-GCM nonce bytes.
        iterations: the PBKDF2 iteration count, within the accepted range.
        ciphertext: AES-GCM ciphertext with its 16-byte tag at the end.
        aad: the canonical header JSON to pass as AES-GCM additional data.
    """

    salt: bytes
    nonce: bytes
    iterations: int
    ciphertext: bytes
    aad: bytes


def normalize_passphrase(passphrase: str) -> bytes:
    """Return the passphrase as NFC-normalised UTF-8, the bytes PBKDF2 receives.

    NFC makes "é" typed as one code point or as "e" plus a combining accent open
    the same file. Nothing else is changed: no trimming, no case folding.

    Raises:
        ValueError: the text holds lone surrogates (from undecodable terminal bytes).
    """
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def is_sealed(data: bytes) -> bool:
    """Return whether ``data`` looks like a sealed file (cheap sniff, no parse).

    The writer puts ``"format"`` first; the tail is checked too in case a tool
    re-wrote the JSON with sorted keys. Requiring ``{`` or ``,`` before the key
    ignores an escaped ``\\"format\\"`` inside some other file's text.
    """
    head = data[:4096]
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return False
    return bool(_SNIFF.search(head) or _SNIFF.search(data[-4096:]))


def begin_seal(
    salt: bytes, nonce: bytes, iterations: int = DEFAULT_ITERATIONS
) -> SealPlan:
    """Plan a seal: check the parameters and compute the header and its aad.

    The caller supplies fresh random salt and nonce (``Primitives.random_bytes``
    or ``crypto.getRandomValues``) for every seal: reusing a nonce under the same
    key breaks AES-GCM.

    Raises:
        LineworkError: LW-E0303 for a wrong salt or nonce length or an iteration
            count outside 100,000-10,000,000.
    """
    if len(salt) != SALT_BYTES:
        raise LineworkError("LW-E0303", f"The salt must be {SALT_BYTES} bytes.")
    if len(nonce) != NONCE_BYTES:
        raise LineworkError("LW-E0303", f"The nonce must be {NONCE_BYTES} bytes.")
    _check_iterations(iterations)
    header = _header(bytes(salt), bytes(nonce), iterations)
    return SealPlan(bytes(salt), bytes(nonce), iterations, _canonical(header))


def finish_seal(plan: SealPlan, ciphertext_with_tag: bytes) -> bytes:
    """Return the sealed file bytes for ``plan`` and its AES-GCM output.

    Raises:
        LineworkError: LW-E0303 when the ciphertext is shorter than the tag or the
            result would be larger than Linework opens.
    """
    if len(ciphertext_with_tag) < TAG_BYTES:
        raise LineworkError(
            "LW-E0303", f"The ciphertext lacks its {TAG_BYTES}-byte tag."
        )
    head = json.dumps(plan.header, separators=(",", ":"), ensure_ascii=True)
    # base64url needs no JSON escaping, so the (large) ciphertext is spliced in
    # rather than scanned again by json.dumps; the bytes are the same.
    body = base64.urlsafe_b64encode(bytes(ciphertext_with_tag)).rstrip(b"=")
    data = b"".join((head[:-1].encode("ascii"), b',"ciphertext":"', body, b'"}\n'))
    if len(data) > MAX_SEALED_BYTES:
        raise LineworkError("LW-E0303", "The document is too large to seal.")
    return data


def _json_problem(exc: json.JSONDecodeError) -> str:
    """A sentence for a JSON syntax error (Python's own text is a fragment)."""
    where = f"line {exc.lineno}, column {exc.colno}"
    rest = exc.doc[exc.pos :].strip()
    if exc.msg.startswith("Unterminated") or not rest:
        return (
            "The file ends too early, as if it was cut off: "
            f"the text that starts at {where} is never finished."
        )
    what = exc.msg[:1].lower() + exc.msg[1:]
    return f"The file is not valid JSON at {where} ({what})."


def parse_sealed(data: bytes) -> SealedEnvelope:
    """Read and validate a sealed file, doing no cryptographic work.

    Every check runs here, before any key derivation, so a hostile file cannot
    make the reader spend 10^9 PBKDF2 rounds or choke on nesting.

    Raises:
        LineworkError: LW-E0301 for anything malformed, truncated, oversized or
            out of range; LW-E0302 for a version other than 1.
    """
    if len(data) > MAX_SEALED_BYTES:
        raise LineworkError(
            "LW-E0301",
            f"It has {len(data):,} bytes; the limit is {MAX_SEALED_BYTES:,}.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LineworkError("LW-E0301", f"Bad byte at offset {exc.start}.") from None
    if text.count("{") + text.count("[") > _MAX_BRACKETS:
        raise LineworkError("LW-E0301", "It is not a sealed envelope (too nested).")
    try:
        raw = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        raise LineworkError("LW-E0301", _json_problem(exc)) from None
    except (ValueError, RecursionError) as exc:
        raise LineworkError("LW-E0301", str(exc)) from None
    if not isinstance(raw, dict):
        raise LineworkError("LW-E0301", "It is not a JSON object.")
    if raw.get("format") != FORMAT:
        raise LineworkError("LW-E0301", f'"format" must be "{FORMAT}".')
    version = raw.get("version")
    if not _is_int(version):
        raise LineworkError("LW-E0301", '"version" must be an integer.')
    if version != VERSION:
        raise LineworkError(
            "LW-E0302", f"It is version {version}; this Linework reads {VERSION}."
        )
    _keys(raw, _TOP_KEYS, "")
    kdf = _obj(raw, "kdf")
    cipher = _obj(raw, "cipher")
    _keys(kdf, _KDF_KEYS, "kdf.")
    _keys(cipher, _CIPHER_KEYS, "cipher.")
    if kdf["name"] != KDF_NAME:
        raise LineworkError("LW-E0301", f'"kdf.name" must be "{KDF_NAME}".')
    if cipher["name"] != CIPHER_NAME:
        raise LineworkError("LW-E0301", f'"cipher.name" must be "{CIPHER_NAME}".')
    iterations = kdf["iterations"]
    if not _is_int(iterations) or not _iterations_ok(iterations):
        raise LineworkError(
            "LW-E0301",
            f'"kdf.iterations" must be an integer from {MIN_ITERATIONS:,} '
            f"to {MAX_ITERATIONS:,}.",
        )
    salt = _b64field(kdf["salt"], "kdf.salt")
    if len(salt) != SALT_BYTES:
        raise LineworkError("LW-E0301", f'"kdf.salt" must be {SALT_BYTES} bytes.')
    nonce = _b64field(cipher["nonce"], "cipher.nonce")
    if len(nonce) != NONCE_BYTES:
        raise LineworkError("LW-E0301", f'"cipher.nonce" must be {NONCE_BYTES} bytes.')
    ciphertext = _b64field(raw["ciphertext"], "ciphertext")
    if len(ciphertext) < TAG_BYTES:
        raise LineworkError(
            "LW-E0301", f'"ciphertext" is shorter than its {TAG_BYTES}-byte tag.'
        )
    header = {k: v for k, v in raw.items() if k != "ciphertext"}
    return SealedEnvelope(salt, nonce, iterations, ciphertext, _canonical(header))


def seal(
    plaintext: bytes,
    passphrase: str,
    primitives: Primitives,
    *,
    iterations: int = DEFAULT_ITERATIONS,
) -> bytes:
    """Encrypt ``plaintext`` (the ``.linework`` bytes) into a sealed file.

    Salt and nonce are fresh from ``primitives.random_bytes`` on every call.

    Raises:
        LineworkError: LW-E0303 for an empty or unencodable passphrase, an
            oversized plaintext, out-of-range iterations or a failing primitive.
    """
    if not passphrase:
        raise LineworkError("LW-E0303", "The passphrase is empty.")
    try:
        secret = normalize_passphrase(passphrase)
    except ValueError:
        raise LineworkError(
            "LW-E0303", "The passphrase is not valid Unicode text."
        ) from None
    if len(plaintext) > MAX_PLAINTEXT_BYTES:
        raise LineworkError(
            "LW-E0303",
            f"It has {len(plaintext):,} bytes; the limit is {MAX_PLAINTEXT_BYTES:,}.",
        )
    _check_iterations(iterations)  # before drawing randomness
    try:
        plan = begin_seal(
            primitives.random_bytes(SALT_BYTES),
            primitives.random_bytes(NONCE_BYTES),
            iterations,
        )
        key = primitives.derive_key(secret, plan.salt, plan.iterations)
        sealed = primitives.encrypt(key, plan.nonce, plaintext, plan.aad)
    except LineworkError:
        raise
    except Exception as exc:  # a primitive failed: the user must hear "not sealed"
        raise LineworkError("LW-E0303", type(exc).__name__) from exc
    if len(sealed) != len(plaintext) + TAG_BYTES:
        raise LineworkError("LW-E0303", "The cipher returned the wrong length.")
    return finish_seal(plan, sealed)


def unseal(data: bytes, passphrase: str, primitives: Primitives) -> bytes:
    """Decrypt a sealed file and return the plaintext (the ``.linework`` bytes).

    The envelope is fully validated before the passphrase is even looked at.

    Raises:
        LineworkError: LW-E0301/LW-E0302 from ``parse_sealed``; LW-E0304 for an
            empty passphrase; LW-E0300 when AES-GCM refuses the tag, which means a
            wrong passphrase or a changed file (GCM cannot tell them apart).
    """
    envelope = parse_sealed(data)
    if not passphrase:
        raise LineworkError("LW-E0304")
    try:
        secret = normalize_passphrase(passphrase)
    except ValueError:
        # A passphrase that is not text cannot be the one the file was sealed with.
        raise LineworkError(
            "LW-E0304", "The passphrase is not valid Unicode text."
        ) from None
    key = primitives.derive_key(secret, envelope.salt, envelope.iterations)
    try:
        return primitives.decrypt(
            key, envelope.nonce, envelope.ciphertext, envelope.aad
        )
    except AuthenticationError:
        raise LineworkError(
            "LW-E0300", "AES-GCM cannot tell a wrong passphrase from a changed file."
        ) from None


def _header(salt: bytes, nonce: bytes, iterations: int) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "kdf": {"name": KDF_NAME, "iterations": iterations, "salt": _b64encode(salt)},
        "cipher": {"name": CIPHER_NAME, "nonce": _b64encode(nonce)},
    }


def _canonical(header: dict[str, Any]) -> bytes:
    return json.dumps(
        header, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def _is_int(v: object) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _iterations_ok(n: int) -> bool:
    return MIN_ITERATIONS <= n <= MAX_ITERATIONS


def _check_iterations(n: object) -> None:
    if not isinstance(n, int) or isinstance(n, bool) or not _iterations_ok(n):
        raise LineworkError(
            "LW-E0303",
            f"The iteration count must be an integer from {MIN_ITERATIONS:,} "
            f"to {MAX_ITERATIONS:,}.",
        )


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64field(v: object, name: str) -> bytes:
    # C-speed checks only: the ciphertext can be tens of megabytes, and Pyodide
    # runs this too. strict_mode refuses characters outside the alphabet.
    if not isinstance(v, str) or not v.isascii() or "+" in v or "/" in v:
        raise _bad_b64(name)
    bare = v.rstrip("=")
    pad = -len(bare) % 4
    if len(bare) % 4 == 1 or (bare != v and len(v) != len(bare) + pad):
        raise _bad_b64(name)
    std = bare.encode("ascii").translate(_URL_TO_STD) + b"=" * pad
    try:
        raw = binascii.a2b_base64(std, strict_mode=True)
    except binascii.Error:
        raise _bad_b64(name) from None
    # Only the last character can carry stray low bits: refuse a second spelling.
    tail = len(raw) % 3
    if tail and _b64encode(raw[-tail:]) != bare[-(tail + 1) :]:
        raise _bad_b64(name)
    return raw


def _bad_b64(name: str) -> LineworkError:
    return LineworkError("LW-E0301", f'"{name}" must be base64url text.')


def _obj(o: dict[str, Any], key: str) -> dict[str, Any]:
    v = o[key]
    if not isinstance(v, dict):
        raise LineworkError("LW-E0301", f'"{key}" must be an object.')
    return v


def _keys(o: dict[str, Any], expected: frozenset[str], prefix: str) -> None:
    missing = sorted(expected - o.keys())
    if missing:
        raise LineworkError("LW-E0301", f'"{prefix}{missing[0]}" is missing.')
    unknown = sorted(o.keys() - expected)
    if unknown:
        raise LineworkError("LW-E0301", f'"{prefix}{unknown[0]}" is not allowed.')


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f'"{k}" appears twice.')
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed.")
