"""The wheels dist/ serves: linework (byte-compiled by Pyodide) and micropip.

The pyodide-lock entries that list them are :mod:`devtools.lockfile`'s.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from devtools.common import (
    CACHE,
    PYODIDE_NPM,
    ROOT,
    BuildError,
    log,
    run,
    sha256_hex,
    venv_python,
)

MICROPIP_VERSION = "0.11.1"
# The PyPI wheel (Pyodide's lock lists its own build, with another hash).
MICROPIP_SHA256 = "768de165adb8e66906039d8fec4127a57f522dfdf8e6fbff877a4616941ecfd3"


def build_wheel(out_dir: Path) -> Path:
    """Build the linework wheel into out_dir with pip and return its path."""
    python = venv_python() if venv_python().exists() else Path(sys.executable)
    has_hatchling = (
        subprocess.run(
            [str(python), "-c", "import hatchling"], capture_output=True, check=False
        ).returncode
        == 0
    )
    cmd = [
        str(python),
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "-w",
        str(out_dir),
    ]
    if has_hatchling:
        cmd.append("--no-build-isolation")
    run([*cmd, str(ROOT)])
    wheels = sorted(out_dir.glob("linework-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one linework wheel, found {wheels}")
    return wheels[0]


# Run by Node at build time: Pyodide's own CPython 3.14 byte-compiles the
# wheel's modules, so the browser does not compile them on every start.
_PY_COMPILE_MJS = """
const { loadPyodide } = await import(process.argv[2]);
const py = await loadPyodide({ indexURL: process.argv[3] });
py.FS.mkdirTree("/build");
py.FS.mount(py.FS.filesystems.NODEFS, { root: process.argv[4] }, "/build");
const failed = py.runPython(`
import pathlib, py_compile
failed = []
for path in sorted(pathlib.Path("/build").rglob("*.py")):
    try:
        py_compile.compile(
            str(path), cfile=str(path.with_suffix(".pyc")), doraise=True,
            dfile=str(path.relative_to("/build")),
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        path.unlink()
    except py_compile.PyCompileError as error:
        failed.append(str(error))
chr(10).join(failed)
`);
if (failed) {
  console.error(failed);
  process.exit(1);
}
"""


def py_compile_wheel(wheel: Path) -> Path:
    """Replace a pure wheel's modules by CPython 3.14 bytecode, as Pyodide does.

    Sourceless ``.pyc`` files import without compiling in the browser (the
    deferred imports of the renderer and codecs drop from ~350 ms to a few
    ms); tracebacks keep file names and line numbers. The wheel grows from
    ~0.26 MB to ~0.6 MB. Returns the same path; on any failure the wheel is
    left as it was (imports are then compiled in the browser).
    """
    node = shutil.which("node")
    if node is None:
        log("node not found: shipping the wheel without bytecode")
        return wheel
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tree)
        script = Path(tmp) / "py-compile.mjs"
        script.write_text(_PY_COMPILE_MJS)
        cmd = [
            node,
            str(script),
            (PYODIDE_NPM / "pyodide.mjs").as_uri(),
            str(PYODIDE_NPM) + "/",
            str(tree),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log(f"byte-compiling failed, shipping sources only: {done.stderr[-500:]}")
            return wheel
        write_wheel(tree, wheel)
    return wheel


def write_wheel(tree: Path, wheel: Path) -> None:
    """Zip an unpacked wheel again, with a RECORD that lists every file."""
    files = sorted(
        p for p in tree.rglob("*") if p.is_file() and not p.name.endswith("RECORD")
    )
    record_path = next(tree.glob("*.dist-info")) / "RECORD"
    lines = []
    for path in files:
        data = path.read_bytes()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        lines.append(
            f"{path.relative_to(tree).as_posix()},sha256={digest.decode()},{len(data)}"
        )
    lines.append(f"{record_path.relative_to(tree).as_posix()},,")
    record_path.write_text("\n".join(lines) + "\n")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for path in [*files, record_path]:
            info = zipfile.ZipInfo(
                path.relative_to(tree).as_posix(), (2020, 2, 2, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, path.read_bytes())


def fetch_micropip() -> Path:
    """Return micropip's pure wheel from the cache, downloading it with pip once.

    The npm package lists micropip in its lock but does not contain the wheel.
    pip checks the pinned hash.
    """
    name = f"micropip-{MICROPIP_VERSION}-py3-none-any.whl"
    target = CACHE / name
    if not target.exists() or sha256_hex(target.read_bytes()) != MICROPIP_SHA256:
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            req = Path(tmp) / "requirements.txt"
            req.write_text(
                f"micropip=={MICROPIP_VERSION} --hash=sha256:{MICROPIP_SHA256}\n"
            )
            run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--quiet",
                    "--no-deps",
                    "--only-binary=:all:",
                    "--python-version=3.14",  # Pyodide's, not this Python's
                    "--require-hashes",
                    "-d",
                    tmp,
                    "-r",
                    str(req),
                ]
            )
            shutil.move(str(Path(tmp) / name), target)
    if sha256_hex(target.read_bytes()) != MICROPIP_SHA256:
        raise BuildError("the micropip wheel does not match its pinned hash")
    return target
