/**
 * Recordings under recorded/env/<preset>/ the simulator does not reproduce yet, with why
 * (jemalloc/README.md, mimalloc/README.md). envAllocators-*.test.ts runs them as `it.fails`: one that
 * starts to pass fails the suite until it is taken off this list. Keys are `<preset>/<scenario>`.
 */
export const KNOWN_ENV_GAPS = new Map<string, string>([
  [
    'glibc/h9_growing_appends',
    "held-out: after `del out` real rss is 1.45 MiB over the start in all three real runs (1.45, 1.46, 1.46), simulated 0.39 (tolerance 1.06); the glibc heap and mallinfo2 agree exactly at every step. The cause is one pymalloc arena more after the second loop (anon_mmap +4.00 against +3.00 MiB), and it is address placement, not formatting: bisected on real runs of the loop cut at n iterations (allocators-5), real and simulated agree in every size class and in arenas up to n = 49,500, and at 50,000 both use 442 pools, which the real process fits in 7 arenas and the simulator in 8. pymalloc's new_arena loses one of an arena's 64 pools when its mmap address is not 16 KiB-aligned: 7 × 63 = 441 < 442, so one real arena is aligned (/proc/self/maps at the end: an anonymous region at 0x7ffff7170000, between the libraries), while every simulated arena sits at 0x2000 or 0x3000 mod 16 KiB (the model's mmap area starts at 0x7ffff7fc0000 and holds no libraries: the real holes between them are not modelled). `del out` then frees other arenas than the real one does. Needs the recorder child's own mappings at <start> (tools/capture_startup.py's maps_at_end are the shim'd process's, whose layout differs) placed in the kernel model. Measured (allocators-6, hw_child `pass` on 3.11.7 without the shim, ASLR off): at <start> the holes between the mappings below ld.so are 52, 16, 12 and 12 KiB, so no 1 MiB arena made after <start> goes between libraries; the 16 KiB-aligned 0x7ffff7170000 is the bottom of an anonymous region that already exists at <start> (0x7ffff7170000-0x7ffff72a3000, 1.2 MiB, just above libffi and a lib-dynload module): the start-up's own mmaps interleave with its dlopens, so seeding <start>'s file mappings as fixed regions is not enough, the start-up's mmaps themselves would have to land where the real ones did. Not done (out of time)",
  ],
  [
    'glibc/h9_threads_queue_workers',
    "held-out: the workers start taking jobs while the main thread is still queueing them (OS scheduling on 2 loaded cores); the simulator's hand-over runs them later. Three real runs differ among themselves by more than the tolerance (rss at step 9: 27.9, 11.8, 12.2 MiB over the start; at the end 13.5, 0.5, 0.5) and the simulator (0.1 at step 9, 11.9–19.2 at the end) agrees with none: which worker built what (arena placement after the joins) depends on the scheduler",
  ],
  [
    'arena-max-2/h9_threads_queue_workers',
    'held-out: OS scheduling, as under glibc defaults; three real runs: rss at step 9 9.3, 11.6, 20.1 MiB over the start, simulated 0.1',
  ],
  // jemalloc-bg/alloc_mixed_sizes: within since allocators-17 on the real spread. The background
  // thread's 100 ms turn falls inside `del blobs` or not (a knife edge: tools/clock/README.md); five more
  // real runs (recorded/env-reruns/, 8 Dec, load 3-7) all read the turn-inside outcome at step 10:
  // rss 960, 960, 968, 967, 971 MiB over the start (the stored run: 611; after the sleep, step 7:
  // 84-85 against its 130). The simulation on each run's own clock reads 845-973 at step 10 and
  // agrees with reruns 3 and 4 at every step (969 and 973); on the stored run's clock 938.
  [
    'jemalloc-bg/h9_random_sizes_keep_tenth',
    "held-out: after `del kept` three real runs read 181.1, 134.9 and 209.0 MiB over the start (tolerance 12.9; recorded/env-reruns), the simulated one 72.6. The simulated drop is extent_maximally_purge (extent_record: dirty extents that coalesce past the 8 MiB oversize threshold are purged at once; 18 of them, 186 MiB) with no background-thread turn between `del texts` and the end of `del kept`. Without the background thread the real runs do the same (jemalloc/: 94.9, 97.2, 90.5, simulated 83.1). With it they purge only 49–123 MiB: their thread decayed part of the dirty extents before (retained extents stop the coalescing). In the model it nearly does: after its turn early in `del texts` it sleeps 1,925 ms, and the epoch advance later in `del texts` announces 20,511 new dirty pages of which decay_npages_purge_in counts 964 as due before that wake-up, against the 1,024-page threshold of arena_should_decay_early: a knife edge the real runs fall on either side of. Measured here (load 23 on 2 cores): `del texts` takes 10.9–15.8 ms of CPU in the real process, 4.5 ms on the model's clock (FREE_CALL_NS is calibrated on dense small objects; these frees each read a cold 1–6 KB string)",
  ],
]);
