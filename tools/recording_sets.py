"""Which scenarios are recorded where, on which interpreter, under which environment.

Every recording the tests hold the simulator to is listed here as a *set*:
scenario files (globs under tests/fidelity/scenarios/), an interpreter
(tools/hw_common.VERSIONS), an environment preset and an output folder under
tests/fidelity/recorded/. `python3 tools/record_all.py --list` prints them;
tests/fidelity/recorded/README.md says which sets the current fidelity test
reads (only `base`) and who will read the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "tests" / "fidelity" / "scenarios"
RECORDED = REPO / "tests" / "fidelity" / "recorded"
CORPUS = REPO / "tests" / "corpus"

# --env presets: the environments issue 9 compares (tools/README.md, "Environments").
PRESETS: dict[str, dict[str, str]] = {
    "glibc": {},
    "jemalloc": {"LD_PRELOAD": "libjemalloc.so.2"},
    "jemalloc-decay0": {"LD_PRELOAD": "libjemalloc.so.2", "MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"},
    "jemalloc-bg": {"LD_PRELOAD": "libjemalloc.so.2", "MALLOC_CONF": "background_thread:true"},
    "mimalloc": {"LD_PRELOAD": "libmimalloc.so.2"},
    # 2.0.9's names (src/options.c): decommit_delay (25 ms) and segment_decommit_delay (500 ms).
    "mimalloc-decommit0": {
        "LD_PRELOAD": "libmimalloc.so.2",
        "MIMALLOC_DECOMMIT_DELAY": "0",
        "MIMALLOC_SEGMENT_DECOMMIT_DELAY": "0",
    },
    "pymalloc-off": {"PYTHONMALLOC": "malloc"},
    # 3.13 only: CPython's bundled mimalloc 2.1.2 serves the mem and obj domains, glibc the raw one.
    "python-mimalloc": {"PYTHONMALLOC": "mimalloc"},
    "arena-max-2": {"MALLOC_ARENA_MAX": "2"},
    # the compare view's "glibc, tcache off" (src/protocol/environment.ts ENV_PRESETS)
    "tcache-off": {"GLIBC_TUNABLES": "glibc.malloc.tcache_count=0"},
    # the tuning people try by hand (scenarios/heldout11/): fixed trim and mmap thresholds (setting either
    # turns glibc's dynamic mmap threshold off), and jemalloc with one arena and a 1 s dirty decay
    "glibc-thresholds": {"MALLOC_TRIM_THRESHOLD_": "65536", "MALLOC_MMAP_THRESHOLD_": "65536"},
    "jemalloc-narenas1": {"LD_PRELOAD": "libjemalloc.so.2", "MALLOC_CONF": "narenas:1,dirty_decay_ms:1000"},
}


@dataclass(frozen=True)
class RecordingSet:
    name: str
    globs: tuple[str, ...]  # relative to SCENARIOS
    python: str | None  # a VERSIONS key; None: per scenario (numpy_* -> debian-3.11.2, else 3.11)
    out: str  # relative to RECORDED
    preset: str = "glibc"
    exclude_numpy: bool = False
    note: str = ""
    names: tuple[str, ...] = field(default_factory=tuple)  # only these stems (empty: all)
    explicit: bool = False  # run only when named with --set (the big runs)
    root: Path = SCENARIOS  # where the globs look
    out_root: Path = RECORDED  # what `out` is relative to

    def files(self) -> list[Path]:
        found: dict[str, Path] = {}
        for g in self.globs:
            for f in sorted(self.root.glob(g)):
                if self.exclude_numpy and f.name.startswith("numpy_"):
                    continue
                if self.names and f.stem not in self.names:
                    continue
                found.setdefault(f.stem, f)
        return sorted(found.values(), key=lambda f: f.stem)

    @property
    def env(self) -> dict[str, str]:
        return PRESETS[self.preset]

    @property
    def out_dir(self) -> Path:
        return self.out_root / self.out if self.out else self.out_root


ISSUE8 = ("versions/*.py",)
# The two seeds come from the base set, unchanged (their names are unique, so the env folders hold them too).
ALLOCATOR = ("allocators/*.py", "seed_small_lists.py", "seed_big_lists.py")
THREADS = ("threads/*.py",)
HELDOUT = ("heldout/*.py",)
HELDOUT9 = ("heldout9/*.py",)
HELDOUT9_THREADS = tuple(sorted(f.stem for f in (SCENARIOS / "heldout9").glob("h9_threads_*.py")))
HELDOUT10 = ("heldout10/*.py",)
HELDOUT11 = ("heldout11/*.py",)
HELDOUT12 = ("heldout12/*.py",)
# every environment the compare view offers (src/protocol/environment.ts ENV_PRESETS)
COMPARE_PRESETS = ("glibc", "tcache-off", "arena-max-2", "jemalloc", "jemalloc-decay0", "mimalloc", "mimalloc-decommit0", "pymalloc-off")
HELDOUT9_SINGLE = tuple(sorted(f.stem for f in (SCENARIOS / "heldout9").glob("h9_*.py") if f.stem not in HELDOUT9_THREADS))


def _sets() -> list[RecordingSet]:
    sets = [
        RecordingSet("base", ("*.py",), None, "", note="the 29 scenarios the fidelity test reads today (3.11.7; NumPy on Debian's 3.11.2)"),
        RecordingSet(
            "versions-3.11", (*ISSUE8, "seed_small_lists.py"), "3.11", "3.11", note="issue 8's held-out set on 3.11.7 (+ the first seed)"
        ),
        RecordingSet("language-3.11", ("language/*.py",), "3.11", "3.11", note="issue 7: classes, generators, exceptions, modules"),
        RecordingSet("big-3.11", ("big/*.py",), "3.11", "3.11", note="issue 10: the first seed at 3e6 and 1e7 (2.5 and 8.5 GB; --set only)", explicit=True),
    ]
    for v in ("3.12", "3.13"):
        sets.append(RecordingSet(f"base-{v}", ("*.py",), v, v, exclude_numpy=True, note=f"every non-NumPy base scenario on {v}"))
        sets.append(RecordingSet(f"versions-{v}", ISSUE8, v, v, note=f"issue 8's held-out set on {v}"))
        sets.append(
            RecordingSet(
                f"heldout-{v}", HELDOUT, v, v,
                note=f"our stand-in for issue 8's held-out judges on {v} (scenarios/heldout/: snippets as people write them)",
            )
        )
    for preset in ("glibc", "jemalloc", "jemalloc-decay0", "jemalloc-bg", "mimalloc", "mimalloc-decommit0", "pymalloc-off"):
        sets.append(RecordingSet(f"env-{preset}", ALLOCATOR, None, f"env/{preset}", preset=preset, note="issue 9's allocator set"))
    sets.append(
        RecordingSet(
            "env-python-mimalloc-3.13", ALLOCATOR, "3.13", "env/python-mimalloc-3.13", preset="python-mimalloc",
            exclude_numpy=True, note="issue 9: CPython 3.13's own mimalloc (PYTHONMALLOC=mimalloc)",
        )
    )
    sets.append(
        RecordingSet(
            "corpus", ("snippets/*.py",), None, "recorded", root=CORPUS, out_root=CORPUS,
            note="our 60 snippets as people post them (tests/corpus/; 3.11.7, NumPy ones on Debian's 3.11.2)",
        )
    )
    for v in ("3.12", "3.13"):
        sets.append(
            RecordingSet(
                f"corpus-{v}", ("snippets/*.py",), v, f"recorded/{v}", root=CORPUS, out_root=CORPUS, exclude_numpy=True,
                note=f"the corpus's non-NumPy snippets on {v} (tests/corpus/recorded/{v}/; npm run corpus -- --python {v})",
            )
        )
    for preset in ("glibc", "arena-max-2"):
        sets.append(RecordingSet(f"threads-{preset}", THREADS, "3.11", f"env/{preset}", preset=preset, note="issue 9's thread set"))
    # Our own held-out stand-in for issue 9's judges (scenarios/heldout9/: written as people write, not
    # shaped by the model); the thread ones only where the judges hold threads.
    for preset in ("glibc", "jemalloc", "jemalloc-decay0", "jemalloc-bg", "mimalloc", "mimalloc-decommit0", "pymalloc-off"):
        sets.append(
            RecordingSet(
                f"heldout9-{preset}", HELDOUT9, "3.11", f"env/{preset}", preset=preset,
                names=HELDOUT9_SINGLE, note="issue 9: our held-out stand-in (single-threaded)",
            )
        )
    for preset in ("glibc", "arena-max-2"):
        sets.append(
            RecordingSet(
                f"heldout9-threads-{preset}", HELDOUT9, "3.11", f"env/{preset}", preset=preset,
                names=HELDOUT9_THREADS, note="issue 9: our held-out stand-in (threads)",
            )
        )
    # A second held-out stand-in (scenarios/heldout10/, written before reading src/: what people try
    # when they compare allocators), under every environment the compare view offers; NumPy's on Debian.
    for preset in COMPARE_PRESETS:
        sets.append(
            RecordingSet(
                f"heldout10-{preset}", HELDOUT10, None, f"env/{preset}", preset=preset,
                note="issue 9: the second held-out stand-in, every compare-view environment",
            )
        )
    # A third held-out stand-in (scenarios/heldout11/, written before reading the allocator code: what
    # people try when tuning), under every compare-view environment and the two tunings it names.
    for preset in COMPARE_PRESETS:
        sets.append(
            RecordingSet(
                f"heldout11-{preset}", HELDOUT11, None, f"env/{preset}", preset=preset,
                note="issue 9: the third held-out stand-in, every compare-view environment",
            )
        )
    sets.append(
        RecordingSet(
            "heldout11-glibc-thresholds", HELDOUT11, None, "env/glibc-thresholds", preset="glibc-thresholds",
            names=("h11_trim_threshold_cache", "h11_mmap_threshold_buffers"),
            note="issue 9: the third held-out set's threshold snippets with MALLOC_TRIM_THRESHOLD_/MALLOC_MMAP_THRESHOLD_",
        )
    )
    sets.append(
        RecordingSet(
            "heldout11-jemalloc-narenas1", HELDOUT11, None, "env/jemalloc-narenas1", preset="jemalloc-narenas1",
            names=("h11_jemalloc_decay_sleep", "h11_thread_pool_futures"),
            note="issue 9: the third held-out set's jemalloc tuning (MALLOC_CONF=narenas:1,dirty_decay_ms:1000)",
        )
    )
    # A fourth held-out stand-in (scenarios/heldout12/, allocators-9, written before the session's fixes:
    # threads building then dropping, a Lock, class instances, NumPy in chunks, a log split, a dict of
    # lists, buffers around the mmap threshold with sleeps, a generator pipeline), every compare-view environment.
    for preset in COMPARE_PRESETS:
        sets.append(
            RecordingSet(
                f"heldout12-{preset}", HELDOUT12, None, f"env/{preset}", preset=preset,
                note="issue 9: the fourth held-out stand-in, every compare-view environment",
            )
        )
    return sets


SETS: dict[str, RecordingSet] = {s.name: s for s in _sets()}


def find_scenario(stem: str) -> Path | None:
    """A scenario by name, in any scenario folder or the corpus (names are unique across folders)."""
    hits = sorted(SCENARIOS.glob(f"**/{stem}.py")) + sorted((CORPUS / "snippets").glob(f"{stem}.py"))
    return hits[0] if hits else None
