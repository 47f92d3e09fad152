// @ts-check
// The recovery copy (docs/architecture.md §7 "Hostile input can kill the runtime"): the
// open document as .linework bytes, kept in this tab's memory only (never in
// storage), refreshed when the page is idle after a change. If the Python
// runtime dies, the error dialog offers it as "Download your diagram".
// A document that came from (or was saved as) a sealed file is kept sealed.

import { download } from "./export.js";
import { call } from "./wire.js";

const REFRESH_DELAY_MS = 800;

export function createRecovery({ rpc, button, sealer }) {
  let copy = null; // {data: Uint8Array | string, name}
  let timer = 0;
  let running = null;
  let again = false;
  let refreshes = 0;
  // Whether the document may have changed since the copy was asked for:
  // an open refreshes first, and encoding a big diagram that did not change
  // (one just opened, say) again would only delay the next open.
  let stale = true;

  async function refresh() {
    if (running) { again = true; return running; }
    if (!stale && copy !== null) return;
    stale = false;
    running = (async () => {
      try {
        const reply = await call(rpc, { type: "recovery" });
        if (reply.data === null) return;
        const name = `${reply.title || "Untitled"} (recovered).linework`;
        const seal = sealer();
        copy = seal ? { data: (await seal()).data, name } : { data: reply.data, name };
        refreshes += 1;
      } catch {
        // The runtime may already be gone: keep the last copy.
        stale = true;
      } finally {
        running = null;
      }
    })();
    await running;
    if (again) { again = false; await refresh(); }
  }

  /** The document changed (or was replaced): refresh the copy when idle. */
  function schedule() {
    stale = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if ("requestIdleCallback" in window) requestIdleCallback(() => refresh(), { timeout: 2000 });
      else refresh();
    }, REFRESH_DELAY_MS);
  }

  button.addEventListener("click", () => {
    if (copy) download(copy.data, copy.name, "application/vnd.linework+json");
  });

  return {
    schedule,
    refresh,
    /** The runtime failed for good: offer the last copy. */
    offer() {
      clearTimeout(timer);
      button.hidden = copy === null;
    },
    get available() { return copy !== null; },
    /** How many times the copy was refreshed (scripts wait on it). */
    get refreshes() { return refreshes; },
  };
}
