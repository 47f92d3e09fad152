// @ts-check
// Promise-based calls into the core's worker. Only JSON strings cross
// (docs/architecture.md §11.7), and an opened file's bytes beside them: the
// page sends {id, body, bytes?}, the worker answers {id, body}
// or {id, code, detail}; anything else from the worker is an event.
// Replies carry `ui` as what changed since the last reply and one-off notes as
// `once` (docs/protocol.md): merged here, before anyone sees the reply, so
// every reply with a `ui` holds the whole state again.

import { LineworkError } from "./errors.js";

// A call the runtime has not answered in this long means it hangs for good
// (docs/architecture.md §7): treated like a fatal failure, so the recovery copy is offered.
const CALL_TIMEOUT_MS = 120_000;

export function createRpc(worker, onEvent, { timeoutMs = CALL_TIMEOUT_MS } = {}) {
  const pending = new Map();
  const observers = [];
  let nextId = 1;
  let broken = null;
  let uiState = {};

  worker.addEventListener("message", (event) => {
    const msg = event.data;
    if (msg === null || typeof msg !== "object") return;
    if (typeof msg.id !== "number") {
      onEvent(msg);
      return;
    }
    const call = pending.get(msg.id);
    if (call === undefined) return;
    pending.delete(msg.id);
    clearTimeout(call.timer);
    if (typeof msg.body === "string") {
      const received = performance.now();
      const reply = JSON.parse(msg.body);
      if (reply !== null && typeof reply.ui === "object" && reply.ui !== null) {
        uiState = { ...uiState, ...reply.ui };
        reply.ui = { ...uiState, ...(reply.once ?? {}) };
      }
      // The reply's size on the wire, for benchmarks (not enumerable: not data).
      if (reply !== null && typeof reply === "object") {
        Object.defineProperty(reply, "bytes", { value: msg.body.length, enumerable: false });
        // Page-clock times (ms) of the call: sent, the worker's start and end
        // of the core's work, received, and parsed (for benchmarks, like bytes).
        const [start, end] = Array.isArray(msg.at) ? msg.at.map((t) => t - performance.timeOrigin) : [null, null];
        Object.defineProperty(reply, "timing", {
          value: { sent: call.sent, start, end, received, parsed: performance.now() }, enumerable: false,
        });
      }
      for (const observe of observers) {
        try { observe(reply); } catch (error) { console.error(error); }
      }
      call.resolve(reply);
    } else {
      call.reject(new LineworkError(msg.code ?? "LW-E0001", msg.detail ?? ""));
    }
  });

  return {
    /** Send one message object; resolves with the core's parsed reply.
     * `bytes` (a Uint8Array, copied): the message's `data` field, carried
     * beside the JSON instead of as base64 inside it (an opened file). */
    call(message, bytes = null) {
      if (broken !== null) return Promise.reject(broken);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (!pending.has(id)) return;
          const detail = `no answer to a ${String(message?.type).slice(0, 20)} message in ${timeoutMs} ms`;
          onEvent({ event: "fatal", code: "LW-E0004", detail });
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer, sent: performance.now() });
        worker.postMessage(bytes === null ? { id, body: JSON.stringify(message) } : { id, body: JSON.stringify(message), bytes });
      });
    },
    /** Call fn(reply) with every reply of the core, before its caller gets it
     * (web/files.js follows ui.dirty this way, whoever sent the message). */
    observe(fn) {
      observers.push(fn);
    },
    /** Fail every pending and future call, e.g. after the runtime died. */
    breakWith(error) {
      broken = error;
      for (const call of pending.values()) {
        clearTimeout(call.timer);
        call.reject(error);
      }
      pending.clear();
    },
  };
}
