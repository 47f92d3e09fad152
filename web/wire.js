// @ts-check
// Bytes and errors on the wire to the core: base64 both ways (the bridge's
// form for bytes) and calls that throw a LineworkError carrying the core's
// registered message.

import { LineworkError } from "./errors.js";

// Messages for codes the file shell raises itself; they mirror
// src/linework/errors.py (tests/browser/test_files.py checks they agree).
export const FILE_MESSAGES = Object.freeze({
  "LW-E0300": "Wrong passphrase, or the file was changed after it was sealed.",
  "LW-E0303": "The file could not be sealed.",
  "LW-E0400": "The file could not be saved. Your changes are still unsaved.",
  "LW-E0401": "The export could not be made.",
});

/** A LineworkError with the given (or mirrored) message for its code. */
export function fileError(code, detail = "", message = FILE_MESSAGES[code]) {
  const error = new LineworkError(code, detail);
  if (message) error.message = message;
  return error;
}

/** Send a message; resolve the reply, or throw its error. A failure of the
 * runtime itself keeps its own code; `code` renames only internal errors. */
export async function call(rpc, message, code = null) {
  const reply = await rpc.call(message);
  if (reply?.ok) return reply;
  const got = reply?.code ?? "LW-E0001";
  if (code !== null && got === "LW-E0001") throw fileError(code, reply?.detail ?? "");
  throw fileError(got, reply?.detail ?? "", reply?.message);
}

export function bytesToBase64(bytes) {
  if (typeof bytes.toBase64 === "function") return bytes.toBase64();
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export function base64ToBytes(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
  return out;
}
