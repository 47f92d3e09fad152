// @ts-check
// The error beacon (promise P2, docs/architecture.md §6). It may send exactly
// {"code", "version", "context"} and nothing else: no message, detail, stack,
// file name or URL. Rules:
// - only after the error was shown to the user (the send waits for the next
//   frame to be painted), and while the error dialog is open, only once it
//   closes: the user can untick the switch in it first, and that is honoured;
// - each code once per session, and at most MAX_REPORTS in all;
// - never when the build has no endpoint or turned reports off, nor after the
//   user switched them off for this session (kept in memory, never stored).

import config from "./config.js";

export const CONTEXTS = Object.freeze(["boot", "import", "export", "save", "open", "edit", "embed"]);
export const MAX_REPORTS = 5;
const CODE = /^LW-E\d{4}$/;

const sent = new Set();
const waiting = []; // bodies held while the error dialog is open
let userAllows = true;
const listeners = new Set();

/** Whether this build can report at all (an endpoint, reports not turned off). */
export function reportingBuilt() {
  return Boolean(config.errorEndpoint) && config.reportErrors !== false;
}

/** Whether a report would be sent now (build and user both allow it). */
export function reportingEnabled() {
  return reportingBuilt() && userAllows;
}

/** Turn reports on or off for the rest of this session (memory only). */
export function setReporting(on) {
  userAllows = Boolean(on);
  for (const listener of listeners) listener(reportingEnabled());
}

/** Call listener(enabled) whenever the user switch changes. */
export function onReportingChange(listener) {
  listeners.add(listener);
}

/** The exact body a report carries, or null when it must not be sent. */
export function reportBody(code, context) {
  if (typeof code !== "string" || !CODE.test(code) || !CONTEXTS.includes(context)) return null;
  return JSON.stringify({ code, version: String(config.version), context });
}

function endpointUrl() {
  return new URL(config.errorEndpoint, document.baseURI);
}

function send(body) {
  const url = endpointUrl();
  const sameOrigin = url.origin === location.origin;
  fetch(url, {
    method: "POST",
    // A plain-text body to another origin needs no CORS preflight.
    headers: { "Content-Type": sameOrigin ? "application/json" : "text/plain" },
    mode: sameOrigin ? "same-origin" : "no-cors",
    body,
    credentials: "omit",
    cache: "no-store",
    referrerPolicy: "no-referrer",
    keepalive: true,
  }).catch(() => {}); // a lost report is not the user's problem
}

/** Report an error the page has just shown: sent after the next paint, if allowed. */
export function reportError(code, context) {
  const body = reportBody(code, context);
  if (body === null || !reportingBuilt() || sent.has(code) || sent.size >= MAX_REPORTS) return;
  requestAnimationFrame(() => setTimeout(() => {
    if (sent.has(code) || sent.size >= MAX_REPORTS) return;
    if (errorDialog?.open) {
      // The user sees the switch now: the answer they leave it with decides.
      sent.add(code);
      waiting.push(body);
    } else if (reportingEnabled()) {
      sent.add(code);
      send(body);
    }
  }, 0));
}

const errorDialog = /** @type {HTMLDialogElement | null} */ (document.querySelector('[data-role="error-dialog"]'));
errorDialog?.addEventListener("close", () => {
  const bodies = waiting.splice(0);
  if (reportingEnabled()) for (const body of bodies) send(body);
});

// The switch in the error dialog: shown only when this build reports at all.
const reportSwitch = /** @type {HTMLInputElement | null} */ (document.querySelector('[data-role="report-errors"]'));
if (reportSwitch !== null) {
  reportSwitch.closest('[data-role="report-switch"]')?.toggleAttribute("hidden", !reportingBuilt());
  reportSwitch.checked = reportingEnabled();
  reportSwitch.addEventListener("change", () => setReporting(reportSwitch.checked));
  onReportingChange((on) => { reportSwitch.checked = on; });
}
