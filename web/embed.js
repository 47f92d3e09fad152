// @ts-check
// Embed mode: index.html?embed=1&origin=<parent origin> (docs/architecture.md §5, v1).
// The host page frames Linework and exchanges JSON strings with it by
// postMessage. A message counts only when it comes from window.parent AND from
// exactly the given origin; every reply goes to that origin, never "*".
// Linework keeps nothing: the host stores what `save` and `autosave` carry.

import config from "./config.js";
import { confirmAction } from "./dialogs.js";
import { LineworkError, asLineworkError, replyError } from "./errors.js";
import { rasterize } from "./export.js";
import { onAction } from "./keys.js";
import { reportError } from "./report.js";
import { bytesToBase64 } from "./wire.js";

export const PROTOCOL_VERSION = 1;
const MAX_MESSAGE_CHARS = 64 * 1024 * 1024;
const MAX_TITLE_CHARS = 200;
const LOAD_FORMATS = ["linework", "drawio", "gliffy", "excalidraw", "mermaid"];
const EXPORT_FORMATS = ["svg", "png", "linework", "drawio"];
const DEFAULT_AUTOSAVE_MS = 500;

const isBool = (v) => typeof v === "boolean";
const isAutosave = (v) => isBool(v) || v === 0 || v === 1; // draw.io hosts send 0/1
const isTitle = (v) => typeof v === "string" && v.length <= MAX_TITLE_CHARS;
const isDelay = (v) => Number.isInteger(v) && v >= 100 && v <= 60_000;

// Each action: its fields, whether required, and the check of each value.
const ACTIONS = {
  load: {
    data: [true, (v) => typeof v === "string"],
    format: [false, (v) => LOAD_FORMATS.includes(v)],
    title: [false, isTitle],
    autosave: [false, isAutosave],
  },
  export: { format: [true, (v) => EXPORT_FORMATS.includes(v)] },
  configure: {
    title: [false, isTitle],
    autosave: [false, isAutosave],
    autosaveDelay: [false, isDelay],
  },
  status: { modified: [true, isBool] },
};

/**
 * The parent origin of an embed URL, or an error code: it must be exactly an
 * http(s) origin, scheme://host[:port] with nothing after it, and on the
 * build's list of allowed origins when the build has one.
 */
export function parseOrigin(value, allowed = config.allowedOrigins ?? []) {
  if (typeof value !== "string" || value === "") return { code: "LW-E0600", detail: "There is no origin= parameter" };
  let url;
  try {
    url = new URL(value);
  } catch {
    return { code: "LW-E0600", detail: "The origin= parameter is not a URL" };
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== value) {
    return { code: "LW-E0600", detail: "The origin= parameter must be exactly scheme://host[:port]" };
  }
  if (allowed.length > 0 && !allowed.includes(value)) {
    return { code: "LW-E0603", detail: `${value} is not allowed by this build` };
  }
  return { origin: value };
}

/** Check a decoded host message; return the error detail, or "" when valid. */
export function checkMessage(msg) {
  if (msg === null || typeof msg !== "object" || Array.isArray(msg)) return "not an object";
  if (!Object.hasOwn(ACTIONS, msg.action)) return "unknown action";
  const spec = ACTIONS[msg.action];
  for (const key of Object.keys(msg)) {
    if (key !== "action" && !Object.hasOwn(spec, key)) return `unknown field ${key.slice(0, 40)}`;
  }
  for (const [key, [required, valid]] of Object.entries(spec)) {
    if (!Object.hasOwn(msg, key)) {
      if (required) return `missing field ${key}`;
    } else if (!valid(msg[key])) {
      return `bad value of ${key}`;
    }
  }
  return "";
}

function button(action, text, title) {
  const el = document.createElement("button");
  el.type = "button";
  el.dataset.action = action;
  el.textContent = text;
  el.title = title;
  return el;
}

/**
 * Start the protocol. `app` is the page: {ready, call(message), observe(fn(reply)),
 * openData(name, base64), showError(error, context), setStatus(text, kind),
 * setTitle(text), sealer()}. `sealer()` returns null, or (while a sealed
 * document is open) a function resolving {data: Uint8Array} with a freshly
 * sealed envelope. `view`: read-only, so no Save button.
 */
export function startEmbed(app, origin, { view = false } = {}) {
  const host = window.parent;
  const body = document.body;
  /** @type {Promise<unknown>} */
  let queue = Promise.resolve();
  let autosave = false;
  let autosaveMs = DEFAULT_AUTOSAVE_MS;
  let autosaveTimer = 0;
  let watching = false; // false while a load replaces the document
  let pollQueued = false;
  let lastDirty = false;

  const post = (message) => host.postMessage(JSON.stringify(message), origin);

  // Failures of host requests show in the status line (then, maybe, reported).
  function problem(error) {
    const err = asLineworkError(error);
    app.setStatus(`${err.message} (${err.code})${err.detail ? ` ${err.detail}` : ""}`, "error");
    reportError(err.code, "embed");
    return err;
  }

  async function call(message, code = "LW-E0001") {
    const reply = await app.call(message);
    if (reply === null || typeof reply !== "object") throw new LineworkError(code, "no reply");
    if (!reply.ok) throw replyError(reply);
    return reply;
  }

  // A sealed document (opened with its passphrase in this frame) never leaves
  // in clear: each export, save and autosave carries a freshly sealed envelope
  // (new salt and nonce), made with the non-extractable key web/files.js keeps.
  async function sealedEnvelope() {
    const sealer = app.sealer?.() ?? null;
    if (sealer === null) return null;
    try {
      return bytesToBase64((await sealer()).data);
    } catch (error) {
      throw error instanceof LineworkError ? error : new LineworkError("LW-E0303", String(error?.message ?? error));
    }
  }

  async function exportAs(format) {
    const sealed = format === "drawio" ? null : await sealedEnvelope();
    const extra = sealed === null ? {} : { sealed };
    if (format === "drawio" && app.sealer?.()) {
      // draw.io cannot be encrypted: only the user, inside this frame, may let
      // a plain copy go to the host (as the editor's own draw.io export asks).
      const agreed = await confirmAction({
        role: "confirm-plain-export",
        title: "Send without encryption?",
        text: "This diagram is encrypted, and the embedding page asks for a draw.io copy. draw.io files cannot be encrypted: the page will receive the diagram readable by anyone.",
        action: "Send unencrypted",
      });
      if (!agreed) throw new LineworkError("LW-E0605", "The user declined a plain draw.io export.");
    }
    if (format !== "png") return (await call({ type: "embed-export", format, ...extra })).data;
    const source = await call({ type: "embed-export", format: "png" });
    let raster;
    try {
      raster = bytesToBase64(await rasterize(source.svg, 2)); // web/export.js, as the editor's PNG export
    } catch (error) {
      throw error instanceof LineworkError ? error : new LineworkError("LW-E0401", String(error?.message ?? error));
    }
    return (await call({ type: "embed-export", format: "png", raster, ...extra })).data;
  }

  // --- changes, dirty state and autosave -----------------------------------
  async function poll() {
    pollQueued = false;
    if (!watching) return;
    const state = await call({ type: "embed-status" });
    if (!state.changed && state.dirty === lastDirty) return;
    lastDirty = state.dirty;
    post({ event: "change", dirty: state.dirty });
    if (state.changed && autosave) {
      clearTimeout(autosaveTimer);
      autosaveTimer = setTimeout(() => run(sendAutosave), autosaveMs);
    }
  }

  async function sendAutosave() {
    if (!autosave || !watching) return;
    post({ event: "autosave", format: "linework", data: await exportAs("linework") });
  }

  // Editor and open replies may change the document; embed-status replies
  // (they carry `changed`) also carry ui.dirty, for web/files.js, but are ours.
  app.observe((reply) => {
    const editorReply = reply !== null && typeof reply === "object" && ("ui" in reply || "ops" in reply)
      && !("changed" in reply);
    if (!watching || pollQueued || !editorReply) return;
    pollQueued = true;
    requestAnimationFrame(() => run(poll));
  });

  // --- host actions ---------------------------------------------------------
  async function load(msg) {
    watching = false;
    clearTimeout(autosaveTimer);
    try {
      const sniffed = await call({ type: "embed-sniff", data: msg.data, format: msg.format });
      // A read-only embed shows the whole diagram, as the viewer does.
      await app.openData(msg.title ?? "Untitled", sniffed.data, { fit: view });
    } catch (error) {
      // The host asked and hears the code; the user sees it in the status line
      // (a modal over the user for the host's data would be in the way).
      const err = problem(error);
      post({ event: "load", ok: false, error: err.code });
      return;
    } finally {
      // Whatever is open now is the baseline: a load is not a change.
      await call({ type: "embed-status" }).then((s) => { lastDirty = s.dirty; }, () => {});
      watching = true;
    }
    if (msg.autosave !== undefined) autosave = Boolean(msg.autosave);
    post({ event: "load", ok: true });
  }

  const HANDLERS = {
    load,
    async export(msg) {
      post({ event: "export", format: msg.format, data: await exportAs(msg.format) });
    },
    async configure(msg) {
      if (msg.autosave !== undefined) autosave = Boolean(msg.autosave);
      if (msg.autosaveDelay !== undefined) autosaveMs = msg.autosaveDelay;
      if (msg.title !== undefined) {
        // The core keeps the title too: later status lines and saves name it.
        const reply = await call({ type: "embed-title", title: msg.title });
        app.setTitle(reply.title);
      }
    },
    async status(msg) {
      // The reply's ui.dirty reaches the page's file state (title marker,
      // beforeunload) through rpc.observe, like every editor reply's.
      const state = await call({ type: "embed-status", modified: msg.modified });
      lastDirty = state.dirty;
      post({ event: "change", dirty: state.dirty });
      const n = state.elements ?? 0;
      const what = [state.title, state.page, `${n} element${n === 1 ? "" : "s"}`].filter(Boolean).join(" · ");
      app.setStatus(`${what} · ${msg.modified ? "marked as changed" : "saved"} by the embedding page.`);
    },
  };

  async function handle(raw) {
    let msg = null;
    let detail = "";
    if (typeof raw !== "string" || raw.length > MAX_MESSAGE_CHARS) {
      detail = "not a JSON string of a sensible size";
    } else {
      try {
        msg = JSON.parse(raw);
        detail = checkMessage(msg);
      } catch {
        detail = "not JSON";
      }
    }
    if (detail !== "") {
      problem(new LineworkError("LW-E0601", detail));
      post({ event: "error", code: "LW-E0601" });
      return;
    }
    await app.ready;
    try {
      await HANDLERS[msg.action](msg);
    } catch (error) {
      post({ event: "error", code: problem(error).code });
    }
  }

  // One thing at a time, in the order the host sent them.
  function run(task) {
    queue = queue.then(task).catch((error) => problem(error));
    return queue;
  }

  window.addEventListener("message", (event) => {
    if (event.source !== host || event.origin !== origin) return;
    const { data } = event;
    run(() => handle(data));
  });

  // --- the embed chrome: Save and Exit --------------------------------------
  async function save() {
    if (view) return;
    const data = await exportAs("linework");
    post({ event: "save", format: "linework", data });
    app.setStatus("Sent to the page that embeds Linework.");
  }
  async function exit() {
    const state = await call({ type: "embed-status" });
    post({ event: "exit", modified: state.dirty });
  }
  const saveButton = button("embed-save", "Save", "Save to the embedding page (Ctrl+S)");
  const exitButton = button("embed-exit", "Exit", "Close the editor");
  const group = document.createElement("div");
  group.className = "embed-actions";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", "Embedding page");
  if (view) group.append(exitButton);
  else group.append(saveButton, exitButton);
  document.querySelector('[role="toolbar"]')?.append(group);
  const onSave = (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    run(save);
  };
  saveButton.addEventListener("click", onSave);
  exitButton.addEventListener("click", () => run(exit));
  // In embed mode every Save (button, menu or Ctrl+S) goes to the host.
  window.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest('[data-action="save"]')) onSave(event);
  }, true);
  // Ctrl+S and Ctrl+Shift+S take over web/files.js's handlers (web/keys.js
  // routes them), from a text field too.
  for (const name of ["save", "save-as"]) onAction(name, () => run(save), { typing: true, replace: true });

  body.dataset.embed = "1";
  app.ready.then(() => post({ event: "init", version: PROTOCOL_VERSION }));
}
