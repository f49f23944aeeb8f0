import type { Clock } from '../kernel/clock';
import type { Arena, ArenaBackground } from './arena';
import type { Decay } from './decay';
import { DEFERRED_PURGE_NPAGES_THRESHOLD } from './pac';

/** BACKGROUND_THREAD_MIN_INTERVAL_NS: a background thread never sleeps less than 100 ms. */
export const MIN_INTERVAL_NS = 100_000_000;
/** DEFAULT_NUM_BACKGROUND_THREAD: opt.max_background_threads when MALLOC_CONF does not set it. */
export const DEFAULT_MAX_BACKGROUND_THREADS = 4;

/** background_thread_info_t, as far as the schedule needs it. */
export interface BackgroundThreadInfo {
  started: boolean;
  /** background_thread_wakeup_time_get: when its timed wait ends; Infinity while it sleeps for good. */
  wakeupNs: number;
  /** When it next runs: its wake-up time, or earlier once an application thread signalled it. */
  dueNs: number;
  /** npages_to_purge_new: pages announced since it went to sleep (arena_should_decay_early). */
  npagesToPurgeNew: number;
  /** tot_n_runs (stats.background_thread.num_runs). */
  runs: number;
}

/**
 * jemalloc 5.3's background threads (background_thread.c, MALLOC_CONF background_thread:true), on the
 * simulated clock. Thread i serves arenas i, i + max, i + 2·max … (4 threads at most by default; a
 * thread exists once one of its arenas does). Each runs `background_work_sleep_once` in a loop: unless
 * it was woken from an indefinite sleep, it decays every arena it serves with PAC_PURGE_ALWAYS (down to
 * the curve's limit, epoch advanced or not), then sleeps until the soonest arena needs it
 * (pac_time_until_deferred_work: `decay_ns_until_purge` with the 1,024-page threshold; at least 100 ms,
 * forever when nothing is dirty). Meanwhile application threads purge nothing themselves
 * (PAC_PURGE_NEVER) but wake it: at once when it sleeps for good and pages were freed to an arena
 * (arena_background_thread_inactivity_check), or early when an epoch advance announced more than 1,024
 * pages it would have let go before its wake-up (arena_maybe_do_deferred_work; not when it wakes within
 * 100 ms anyway).
 *
 * The real threads run beside the program; here a thread's turn comes when the simulated clock passes
 * its wake-up time: at the next allocator call or whenever the clock moves (the interpreter's work,
 * `time.sleep`), each turn at its own moment, in order. So a 12 s sleep sees every wake-up inside it.
 */
export class BackgroundThreads implements ArenaBackground {
  readonly infos: BackgroundThreadInfo[] = [];
  /** The moment a background thread's turn runs at (arenas read it as their clock meanwhile). */
  runningAt: number | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly arenas: readonly (Arena | null)[],
    readonly max = DEFAULT_MAX_BACKGROUND_THREADS,
  ) {
    for (let i = 0; i < max; i++)
      this.infos.push({ started: false, wakeupNs: Infinity, dueNs: Infinity, npagesToPurgeNew: 0, runs: 0 });
    clock.onAdvance((now) => this.catchUp(now));
  }

  /** n_background_threads (stats.background_thread.num_threads). */
  get running(): number {
    return this.infos.filter((i) => i.started).length;
  }

  /**
   * background_threads_enable (arenas at start-up) and background_thread_create (an arena made
   * later): the arena's thread starts if it has not. background_work first sets its wake-up time to
   * "indefinite", so its first sleep_once does no work and only picks how long to sleep.
   */
  arenaCreated(index: number): void {
    const info = this.infos[index % this.max];
    if (info.started) return;
    info.started = true;
    info.wakeupNs = Infinity;
    info.dueNs = this.clock.now();
  }

  /** Run every turn that is due by `now`, earliest first. */
  catchUp(now: number = this.clock.now()): void {
    if (this.runningAt !== null) return;
    for (;;) {
      let next = -1;
      for (let i = 0; i < this.infos.length; i++) {
        const info = this.infos[i];
        if (info.started && info.dueNs <= now && (next < 0 || info.dueNs < this.infos[next].dueNs)) next = i;
      }
      if (next < 0) return;
      this.sleepOnce(next, this.infos[next].dueNs);
    }
  }

  /** background_work_sleep_once, run at `at`, then background_thread_sleep. */
  private sleepOnce(ind: number, at: number): void {
    const info = this.infos[ind];
    const sleptIndefinitely = info.wakeupNs === Infinity;
    let untilDeferred = Infinity;
    this.runningAt = at;
    try {
      for (let i = ind; i < this.arenas.length; i += this.max) {
        const arena = this.arenas[i];
        if (!arena) continue;
        // arena_do_deferred_work: arena_decay(is_background_thread = true)
        if (!sleptIndefinitely) arena.decay(true, false);
        if (untilDeferred <= MIN_INTERVAL_NS) continue;
        untilDeferred = Math.min(untilDeferred, arena.pac.timeUntilDeferredWork());
      }
    } finally {
      this.runningAt = null;
    }
    const sleepNs = untilDeferred === Infinity ? Infinity : Math.max(untilDeferred, MIN_INTERVAL_NS);
    info.runs++;
    info.npagesToPurgeNew = 0;
    info.wakeupNs = at + sleepNs;
    info.dueNs = info.wakeupNs;
  }

  /** background_thread_wakeup_early: pthread_cond_signal, unless it wakes within 100 ms anyway. */
  private wakeEarly(info: BackgroundThreadInfo, remainingNs: number | null): void {
    if (remainingNs !== null && remainingNs < MIN_INTERVAL_NS) return;
    info.dueNs = Math.min(info.dueNs, this.clock.now());
  }

  /** arena_background_thread_inactivity_check, after pages were freed to `arena`. */
  inactivityCheck(arena: Arena): void {
    if (this.runningAt !== null) return;
    const info = this.infos[arena.index % this.max];
    if (info.wakeupNs === Infinity) this.maybeDoDeferredWork(arena, arena.pac.decayDirty, 0);
  }

  /** arena_maybe_do_deferred_work (an application thread, after an epoch advance or a free). */
  maybeDoDeferredWork(arena: Arena, decay: Decay, npagesNew: number): void {
    const info = this.infos[arena.index % this.max];
    if (!info.started) return;
    if (info.wakeupNs === Infinity) {
      this.wakeEarly(info, null);
      return;
    }
    // arena_should_decay_early
    if (!decay.gradual || info.wakeupNs <= decay.epochNs) return;
    const remaining = info.wakeupNs - decay.epochNs;
    if (npagesNew > 0) info.npagesToPurgeNew += decay.npagesPurgeIn(remaining, npagesNew);
    if (info.npagesToPurgeNew > DEFERRED_PURGE_NPAGES_THRESHOLD) {
      info.npagesToPurgeNew = 0;
      this.wakeEarly(info, remaining);
    }
  }
}
