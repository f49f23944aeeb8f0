/**
 * Recordings under recorded/env/<preset>/ the simulator does not reproduce yet, with why
 * (jemalloc/README.md, mimalloc/README.md). envAllocators-*.test.ts runs them as `it.fails`: one that
 * starts to pass fails the suite until it is taken off this list. Keys are `<preset>/<scenario>`.
 */
export const KNOWN_ENV_GAPS = new Map<string, string>([
  [
    'jemalloc/alloc_seed_idle',
    "after `del b` (the calls after the 12 s sleep) real rss is 8.5 MiB over the start, simulated 60.5 (tolerance 46.5); the step before now agrees (the clock charges the `del a`'s C work and the recording's wall time per CPU second, tools/clock/README.md). In the simulator 60 MiB of dirty pages outlive the sleep although they were freed more than 10 s before: which decay step keeps them is not found yet. Two real runs differ by 32 MiB here (recorded/spread)",
  ],
  [
    'jemalloc-bg/alloc_survivors',
    "after `del a` rss is 158.4 MiB over the start in the real run, 138.0 simulated; after the sleep and the next two statements 26.8 / 29.3 against 15.0 / 13.0 (tolerance 8.8): the simulated background thread has purged 12–20 MiB more. With the clock charging C work and the recording's wall time per CPU second (9.0 here) the gap changed side; why the real thread purges less is not found yet (before the clock: 2–5 MiB kept against 13–18)",
  ],
  [
    'mimalloc/alloc_mixed_sizes',
    'after `del more` the real mimalloc gives 105 of its 107 segments back (rss 3,217 → 531 MiB over the start); the simulated one keeps them committed (3,418 MiB): not found yet whether the freed large pages reach mi_segment_free in the model',
  ],
  [
    'pymalloc-off/numpy_alloc_zeros',
    "anon_mmap 7 MiB above the real run from the first step: NumPy's import under PYTHONMALLOC=malloc (Debian's 3.11.2) maps less than the capture the simulator boots",
  ],
  [
    'mimalloc/h9_bytearray_grow',
    'runs since bytearray slices are modelled (bytes-2); mimalloc keeps the 55 MiB growth resident after `del buf[1000:]` in the simulator (rss Δ 52.2 MiB) where the real one has purged half of it (23.4, then 12.2 MiB): its purge of the freed large pages over time, not found yet',
  ],
  [
    'glibc/h9_growing_appends',
    'held-out: after `del out` real rss is 1.45 MiB over the start, simulated 0.39 (tolerance 1.06); every other figure and step within',
  ],
  [
    'glibc/h9_threads_each_builds_dict',
    "held-out: every step within tolerance but `del first`, where the real anon_mmap falls by 10.5 MiB and the simulated by 2.3 (the dict's keys table and a pymalloc arena in both): the real process also drops 8.3 MiB more, a thread stack's size, not found yet. The threads' own steps match since eval-4 models the OS thread's exit after join (python/eval/THREADS.md); MALLOC_ARENA_MAX=2 passes at every step",
  ],
  [
    'glibc/h9_threads_queue_workers',
    "held-out: the workers start taking jobs while the main thread is still queueing them (OS scheduling on 2 loaded cores); the simulator's hand-over runs them later. Steps 8-9 and which worker built what (arena placement after the joins) depend on the scheduler",
  ],
  ['arena-max-2/h9_threads_queue_workers', 'held-out: OS scheduling, as under glibc defaults'],
  [
    'jemalloc-bg/h9_big_buffers_small_survivors',
    "held-out: after `del small` rss 36.3 MiB simulated against 27.5 real (tolerance 1.8): the background thread's turns follow the wall clock: in the real run the application's ticks advance decay epochs while the statement runs (and wake the thread early), in the simulator the statement takes less simulated time, so fewer pages are in the backlog when it wakes",
  ],
  [
    'jemalloc-bg/h9_bytes_chunks_join',
    "held-out: after `del data` rss 148.5 MiB simulated against 129.2 real (tolerance 9.7); two real runs differ by 19.3 MiB there (recorded/spread/spread-heldout9.json): the background thread's turns follow the wall clock: in the real run the application's ticks advance decay epochs while the statement runs (and wake the thread early), in the simulator the statement takes less simulated time, so fewer pages are in the backlog when it wakes",
  ],
  [
    'jemalloc/h9_random_sizes_keep_tenth',
    "held-out: after `del kept` (1.5 s after `del texts`) rss 72.6 MiB simulated against 94.9 real (tolerance 12.9): about one decay step more purged. Within tolerance while the boot replayed the captured `pass` compile; bisected to the merge that gives each script its own compile tail at start-up (startup/compileTail.ts). Why a different start-up moves jemalloc's purge there is not found yet",
  ],
  [
    'jemalloc-bg/h9_random_sizes_keep_tenth',
    "held-out: after `del kept` rss 72.6 MiB simulated against 181.1 real (tolerance 12.9; 105.7 simulated before the clock charged C work). Not holdable as recorded: two real runs differ by 86.5 MiB at that step (recorded/spread/spread-heldout9.json); the real thread had not yet purged what the simulated one had; the background thread's turns follow the wall clock: in the real run the application's ticks advance decay epochs while the statement runs (and wake the thread early), in the simulator the statement takes less simulated time, so fewer pages are in the backlog when it wakes",
  ],
  [
    'mimalloc/h9_dict_counts',
    "held-out: rss 1.5\u20131.7 MiB above the real run (tolerance 1.0; two real runs agree within 0.28 MiB, so the gap is in the model) after the 300,000-key build and the next two steps; unchanged by the clock's C-work charges and the recording's wall-per-CPU (7.1 here). The statement's time may still be short: a dict's resizes and hashing are C work the clock does not charge (tools/clock/README.md: such a loop is 2.5\u00d7 under); not established",
  ],
  [
    'mimalloc/h9_rows_of_tuples',
    "held-out: rss 41.0 against 37.8 MiB after `total = ...` (tolerance 2.1), the step after a 1 s sleep; unchanged by the clock's C-work charges and the recording's wall-per-CPU (3.0 here): why the real process has 3 MiB fewer pages committed there is not found yet",
  ],
]);
