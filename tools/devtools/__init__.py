"""The code behind ``python3 build.py``: build, serve, test and benchmark the site.

build.py stays the one entry point (README, .ci/run); it parses the command
line and calls these modules, each with one job:

- :mod:`devtools.common`: paths, logging, hashing, running commands;
- :mod:`devtools.headers`: the site's options, CSP and security headers;
- :mod:`devtools.assets`: npm packages, fonts, favicon, JS module hashing;
- :mod:`devtools.wheels`: the linework wheel, its bytecode, micropip;
- :mod:`devtools.lockfile`: the pyodide-lock (``pyodide lockfile add-wheels``);
- :mod:`devtools.sbom`: the CycloneDX bill of materials of dist/;
- :mod:`devtools.snapshot`: the Pyodide memory snapshot and gzip twins;
- :mod:`devtools.site`: writing dist/ from all of the above;
- :mod:`devtools.server`: the reference server of ``build.py serve``;
- :mod:`devtools.checks`: the lint step's commands (Python and web/);
- :mod:`devtools.testing`: the venv, Chromium and the named CI steps;
- :mod:`devtools.bench`: ``build.py bench``.

Standard library only (build.py runs on a bare Python 3.11+ before the venv
exists), and not part of the wheel: it lives under tools/, next to the scripts
it drives.
"""
