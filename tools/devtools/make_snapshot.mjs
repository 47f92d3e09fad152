// Run by build.py (tools/devtools/snapshot.py) with Node at build time:
//   node make_snapshot.mjs <pyodide.mjs URL> <runtime dir/> <wheel> <out file>
// Boots the pinned Pyodide, unpacks the linework wheel into site-packages with
// Python's zipfile (loadPackage would leave JavaScript references in the heap,
// which makeMemorySnapshot refuses), imports every module of the core, warms
// the renderer, codecs and palette with a throwaway Api, and writes the memory
// snapshot the browser's worker restores (web/worker.js). No JavaScript
// object is created from Python, so the snapshot holds no JavaScript state.

import { readFileSync, writeFileSync } from "node:fs";

const [moduleUrl, indexURL, wheelPath, outPath] = process.argv.slice(2);
const { loadPyodide } = await import(moduleUrl);
const py = await loadPyodide({ indexURL, _makeSnapshot: true, stdout: () => {}, stderr: (l) => console.error(l) });
py.FS.writeFile("/tmp/linework.whl", readFileSync(wheelPath));
const report = py.runPython(`
import gc, importlib, json, pkgutil, sysconfig, zipfile

with zipfile.ZipFile("/tmp/linework.whl") as wheel:
    wheel.extractall(sysconfig.get_paths()["purelib"])
del wheel
import os
os.remove("/tmp/linework.whl")
importlib.invalidate_caches()

import linework
import linework.bridge

imported = []
for info in pkgutil.walk_packages(linework.__path__, "linework."):
    if info.name.startswith("linework.cli"):
        continue  # the command line never runs in the browser
    importlib.import_module(info.name)
    imported.append(info.name)

# Warm the caches the first calls fill (palette previews, text metrics) with
# an Api the worker never sees: its session is dropped here.
api = linework.bridge.create_api()
for kind in ("warm", "palette", "file-new", "templates"):
    reply = api.dispatch(json.dumps({"type": kind}))
    if reply.get("ok") is not True:
        raise RuntimeError(f"warming {kind!r} failed: {reply}")
# The wheel's files are not part of a memory snapshot: what the core reads
# from them (the text metrics tables, one per family; the templates, read by
# "templates" above) must be in memory now.
import linework.text.metrics
for family in linework.text.metrics.FAMILIES:
    linework.text.metrics._faces(family)
# The digests of the library icons drawn without a parse (linework.icons.known).
import linework.icons.known
linework.icons.known.table()
del api, reply, kind, info, family
gc.collect()
json.dumps({"modules": len(imported), "version": linework.__version__})
`);
const snapshot = py.makeMemorySnapshot();
writeFileSync(outPath, snapshot);
console.log(JSON.stringify({ ...JSON.parse(report), bytes: snapshot.length }));
