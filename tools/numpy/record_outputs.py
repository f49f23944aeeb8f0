#!/usr/bin/env python3
"""Record what Debian's python3 + NumPy 1.24.2 prints for each snippet of
src/engine/numpy/testdata/output_cases.json (a list of scripts; `np` is imported first), and
the exception that ends it, if any, as its last traceback line: output_expected.json. The
simulator is held to both by src/engine/numpy/outputs.test.ts.

    python3 tools/numpy/record_outputs.py
"""
import json, os, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "src", "engine", "numpy", "testdata")


def main():
    cases = json.load(open(os.path.join(DATA, "output_cases.json")))
    out = []
    for src in cases:
        script = "import numpy as np\n" + src + "\n"
        r = subprocess.run(["/usr/bin/python3", "-c", script], capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"})
        case = {"source": src, "stdout": r.stdout}
        if r.returncode != 0:
            case["error"] = r.stderr.rstrip("\n").splitlines()[-1]
        out.append(case)
    with open(os.path.join(DATA, "output_expected.json"), "w") as f:
        json.dump({"numpy": "1.24.2", "python": "3.11.2", "cases": out}, f, indent=1)
        f.write("\n")
    print(f"{len(out)} snippets recorded")


if __name__ == "__main__":
    main()
