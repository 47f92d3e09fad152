// @ts-check
// Error codes the page must be able to show before (or without) Python.
// They mirror entries of the core's registry, src/linework/errors.py
// (tests/unit/test_errors_registry.py checks that codes and texts agree).
// Errors from the core carry their own registered message.

export const MESSAGES = Object.freeze({
  "LW-E0001": "Something went wrong inside Linework. Your diagram is unchanged.",
  "LW-E0002": "Linework could not start in this browser.",
  "LW-E0003": "Linework took too long to start. Reload the page to try again.",
  "LW-E0004": "The Python runtime stopped working. Download your diagram, then reload.",
  "LW-E0104": "The file is too large to open.",
  "LW-E0304": "A passphrase is needed to open this file.",
  "LW-E0401": "The export could not be made.",
  "LW-E0600": "The embedding page did not give a valid origin.",
  "LW-E0601": "The message from the embedding page was not understood.",
  "LW-E0602": "The diagram sent by the embedding page could not be read.",
  "LW-E0603": "This site is not allowed to embed Linework: its origin is not on the list.",
});

const CODE = /^LW-E\d{4}$/;

/** A failure with a registered code; `detail` stays in the page, never reported.
 * `message` is the core's registered text for codes this file does not mirror. */
export class LineworkError extends Error {
  constructor(code, detail = "", message = undefined) {
    const known = typeof code === "string" && CODE.test(code);
    const core = known && typeof message === "string" && message !== "" ? message : null;
    super(MESSAGES[code] ?? core ?? MESSAGES["LW-E0001"]);
    this.name = "LineworkError";
    this.code = known ? code : "LW-E0001";
    this.detail = detail;
  }
}

/** The error of a failed core reply {ok: false, code, message, detail}. */
export function replyError(reply) {
  return new LineworkError(reply?.code ?? "LW-E0001", reply?.detail ?? "", reply?.message);
}

/** Turn anything thrown into a LineworkError (unknown failures become LW-E0001). */
export function asLineworkError(error) {
  if (error instanceof LineworkError) return error;
  return new LineworkError("LW-E0001", String(error?.message ?? error));
}
