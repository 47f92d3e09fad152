// @ts-check
// Sealed files in the page (docs/architecture.md §4): Python owns the envelope, WebCrypto
// does PBKDF2 and AES-GCM (web/seal.js), and this module runs the two-phase
// protocol between them.
//
// What stays in memory: after a sealed file is opened or saved, the page keeps
// the passphrase only as a non-extractable PBKDF2 CryptoKey (no script can read
// its bytes back), for as long as that document is open. It lets Save, autosave,
// exports and the recovery copy seal again with a fresh salt and nonce each time,
// without asking again and without ever writing or embedding the plaintext.
// New and Open drop it. The passphrase text itself is cleared from the dialog
// and its UTF-8 bytes are zeroed once imported.

import { decrypt, deriveFrom, encrypt, randomBytes } from "./seal.js";
import { base64ToBytes, bytesToBase64, call, fileError } from "./wire.js";

const subtle = globalThis.crypto.subtle;
export const SALT_BYTES = 16;
export const NONCE_BYTES = 12;

/** The passphrase as a non-extractable PBKDF2 key (normalised by the core). */
export async function passphraseKey(rpc, text) {
  const reply = await call(rpc, { type: "passphrase", passphrase: text });
  const utf8 = base64ToBytes(reply.utf8);
  try {
    return await subtle.importKey("raw", utf8, "PBKDF2", false, ["deriveKey"]);
  } finally {
    utf8.fill(0);
  }
}


/** Seal the open document: resolves {data: Uint8Array, token} (token for "saved").
 * `part` ({shown: true, selection?}) seals only what an image export shows. */
export async function sealDocument(rpc, base, part = {}) {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const begun = await call(rpc, {
    ...part, type: "seal-begin", salt: bytesToBase64(salt), nonce: bytesToBase64(nonce),
  }, "LW-E0303");
  let ciphertext;
  try {
    const key = await deriveFrom(base, salt, begun.iterations);
    ciphertext = await encrypt(key, nonce, base64ToBytes(begun.plaintext), base64ToBytes(begun.aad));
  } catch (error) {
    throw fileError("LW-E0303", String(error?.name ?? error));
  }
  const finished = await call(rpc, {
    type: "seal-finish",
    salt: bytesToBase64(salt),
    nonce: bytesToBase64(nonce),
    iterations: begun.iterations,
    ciphertext: bytesToBase64(ciphertext),
  }, "LW-E0303");
  return { data: base64ToBytes(finished.data), token: begun.token };
}

/** Check a sealed file's envelope before asking for the passphrase
 * (a truncated or too-new file is refused at once: LW-E0301, LW-E0302). */
export function parseSealed(rpc, base64) {
  return call(rpc, { type: "unseal-parse", data: base64 });
}

/** Decrypt a parsed envelope with a passphrase: resolves {plaintext, base}.
 * A tag mismatch is LW-E0300: GCM cannot tell a wrong passphrase from a changed file. */
export async function unseal(rpc, envelope, passphrase) {
  const base = await passphraseKey(rpc, passphrase);
  const key = await deriveFrom(base, base64ToBytes(envelope.salt), envelope.iterations);
  try {
    const plaintext = await decrypt(
      key,
      base64ToBytes(envelope.nonce),
      base64ToBytes(envelope.ciphertext),
      base64ToBytes(envelope.aad),
    );
    return { plaintext, base };
  } catch (error) {
    if (error?.name !== "OperationError") throw error;
    throw fileError(
      "LW-E0300",
      "AES-GCM cannot tell a wrong passphrase from a file changed after sealing.",
    );
  }
}
