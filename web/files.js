// @ts-check
// Files (promises P3, P4, P5): New, Open (picker, drop, paste), Save, Save as,
// Save encrypted, exports, print, the title with its unsaved marker, the
// beforeunload guard, optional autosave and the recovery copy.
//
// The core owns every byte format (src/linework/bridge/filing.py); this module
// owns dialogs, file handles and WebCrypto. Nothing is stored: a File System
// Access handle lives in this module's memory only and is never persisted.
// Dirty state comes from the core's replies (ui.dirty), observed on the RPC.

import { confirmAction, confirmDiscard, showDialog } from "./dialogs.js";
import { chooseTemplate } from "./templates.js";
import { LineworkError, asLineworkError } from "./errors.js";
import { download, printSvg, rasterize } from "./export.js";
import { isTyping, onAction, onKey } from "./keys.js";
import { createNotice } from "./notice.js";
import { clearOpenMarks, openMark } from "./open-marks.js";
import { createRecovery } from "./recovery.js";
import { parseSealed, passphraseKey, sealDocument, unseal } from "./sealing.js";
import { base64ToBytes, bytesToBase64, call, fileError } from "./wire.js";

// The core enforces its own limits; this only avoids base64-ing huge files.
const MAX_FILE_BYTES = 256 * 1024 * 1024;
const AUTOSAVE_DELAY_MS = 2000;
const LINEWORK_TYPE = "application/vnd.linework+json";
const PICKER_TYPES = [{ description: "Linework diagram", accept: { [LINEWORK_TYPE]: [".linework"] } }];

/** Read a File (or Blob) as bytes. */
export function readBytes(file) {
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new LineworkError("LW-E0104", `${file.size} bytes`));
  }
  return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
}

/** Read a File (or Blob) as base64 (the bridge's wire form for bytes). */
export function readBase64(file) {
  return readBytes(file).then(bytesToBase64);
}

const PICTURE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml"]);
/** Whether a File may be a picture to insert (by type or name; the core decides). */
export function mayBePicture(file) {
  return PICTURE_TYPES.has(file.type) || /\.(png|jpe?g|gif|webp|svg)$/i.test(file.name ?? "");
}
/** Offer a picture file to web/editor/pictures.js; false if nobody took it. */
function offerPicture(detail) {
  return !window.dispatchEvent(new CustomEvent("linework:picture-file", { detail, cancelable: true }));
}

const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes("Files");

/**
 * Wire the file commands. `present(reply)` paints a "document replaced" reply
 * (docs/protocol.md); `showError(error, context)` shows the
 * error dialog; `setStatus(text)` the status line.
 */
export function createFiles({ rpc, ready, present, showError, setStatus, ui }) {
  const state = {
    title: "Untitled",
    dirty: false,
    handle: null, // FileSystemFileHandle of the open file (memory only)
    native: true, // the open file is a .linework Save may write back to
    sealKey: null, // non-extractable PBKDF2 key while a sealed document is open
    busy: false,
    autosave: false,
  };
  const body = document.body;
  const fsAccess = typeof window.showSaveFilePicker === "function";
  let autosaveTimer = 0;
  let preApproved = false;

  // What an import could not carry over (the core's warnings), over the canvas.
  const notice = ui.stage ? createNotice(ui.stage) : null;

  // While a sealed document is open: a function sealing it again, else null.
  const sealer = () => (state.sealKey ? () => sealDocument(rpc, state.sealKey) : null);
  const recovery = createRecovery({ rpc, button: ui.recoveryButton, sealer });

  // --- title and the unsaved marker --------------------------------------------
  function onBeforeUnload(event) {
    event.preventDefault();
    event.returnValue = "";
  }
  function showTitle() {
    ui.title.textContent = state.title;
    if (state.dirty) ui.title.dataset.dirty = "1";
    else delete ui.title.dataset.dirty;
    ui.title.title = state.dirty ? `${state.title} (unsaved changes)` : state.title;
    document.title = `${state.dirty ? "• " : ""}${state.title} · Linework`;
  }
  function setDirty(dirty) {
    if (dirty === state.dirty) return;
    state.dirty = dirty;
    // Registered only while there is something to lose: a clean tab closes silently.
    if (dirty) window.addEventListener("beforeunload", onBeforeUnload);
    else window.removeEventListener("beforeunload", onBeforeUnload);
    showTitle();
    if (dirty) scheduleAutosave();
  }
  function setTitle(title) {
    state.title = title || "Untitled";
    showTitle();
  }

  // Every core reply passes here: editor responses carry ui.dirty.
  rpc.observe?.((reply) => {
    if (reply?.ui && typeof reply.ui.dirty === "boolean") {
      const changed = reply.ui.dirty !== state.dirty || (reply.ops?.length ?? 0) > 0;
      setDirty(reply.ui.dirty);
      if (changed) {
        recovery.schedule();
        if (reply.ui.dirty) scheduleAutosave();
      }
    }
  });

  // One file operation at a time: a second click while a dialog is open is ignored
  // (the name only says, at each call, which operation it is).
  async function exclusive(_name, task) {
    if (state.busy) return false;
    state.busy = true;
    try {
      await ready;
      return await task();
    } finally {
      state.busy = false;
    }
  }

  // --- replacing the document ------------------------------------------------------
  function adopt(reply, { handle = null, sealKey = null } = {}) {
    // Keys go to the diagram about to show, not to the Open… button. Focused
    // before it is in: focus() brings style and layout up to date, which
    // after present() meant laying out the whole new drawing in this task
    // (the first frame's work, forced early) rather than in that frame.
    /** @type {SVGElement | null} */ (document.querySelector("#canvas"))?.focus({ preventScroll: true });
    present(reply);
    const info = reply.document;
    state.handle = handle;
    state.native = Boolean(info.native);
    state.sealKey = sealKey;
    setTitle(info.title);
    setDirty(Boolean(reply.ui?.dirty));
    body.dataset.document = "1";
    recovery.schedule();
    const count = info.count ?? 0;
    const warnings = Array.isArray(info.warnings) ? info.warnings.map(String) : [];
    // The core's status line (page, element count) when it sent one.
    const counted = typeof reply.ui?.status === "string"
      ? reply.ui.status : `${count} element${count === 1 ? "" : "s"}`;
    const what = `${state.title} · ${counted}${info.sealed ? " · encrypted" : ""}`;
    if (warnings.length === 0) {
      notice?.hide();
      setStatus(what);
    } else {
      const n = warnings.length;
      notice?.show(`Opened with ${n} change${n === 1 ? "" : "s"} from the original`, warnings);
      setStatus(`${what} · imported with ${n} warning${n === 1 ? "" : "s"}: ${warnings[0]}`, "warning");
    }
  }
  /** Go on only if nothing unsaved would be lost (asks Save / Don't save / Cancel). */
  async function mayDiscard() {
    if (!state.dirty) return true;
    const choice = await confirmDiscard(state.title);
    if (choice === "save") return saveNow({});
    return choice === "discard";
  }

  async function newDocument() {
    return exclusive("new", async () => {
      if (!(await mayDiscard())) return false;
      adopt(await call(rpc, { type: "file-new" }));
      return true;
    }).catch((error) => showError(error, "open"));
  }

  /** New from template: pick one in the gallery, then (as New) ask about
   * unsaved changes and open it as a new untitled document. */
  async function newFromTemplate(name = null) {
    return exclusive("new-from-template", async () => {
      const chosen = name ?? (await chooseTemplate(rpc));
      if (chosen === null) return false;
      if (!(await mayDiscard())) return false;
      adopt(await call(rpc, { type: "file-template", name: chosen, canvas: canvasSize() }));
      return true;
    }).catch((error) => showError(error, "open"));
  }

  async function askPassphrase(name) {
    const { button, values } = await showDialog({
      role: "passphrase",
      title: "Open encrypted diagram",
      text: `“${name}” is encrypted. Enter its passphrase to open it.`,
      fields: [{ name: "passphrase", label: "Passphrase", type: "password" }],
      buttons: [{ value: "cancel", label: "Cancel" }, { value: "open", label: "Open", default: true }],
      validate: (v) => (v.passphrase ? "" : "Enter the passphrase."),
    });
    return button === "open" ? values.passphrase : null;
  }

  /** The canvas's size in px, so the core chooses the opening view and paints
   * it first; `fit`: the whole drawing fitted (the viewer), not a readable zoom. */
  function canvasSize(fit = false) {
    const box = document.getElementById("canvas")?.getBoundingClientRect();
    return box && box.width > 0 && box.height > 0
      ? { width: box.width, height: box.height, ...(fit ? { fit: true } : {}) }
      : undefined;
  }

  /** Open bytes (a Uint8Array, or base64); on any failure the open diagram
   * stays exactly as it was. `metaTitle`: the document's own title
   * (meta.title), if any, wins over `name`; `fit`: open it fitted whole (the
   * viewer), not at a readable zoom. */
  async function openData(name, data, handle = null, { metaTitle = false, copy = false, fit = false } = {}) {
    // Bytes cross to the core beside the message, not as base64 inside it.
    const bytes = typeof data === "string" ? null : data;
    // Hostile input can kill the runtime: the recovery copy is brought up to
    // date first, so it never lags behind the last edit.
    await recovery.refresh().catch(() => {});
    openMark("recovered");
    setStatus(`Opening ${name}…`);
    const opening = performance.now();
    let reply = await rpc.call({
      type: "file-open", name, ...(bytes === null ? { data } : {}), canvas: canvasSize(fit),
      ...(metaTitle ? { meta_title: true } : {}), ...(copy ? { copy: true } : {}),
    }, bytes);
    if (reply.ok) {
      const { timing } = reply;
      for (const step of ["sent", "start", "end", "received", "parsed"]) openMark(`rpc-${step}`, timing?.[step]);
      adopt(reply, { handle });
      openMark("adopted");
      performance.measure("linework-open", { start: opening });
      return true;
    }
    const base64 = bytes === null ? data : bytesToBase64(bytes);
    if (reply.picture) {
      // A plain picture: web/editor/pictures.js offers to insert it instead.
      const offer = new CustomEvent("linework:offer-picture", { detail: { name, data: base64 }, cancelable: true });
      if (!window.dispatchEvent(offer)) return false;
    }
    if (reply.code !== "LW-E0304") throw fileError(reply.code, reply.detail, reply.message);
    const parsing = performance.now();
    const envelope = await parseSealed(rpc, base64);
    performance.measure("linework-unseal-parse", { start: parsing });
    // A wrong passphrase (LW-E0300) offers "Try again" for the same bytes;
    // the open diagram stays untouched until the file opens.
    let start;
    let plaintext;
    let base;
    for (;;) {
      const passphrase = await askPassphrase(name);
      if (passphrase === null) {
        setStatus("Opening cancelled.");
        return false;
      }
      // Measures for `build.py bench`: decryption (PBKDF2 + AES-GCM), then the open.
      start = performance.now();
      try {
        ({ plaintext, base } = await unseal(rpc, envelope, passphrase));
        break;
      } catch (error) {
        if (asLineworkError(error).code !== "LW-E0300") throw error;
        if (!(await showError(error, "open", { retry: true }))) {
          setStatus("Opening cancelled.");
          return false;
        }
      }
    }
    performance.measure("linework-unseal", { start });
    reply = await call(rpc, { type: "open-plain", name, data: bytesToBase64(plaintext), canvas: canvasSize(fit) });
    performance.measure("linework-unseal-open", { start });
    plaintext.fill(0);
    adopt(reply, { handle, sealKey: base });
    return true;
  }

  async function openFile(file, handle = null) {
    return exclusive("open-file", async () => {
      if (!preApproved && !(await mayDiscard())) return false;
      preApproved = false;
      clearOpenMarks();
      openMark("reading");
      const data = await readBytes(file);
      openMark("read");
      return openData(file.name, data, handle);
    }).catch((error) => showError(error, "open"));
  }

  /** Open: ask about unsaved changes, then the picker (the FS Access one keeps a handle). */
  async function chooseFile() {
    const go = await exclusive("open", async () => {
      if (!(await mayDiscard())) return false;
      if (typeof window.showOpenFilePicker !== "function") {
        preApproved = true;
        ui.input.click();
        return false;
      }
      let handle;
      try {
        [handle] = await window.showOpenFilePicker({ types: PICKER_TYPES, excludeAcceptAllOption: false });
      } catch (error) {
        if (error?.name === "AbortError") return false;
        throw error;
      }
      return { handle, file: await handle.getFile() };
    }).catch((error) => { showError(error, "open"); return false; });
    if (go?.file) {
      preApproved = true;
      await openFile(go.file, go.handle);
    }
  }

  // --- saving ------------------------------------------------------------------------
  async function writeHandle(handle, bytes) {
    const writable = await handle.createWritable();
    try {
      await writable.write(bytes);
      await writable.close();
    } catch (error) {
      await writable.abort?.().catch(() => {});
      throw error;
    }
  }

  async function askNewPassphrase() {
    let timer = 0;
    const { button, values } = await showDialog({
      role: "seal",
      title: "Save encrypted",
      text: "The diagram will be sealed with AES-256-GCM under this passphrase. Without it the file cannot be opened: nobody can recover it.",
      fields: [
        { name: "passphrase", label: "Passphrase", type: "password" },
        { name: "repeat", label: "Repeat the passphrase", type: "password" },
      ],
      buttons: [{ value: "cancel", label: "Cancel" }, { value: "seal", label: "Save encrypted", default: true }],
      onInput: (v, dialog) => {
        clearTimeout(timer);
        if (!v.passphrase) { dialog.note(""); return; }
        timer = setTimeout(async () => {
          const reply = await rpc.call({ type: "passphrase", passphrase: v.passphrase }).catch(() => null);
          if (reply?.ok) dialog.note(`Strength: ${reply.label} (${reply.score}/4).${reply.advice ? ` ${reply.advice}` : ""}`);
        }, 120);
      },
      validate: (v) => {
        if (!v.passphrase) return "Enter a passphrase.";
        if (v.passphrase !== v.repeat) return "The two passphrases differ.";
        return "";
      },
      // The core rates it (linework.seal.strength); a very weak or weak one
      // (such as "a") would protect nothing, so it is not taken.
      check: async (v) => {
        const rated = await rpc.call({ type: "passphrase", passphrase: v.passphrase }).catch(() => null);
        if (!rated?.ok) return rated?.detail || "The passphrase could not be checked.";
        if (rated.enough) return "";
        return `This passphrase is ${rated.label} (${rated.score}/4): it is too easy to guess. Use a longer one, for example four or more unrelated words.`;
      },
    });
    clearTimeout(timer);
    return button === "seal" ? values.passphrase : null;
  }

  /** Save; resolves true once the bytes are written (or handed to a download). */
  async function saveNow({ as = false, sealed = false }) {
    let sealKey = state.sealKey;
    if (sealed) {
      const passphrase = await askNewPassphrase();
      if (passphrase === null) return false;
      sealKey = await passphraseKey(rpc, passphrase);
    }
    let bytes;
    let token;
    try {
      if (sealKey) {
        const start = performance.now();
        ({ data: bytes, token } = await sealDocument(rpc, sealKey));
        performance.measure("linework-seal", { start });
      } else {
        const reply = await call(rpc, { type: "save" }, "LW-E0400");
        bytes = base64ToBytes(reply.data);
        token = reply.token;
      }
    } catch (error) {
      const e = asLineworkError(error);
      throw e.code === "LW-E0004" ? e : fileError(e.code === "LW-E0303" ? "LW-E0303" : "LW-E0400", e.detail);
    }
    const suggested = `${state.title}.linework`;
    let handle = !as && !sealed && state.native ? state.handle : null;
    let name = handle?.name ?? suggested;
    try {
      if (handle === null && fsAccess) {
        try {
          handle = await window.showSaveFilePicker({ suggestedName: suggested, types: PICKER_TYPES });
        } catch (error) {
          if (error?.name === "AbortError") return false;
          throw error;
        }
        name = handle.name;
      }
      if (handle !== null) await writeHandle(handle, bytes);
      else download(bytes, name, LINEWORK_TYPE);
    } catch (error) {
      setStatus("Not saved.", "error");
      throw fileError("LW-E0400", String(error?.message ?? error));
    }
    state.handle = handle;
    state.native = true;
    // Saved under another key (or sealed for the first time): the recovery
    // copy is sealed again with it, though the document did not change.
    if (sealKey !== state.sealKey) recovery.schedule();
    state.sealKey = sealKey;
    const reply = await call(rpc, { type: "saved", token, name });
    setTitle(reply.title);
    setDirty(reply.dirty);
    setStatus(`Saved ${name}${sealKey ? " (encrypted)" : ""}.`);
    return true;
  }

  function save(options) {
    const name = options.sealed ? "save-sealed" : options.as ? "save-as" : "save";
    return exclusive(name, () => saveNow(options)).catch((error) => {
      showError(error, "save");
      return false;
    });
  }

  function scheduleAutosave() {
    clearTimeout(autosaveTimer);
    if (!state.autosave || state.handle === null || !state.native) return;
    autosaveTimer = setTimeout(() => {
      if (state.dirty && !state.busy && state.handle !== null) save({});
    }, AUTOSAVE_DELAY_MS);
  }

  // --- exports -----------------------------------------------------------------------
  async function exportOptions(kind) {
    const fields = [];
    if (kind === "png") {
      fields.push({ name: "scale", label: "Scale", type: "select", value: "2",
        options: [["1", "1×"], ["2", "2×"], ["4", "4×"]] });
    }
    fields.push(
      { name: "area", label: "What to export", type: "select", value: "page",
        options: [["page", "The whole page"], ["selection", "The selection"]] },
      { name: "background", label: "Page background (off: transparent)", type: "checkbox", value: true },
      { name: "embed", label: "Embed what the image shows (this page, or the selection), so it opens in Linework", type: "checkbox", value: true },
    );
    const { button, values } = await showDialog({
      role: "export-options",
      title: `Export ${kind.toUpperCase()}`,
      text: state.sealKey
        ? "This diagram is encrypted: the embedded diagram stays sealed with its passphrase; the picture itself is not encrypted."
        : "",
      fields,
      buttons: [{ value: "cancel", label: "Cancel" }, { value: "export", label: "Export", default: true }],
    });
    return button === "export" ? values : null;
  }

  async function exportImage(kind, preset = null) {
    const options = preset ?? (await exportOptions(kind));
    if (options === null) return false;
    setStatus(`Exporting ${kind.toUpperCase()}…`);
    // A sealed document embeds a fresh sealed envelope, never its plaintext;
    // either way the image carries only what it shows (this page, or the selection).
    const selection = options.area === "selection";
    const sealed = options.embed && state.sealKey
      ? bytesToBase64((await sealDocument(rpc, state.sealKey, { shown: true, selection })).data)
      : null;
    const request = {
      type: "file-export",
      format: "svg",
      selection,
      background: Boolean(options.background),
    };
    if (kind === "svg") {
      const reply = await call(rpc, { ...request, embed: Boolean(options.embed), sealed }, "LW-E0401");
      download(reply.data, `${state.title}.svg`, "image/svg+xml");
    } else {
      const reply = await call(rpc, { ...request, embed: false }, "LW-E0401");
      let png = await rasterize(reply.data, Number(options.scale) || 1);
      if (options.embed) {
        const embedded = await call(rpc, { type: "png-embed", png: bytesToBase64(png), sealed, selection }, "LW-E0401");
        png = base64ToBytes(embedded.data);
      }
      download(png, `${state.title}.png`, "image/png");
    }
    setStatus(`Exported ${state.title}.${kind}.`);
    return true;
  }

  async function exportDrawio() {
    if (state.sealKey && !(await confirmAction({
      role: "confirm-plain-export",
      title: "Export without encryption?",
      text: "draw.io files cannot be encrypted: this copy of the diagram will be readable by anyone who has the file.",
      action: "Export",
    }))) return false;
    const reply = await call(rpc, { type: "file-export", format: "drawio" }, "LW-E0401");
    download(reply.data, `${state.title}.drawio`, "application/vnd.jgraph.mxfile");
    setStatus(`Exported ${state.title}.drawio.`);
    return true;
  }

  const run = (name, task) => exclusive(name, task).catch((error) => showError(error, "export"));
  const commands = {
    new: () => newDocument(),
    "new-from-template": () => newFromTemplate(),
    open: () => chooseFile(),
    save: () => save({}),
    "save-as": () => save({ as: true }),
    "save-sealed": () => save({ sealed: true }),
    "export-svg": () => run("export-svg", () => exportImage("svg")),
    "export-png": () => run("export-png", () => exportImage("png")),
    "export-drawio": () => run("export-drawio", () => exportDrawio()),
    print: () => run("print", async () => {
      const reply = await call(rpc, { type: "file-export", format: "svg", embed: false }, "LW-E0401");
      await printSvg(reply.data, ui.printSheet);
    }),
  };

  // --- wiring ------------------------------------------------------------------------
  for (const [name, command] of Object.entries(commands)) {
    for (const button of document.querySelectorAll(`[data-action="${name}"]`)) {
      button.addEventListener("click", () => command());
    }
  }
  ui.input.addEventListener("change", () => {
    const file = ui.input.files?.[0];
    ui.input.value = "";
    if (file) openFile(file);
    else preApproved = false;
  });
  ui.input.addEventListener("cancel", () => { preApproved = false; });

  // The editor asks for file actions it cannot do itself (ui.request).
  window.addEventListener("linework:request", (/** @type {CustomEvent} */ event) => {
    const action = event.detail?.action;
    if (!Object.hasOwn(commands, action) || action === "print") return;
    commands[action]();
  });

  // Their keys, routed by the page's one keydown listener (web/keys.js): the
  // records' Ctrl+S and Ctrl+Shift+S never reach the core, so nothing saves
  // twice. The others have no key today; a key given to one runs it here.
  onAction("save", () => commands.save());
  onAction("save-as", () => commands["save-as"]());
  onAction("save-sealed", () => commands["save-sealed"]());
  onAction("export-svg", () => commands["export-svg"]());
  onAction("export-png", () => commands["export-png"]());
  onAction("export-drawio", () => commands["export-drawio"]());
  onAction("new-from-template", () => commands["new-from-template"]());
  // Ctrl+N and Ctrl+P are the page's own keys (no core action runs them).
  onKey((event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || isTyping(event.target)) return false;
    const name = { n: "new", p: "print" }[event.key.toLowerCase()];
    if (name === undefined) return false;
    event.preventDefault();
    commands[name]();
    return true;
  });

  if (ui.autosave) {
    ui.autosave.hidden = !fsAccess;
    const box = ui.autosave.querySelector("input");
    box?.addEventListener("change", () => {
      state.autosave = box.checked;
      if (state.autosave && state.dirty && state.handle !== null) scheduleAutosave();
      setStatus(state.autosave
        ? (state.handle ? `Autosaving to ${state.handle.name}.` : "Autosave starts once the diagram is saved to a file.")
        : "Autosave is off.");
    });
  }

  // Drag and drop anywhere on the window.
  let depth = 0;
  const hideHint = () => { depth = 0; ui.hint.hidden = true; };
  window.addEventListener("dragenter", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth += 1;
    ui.hint.hidden = false;
  });
  window.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("dragleave", () => {
    depth -= 1;
    if (depth <= 0) hideHint();
  });
  window.addEventListener("drop", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    hideHint();
    const item = [...event.dataTransfer.items].find((i) => i.kind === "file");
    const file = event.dataTransfer.files[0];
    if (!file) return;
    // Chromium can hand over a writable handle for a dropped file.
    const handlePromise = item?.getAsFileSystemHandle?.() ?? Promise.resolve(null);
    const open = () => handlePromise.catch(() => null).then((handle) =>
      openFile(file, handle?.kind === "file" ? handle : null));
    // A picture is inserted where it was dropped (a diagram inside one opens).
    if (mayBePicture(file) && offerPicture({ file, clientX: event.clientX, clientY: event.clientY, open })) return;
    open();
  });

  // Before any paste reaches the core (capture phase, so before the editor's
  // own listener sends it), and when the tab is hidden (it may be killed or
  // discarded next), the recovery copy catches up with the last edit.
  window.addEventListener("paste", () => { recovery.refresh().catch(() => {}); }, true);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") recovery.refresh().catch(() => {});
  });

  // Paste of a file. Pasted text goes to the editor (web/editor/app.js), which
  // asks the core what it is and sends diagram text back here (openPasted).
  window.addEventListener("paste", (event) => {
    if (isTyping(event.target)) return;
    const file = event.clipboardData?.files?.[0] ?? null;
    if (!file) return;
    const openPastedFile = async () => {
      if (event.defaultPrevented || state.busy) return;
      if (!(await confirmAction({
        role: "confirm-paste-open",
        title: "Open the pasted diagram?",
        text: `Open “${file.name}” in place of the current diagram?`,
        action: "Open",
      }))) return;
      await openFile(file);
    };
    // A pasted image (a screenshot, a copied picture) is inserted.
    setTimeout(() => {
      if (event.defaultPrevented || state.busy) return;
      if (mayBePicture(file) && offerPicture({ file, open: openPastedFile })) return;
      openPastedFile();
    }, 0);
  });

  /** Open pasted diagram text: the core judged it a file's text (`label` names
   * its format) and gave its bytes (base64). Asks first, then about unsaved
   * changes, as Open does. */
  async function openPasted(data, label) {
    if (state.busy) return false;
    if (!(await confirmAction({
      role: "confirm-paste-open",
      title: "Open the pasted diagram?",
      text: `The clipboard holds a ${label} diagram. Open it in place of the current diagram?`,
      action: "Open",
    }))) return false;
    return exclusive("open-paste", async () => {
      if (!(await mayDiscard())) return false;
      return openData("Pasted diagram", data);
    }).catch((error) => showError(error, "open"));
  }
  window.addEventListener("linework:open-text", (/** @type {CustomEvent} */ event) => {
    const { data, label } = event.detail ?? {};
    if (typeof data === "string") openPasted(data, String(label ?? "diagram"));
  });

  showTitle();

  return {
    choose: () => chooseFile(),
    /** Paint a "document replaced" reply a script got (linework.send) as an open. */
    adopt: (reply) => adopt(reply),
    /** Open bytes given by the page itself (embed load, share link); throws on failure. */
    openData: (name, base64, options = {}) => openData(name, base64, null, options),
    /** "Edit a copy" of a share link: asks about unsaved changes, then opens
     * the diagram (base64) as a new, untitled, unsaved document. */
    openCopy: (base64) => exclusive("open-copy", async () => {
      if (!(await mayDiscard())) return false;
      return openData("Shared diagram", base64, null, { copy: true });
    }).catch((error) => { showError(error, "open"); return false; }),
    commands,
    recovery,
    /** Null, or (sealed document open) a function resolving a fresh sealed envelope. */
    sealer,
    /** The embedding page names the diagram (embed `configure`). */
    setTitle: (title) => setTitle(title),
    /** The runtime died: offer the recovery copy. */
    runtimeFailed: () => recovery.offer(),
    get state() {
      return {
        ...state,
        sealKey: state.sealKey !== null,
        handle: state.handle?.name ?? null,
        recoveries: recovery.refreshes,
      };
    },
  };
}
