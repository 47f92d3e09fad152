// @ts-check
// Boot and wiring of the page. The chrome is already painted by index.html;
// this starts the core's worker at once, shows its stages, and then connects
// the toolbar, file input, tabs and canvas to it (docs/architecture.md §2, §7, §9).

import config from "./config.js";
import { replayEarlyEvents, worker } from "./boot.js";
import { READABLE_SCALE, createCanvas } from "./canvas.js";
import { startEditor } from "./editor/app.js";
import { LineworkError, MESSAGES, asLineworkError } from "./errors.js";
import { createFiles } from "./files.js";
import { wireViewInput } from "./input.js";
import { openMark } from "./open-marks.js";
import { reportError } from "./report.js";
import { createRpc } from "./rpc.js";
import { createStatus } from "./status.js";
import { startModes } from "./viewer-mode.js";
import { wireTopBar } from "./topbar.js";

const $ = (selector) => document.querySelector(selector);
const body = document.body;

// Stages of the boot and where each starts on the progress bar.
const STAGES = { download: 0, compile: 45, start: 60, core: 85 };
// Per-stage watchdog: loadPyodide can stay pending forever (e.g. under a CSP
// violation), so the page keeps its own clock. ?boot-timeout=ms overrides.
const STAGE_TIMEOUT_MS = { download: 120_000, compile: 60_000, start: 60_000, core: 60_000 };
const timeoutOverride = Number(new URLSearchParams(location.search).get("boot-timeout")) || 0;

const ui = {
  progress: $('[data-role="progress"]'),
  status: $('[data-role="status"]'),
  title: $('[data-role="title"]'),
  zoom: $('[data-role="zoom"]'),
  dialog: $('[data-role="error-dialog"]'),
};

const rpc = createRpc(worker, onWorkerEvent);
const canvas = createCanvas($("#canvas"), {
  onViewChange: ({ scale }) => { ui.zoom.textContent = `${Math.round(scale * 100)}%`; },
});

let watchdog = 0;
// The core has booted; body[data-ready] waits for the editor's first page too
// (web/editor/app.js), so scripts never see a page that is about to be replaced.
let booted = false;
let readyResolve;
const ready = new Promise((resolve) => { readyResolve = resolve; });
// The start-up hint stays until the first edit or open replaces it.
const READY_HINT = "Ready. Add shapes from the palette, or open a diagram.";
// The status line (web/status.js): the core's ui.status, or a message until the next change.
const status = createStatus(ui.status, () => files.state.title);

function setStatus(text, kind = "info") {
  status.say(text, kind);
}

function enterStage(name) {
  if (booted || body.dataset.error) return;
  const names = Object.keys(STAGES);
  for (const li of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-stage]"))) {
    const order = names.indexOf(li.dataset.stage) - names.indexOf(name);
    li.dataset.state = order < 0 ? "done" : order === 0 ? "active" : "";
  }
  ui.progress.value = STAGES[name];
  setStatus(`${$(`[data-stage="${name}"]`).textContent}…`);
  clearTimeout(watchdog);
  watchdog = setTimeout(() => bootFailed("LW-E0003", `stuck at stage ${name}`),
    timeoutOverride || STAGE_TIMEOUT_MS[name]);
}

function bootFailed(code, detail) {
  if (body.dataset.error) return;
  clearTimeout(watchdog);
  body.dataset.error = code;
  $('[data-role="boot-error"]').hidden = false;
  $('[data-role="boot-error-message"]').textContent = MESSAGES[code] ?? MESSAGES["LW-E0002"];
  $('[data-role="boot-error-code"]').textContent = code;
  setStatus(`${MESSAGES[code]} (${code}) ${detail}`, "error");
  rpc.breakWith(new LineworkError(code, detail));
  worker.terminate();
  reportError(code, "boot");
}

function onWorkerEvent(message) {
  if (message.event === "stage") {
    performance.mark(`linework-stage-${message.stage}`);
    enterStage(message.stage);
  } else if (message.event === "ready") {
    clearTimeout(watchdog);
    ui.progress.value = 100;
    booted = true;
    // How the core started: "snapshot" (build.py's memory snapshot) or "plain".
    body.dataset.boot = message.boot ?? "plain";
    performance.mark("linework-ready");
    setStatus(READY_HINT);
    readyResolve();
    // Load the renderer and codecs while the user picks a file.
    rpc.call({ type: "warm" }).catch(() => {});
  } else if (message.event === "violation") {
    console.error(`Content-Security-Policy violation in the core's worker: ${message.detail}`);
    if (!booted) bootFailed("LW-E0002", `blocked by ${message.detail}`);
  } else if (message.event === "fatal") {
    if (!booted) {
      bootFailed(message.code, message.detail ?? "");
    } else {
      rpc.breakWith(new LineworkError(message.code, message.detail ?? ""));
      worker.terminate();
      files.runtimeFailed();
      showError(new LineworkError(message.code, message.detail ?? ""), "edit");
    }
  }
}

worker.addEventListener("error", (event) => {
  event.preventDefault();
  const detail = event.message || "the worker script failed to load";
  if (!booted) {
    bootFailed("LW-E0002", detail);
  } else {
    rpc.breakWith(new LineworkError("LW-E0004", detail));
    files.runtimeFailed();
    showError(new LineworkError("LW-E0004", detail), "edit");
  }
});
// Now the page listens: what the worker said while main.js loaded comes in.
replayEarlyEvents();

// With {retry: true} the dialog also offers "Try again" (a wrong passphrase);
// the promise resolves true when that was chosen, false once it is dismissed.
const retryButton = $('[data-action="retry"]');
const dismissButton = $('[data-action="dismiss"]');
let retryChoice = null; // {resolve, chosen} while a "Try again" dialog is open

function showError(error, context, { retry = false } = {}) {
  const err = asLineworkError(error);
  $('[data-role="error-message"]').textContent = err.message;
  $('[data-role="error-detail"]').textContent = err.detail ?? "";
  $('[data-role="error-code"]').textContent = err.code;
  setStatus(`${err.message} (${err.code})`, "error");
  retryChoice?.resolve(false);
  retryChoice = null;
  retryButton.hidden = !retry;
  dismissButton.textContent = retry ? "Cancel" : "OK";
  if (!ui.dialog.open) ui.dialog.showModal();
  reportError(err.code, context);
  if (!retry) return Promise.resolve(false);
  retryButton.focus();
  return new Promise((resolve) => { retryChoice = { resolve, chosen: false }; });
}
ui.dialog.addEventListener("close", () => {
  retryButton.hidden = true;
  dismissButton.textContent = "OK";
  const choice = retryChoice;
  retryChoice = null;
  choice?.resolve(choice.chosen);
});
retryButton.addEventListener("click", () => {
  if (retryChoice) retryChoice.chosen = true;
  ui.dialog.close();
});
dismissButton.addEventListener("click", () => ui.dialog.close());
$('[data-action="reload"]').addEventListener("click", () => location.reload());

function replyError(reply) {
  return new LineworkError(reply.code ?? "LW-E0001", reply.detail ?? "", reply.message);
}

/** Paint a document the core just loaded (web/files.js: new, open, sealed
 * open): the one "document replaced" reply, painted like any editor reply
 * (its reset op), then fitted. Throws before changing anything if the page
 * cannot be shown. */
function present(reply) {
  const { removed } = editing.present(reply);
  const shown = canvas.lastShow;
  for (const step of ["start", "parsed", "sanitized", "inserted"]) openMark(`show-${step}`, shown?.[step]);
  openMark("presented");
  // The core's opening view (src/linework/editor/open_view.py); without a
  // canvas size it sent none, and the page fits by the same rule itself.
  const opened = reply.document?.view;
  // (Its bounds count for zoom to fit while some elements are not painted yet.)
  if (opened) canvas.showView(opened, reply.ui?.pending > 0 ? reply.document.bounds : null);
  else canvas.fitShown(1, READABLE_SCALE);
  openMark("fitted");
  if (removed > 0) showError(new LineworkError("LW-E0001", `${removed} unsafe SVG parts were removed`), "open");
}

const files = createFiles({
  rpc,
  ready,
  present,
  showError,
  setStatus,
  ui: {
    title: ui.title,
    input: $('input[type="file"][data-role="open"]'),
    hint: $('[data-role="drop-hint"]'),
    autosave: $('[data-role="autosave"]'),
    recoveryButton: $('[data-action="download-recovery"]'),
    printSheet: $('[data-role="print-sheet"]'),
    stage: $('[data-role="stage"]'),
  },
});
// The first paint waits for this module (blocking="render" in index.html):
// let it wait, briefly, for the chrome's Arimo faces too, so the toolbar, the
// palette and the fitted zoom are measured in the final font and nothing
// moves when the faces arrive. The worker is already starting meanwhile.
await Promise.race([
  Promise.all(["14px Arimo", "700 15px Arimo"].map((font) => document.fonts.load(font))),
  new Promise((resolve) => { setTimeout(resolve, 500); }),
]).catch(() => {});
$('[data-action="zoom-in"]').addEventListener("click", () => canvas.zoomStep(1));
$('[data-action="zoom-out"]').addEventListener("click", () => canvas.zoomStep(-1));
$('[data-action="zoom-fit"]').addEventListener("click", () => canvas.fit());
wireViewInput($("#canvas"), canvas, { open: files.choose });
wireTopBar();
// The editor (web/editor/): its input listeners come after the view's.
const editing = startEditor({ rpc, ready, canvas, setStatus, status, showError });
// Once the rest of an opened page is painted, zoom to fit measures it alone.
editing.editor.onUi((state) => { if (!(state?.pending > 0)) canvas.painted(); });
canvas.fit(1);
enterStage("download");

// The automation hook (docs/architecture.md §9): scripts and tests talk to the core with
// the same JSON messages the page uses. It lives in this tab's memory only.
// A script's message that replaces the document (its reply carries `document`:
// file-new, file-open, file-template, open-plain) is painted like the page's
// own open (docs/automation.md).
globalThis.linework = Object.freeze({
  version: config.version,
  send: (message) => ready.then(async () => {
    const reply = await rpc.call(message);
    if (reply?.ok && reply.document) files.adopt(reply);
    return reply;
  }),
  view: () => canvas.view,
  /** Test hook: an internal failure on purpose, shown like any other (P2 tests). */
  debugFail: (text) => ready.then(() => rpc.call({ type: "test.fail", text }))
    .then((reply) => showError(replyError(reply), "edit")),
  /** The editor: send(event) and action(name, args) resolve once the response
   * is applied; settled() once everything sent is painted; trace(on) records
   * per-response timings (benchmarks). */
  editor: Object.freeze({
    send: (event) => ready.then(() => editing.editor.send(event)),
    action: (name, args = {}) => ready.then(() => editing.editor.action(name, args)),
    settled: () => editing.editor.settled(),
    ui: () => editing.editor.ui,
    trace: (on) => editing.trace(on),
  }),
  /** File state for scripts: {title, dirty, native, sealKey (bool), handle (name)}. */
  files: () => files.state,
  /** Test hook: kill the Python runtime the way hostile input could (a JS
   * stack overflow inside Pyodide), to exercise the recovery copy. */
  debugCrash: () => ready.then(() => rpc.call({ type: "test.crash" })).catch((error) => error.code),
});

// Viewer, embed and share-link modes (web/viewer-mode.js).
startModes({
  ready,
  canvas,
  call: (message) => rpc.call(message),
  observe: (fn) => rpc.observe(fn),
  openData: async (name, data, options) => {
    if (!(await files.openData(name, data, options))) throw new LineworkError("LW-E0304", "no passphrase was given");
  },
  showError,
  setStatus,
  setTitle: (title) => files.setTitle(title),
  editorReady: editing.started,
  openCopy: (data) => files.openCopy(data),
  sealer: () => files.sealer(),
});
