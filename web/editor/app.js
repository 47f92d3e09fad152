// @ts-check
// Wires the editor into the page: input, toolbar, palette, properties,
// layers, page tabs, in-place text, context menu, help, clipboard and the
// core's requests.

import { confirmAction } from "../dialogs.js";
import { replyError } from "../errors.js";
import firstPaint from "../first-paint.js";
import { warmRasterizer } from "../icon-rasterizer.js";
import { onAction } from "../keys.js";
import { createContextMenu } from "./context-menu.js";
import { createEditor } from "./editor.js";
import { assignAttr } from "./assign.js";
import { createHelp } from "./help.js";
import { isTyping, toPage, wireEditorInput } from "./input.js";
import { createLayers } from "./layers.js";
import { createPages } from "./pages.js";
import { createPalette } from "./palette.js";
import { createPictures } from "./pictures.js";
import { createProperties } from "./properties.js";
import { createOutline } from "./outline.js";
import { createTextEditor } from "./text-editor.js";
import { createToolbar } from "./toolbar.js";

const $ = (selector) => document.querySelector(selector);
// Longest text a paste turns into a text shape.
const MAX_PASTED_TEXT = 20_000;
// A copy of Linework's this long (characters) is asked about before it is pasted:
// inserting megabytes of elements takes a while and makes every later edit slower.
const LARGE_PASTE = 1_000_000;

/**
 * Start the editor once the core is ready. `rpc` is web/rpc.js; `setStatus`
 * and `showError` are the shell's status line and error dialog; `status`
 * (web/status.js) follows the core's ui.status.
 */
export function startEditor({ rpc, ready, canvas, setStatus, status, showError }) {
  const svg = $("#canvas");
  const stage = $('[data-role="stage"]');
  let timing = false;
  const call = (message) => rpc.call(timing ? { ...message, time: true } : message)
    .then((reply) => ({ reply, took: reply.python_ms ?? null }));
  const editor = createEditor({ call, svg, canvas });
  const textEditor = createTextEditor({ stage, svg, canvas, editor });
  const help = createHelp();
  // `?` opens the panel from the served rows, without asking the core (../keys.js).
  onAction("help", () => help.show(firstPaint.actions.help, firstPaint.actions.viewer_help), {
    panels: false,
  });
  const contextMenu = createContextMenu({ svg, canvas, editor, textEditor });

  createToolbar({ bar: $('[data-role="edit-bar"]'), editor });
  createPictures({
    bar: $('[data-role="edit-bar"]'), editor, call: (m) => rpc.call(m), viewCentre,
    pagePoint: (x, y) => toPage(svg, canvas.view, x, y), setStatus, showError,
  });
  createProperties({ root: $('[data-role="properties"]'), editor });
  createLayers({ root: $('[data-role="layers-panel"]'), editor });
  createPages({ tabs: $('[data-role="pages"]'), bar: $('[data-role="page-bar"]'), editor });
  const palette = createPalette({ root: $('[data-role="palette"]'), svg, canvas, editor, call: (m) => rpc.call(m) });
  createOutline({ panel: $(".side-panel"), svg, editor });
  wireEditorInput({ svg, canvas, editor, textEditor });

  // --- UI state the chrome shows ------------------------------------------------
  editor.onUi((ui) => {
    const cursor = ui.cursor || "default";
    if (svg.style.cursor !== cursor) svg.style.cursor = cursor;
    assignAttr(document.body, "data-tool", ui.tool.startsWith("place:") ? "place" : "select");
    assignAttr(document.body, "data-selection", String(ui.selection.length));
  });
  editor.onUi((ui, response) => {
    status?.follow(ui, response);
    // What was just added, pasted or selected by keyboard comes into view.
    if (ui.reveal) reveal(ui.reveal);
  });

  /** Pan (never zoom) so the page box {x, y, w, h} is on screen, if it is not. */
  function reveal(box) {
    const rect = svg.getBoundingClientRect();
    const { scale, x, y } = canvas.view;
    const margin = 24;
    const left = box.x * scale + x;
    const top = box.y * scale + y;
    const right = left + box.w * scale;
    const bottom = top + box.h * scale;
    const axis = (lo, hi, size) => {
      if (lo >= margin && hi <= size - margin) return 0;
      if (hi - lo > size - 2 * margin) return size / 2 - (lo + hi) / 2;
      return lo < margin ? margin - lo : size - margin - hi;
    };
    const dx = axis(left, right, rect.width);
    const dy = axis(top, bottom, rect.height);
    if (dx !== 0 || dy !== 0) canvas.panBy(dx, dy);
  }

  // --- requests from the core ---------------------------------------------------
  function viewCentre() {
    const rect = svg.getBoundingClientRect();
    return toPage(svg, canvas.view, rect.left + rect.width / 2, rect.top + rect.height / 2);
  }
  // Pasted text: the core says what it is (bridge `paste-kind`). Linework's own
  // copy goes to the editor's paste; a diagram file's text opens like a file
  // (web/files.js asks first); anything else becomes a text shape. `at`: the
  // page point to paste at (the context menu's); else text goes to the view's
  // centre and a copy steps aside from its original. No text: this tab's copy.
  async function paste(text, at = null) {
    if (typeof text !== "string" || !text.trim()) return editor.action("paste", at ?? {});
    let reply;
    try {
      reply = await rpc.call({ type: "paste-kind", text });
      if (!reply.ok) throw replyError(reply);
    } catch (error) {
      showError(error, "edit");
      return null;
    }
    if (reply.kind === "diagram") {
      window.dispatchEvent(new CustomEvent("linework:open-text", { detail: { data: reply.data, label: reply.label } }));
      return null;
    }
    if (reply.kind === "clipboard") {
      if (text.length > LARGE_PASTE && !(await confirmAction({
        role: "confirm-large-paste",
        title: "Paste a large selection?",
        text: `The clipboard holds ${(text.length / 1e6).toFixed(1)} MB of diagram. Pasting it may take a while, and the document stays that large.`,
        action: "Paste",
      }))) return null;
      return editor.action("paste", { data: text, ...(at ?? {}) });
    }
    return editor.action("add-text", { ...(at ?? viewCentre()), text: text.slice(0, MAX_PASTED_TEXT) });
  }
  // The editor reports its own failures (an "error" request).
  const pasteFailed = () => {};
  editor.onRequest((request) => {
    switch (request.action) {
      case "zoom-in": canvas.zoomStep(1); break;
      case "zoom-out": canvas.zoomStep(-1); break;
      case "zoom-fit": canvas.fit(); break;
      case "help": help.show(request.shortcuts ?? [], request.viewer_shortcuts); break;
      case "paste": {
        // From the context menu the paste lands where it was opened.
        const at = Number.isFinite(request.x) && Number.isFinite(request.y)
          ? { x: request.x, y: request.y } : null;
        (navigator.clipboard?.readText?.() ?? Promise.reject(new Error("no clipboard")))
          .then((text) => paste(text, at), () => paste(null, at))
          .catch(pasteFailed);
        break;
      }
      case "context-menu": contextMenu.show(request); break;
      case "clipboard":
        navigator.clipboard?.writeText?.(request.text).catch(() => {
          setStatus("Copied inside Linework (the system clipboard was not available).");
        });
        break;
      case "error": {
        const error = request.error;
        if (error?.reply) showError(error, "edit");
        else if (error instanceof Error) showError(error, "edit");
        else setStatus(error.text ?? [error.message, error.detail].filter(Boolean).join(" "), "error");
        break;
      }
      default:
        // File actions (open, save, export…) belong to web/files.js.
        window.dispatchEvent(new CustomEvent("linework:request", { detail: request }));
    }
  });

  // --- the system clipboard: copy/cut/paste events need no permission ----------
  const ours = (event) => !isTyping(event.target) && !textEditor.open &&
    !(event.target instanceof Element && event.target.closest("dialog"));
  for (const name of ["copy", "cut"]) {
    document.addEventListener(name, (event) => {
      if (!ours(event) || !(editor.ui?.selection.length > 0)) return;
      event.preventDefault();
      editor.action(name).catch(() => {});
    });
  }
  document.addEventListener("paste", (event) => {
    if (!ours(event)) return;
    if (event.clipboardData?.files?.length) return; // a file: web/files.js opens it
    const text = event.clipboardData?.getData("text/plain") ?? "";
    event.preventDefault();
    paste(text || null).catch(pasteFailed);
  });

  // --- the first paint: the core's own first replies, made by the build ---------
  // (tools/first_paint.py), so the palette, panels, page tabs and zoom are
  // final before Python starts; the core's live `file-new` below repaints the same.
  editor.present(firstPaint.new);
  canvas.fitShown(1);
  palette.show(firstPaint.palette.kinds, firstPaint.palette.libraries);

  // While the user picks a file: throwaway opens in the core, one per idle
  // moment, until the engine runs them optimized, so the first real open
  // does too (src/linework/bridge/warming.py).
  const whenIdle = globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 50));
  function warmUp() {
    whenIdle(() => {
      rpc.call({ type: "warm", open: true })
        .then((reply) => {
          if (reply?.ok && reply.warmed === false) warmUp();
          // Then the worker that draws icons (web/icon-worker.js), on a few
          // real library icons the core sends.
          else whenIdle(() => warmRasterizer(reply?.icons));
        })
        .catch(() => {});
    });
  }

  // --- start with an empty page --------------------------------------------------
  const started = ready.then(async () => {
    const reply = await rpc.call({ type: "file-new" });
    if (!reply.ok) throw new Error(reply.detail ?? "new");
    // The same empty page the first paint showed: no change the user made.
    editor.present({ ...reply, quiet: true });
    canvas.fitShown(1);
    document.body.dataset.document = "1";
    // The automation contract's "usable" (DESIGN.md §9): the first page is on screen.
    document.body.dataset.ready = "1";
    performance.mark("linework-page-ready");
    for (const el of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll("[data-needs-core]"))) el.inert = false;
    await palette.load();
    document.body.dataset.editor = "1";
    warmUp();
  }).catch((error) => showError(error, "edit"));

  return {
    editor,
    /** Resolves once the editor's first page is on screen and the palette loaded. */
    started,
    /** Paint a "document replaced" reply; returns {touched, applyMs, removed}. */
    present: (reply) => editor.present(reply),
    /** For benchmarks: record per-response timings (Python time included). */
    trace(on) { timing = on; return editor.trace(on); },
  };
}
