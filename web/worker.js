// @ts-check
// The core's home: a module worker running Pyodide, so the page keeps
// painting while Python starts and works (docs/architecture.md §2). It speaks the
// protocol of rpc.js and passes message strings to linework.bridge untouched.

import config from "./config.js";
import { growingModule } from "./snapshot-restore.js";

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

// The memory snapshot build.py made of the core (imported and warmed), or
// null when it is missing or unreadable: then the plain boot runs.
async function fetchSnapshot() {
  if (!config.snapshotUrl) return null;
  try {
    const response = await fetch(new URL(config.snapshotUrl, import.meta.url));
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// loadPyodide loads its wasm module's script and then the wasm only once it
// holds the snapshot: fetch all three at once, so its own requests find the
// script in the module map and the wasm in the HTTP cache.
function prefetchRuntime() {
  import(runtimeUrl + "pyodide.asm.mjs").catch(() => {});
  fetch(runtimeUrl + "pyodide.asm.wasm").then((r) => r.arrayBuffer()).catch(() => {});
}

async function boot() {
  stage("download");
  watchDownload();
  const snapshot = fetchSnapshot();
  if (config.snapshotUrl) prefetchRuntime();
  const { loadPyodide } = await import(runtimeUrl + "pyodide.mjs");
  let started = false;
  const options = {
    indexURL: runtimeUrl,
    lockFileURL: lockFileUrl,
    fsInit: () => { started = true; stage("start"); },
    stdout: (line) => console.debug(line),
    stderr: (line) => console.warn(line),
  };
  let pyodide = null;
  const memory = await snapshot;
  if (memory !== null) {
    try {
      pyodide = await loadPyodide({
        ...options,
        _loadSnapshot: memory,
        createPyodideModule: growingModule(runtimeUrl + "pyodide.asm.mjs", memory),
      });
      // Every visitor restores the same memory: reseed what was seeded when
      // it was made (random's state; os.urandom itself asks the browser).
      pyodide.runPython("import sys\nif 'random' in sys.modules: sys.modules['random'].seed()");
      self.lineworkBoot = "snapshot";
    } catch (error) {
      console.warn(`Linework: the start-up snapshot was refused, starting the plain way (${describe(error)})`);
      stage("download");
    }
  }
  if (pyodide === null) {
    pyodide = await loadPyodide({ ...options, packages: [config.corePackage] });
    self.lineworkBoot = "plain";
  }
  if (!started) stage("start");
  stage("core");
  const bridge = pyodide.pyimport("linework.bridge");
  api = bridge.create_api();
  bridge.destroy();
  post({ event: "ready", at: performance.now(), boot: self.lineworkBoot });
}

const booted = boot().catch((error) => {
  post({ event: "fatal", code: "LW-E0002", detail: describe(error) });
  throw error;
});

// The core's reply comes as UTF-8 bytes (linework.bridge.api, handle_utf8):
// one copy out of the wasm heap, decoded natively.
const utf8 = new TextDecoder();
function receive(bytes) {
  try {
    return utf8.decode(bytes.toJs());
  } finally {
    bytes.destroy();
  }
}

self.addEventListener("message", async (event) => {
  const { id, body, bytes = null } = event.data;
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
    // The worker's clock (as epoch ms) around the core's work, so the page can
    // split a call's time into the trip there, the core and the trip back.
    const start = performance.timeOrigin + performance.now();
    // (A JavaScript null would reach Python as jsnull, not None.)
    const reply = receive(bytes === null ? api.handle_utf8(body) : api.handle_utf8(body, bytes));
    post({ id, body: reply, at: [start, performance.timeOrigin + performance.now()] });
  } catch (error) {
    // handle() turns Python errors into replies; reaching here means the
    // runtime itself failed (e.g. a JS stack overflow) and is unusable.
    dead = error?.name !== "PythonError";
    const code = dead ? "LW-E0004" : "LW-E0001";
    post({ id, code, detail: describe(error) });
    if (dead) post({ event: "fatal", code, detail: describe(error) });
  }
});
