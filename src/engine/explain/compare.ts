import { GLIBC_CHUNK_STATE, type HeapColumns, type LibcSection } from '../libc/section';
import type { Snapshot } from '../trace/snapshot';
import { arenaLimitSentence, threadArenaHolding, threadArenaPart } from './compareArenas';
import { mb } from './format';
import type { Sentence } from './types';

/**
 * The comparison's answer (issue 9): the same script at the same statement in two to four
 * environments, and which of them gives the memory back, and why, from each run's own state: the
 * kernel's resident pages, and what each C library keeps without handing it to the OS (glibc's free
 * chunks below the top, jemalloc's dirty and muzzy pages waiting for decay, mimalloc's slices
 * waiting for the decommit delay and its segment cache).
 */
export interface ComparedRun {
  /** How the page names the environment ("jemalloc, decay 0"). */
  label: string;
  snapshot: Snapshot;
  /** RSS at the statement before (null at the start). */
  rssBefore: number | null;
}

/** What a C library holds at a snapshot, in bytes. */
export interface LibcHolding {
  /** Handed out and not freed (live objects, the interpreter's own memory). */
  inUse: number;
  /** Freed, kept by the allocator, and not going back by itself (glibc: free chunks below the top). */
  kept: number;
  /** Freed and waiting to go back on a later allocator call (jemalloc's decay, mimalloc's delay). */
  waiting: number;
  /** When `waiting` may go, in ms from the snapshot (0: at the next call that checks; null: never by itself). */
  waitMs: number | null;
}

/** Slices per segment in MimallocSection.slices. */
const SLICES_PER_SEGMENT = 512;

/** What the C library holds: read from its own figures, as its stats calls would report them. */
export function libcHolding(libc: LibcSection): LibcHolding {
  switch (libc.kind) {
    case 'glibc': {
      // mallinfo2: uordblks in the arena's heap, hblkhd in chunks of their own; fordblks free in the
      // heap, of which keepcost is the top chunk (systrim gives the top back above trim_threshold).
      const m = libc.mallinfo;
      return {
        inUse: m.uordblks + m.hblkhd,
        kept: Math.max(0, m.fordblks - m.keepcost),
        waiting: 0,
        waitMs: null,
      };
    }
    case 'jemalloc': {
      // arena_decay: dirty pages go to muzzy (or are purged) as the decay curve allows, on later calls.
      let pages = 0;
      let soonest: number | null = null;
      for (const a of libc.arenas) {
        pages += a.dirtyPages + a.muzzyPages;
        for (const d of [a.dirty, a.muzzy])
          if ((d === a.dirty ? a.dirtyPages : a.muzzyPages) > 0 && d.decayMs >= 0) {
            const ms = Math.max(0, (d.deadlineNs - libc.nowNs) / 1e6);
            soonest = soonest === null ? ms : Math.min(soonest, ms);
          }
      }
      return { inUse: libc.stats.allocated, kept: 0, waiting: pages * 4096, waitMs: soonest };
    }
    case 'mimalloc': {
      // mi_segment_delayed_decommit: slices in the decommit mask go once their expiry has passed.
      const seg = libc.segments;
      let waiting = 0;
      let soonest: number | null = null;
      let cached = 0;
      for (let i = 0; i < seg.address.length; i++) {
        if (seg.cached[i]) cached += seg.committed[i];
        else if (seg.decommitPending[i] > 0) {
          waiting += seg.decommitPending[i];
          const ms = Math.max(0, seg.decommitExpireMs[i] - libc.nowMs);
          soonest = soonest === null ? ms : Math.min(soonest, ms);
        }
      }
      let inUse = 0;
      for (let p = 0; p < libc.pages.address.length; p++)
        inUse += libc.pages.used[p] * libc.pages.blockSize[p];
      // Free slices still committed and not marked for decommit: kept until the segment goes.
      let keptSlices = 0;
      for (let s = 0; s < seg.address.length; s++) {
        if (seg.cached[s] || seg.huge[s]) continue;
        const slice = seg.size[s] / SLICES_PER_SEGMENT;
        for (let k = 0; k < SLICES_PER_SEGMENT; k++) {
          const b = libc.slices[s * SLICES_PER_SEGMENT + k];
          if ((b & 1) !== 0 && (b & 2) === 0 && ((b >> 2) & 3) === 2) keptSlices += slice;
        }
      }
      return { inUse, kept: keptSlices + cached, waiting, waitMs: waiting > 0 ? soonest : null };
    }
  }
}

const seconds = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 1 : 0)} s`;

/** Bytes of the brk heap's free chunks (the top excepted) that lie on resident pages. */
export function residentFreeBytes(heap: HeapColumns): number {
  const { gran, sizeG, state, residentWords } = heap;
  const resident = (page: number) => ((residentWords[page >>> 5] ?? 0) >>> (page & 31)) & 1;
  let bytes = 0;
  for (let i = 0; i < heap.count; i++) {
    const st = state[i];
    if (st === GLIBC_CHUNK_STATE.InUse || st === GLIBC_CHUNK_STATE.Top) continue;
    const from = gran[i] * 16;
    const to = from + sizeG[i] * 16;
    for (let page = Math.floor(from / 4096); page * 4096 < to; page++) {
      if (!resident(page)) continue;
      bytes += Math.min(to, (page + 1) * 4096) - Math.max(from, page * 4096);
    }
  }
  return bytes;
}

/** Why one environment holds what it holds now, in one sentence. */
function whyHeld(r: ComparedRun): string {
  const s = r.snapshot;
  const h = libcHolding(s.libc);
  const parts: string[] = [`${mb(h.inUse)} in use by the C library`];
  if (s.arenas !== null && s.scalars.pymallocArenaBytes > 0)
    parts.push(`${mb(s.scalars.pymallocArenaBytes)} in pymalloc arenas`);
  const libc = s.libc;
  if (libc.kind === 'glibc') {
    // mallinfo2 sums every arena: the brk heap's share is what the thread heaps do not hold.
    const threads = libc.arenas.length > 0 ? threadArenaHolding(libc) : null;
    const keptMain = h.kept - (threads ? threads.free : 0);
    if (keptMain >= 1048576) {
      // malloc_trim (mtrim) gives the whole pages inside free chunks back with MADV_DONTNEED: the
      // chunks stay free in the heap, their pages are no longer resident
      const resident = residentFreeBytes(libc.heap);
      const where = `${mb(keptMain)} free in glibc’s heap below an in-use chunk`;
      if (resident < 1048576)
        parts.push(`${where}, its pages given back by malloc_trim (no longer resident)`);
      else if (resident < keptMain - 1048576)
        parts.push(`${where} (${mb(resident)} of it still resident: the heap shrinks only from its top)`);
      else parts.push(`${where} (the heap shrinks only from its top)`);
    }
    const part = threadArenaPart(libc);
    if (part) parts.push(part);
  }
  if (libc.kind === 'jemalloc' && h.waiting > 0) {
    const d = libc.decay;
    parts.push(
      h.waitMs === null
        ? `${mb(h.waiting)} of freed pages jemalloc never purges (decay −1)`
        : `${mb(h.waiting)} of freed pages waiting for the ${seconds(d.dirtyMs)} decay, purged bit by bit on later allocator calls (next in ${seconds(h.waitMs)})`,
    );
  }
  if (libc.kind === 'mimalloc') {
    if (h.waiting > 0)
      parts.push(
        `${mb(h.waiting)} of freed pages waiting for the decommit delay (${seconds(h.waitMs ?? 0)} more), then decommitted inside a later allocator call`,
      );
    if (h.kept >= 1048576) parts.push(`${mb(h.kept)} free but committed in its segments`);
  }
  return parts.join('; ');
}

/**
 * The comparison's sentences at one statement: which environment holds the least and by how much,
 * or that none gives anything back; then one sentence per environment with its resident memory and
 * what holds it. `where` is "After line 2 (`del a`)" or similar.
 */
export function compareSentences(runs: ComparedRun[], where: string): Sentence[] {
  if (runs.length === 0) return [];
  const byRss = [...runs].sort((a, b) => a.snapshot.scalars.rss - b.snapshot.scalars.rss);
  const best = byRss[0];
  const worst = byRss[byRss.length - 1];
  const lo = best.snapshot.scalars.rss;
  const hi = worst.snapshot.scalars.rss;
  const out: Sentence[] = [];
  // Differences under 5% (or 1 MiB) are the noise of start-up footprints, not an answer.
  const same = hi - lo < Math.max(1048576, hi * 0.05);
  if (runs.length < 2) {
    out.push({ id: 'compare-one', parts: [`${where}: ${best.label} holds ${mb(lo)} resident.`] });
  } else if (same) {
    const live = Math.min(
      ...runs.map((r) => libcHolding(r.snapshot.libc).inUse + r.snapshot.scalars.pymallocArenaBytes),
    );
    const gone = runs.every((r) => r.rssBefore !== null && r.snapshot.scalars.rss < r.rssBefore - 1048576);
    out.push({
      id: 'compare-same',
      parts: [
        `${where}: all ${runs.length} environments hold about the same, ${mb(lo)} to ${mb(hi)} resident` +
          (gone
            ? ': each gave memory back at this step.'
            : live >= lo * 0.5
              ? `; at least ${mb(live)} of it is still in use (live objects, pymalloc arenas, the interpreter), and no allocator gives back memory in use.`
              : '.'),
      ],
    });
  } else {
    // Others within the same margin of the best are named with it: the answer is a tie, not a winner.
    const close = byRss
      .slice(1)
      .filter((r) => r.snapshot.scalars.rss - lo < Math.max(1048576, lo * 0.05) && r !== worst);
    const tie = close.length
      ? `; ${close.map((r) => `${r.label} (${mb(r.snapshot.scalars.rss)})`).join(' and ')} ${close.length > 1 ? 'are' : 'is'} as good`
      : '';
    out.push({
      id: 'compare-best',
      parts: [
        `${where}: ${best.label} gives the most back, ${mb(lo)} resident, ${mb(hi - lo)} less than ${worst.label} (${mb(hi)})${tie}.`,
      ],
    });
  }
  // The arena limit's lesson (glibc runs that made different numbers of arenas), before the runs' own.
  const arenas = arenaLimitSentence(
    runs.flatMap((r) =>
      r.snapshot.libc.kind === 'glibc'
        ? [{ label: r.label, libc: r.snapshot.libc, rss: r.snapshot.scalars.rss }]
        : [],
    ),
  );
  if (arenas) out.push({ id: 'compare-arenas', parts: [arenas] });
  for (const r of runs) {
    const rss = r.snapshot.scalars.rss;
    const delta =
      r.rssBefore === null
        ? ''
        : Math.abs(rss - r.rssBefore) < 65536
          ? ', unchanged by this step'
          : `, ${rss < r.rssBefore ? 'down' : 'up'} ${mb(Math.abs(rss - r.rssBefore))} at this step`;
    out.push({
      id: 'compare-env',
      parts: [
        `${r.label}: ${mb(rss)} resident${delta} (peak ${mb(r.snapshot.scalars.peakRss)}). ${whyHeld(r)}.`,
      ],
    });
  }
  return out;
}
