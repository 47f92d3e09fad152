// Promise-based calls into the core's worker. Only JSON strings cross
// (STYLE.md §8): the page sends {id, body}, the worker answers {id, body}
// or {id, code, detail}; anything else from the worker is an event.

import { LineworkError } from "./errors.js";

export function createRpc(worker, onEvent) {
  const pending = new Map();
  let nextId = 1;
  let broken = null;

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
    if (typeof msg.body === "string") {
      call.resolve(JSON.parse(msg.body));
    } else {
      call.reject(new LineworkError(msg.code ?? "LW-E0001", msg.detail ?? ""));
    }
  });

  return {
    /** Send one message object; resolves with the core's parsed reply. */
    call(message) {
      if (broken !== null) return Promise.reject(broken);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, body: JSON.stringify(message) });
      });
    },
    /** Fail every pending and future call, e.g. after the runtime died. */
    breakWith(error) {
      broken = error;
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    },
  };
}
