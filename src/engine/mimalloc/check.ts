import { COMMIT_MASK_BITS, INFO_SLICES, SEGMENT_SIZE, SLICE_SIZE, sliceBin } from './constants';
import type { MimallocMalloc } from './mimalloc';
import { maskCount } from './os';
import type { Page } from './page';
import type { Segment } from './segment';

/**
 * The mimalloc model's invariants, for property tests (empty when all hold). `held` is every pointer
 * the program holds.
 *  - each page's blocks [0, capacity) are partitioned among its free list, local free list, other
 *    threads' free list and the program; `used` counts the program's and the other threads' ones;
 *  - each segment's slices are tiled by its header, its pages and its free spans, and every free span
 *    of a live segment is queued in its size bin;
 *  - pages sit on committed memory; what is marked for decommit is committed;
 *  - the committed statistic covers every segment's committed part.
 */
export function checkMimalloc(mi: MimallocMalloc, held: ReadonlySet<number>): string[] {
  const errs: string[] = [];
  const owned = new Set<number>();
  let committedBytes = 0;
  for (const h of mi.heaps.values()) {
    const queued = new Set<object>();
    for (const q of h.segments.queues) for (let s = q.first; s; s = s.next) queued.add(s);
    for (const seg of h.segments.all) {
      committedBytes += seg.huge ? seg.size : (maskCount(seg.commit) * SEGMENT_SIZE) / COMMIT_MASK_BITS;
      errs.push(...checkSegment(seg, queued));
      for (const p of seg.pageAt) if (p) errs.push(...checkPage(p, held, owned));
    }
  }
  for (const c of mi.cache) if (c) committedBytes += (maskCount(c.commit) * SEGMENT_SIZE) / COMMIT_MASK_BITS;
  for (const p of held) if (!owned.has(p)) errs.push(`held pointer ${p} is in no page`);
  if (mi.os.committed < committedBytes)
    errs.push(`committed statistic ${mi.os.committed} < segments' committed ${committedBytes}`);
  return errs;
}

function checkSegment(seg: Segment, queued: Set<object>): string[] {
  const errs: string[] = [];
  let i = INFO_SLICES;
  const n = seg.sliceEntries;
  while (i < n) {
    const p = seg.pageAt[i];
    const s = seg.spanStart[i];
    if (p && s) errs.push(`segment ${seg.addr}: slice ${i} is both a page and a free span`);
    const count = p ? p.sliceCount : s ? s.count : 0;
    if (count === 0) {
      errs.push(`segment ${seg.addr}: slice ${i} belongs to nothing`);
      break;
    }
    if (s && !seg.huge && !queued.has(s)) errs.push(`segment ${seg.addr}: free span at ${i} is not queued`);
    if (s && seg.spanEnd[Math.min(i + count, n) - 1] !== s)
      errs.push(`segment ${seg.addr}: span at ${i} has no end mark`);
    if (p && !seg.huge)
      for (let k = i; k < i + count; k++)
        if (!seg.commit[k]) errs.push(`segment ${seg.addr}: page slice ${k} is not committed`);
    i += count;
  }
  if (!seg.huge && i !== n) errs.push(`segment ${seg.addr}: slices end at ${i}, not ${n}`);
  for (let k = 0; k < COMMIT_MASK_BITS; k++)
    if (seg.decommit[k] && !seg.commit[k])
      errs.push(`segment ${seg.addr}: slice ${k} marked for decommit but not committed`);
  void sliceBin;
  void SLICE_SIZE;
  return errs;
}

function checkPage(p: Page, held: ReadonlySet<number>, owned: Set<number>): string[] {
  const errs: string[] = [];
  const seen = new Set<number>();
  const lists: [string, number[]][] = [
    ['free', p.free],
    ['local free', p.localFree],
    ['thread free', p.threadFree],
  ];
  for (const [name, list] of lists)
    for (const b of list) {
      if (seen.has(b)) errs.push(`page ${p.start}: block ${b} twice in the free lists (${name})`);
      seen.add(b);
      if (held.has(b)) errs.push(`page ${p.start}: block ${b} is held and on the ${name} list`);
    }
  let heldHere = 0;
  for (let k = 0; k < p.capacity; k++) {
    const b = p.start + k * p.blockSize;
    if (held.has(b)) {
      heldHere++;
      owned.add(b);
    } else if (!seen.has(b)) errs.push(`page ${p.start}: block ${b} is neither held nor free`);
  }
  if (p.used !== heldHere + p.threadFree.length)
    errs.push(`page ${p.start}: used ${p.used}, held ${heldHere} + thread-freed ${p.threadFree.length}`);
  if (p.capacity > p.reserved) errs.push(`page ${p.start}: capacity ${p.capacity} > reserved ${p.reserved}`);
  return errs;
}
