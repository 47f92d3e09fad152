// The error beacon (promise P2): an anonymous {code, version, context} and
// nothing else, a few per session, each code once. Off when the build has no
// endpoint.

import config from "./config.js";

const CONTEXTS = new Set(["boot", "import", "export", "save", "open", "edit", "embed"]);
const MAX_REPORTS = 3;
const sent = new Set();

export function reportError(code, context) {
  if (!config.errorEndpoint || sent.has(code) || sent.size >= MAX_REPORTS) return;
  if (!/^LW-E\d{4}$/.test(code) || !CONTEXTS.has(context)) return;
  sent.add(code);
  const body = JSON.stringify({ code, version: config.version, context });
  fetch(new URL(config.errorEndpoint, document.baseURI), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    keepalive: true,
  }).catch(() => {});
}
