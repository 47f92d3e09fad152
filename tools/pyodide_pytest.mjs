// Run pytest on the Pyodide interpreter under Node: the core's native test suite
// on the Python that runs it in the browser (CPython 3.14 compiled to WebAssembly,
// no OpenSSL, no subprocesses).
//
//   node tools/pyodide_pytest.mjs WHEEL_DIR [pytest args...]
//
// Loads the pinned pyodide npm package from web/node_modules, mounts the
// repository at /repo and ../shared (the corpus) at /shared, unpacks
// the pure wheels in WHEEL_DIR (pytest, Hypothesis and their dependencies,
// downloaded natively by tools/pyodide_tests.py) onto sys.path, and runs
// tools/pyodide_inside.py, which runs pytest. Exits with pytest's exit code.
import fs from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PYODIDE_DIR = path.join(ROOT, "web", "node_modules", "pyodide");

const [wheelDir, ...pytestArgs] = process.argv.slice(2);
if (!wheelDir) {
  console.error("usage: node tools/pyodide_pytest.mjs WHEEL_DIR [pytest args...]");
  process.exit(2);
}

const { loadPyodide } = await import(
  pathToFileURL(path.join(PYODIDE_DIR, "pyodide.mjs")).href
);
const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR + path.sep });
// Raw writes, so pytest's progress dots stay on one line.
const raw = (stream) => ({
  write: (buffer) => {
    stream.write(buffer);
    return buffer.length;
  },
});
pyodide.setStdout(raw(process.stdout));
pyodide.setStderr(raw(process.stderr));
pyodide.FS.mkdirTree("/repo");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: ROOT }, "/repo");
// The shared corpus sits beside the repository (../shared); tests find it there.
const SHARED = path.resolve(ROOT, "..", "shared");
if (fs.existsSync(SHARED)) {
  pyodide.FS.mkdirTree("/shared");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: SHARED }, "/shared");
}
pyodide.FS.mkdirTree("/wheels");
pyodide.FS.mount(
  pyodide.FS.filesystems.NODEFS,
  { root: path.resolve(wheelDir) },
  "/wheels",
);
const inside = pyodide.FS.readFile("/repo/tools/pyodide_inside.py", {
  encoding: "utf8",
});
let code;
try {
  pyodide.runPython(inside, { filename: "/repo/tools/pyodide_inside.py" });
  code = pyodide.globals.get("main")(pyodide.toPy(pytestArgs));
} catch (error) {
  console.error(String(error));
  code = 3;
}
process.exit(Number(code));
