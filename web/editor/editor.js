// @ts-check
// The editor's page side: sends protocol events to the core one at a time,
// applies each response (DOM ops, overlay, UI state) and tells the chrome.
// Python decides everything; this only carries events and applies answers
// (DESIGN.md §2, src/linework/editor/protocol.py).

import { drawingIconsInView } from "../icon-raster.js";
import { createPainter } from "./ops.js";

/** @typedef {import("../types/protocol").EditorReply} EditorReply */
/** @typedef {import("../types/protocol").DocumentReply} DocumentReply */

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const idleSoon = globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 1));

/**
 * call(message) → Promise<{reply, took}>: one bridge call (took: Python ms or null).
 * Hooks: onUi(ui, response) after every response, onRequest(request),
 * onClipboard(text), onError(error, response).
 */
export function createEditor({ call, svg, canvas }) {
  const painter = createPainter(svg, canvas);
  const uiListeners = new Set();
  const requestListeners = new Set();
  const queue = [];
  let inFlight = false;
  let ui = null;
  let idleScheduled = false;
  let trace = null;

  const emit = (set, ...args) => { for (const fn of set) fn(...args); };

  /** Apply a whole editor response (from `editor`, or a "document replaced"
   * reply of `file-new`, `file-open`, `open-plain`). Returns what it touched
   * and how many unsafe SVG parts were dropped.
   * @param {EditorReply | DocumentReply} response */
  function present(response) {
    const started = performance.now();
    const page = response.ui?.page;
    let touched = 0;
    let removed = 0;
    if (Array.isArray(response.ops)) {
      ({ touched, removed } = painter.apply(response.ops, page, "document" in response ? response.document.defs : undefined));
    }
    painter.showOverlay(response.overlay);
    if (response.ui) {
      ui = response.ui;
      if (ui.page) painter.showGrid?.(ui.page.grid);
      emit(uiListeners, ui, response);
      if (ui.request) emit(requestListeners, ui.request);
      if (typeof ui.clipboard === "string") emit(requestListeners, { action: "clipboard", text: ui.clipboard });
      if (ui.error) emit(requestListeners, { action: "error", error: ui.error });
      if (ui.pending > 0) scheduleIdle();
    }
    return { touched, removed, applyMs: performance.now() - started };
  }

  function scheduleIdle() {
    if (idleScheduled) return;
    idleScheduled = true;
    idleSoon(() => {
      idleScheduled = false;
      // Input first: idle work waits while events queue. So does it while
      // the icons in view are being drawn (web/icon-raster.js, for at most a
      // second): they are what the user looks at, the rest is off screen.
      if (queue.length > 0 || inFlight || drawingIconsInView()) {
        if (ui?.pending > 0) scheduleIdle();
        return;
      }
      // What the canvas shows now is painted first (the user may have scrolled).
      const view = canvas?.shown;
      if (ui?.pending > 0) send(view ? { type: "idle", view } : { type: "idle" });
    });
  }

  async function pump() {
    if (inFlight || queue.length === 0) return;
    inFlight = true;
    const item = queue.shift();
    try {
      const sent = performance.now();
      const { reply, took } = await call({ type: "editor", event: item.event });
      if (!reply.ok) throw Object.assign(new Error(reply.detail ?? "refused"), { reply });
      const received = performance.now();
      // Idle work (painting the rest, the outline) is no change the user made.
      if (item.event.type === "idle") reply.quiet = true;
      const { touched, applyMs } = present(reply);
      item.resolve(reply);
      if (trace !== null) {
        const entry = { type: item.event.type, since: item.since, handled: item.handled, sent, received, applyMs,
          python: took, ops: reply.ops.length, touched, painted: null, bytes: reply.bytes ?? null,
          ids: reply.ops.flatMap((op) => op.ids ?? (op.id ? [op.id] : [`(${op.op})`])) };
        trace.push(entry);
        nextFrame().then(nextFrame).then(() => { entry.painted = performance.now(); });
      }
    } catch (error) {
      item.reject(error);
      emit(requestListeners, { action: "error", error });
    } finally {
      inFlight = false;
      pump();
    }
  }

  /**
   * Send one protocol event; resolves with the applied response. Pointer
   * moves are coalesced: a move waiting behind the request in flight is
   * replaced by the newer one. `since`: when the input happened (for traces).
   */
  function send(event, since = performance.now(), handled = since) {
    return new Promise((resolve, reject) => {
      const item = { event, resolve, reject, since, handled };
      const last = queue[queue.length - 1];
      if (event.type === "pointermove" && last?.event.type === "pointermove") {
        last.resolve(null);
        item.since = Math.min(item.since, last.since);
        item.handled = Math.min(item.handled, last.handled);
        queue[queue.length - 1] = item;
      } else {
        queue.push(item);
      }
      pump();
    });
  }

  return {
    send,
    present,
    /** Run a named action (src/linework/editor/actions/). */
    action: (name, args = {}) => send({ type: "action", name, args }),
    onUi(fn) { uiListeners.add(fn); if (ui) fn(ui, null); },
    onRequest(fn) { requestListeners.add(fn); },
    get ui() { return ui; },
    get busy() { return inFlight || queue.length > 0; },
    /** Resolve once everything sent so far is applied and painted (double rAF). */
    async settled() {
      await send({ type: "idle", max: 1 }).catch(() => {});
      await nextFrame();
      await nextFrame();
    },
    /** Start (true) or stop (false) recording per-response timings; returns them. */
    trace(on) {
      const out = trace ?? [];
      trace = on ? [] : null;
      return out;
    },
    painter,
  };
}
