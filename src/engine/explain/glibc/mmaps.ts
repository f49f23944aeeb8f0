import type { GlibcMalloc } from '../../glibc/malloc';
import { EventKind } from '../../trace/events';
import { bytes, mb, plural } from '../format';
import type { EventWindow } from '../layers';
import type { OwnerAnswer } from '../owners';
import { heldBy } from '../phrases';
import type { StepSummary } from '../summary';
import type { Sentence, SentencePart } from '../types';

/** The stat (GlibcMalloc.stats) the summary keeps of the threshold before a step. */
const MMAP_THRESHOLD = 'mp_.mmap_threshold';

/** Mapped chunks this big are named one by one (their owner and who keeps it). */
const BIG_MMAP = 1 << 20;
const NAMED_MMAPS = 3;

/** The biggest mmapped chunks, biggest first: [chunk address, size]. */
function bigMmaps(glibc: GlibcMalloc): [number, number][] {
  return [...glibc.mp.mmapped.entries()]
    .filter(([, size]) => size >= BIG_MMAP)
    .sort((x, y) => y[1] - x[1])
    .slice(0, NAMED_MMAPS);
}

/** The user pointers of the mmapped chunks the sentences name, for the owner lookup. */
export const mmapPointers = (glibc: GlibcMalloc): number[] => bigMmaps(glibc).map(([chunk]) => chunk + 16);

/** glibc's own mmaps: chunks mapped and unmapped inside the step, and the dynamic threshold. */
export function explainMmaps(
  glibc: GlibcMalloc,
  before: StepSummary | null,
  ev: EventWindow | null,
  owners: OwnerAnswer | null = null,
): Sentence[] {
  const out: Sentence[] = [];
  const av = glibc.av;
  if (ev) {
    // An mmap whose address is unmapped again within the same step, and not a pymalloc arena.
    const arenaAddrs = new Set<number>();
    for (let i = ev.from; i < ev.to; i++)
      if (ev.kind[i] === EventKind.ArenaNew || ev.kind[i] === EventKind.ArenaFree) arenaAddrs.add(ev.addr[i]);
    const open = new Map<number, number>();
    let roundTrips = 0;
    let biggest = 0;
    for (let i = ev.from; i < ev.to; i++) {
      const k = ev.kind[i];
      if (k === EventKind.Mmap && !arenaAddrs.has(ev.addr[i])) open.set(ev.addr[i], ev.size[i]);
      else if (k === EventKind.Munmap && open.has(ev.addr[i])) {
        roundTrips++;
        biggest = Math.max(biggest, open.get(ev.addr[i])!);
        open.delete(ev.addr[i]);
      }
    }
    if (roundTrips > 0)
      out.push({
        id: 'mmap-roundtrip',
        parts: [
          `${roundTrips === 1 ? 'A block' : `${roundTrips} blocks`} of up to ${bytes(biggest)} went to ${roundTrips === 1 ? 'its own mmap' : 'their own mmaps'} (≥ the mmap threshold) and ${roundTrips === 1 ? 'was' : 'were'} unmapped at once when freed, so the pages went straight back to the kernel.`,
        ],
      });
  }
  const thresholdBefore = before?.libc[MMAP_THRESHOLD];
  if (thresholdBefore !== undefined && av.mp.mmapThreshold !== thresholdBefore)
    out.push({
      id: 'mmap-threshold',
      parts: [
        `Freeing an mmapped chunk raised the dynamic mmap threshold from ${bytes(thresholdBefore)} to ${bytes(av.mp.mmapThreshold)} (and the trim threshold to ${bytes(av.mp.trimThreshold)}): later blocks of that size come from the heap, where they can stay after free().`,
      ],
    });
  if (av.mp.nMmaps > 0 && av.mp.mmappedMem >= 1 << 20)
    out.push({
      id: 'mmap-live',
      parts: [
        `${plural(av.mp.nMmaps, 'chunk lives', 'chunks live')} in ${av.mp.nMmaps === 1 ? 'its own mmap' : 'their own mmaps'} (${mb(av.mp.mmappedMem)}): free() unmaps ${av.mp.nMmaps === 1 ? 'it' : 'each'} at once.`,
      ],
    });
  if (owners && av.mp.nMmaps > 0) out.push(...mmapOwners(glibc, owners));
  return out;
}

/**
 * What each big mapped chunk is and who keeps it: "The 76 MB chunk is the data buffer of an
 * ndarray of 10,000,000 int64, still referenced as the base of the view v." Chunks a name-kept
 * sentence already named are left out.
 */
function mmapOwners(glibc: GlibcMalloc, owners: OwnerAnswer): Sentence[] {
  const out: Sentence[] = [];
  const named = new Set<number>();
  for (const u of owners.unbound) if (u.memory?.ref.kind === 'mmappedChunk') named.add(u.memory.ref.address);
  for (const [chunk, size] of bigMmaps(glibc)) {
    const o = owners.owners.get(chunk + 16);
    if (!o || named.has(chunk)) continue;
    const parts: SentencePart[] = [
      { text: `The ${bytes(size)} chunk`, ref: { kind: 'mmappedChunk', address: chunk, size } },
      ` is ${o.what}`,
    ];
    const held = heldBy(o.holders);
    if (held.length > 0) parts.push(', kept alive ', ...held);
    if (o.kept) parts.push(` (${o.kept})`);
    parts.push('.');
    out.push({ id: `mmap-owner-${out.length}`, parts });
  }
  return out;
}
