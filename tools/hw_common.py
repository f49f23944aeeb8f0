"""Shared by record.py and capture_startup.py: how the measured child is started.

The simulator replays the start-up captured by capture_startup.py and is then
compared with the steps recorded by record.py, so both must start the child in
exactly the same way. Everything that can change what CPython allocates while
it starts up is pinned here:

* the interpreter: the real executable (a pyenv shim is a bash script that
  execs it; we exec the binary directly);
* the flags: none, so the child starts up as ``python3 script.py`` does, site
  module and .pth files included (see hw_child.py, point 6). Not ``-E``/``-I``:
  they would make CPython ignore PYTHONHASHSEED;
* the environment: a fixed, minimal one. CPython copies the whole environment
  into ``os.environ`` at start-up, so every variable costs allocations, and
  some change behaviour outright:
    - PYTHONHASHSEED=0: string hashes, hence dict/set probe sequences and the
      order of every str-keyed table, are the same in every run;
    - LANG=C.UTF-8: a C/POSIX locale would make CPython coerce the locale
      (PEP 538: setenv LC_CTYPE, i.e. glibc mallocs) and pick other codecs;
    - PYTHONDONTWRITEBYTECODE=1: a run never writes .pyc files, so the first
      and the second run of a scenario import the same way;
    - no PYTHONUNBUFFERED (this sandbox sets it): it removes the 8 KiB
      stdio buffers, which are glibc mallocs;
    - HOME is fixed, PATH is fixed; nothing else is passed;
* the standard streams: stdin /dev/null, stdout and stderr regular files in
  the temp dir. CPython sizes each stream's buffer from st_blksize of its fd
  and checks isatty, so a pipe, a tty and a file start up differently;
* the file names: the child and the scenario are copied into a fresh
  ``/tmp/hwrec-XXXXXXXX`` directory (always the same length), so paths in
  argv, ``__file__`` and co_filename have the same length wherever the
  repository is checked out;
* address-space layout randomisation is switched off for the child
  (personality(ADDR_NO_RANDOMIZE), like ``setarch -R``). With ASLR the base
  of every mmap moves by a random number of 4 KiB pages, so whether a
  pymalloc arena happens to be 16 KiB aligned (64 usable pools) or not (63)
  changes from run to run; without it the layout repeats exactly.

A recording may also ask for an *environment* (``--env K=V``: another
allocator through LD_PRELOAD, MALLOC_CONF, PYTHONMALLOC, MALLOC_ARENA_MAX,
GLIBC_TUNABLES...). Those variables are appended after CHILD_ENV, exactly as
the user would set them. When LD_PRELOAD names jemalloc or mimalloc,
tools/native/alloc_stats.so is appended to it (and cuts itself out of the
value before main(), so CPython sees the user's LD_PRELOAD): it makes the
child's mallinfo2() reading return that allocator's own counters instead.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
CHILD = TOOLS / "hw_child.py"
DEBIAN_PYTHON = "/usr/bin/python3"

CHILD_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/nonexistent",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
}
CHILD_FLAGS: list[str] = []


def child_sha256() -> str:
    """Fingerprint of hw_child.py: its bytes are part of every start-up
    measured (CPython reads and compiles it), so recordings and start-up
    captures are comparable only when made with the same child."""
    import hashlib

    return hashlib.sha256(CHILD.read_bytes()).hexdigest()[:16]
ADDR_NO_RANDOMIZE = 0x0040000


def _pyenv_root() -> str:
    root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    return root


# The interpreters a recording can name with --python (tools/README.md). The
# binaries themselves, never the pyenv shims (a bash script that costs 0.4 s
# and may pick another version from a .python-version file).
VERSIONS = {
    "3.11": ("pyenv", "3.11.7", "python3.11"),
    "3.12": ("pyenv", "3.12.1", "python3.12"),
    "3.13": ("pyenv", "3.13.0", "python3.13"),
    "debian-3.11.2": ("path", DEBIAN_PYTHON, None),
}


def version_binary(name: str) -> str:
    """`3.12` (or `3.12.1`, `debian-3.11.2`) -> the real binary; anything else is a path or a command."""
    for key, (kind, ver, exe) in VERSIONS.items():
        if name in (key, ver if kind == "pyenv" else key):
            return ver if kind == "path" else os.path.join(_pyenv_root(), "versions", ver, "bin", exe)
    return name


def version_tag(python: str, version: str) -> str:
    """The folder name a recording of this interpreter goes to: 3.11, 3.12, 3.13 or debian-3.11.2."""
    if os.path.realpath(python) == os.path.realpath(DEBIAN_PYTHON) or python == "debian-3.11.2":
        return "debian-3.11.2"
    return ".".join(version.split(".")[:2])


@dataclass(frozen=True)
class Interpreter:
    executable: str  # the real binary
    site_dirs: tuple[str, ...]  # existing site-packages / dist-packages, in site's order


def resolve_interpreter(python: str) -> Interpreter:
    """Find the binary behind `python` (a version name, a pyenv shim or a path) and its site dirs."""
    python = version_binary(python)
    exe = shutil.which(python) or python
    probe = (
        "import sys, site, os, json;"
        "print(json.dumps([os.path.realpath(sys.executable),"
        " [d for d in site.getsitepackages() if os.path.isdir(d)]]))"
    )
    out = subprocess.run([exe, "-S", "-c", probe], check=True, capture_output=True, text=True).stdout
    real, site_dirs = json.loads(out)
    return Interpreter(real, tuple(site_dirs))


def _no_aslr() -> None:
    """preexec_fn: switch ASLR off for the child (what `setarch -R` does)."""
    libc = ctypes.CDLL(None, use_errno=True)
    cur = libc.personality(0xFFFFFFFF)
    if cur == -1 or libc.personality(cur | ADDR_NO_RANDOMIZE) == -1:
        os.write(2, b"hw: warning: personality(ADDR_NO_RANDOMIZE) failed, ASLR stays on\n")


@dataclass
class ChildResult:
    returncode: int
    stdout: str
    stderr: str
    proc: dict[str, str]  # /proc/PID/{statm,maps,smaps,status} read while the child was stopped
    t_stop: float | None = None  # seconds from spawning the child to its stop (the measurement)
    # CPU seconds (user + system, every thread, exited ones too) the child had used at its stop
    cpu_stop: float | None = None
    # (wall since spawn, CPU used) pairs sampled every POLL_S while the child ran, up to its stop
    cpu_samples: list[tuple[float, float]] = field(default_factory=list)


# How often run_child samples the child's CPU clock while it runs (seconds): fine enough to place
# a statement's start within a few ms (the held-out statements run 20 ms - 2 s of wall time).
POLL_S = 0.002


def process_cpu_s(pid: int) -> float | None:
    """Another process's CPU time (CLOCK_PROCESS_CPUTIME_ID of `pid`, as clock_getcpuclockid
    makes it: ~pid << 3 | CPUCLOCK_SCHED), read from outside: the child runs no code for it and
    allocates nothing, and it counts every thread's time, exited threads included."""
    try:
        return time.clock_gettime(((~pid) << 3) | 2)
    except OSError:
        return None


PROC_FILES = ("statm", "maps", "smaps", "status")

ALLOC_STATS_SRC = TOOLS / "native" / "alloc_stats.c"
ALLOC_STATS_SO = TOOLS.parent / ".cache" / "alloc_stats.so"


def allocator_of(env: dict[str, str] | None) -> str:
    """Which C allocator serves malloc in a child run with this environment."""
    pre = (env or {}).get("LD_PRELOAD", "")
    if "jemalloc" in pre:
        return "jemalloc"
    if "mimalloc" in pre:
        return "mimalloc"
    return "glibc"


def alloc_stats_so() -> str:
    """Build tools/native/alloc_stats.c once (into .cache/) and return its path."""
    out = ALLOC_STATS_SO
    if not out.exists() or out.stat().st_mtime < ALLOC_STATS_SRC.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["gcc", "-O2", "-Wall", "-shared", "-fPIC", "-o", str(out), str(ALLOC_STATS_SRC), "-ldl"], check=True)
    return str(out)


def parse_env(pairs: list[str] | None) -> dict[str, str]:
    """`K=V` strings (the --env options) -> an ordered dict."""
    out: dict[str, str] = {}
    for pair in pairs or []:
        k, sep, v = pair.partition("=")
        if not sep or not k:
            raise ValueError(f"--env wants K=V, got {pair!r}")
        out[k] = v
    return out


def _read_proc(pid: int) -> dict[str, str]:
    out = {}
    for name in PROC_FILES:
        with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as f:
            out[name] = f.read()
    return out


def run_child(
    interp: Interpreter,
    scenario_src: bytes,
    k: int,
    *,
    aslr: bool = False,
    extra_env: dict[str, str] | None = None,
    on_stop=None,
    env: dict[str, str] | None = None,
) -> ChildResult:
    """Run hw_child.py on `scenario_src` up to statement k, in a fresh temp dir.

    When the child reaches its measurement it stops itself (SIGSTOP); we read
    its /proc files then, call on_stop(pid) if given, and let it continue.

    env is the scenario's environment (--env), appended to CHILD_ENV as the
    user would set it; under jemalloc or mimalloc alloc_stats.so joins its
    LD_PRELOAD (see the module docstring).

    extra_env is for the shim only (LD_PRELOAD and its log path); the shim
    removes those variables from the environment before main() runs, so the
    interpreter sees exactly CHILD_ENV (+ env) either way.
    """
    tmp = tempfile.mkdtemp(prefix="hwrec-")
    try:
        child = os.path.join(tmp, "child.py")
        scen = os.path.join(tmp, "scenario.py")
        shutil.copyfile(CHILD, child)
        with open(scen, "wb") as f:
            f.write(scenario_src)
        child_env = dict(CHILD_ENV)
        if env:
            child_env.update(env)
            if allocator_of(env) != "glibc":
                child_env["LD_PRELOAD"] = f"{env['LD_PRELOAD']} {alloc_stats_so()}"
        if extra_env:
            child_env.update(extra_env)  # appended last: the shim's unsetenv then shifts nothing
        # With -S the child would add the site dirs itself (numpy lives there); site does it otherwise.
        site_args = interp.site_dirs if "-S" in CHILD_FLAGS else ()
        argv = [interp.executable, *CHILD_FLAGS, child, scen, "%04d" % k, *site_args]
        out_path = os.path.join(tmp, "stdout")
        err_path = os.path.join(tmp, "stderr")
        proc_files: dict[str, str] = {}
        t_stop = None
        cpu_stop = None
        samples: list[tuple[float, float]] = []
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.monotonic()
            p = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                env=child_env,
                cwd=tmp,
                preexec_fn=None if aslr else _no_aslr,
            )
            while True:
                # poll rather than block, to sample the child's CPU clock beside the wall clock
                wpid, status = os.waitpid(p.pid, os.WUNTRACED | os.WNOHANG)
                if wpid == 0:
                    cpu = process_cpu_s(p.pid)
                    if cpu is not None and t_stop is None:
                        samples.append((time.monotonic() - t0, cpu))
                    time.sleep(POLL_S)
                    continue
                if os.WIFSTOPPED(status):
                    t_stop = time.monotonic() - t0
                    cpu_stop = process_cpu_s(p.pid)
                    try:
                        proc_files = _read_proc(p.pid)
                        if on_stop:
                            on_stop(p.pid)
                    finally:
                        os.kill(p.pid, signal.SIGCONT)
                    continue
                p.returncode = os.waitstatus_to_exitcode(status)
                break
        with open(out_path, encoding="utf-8", errors="replace") as f:
            stdout = f.read()
        with open(err_path, encoding="utf-8", errors="replace") as f:
            stderr = f.read()
        return ChildResult(p.returncode, stdout, stderr, proc_files, t_stop, cpu_stop, samples)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
