// @ts-check
// Starts the core's worker as the page's very first act: index.html runs this
// small module on its own (async), before the page's other modules have even
// loaded, so Pyodide downloads while they do. main.js takes the worker over.

// Trusted Types: the only script URLs this page ever creates are its two
// workers' (the core's, and the icon bitmaps' of web/icon-worker.js).
const workerUrl = new URL("./worker.js", import.meta.url).href;
const iconWorkerUrl = new URL("./icon-worker.js", import.meta.url).href;
const scriptUrls = globalThis.trustedTypes?.createPolicy("linework-worker", {
  createScriptURL(url) {
    if (url !== workerUrl && url !== iconWorkerUrl) throw new TypeError("not one of the page's workers");
    return url;
  },
});

/** A module worker from one of the two URLs above. */
function moduleWorker(url, name) {
  return new Worker(scriptUrls ? scriptUrls.createScriptURL(url) : url, { type: "module", name });
}

export const worker = moduleWorker(workerUrl, "linework-core");

/** Start the worker that draws icon bitmaps (web/icon-worker.js), when the
 * first icon needs one. */
export function startIconWorker() {
  return moduleWorker(iconWorkerUrl, "linework-icons");
}

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
