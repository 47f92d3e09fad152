// The core's home: a module worker running Pyodide, so the page keeps
// painting while Python starts and works (docs/architecture.md §2). It speaks the
// protocol of rpc.js and passes message strings to linework.bridge untouched.

import config from "./config.js";

const runtimeUrl = new URL(config.runtimeUrl, import.meta.url).href;
const lockFileUrl = new URL(config.lockFileUrl, import.meta.url).href;

let api = null;
let dead = false;

const post = (message) => self.postMessage(message);
// Each stage carries the worker's clock, so benchmarks can split start-up.
const stage = (name) => post({ event: "stage", stage: name, at: performance.now() });
const describe = (error) => String(error?.message ?? error).slice(0, 500);

// Pyodide probes for a classic worker by calling importScripts("data:…"),
// which Trusted Types reports as a violation before the call fails. A module
// worker cannot use importScripts anyway, so answer the probe directly.
self.importScripts = () => {
  throw new TypeError("importScripts is not available in a module worker");
};

// A CSP violation can leave loadPyodide pending forever, and violations in a
// worker do not reach the page's console: report each one to the page.
self.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile.split("/").pop()}:${event.lineNumber}`;
  post({ event: "violation", detail: `${event.effectiveDirective} at ${where} ${event.sample}` });
});

// The wasm's resource-timing entry marks the end of the download; what is
// left of compiling follows it.
function watchDownload() {
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.name.endsWith("/pyodide.asm.wasm"))) {
      observer.disconnect();
      stage("compile");
    }
  });
  observer.observe({ type: "resource", buffered: true });
}

async function boot() {
  stage("download");
  watchDownload();
  const { loadPyodide } = await import(runtimeUrl + "pyodide.mjs");
  const pyodide = await loadPyodide({
    indexURL: runtimeUrl,
    lockFileURL: lockFileUrl,
    packages: [config.corePackage],
    fsInit: () => stage("start"),
    stdout: (line) => console.debug(line),
    stderr: (line) => console.warn(line),
  });
  stage("core");
  const bridge = pyodide.pyimport("linework.bridge");
  api = bridge.create_api();
  bridge.destroy();
  post({ event: "ready", at: performance.now() });
}

const booted = boot().catch((error) => {
  post({ event: "fatal", code: "LW-E0002", detail: describe(error) });
  throw error;
});

self.addEventListener("message", async (event) => {
  const { id, body } = event.data;
  try {
    await booted;
  } catch {
    post({ id, code: "LW-E0002", detail: "the runtime did not start" });
    return;
  }
  if (dead) {
    post({ id, code: "LW-E0004", detail: "the runtime has stopped" });
    return;
  }
  try {
    post({ id, body: api.handle(body) });
  } catch (error) {
    // handle() turns Python errors into replies; reaching here means the
    // runtime itself failed (e.g. a JS stack overflow) and is unusable.
    dead = error?.name !== "PythonError";
    const code = dead ? "LW-E0004" : "LW-E0001";
    post({ id, code, detail: describe(error) });
    if (dead) post({ event: "fatal", code, detail: describe(error) });
  }
});
