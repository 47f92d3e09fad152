"""Handlers for sealing: the stateless halves around WebCrypto (architecture §4).

Sealing is two-phase (``seal-begin`` → WebCrypto → ``seal-finish``) and
stateless here: ``seal-finish`` recomputes the plan from the salt, nonce and
iteration count, so no secret stays in Python between messages. Opening a
sealed file goes ``file-open`` (LW-E0304) → ``unseal-parse`` → WebCrypto →
``open-plain``.
"""

from __future__ import annotations

from typing import Any, Final

from linework import files, seal
from linework.app.workspace import Workspace as Session
from linework.bridge import fields
from linework.bridge.exporting import export_ids, shown_document
from linework.errors import LineworkError
from linework.formats import imports, native
from linework.seal.advice import advice

Reply = dict[str, Any]
#: The least strength score ("fair") "Save encrypted…" takes for a new passphrase.
MIN_SEAL_SCORE: Final = 2


def _embedded_or_self(data: bytes) -> bytes:
    if imports.sniff(data) == "linework-image":
        inner = files.embedded_document(data)
        if inner is None:
            raise LineworkError("LW-E0206")
        return inner
    return data


def unseal_parse(session: Session, message: dict[str, Any]) -> Reply:
    """Check a sealed file before asking for its passphrase.

    Message: ``{"type": "unseal-parse", "data"}`` (the sealed file, or an SVG or
    PNG export with a sealed diagram inside). Reply: ``{"ok", "salt", "nonce",
    "iterations", "ciphertext", "aad"}`` (base64), or LW-E0301/LW-E0302, so a
    damaged or too-new file is refused without asking for a passphrase.
    """

    envelope = seal.parse_sealed(_embedded_or_self(fields.data(message, "data")))
    return {
        "ok": True,
        "salt": fields.b64(envelope.salt),
        "nonce": fields.b64(envelope.nonce),
        "iterations": envelope.iterations,
        "ciphertext": fields.b64(envelope.ciphertext),
        "aad": fields.b64(envelope.aad),
    }


def passphrase(session: Session, message: dict[str, Any]) -> Reply:
    """Normalise a passphrase and rate it: ``{"type": "passphrase", "passphrase"}``.

    Reply: ``{"ok", "utf8": base64 of the NFC UTF-8 bytes PBKDF2 receives,
    "score": 0-4, "label", "advice", "enough"}`` (``advice``: why it is weak,
    "" when it is strong). Normalising in Python keeps one implementation of
    docs/architecture.md §4's rule for the browser and the CLI.
    ``enough``: "Save encrypted…" accepts it (a score of at least
    :data:`MIN_SEAL_SCORE`); a passphrase such as ``a`` would protect nothing.
    """

    text = fields.field(message, "passphrase", str)
    if not text:
        raise LineworkError("LW-E0304", "The passphrase is empty.")
    try:
        utf8 = seal.normalize_passphrase(text)
    except ValueError:
        raise LineworkError(
            "LW-E0304", "The passphrase is not valid Unicode text."
        ) from None
    score, label = seal.strength(text)
    return {
        "ok": True,
        "utf8": fields.b64(utf8),
        "score": score,
        "label": label,
        "advice": advice(text),
        "enough": score >= MIN_SEAL_SCORE,
    }


def seal_begin(session: Session, message: dict[str, Any]) -> Reply:
    """Phase one of sealing the open document.

    Message: ``{"type": "seal-begin", "salt", "nonce", "shown"?: bool,
    "selection"?: bool}`` (fresh random bytes from ``crypto.getRandomValues``,
    base64). Reply: ``{"ok", "iterations", "aad", "plaintext", "token"}``;
    ``token`` is for ``saved`` when the sealed file is saved (not when it is
    only embedded in an export). With ``shown`` the plaintext is what an image
    export shows (:func:`shown_document`: the page on screen, or with
    ``selection`` the selection), for the envelope embedded in that image.
    """

    plan = seal.begin_seal(
        fields.data(message, "salt", "LW-E0303"),
        fields.data(message, "nonce", "LW-E0303"),
    )
    data, token = session.save()
    if message.get("shown"):
        doc = session.require_document()
        page_id = session.editor.page_id
        only = export_ids(session, doc, page_id) if message.get("selection") else None
        data = native.encode(shown_document(doc, page_id, only))
    return {
        "ok": True,
        "iterations": plan.iterations,
        "aad": fields.b64(plan.aad),
        "plaintext": fields.b64(data),
        "token": token,
    }


def seal_finish(session: Session, message: dict[str, Any]) -> Reply:
    """Phase two: wrap WebCrypto's output in the envelope.

    Message: ``{"type": "seal-finish", "salt", "nonce", "iterations",
    "ciphertext"}``. Reply: ``{"ok", "data": base64 of the sealed file}``.
    """

    iterations = message.get("iterations", seal.DEFAULT_ITERATIONS)
    if not isinstance(iterations, int) or isinstance(iterations, bool):
        raise LineworkError("LW-E0303", "iterations must be an integer")
    plan = seal.begin_seal(
        fields.data(message, "salt", "LW-E0303"),
        fields.data(message, "nonce", "LW-E0303"),
        iterations,
    )
    data = seal.finish_seal(plan, fields.data(message, "ciphertext", "LW-E0303"))
    return {"ok": True, "data": fields.b64(data)}
