#!/usr/bin/env python3
"""Run every audit script (tools/audit/dump_inputs.ts wrote them to DIR) under the real CPython
3.11 and record how each ended: "ok", the exception type that ended it, or "timeout".
Usage: python3 tools/audit/record_cpython.py DIR [--timeout S] > tests/robust/audit-cpython.json
Long inputs (minutes of CPU) are skipped unless --long is given."""
import json, os, re, resource, subprocess, sys, time

def main():
    d = sys.argv[1]
    timeout = float(sys.argv[sys.argv.index('--timeout') + 1]) if '--timeout' in sys.argv else 20.0
    skip = set() if '--long' in sys.argv else set(json.loads(sys.stdin.read() or '[]')) if not sys.stdin.isatty() else set()
    out = {}
    for f in sorted(os.listdir(d)):
        if not f.endswith('.py'):
            continue
        name = f[:-3]
        if name in skip:
            continue
        t = time.time()
        try:
            r = subprocess.run([sys.executable, os.path.join(d, f)], capture_output=True, timeout=timeout,
                               preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30)))
            err = r.stderr.decode('utf8', 'replace').strip().splitlines()
            if r.returncode == 0:
                outcome = 'ok'
            else:
                last = err[-1] if err else ''
                m = re.match(r'^([A-Za-z_][\w.]*)(:|$)', last)
                outcome = m.group(1) if m else 'exit %d' % r.returncode
        except subprocess.TimeoutExpired:
            outcome = 'timeout'
        out[name] = {'outcome': outcome, 'seconds': round(time.time() - t, 2)}
        print(name, out[name], file=sys.stderr)
    json.dump({'python': sys.version.split()[0], 'timeout': timeout, 'results': out}, sys.stdout, indent=1, sort_keys=True)
    print()

main()
