// @ts-check
// Starts the core's worker as the page's very first act: index.html runs this
// small module on its own (async), before the page's other modules have even
// loaded, so Pyodide downloads while they do. main.js takes the worker over.

// Trusted Types: the only script URL this page ever creates is its worker's.
const workerUrl = new URL("./worker.js", import.meta.url).href;
const scriptUrls = globalThis.trustedTypes?.createPolicy("linework-worker", {
  createScriptURL(url) {
    if (url !== workerUrl) throw new TypeError("not the core worker");
    return url;
  },
});

export const worker = new Worker(scriptUrls ? scriptUrls.createScriptURL(workerUrl) : workerUrl, {
  type: "module",
  name: "linework-core",
});

// A worker's messages are not queued for listeners that come later: keep
// what arrives before main.js listens, and replay it then.
const early = [];
const keep = (event) => {
  if (event.type === "error") event.preventDefault(); // main.js reports it
  early.push(event);
};
worker.addEventListener("message", keep);
worker.addEventListener("error", keep);

/** Call once the page listens to the worker: replays what came before. */
export function replayEarlyEvents() {
  worker.removeEventListener("message", keep);
  worker.removeEventListener("error", keep);
  for (const event of early.splice(0)) {
    worker.dispatchEvent(event.type === "error"
      ? new ErrorEvent("error", { message: event.message, cancelable: true })
      : new MessageEvent("message", { data: event.data }));
  }
}
