#!/usr/bin/env python3
"""CPython 3.11's answer for programs run as `python3 FILE` (file mode: what the CLI and the page
model), for the fuzz script's --file-mode run (src/engine/python/syntax/fuzz/main.ts).

Reads one JSON object per line on stdin: {"src": "<text>"}. Each program is written to a file and run
under record_audit.py's sitecustomize hook, which exits as soon as the main module starts (nothing
runs) or reports the exception compiling it raised. Writes one JSON line per program, in order:
{"ok": true} or {"type", "msg", "lineno", "offset", "endLineno", "endOffset", "text"}; the file's
path in a message reads "<file>". One process per program (file mode has no in-process API), a few
at a time.
"""
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record_audit import HOOK  # noqa: E402

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"


def main():
    progs = [json.loads(l)["src"] for l in sys.stdin if l.strip()]
    with tempfile.TemporaryDirectory() as hookdir, tempfile.TemporaryDirectory() as d:
        Path(hookdir, "sitecustomize.py").write_text(HOOK)
        env = dict(os.environ, PYTHONPATH=hookdir)

        def run(i):
            p = Path(d, f"p{i}.py")
            p.write_bytes(progs[i].encode("utf-8", "surrogatepass"))
            r = subprocess.run([sys.executable, str(p)], capture_output=True, env=env, timeout=120)
            lines = [l for l in r.stdout.decode().splitlines() if l.startswith("{")]
            if not lines:
                raise RuntimeError(f"no report (exit {r.returncode}): {r.stderr[-300:]!r}")
            res = json.loads(lines[-1])
            if "msg" in res:
                res["msg"] = res["msg"].replace(str(p), "<file>")
            return res

        with ThreadPoolExecutor(int(os.environ.get("JOBS", "3"))) as ex:
            for res in ex.map(run, range(len(progs))):
                sys.stdout.write(json.dumps(res) + "\n")


if __name__ == "__main__":
    main()
