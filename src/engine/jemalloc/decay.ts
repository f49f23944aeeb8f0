/**
 * jemalloc 5.3's decay (decay.c): how many dirty (or muzzy) pages may stay unpurged. Time is cut into
 * 200 epochs of decay_ms / 200 each (50 ms for the default 10 s); at each epoch advance the pages
 * added since the last one are appended to a 200-slot backlog, and the limit is the backlog weighted
 * by the "smoother step" curve 6x^5 − 15x^4 + 10x^3, in 24-bit fixed point (smoothstep.h). Pages
 * added in the last epoch all count; those 200 epochs old count nothing. The epoch only advances when
 * something asks (a tick, a background thread): idle time alone purges nothing.
 */
export const SMOOTHSTEP_NSTEPS = 200;
const BFP = 24n;

/** h_steps[i] = floor(smootherstep((i + 1) / 200) × 2^24), exactly as smoothstep.sh prints them. */
export const H_STEPS: readonly number[] = (() => {
  const out: number[] = [];
  const n = BigInt(SMOOTHSTEP_NSTEPS);
  for (let s = 1n; s <= n; s++) {
    // y = x^3 (6x^2 − 15x + 10), x = s/n: numerator over n^5, times 2^24, floored.
    const num = s * s * s * (6n * s * s - 15n * s * n + 10n * n * n);
    out.push(Number((num << BFP) / n ** 5n));
  }
  return out;
})();

/** prng.h's 64-bit LCG (PRNG_A_64, PRNG_C_64). */
export class Prng {
  state: bigint;
  constructor(seed: bigint) {
    this.state = BigInt.asUintN(64, seed);
  }
  /** prng_lg_range_u64: the top lgRange bits of the next state. */
  lgRange(lgRange: number): number {
    this.state = BigInt.asUintN(64, this.state * 6364136223846793005n + 1442695040888963407n);
    return Number(this.state >> BigInt(64 - lgRange));
  }
  /** prng_range_u64: uniform in [0, range) by rejection. */
  range(range: number): number {
    if (range <= 1) return 0;
    const lg = Math.ceil(Math.log2(range));
    for (;;) {
      const r = this.lgRange(lg);
      if (r < range) return r;
    }
  }
}

export class Decay {
  timeMs = 0;
  intervalNs = 0;
  epochNs = 0;
  deadlineNs = 0;
  nunpurged = 0;
  npagesLimit = 0;
  backlog = new Float64Array(SMOOTHSTEP_NSTEPS);
  purging = false;
  /** jitter_state: seeded with the decay_t's address in jemalloc; here a fixed per-decay seed. */
  private readonly jitter: Prng;

  constructor(nowNs: number, decayMs: number, jitterSeed: bigint) {
    this.jitter = new Prng(jitterSeed);
    this.reinit(nowNs, decayMs);
  }

  /** decay_reinit. */
  reinit(nowNs: number, decayMs: number): void {
    this.timeMs = decayMs;
    if (decayMs > 0) this.intervalNs = Math.floor((decayMs * 1e6) / SMOOTHSTEP_NSTEPS);
    this.epochNs = nowNs;
    this.deadlineInit();
    this.nunpurged = 0;
    this.backlog.fill(0);
  }

  /** decay_gradually: a positive decay time (0 purges at once, −1 never). */
  get gradual(): boolean {
    return this.timeMs > 0;
  }

  /** decay_deadline_init: the next epoch boundary plus a random jitter of up to one epoch. */
  private deadlineInit(): void {
    this.deadlineNs = this.epochNs + this.intervalNs;
    if (this.timeMs > 0) this.deadlineNs += this.jitter.range(this.intervalNs);
  }

  /** decay_maybe_advance_epoch: true when at least one epoch passed (the limit is then recomputed). */
  maybeAdvanceEpoch(nowNs: number, npagesCurrent: number): boolean {
    if (this.deadlineNs > nowNs) return false;
    const nadvance = Math.floor((nowNs - this.epochNs) / this.intervalNs);
    this.epochNs += nadvance * this.intervalNs;
    this.deadlineInit();
    this.backlogUpdate(nadvance, npagesCurrent);
    this.npagesLimit = this.backlogLimit();
    this.nunpurged = Math.max(this.npagesLimit, npagesCurrent);
    return true;
  }

  private backlogUpdate(nadvance: number, npagesCurrent: number): void {
    const b = this.backlog;
    if (nadvance >= SMOOTHSTEP_NSTEPS) b.fill(0, 0, SMOOTHSTEP_NSTEPS - 1);
    else {
      b.copyWithin(0, nadvance);
      if (nadvance > 1) b.fill(0, SMOOTHSTEP_NSTEPS - nadvance, SMOOTHSTEP_NSTEPS - 1);
    }
    b[SMOOTHSTEP_NSTEPS - 1] = npagesCurrent > this.nunpurged ? npagesCurrent - this.nunpurged : 0;
  }

  /** decay_backlog_npages_limit: Σ backlog[i] × h[i] >> 24 (exact in BigInt: the sum passes 2^53). */
  private backlogLimit(): number {
    let sum = 0n;
    for (let i = 0; i < SMOOTHSTEP_NSTEPS; i++)
      if (this.backlog[i] !== 0) sum += BigInt(this.backlog[i]) * BigInt(H_STEPS[i]);
    return Number(sum >> BFP);
  }

  /** decay_npurge_after_interval (for the background thread's sleep). */
  npurgeAfter(interval: number): number {
    let sum = 0n;
    for (let i = 0; i < SMOOTHSTEP_NSTEPS; i++) {
      const h = i < interval ? H_STEPS[i] : H_STEPS[i] - H_STEPS[i - interval];
      if (this.backlog[i] !== 0) sum += BigInt(this.backlog[i]) * BigInt(h);
    }
    return Number(sum >> BFP);
  }

  /**
   * decay_npages_purge_in: of `npagesNew` pages added in the last epoch, how many the curve lets go
   * within `timeNs` (arena_should_decay_early weighs an application thread's new dirty pages by it).
   */
  npagesPurgeIn(timeNs: number, npagesNew: number): number {
    const nEpoch = Math.floor(timeNs / this.intervalNs);
    if (nEpoch >= SMOOTHSTEP_NSTEPS) return npagesNew;
    const h = BigInt(H_STEPS[SMOOTHSTEP_NSTEPS - 1] - H_STEPS[SMOOTHSTEP_NSTEPS - 1 - nEpoch]);
    return Number((BigInt(npagesNew) * h) >> BFP);
  }

  /** decay_epoch_npages_delta: the pages the last epoch advance added to the backlog. */
  get epochNpagesDelta(): number {
    return this.backlog[SMOOTHSTEP_NSTEPS - 1];
  }

  /** decay_ns_until_purge: when a background thread should next look (−1: never). */
  nsUntilPurge(npagesCurrent: number, threshold: number): number {
    if (!this.gradual) return -1;
    if (npagesCurrent === 0 && this.backlog.every((v) => v === 0)) return -1;
    if (npagesCurrent <= threshold) return this.intervalNs * SMOOTHSTEP_NSTEPS;
    let lb = 2;
    let ub = SMOOTHSTEP_NSTEPS;
    let npLb = this.npurgeAfter(lb);
    if (npLb > threshold) return this.intervalNs * lb;
    let npUb = this.npurgeAfter(ub);
    if (npUb < threshold) return this.intervalNs * ub;
    while (npLb + threshold < npUb && lb + 2 < ub) {
      const target = Math.floor((lb + ub) / 2);
      const np = this.npurgeAfter(target);
      if (np > threshold) {
        ub = target;
        npUb = np;
      } else {
        lb = target;
        npLb = np;
      }
    }
    return Math.floor((this.intervalNs * (ub + lb)) / 2);
  }
}
