// Error codes the page must be able to show before (or without) Python.
// They mirror entries of the core's registry, src/linework/errors.py
// (tests/browser/test_site.py checks that the texts agree).

export const MESSAGES = Object.freeze({
  "LW-E0001": "Something went wrong inside Linework. Your diagram is unchanged.",
  "LW-E0002": "Linework could not start in this browser.",
  "LW-E0003": "Linework took too long to start. Reload the page to try again.",
  "LW-E0004": "The Python runtime stopped working. Download your diagram, then reload.",
  "LW-E0104": "The file is too large to open.",
});

/** A failure with a registered code; `detail` stays in the page, never reported. */
export class LineworkError extends Error {
  constructor(code, detail = "") {
    super(MESSAGES[code] ?? MESSAGES["LW-E0001"]);
    this.name = "LineworkError";
    this.code = code;
    this.detail = detail;
  }
}

/** Turn anything thrown into a LineworkError (unknown failures become LW-E0001). */
export function asLineworkError(error) {
  if (error instanceof LineworkError) return error;
  return new LineworkError("LW-E0001", String(error?.message ?? error));
}
