/**
 * Recordings under recorded/env/<preset>/ the simulator does not reproduce yet, with why
 * (jemalloc/README.md, mimalloc/README.md). envAllocators-*.test.ts runs them as `it.fails`: one that
 * starts to pass fails the suite until it is taken off this list. Keys are `<preset>/<scenario>`.
 */
export const KNOWN_ENV_GAPS = new Map<string, string>([
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
    "runs since bytearray slices are modelled (bytes-2). Three real runs differ widely (after `del buf[1000:]` 23.4, 12.2 and 0.5 MiB over the start; after the next step 12.2, 23.1, 15.4: mimalloc's purges follow the wall clock) but all are far under the simulator's 52.2, and after the growth loop the three read 31.8, 42.9, 42.9 against 71.8 simulated: the real process decommits the grown buffer's old large pages during the loop, the model keeps them committed until the loop ends (its clock charges the loop less time than the real one takes: not established which part)",
  ],
  [
    'glibc/h9_growing_appends',
    'held-out: after `del out` real rss is 1.45 MiB over the start in all three real runs (recorded/env-reruns: 1.45, 1.46, 1.46, so the gap is in the model), simulated 0.39 (tolerance 1.06); the glibc heap and mallinfo2 agree exactly at every step. After the second loop (`"x%d" % i` appended 50,000 times) the simulator has one pymalloc arena more than the real process (anon_mmap +4.00 against +3.00 MiB): the formatting\'s temporary blocks are placed differently (python/objects/formatwriter.ts, not found yet), and `del out` then frees other arenas than the real one does',
  ],
  [
    'glibc/h9_threads_each_builds_dict',
    "held-out: the recording agrees at every step but `del first` (real anon_mmap falls by 10.5 MiB, simulated 2.3: the real process also drops 8.3 MiB more, a thread stack's size, not found yet); two reruns place the threads' arenas differently (anon_mmap +31.0 and +30.2 MiB at the build against the recording's +30.2) and the simulation with their wall time per CPU second then maps 9 MiB less (21.9): which threads overlap follows the OS scheduler. MALLOC_ARENA_MAX=2 passes at every step",
  ],
  [
    'glibc/h9_threads_queue_workers',
    "held-out: the workers start taking jobs while the main thread is still queueing them (OS scheduling on 2 loaded cores); the simulator's hand-over runs them later. Three real runs differ among themselves by more than the tolerance (rss at step 9: 27.9, 11.8, 12.2 MiB over the start; at the end 13.5, 0.5, 0.5) and the simulator (0.1 at step 9, 11.9–19.2 at the end) agrees with none: which worker built what (arena placement after the joins) depends on the scheduler",
  ],
  [
    'arena-max-2/h9_threads_queue_workers',
    'held-out: OS scheduling, as under glibc defaults; three real runs: rss at step 9 9.3, 11.6, 20.1 MiB over the start, simulated 0.1',
  ],
  [
    'mimalloc/h9_dict_counts',
    "held-out: four real runs (the recording, recorded/env-reruns 1–3) each have rss 1.5–1.8 MiB lower at one to three of steps 2–4 (12.75–13.09 MiB over the start against 14.56–14.70 at the others; tolerance 1.0): which steps is timing (a table's pages decommitted or not before the measurement). The simulator reads 14.44 at all three, so it agrees with every step of some run but not with every step of one run",
  ],
  [
    'jemalloc-bg/h9_random_sizes_keep_tenth',
    "held-out: after `del kept` three real runs read 181.1, 134.9 and 209.0 MiB over the start (tolerance 12.9; recorded/env-reruns), the simulated one 72.6–94.8 (with each run's wall time per CPU second): the real background thread purges less, and later, than the simulated one in every run; before that step the reruns also drop 17–25 MiB during `del texts` where the recording and the simulator keep it. The background thread's turns follow the wall clock: in the real run the application's ticks advance decay epochs while the statement runs (and wake the thread early), in the simulator the statement takes less simulated time",
  ],
]);
