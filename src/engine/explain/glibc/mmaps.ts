import type { GlibcMalloc } from '../../glibc/malloc';
import type { Kernel } from '../../kernel/kernel';
import { EventKind } from '../../trace/events';
import { bytes, mb } from '../format';
import type { EventWindow } from '../layers';
import { DEFAULT_MMAP_THRESHOLD, pickedEvents } from './mmapEvents';
import type { OwnerAnswer } from '../owners';
import { heldBy } from '../phrases';
import type { StepSummary } from '../summary';
import type { Sentence, SentencePart } from '../types';

/** The stat (GlibcMalloc.stats) the summary keeps of the threshold before a step. */
const MMAP_THRESHOLD = 'mp_.mmap_threshold';

/** Chunks mapped in a step this big get a sentence of their own (the interpreter's own are smaller). */
const NEW_MMAP = 512 * 1024;

/** Mapped chunks this big are named one by one (their owner and who keeps it). */
const BIG_MMAP = 1 << 20;
const NAMED_MMAPS = 3;

/** The biggest mmapped chunks, biggest first: [chunk address, size]. */
function bigMmaps(glibc: GlibcMalloc): [number, number][] {
  return [...glibc.av.mp.mmapped.entries()]
    .filter(([, size]) => size >= BIG_MMAP)
    .sort((x, y) => y[1] - x[1])
    .slice(0, NAMED_MMAPS);
}

/** The user pointers of the mmapped chunks the sentences name, for the owner lookup. */
export const mmapPointers = (glibc: GlibcMalloc): number[] => bigMmaps(glibc).map(([chunk]) => chunk + 16);

/** A mapped chunk's pages in RAM: its mapping's resident count (the kernel's bits), in bytes. */
function residentOf(kernel: Kernel, chunk: number): number | null {
  const m = kernel.mappings.find((x) => x.start === chunk);
  return m ? m.resident.count * 4096 : null;
}

/**
 * glibc's own mmaps: chunks the step unmapped with free() (munmap_chunk: their pages go back at
 * once), mapped and unmapped inside the step, newly mapped (and whether their pages were ever
 * written), and the dynamic threshold.
 */
export function explainMmaps(
  glibc: GlibcMalloc,
  kernel: Kernel,
  before: StepSummary | null,
  ev: EventWindow | null,
  owners: OwnerAnswer | null = null,
): Sentence[] {
  const out: Sentence[] = [];
  const av = glibc.av;
  const made: number[] = [];
  // this step unmapped chunks of its own: a sentence about one still mapped must say so
  let unmapped = false;
  if (ev) {
    // One pass picks the few events the sentences read (a step of the seed has 4 million events,
    // nearly all small mallocs and pymalloc blocks); the loops below walk only those.
    const picked = pickedEvents(ev);
    // An mmap whose address is unmapped again within the same step, and not a pymalloc arena.
    const arenaAddrs = new Set<number>();
    for (const i of picked)
      if (ev.kind[i] === EventKind.ArenaNew || ev.kind[i] === EventKind.ArenaFree)
        arenaAddrs.add(ev.addr.get(i));
    const open = new Map<number, number>();
    const roundTrip = new Set<number>();
    let roundTrips = 0;
    let biggest = 0;
    let freedCount = 0;
    let freedBytes = 0;
    let freedBiggest: [number, number] | null = null;
    for (const i of picked) {
      const k = ev.kind[i];
      if (k === EventKind.Mmap && !arenaAddrs.has(ev.addr.get(i))) open.set(ev.addr.get(i), ev.size.get(i));
      else if (k === EventKind.Munmap && open.has(ev.addr.get(i))) {
        roundTrip.add(ev.addr.get(i));
        roundTrips++;
        biggest = Math.max(biggest, open.get(ev.addr.get(i))!);
        open.delete(ev.addr.get(i));
      } else if (
        k === EventKind.Free &&
        i > ev.from &&
        ev.kind[i - 1] === EventKind.Munmap &&
        ev.addr.get(i - 1) === ev.addr.get(i) - 16 &&
        !arenaAddrs.has(ev.addr.get(i - 1)) &&
        !roundTrip.has(ev.addr.get(i - 1))
      ) {
        // free() of a chunk mapped before this step: munmap_chunk, the pages go back at once.
        freedCount++;
        freedBytes += ev.size.get(i - 1);
        if (!freedBiggest || ev.size.get(i - 1) > freedBiggest[1])
          freedBiggest = [ev.addr.get(i - 1), ev.size.get(i - 1)];
      }
    }
    for (const [addr] of open) if (av.mp.mmapped.has(addr)) made.push(addr);
    // Blocks the default threshold would have mapped that came from the heap: the raised threshold.
    let heapBig = 0;
    let heapBigMax = 0;
    let remaps = 0;
    let remapMax = 0;
    for (const i of picked) {
      const k = ev.kind[i];
      if (k === EventKind.Mremap) {
        remaps++;
        remapMax = Math.max(remapMax, ev.size.get(i));
      }
      if (
        (k !== EventKind.Malloc && k !== EventKind.Calloc && k !== EventKind.Realloc) ||
        ev.size.get(i) < DEFAULT_MMAP_THRESHOLD
      )
        continue;
      if (i > ev.from && ev.kind[i - 1] === EventKind.Mmap && ev.addr.get(i - 1) === ev.addr.get(i) - 16)
        continue;
      if (av.mp.mmapped.has(ev.addr.get(i) - 16)) continue;
      heapBig++;
      heapBigMax = Math.max(heapBigMax, ev.size.get(i));
    }
    if (heapBig > 0 && av.mp.mmapThreshold > DEFAULT_MMAP_THRESHOLD)
      out.push({
        id: 'heap-big-blocks',
        parts: [
          `${heapBig === 1 ? 'A block' : `${heapBig.toLocaleString('en-US')} blocks`} of up to ${bytes(heapBigMax)} came from the heap, not from mappings of their own: the mmap threshold is ${bytes(av.mp.mmapThreshold)} now, raised from 128 KiB when a bigger mmapped chunk was freed, so on the heap they can stay after free().`,
        ],
      });
    if (remaps > 0)
      out.push({
        id: 'mremap',
        parts: [
          `realloc() grew ${remaps === 1 ? 'a mapped block' : `mapped blocks ${remaps.toLocaleString('en-US')} times`} with mremap (up to ${bytes(remapMax)}): the kernel moves or extends the pages of a mapping without copying them.`,
        ],
      });
    unmapped = freedCount > 0;
    if (freedCount > 0 && freedBytes >= 64 * 1024)
      out.push({
        id: 'mmap-freed',
        parts: [
          freedCount === 1
            ? `free() unmapped the ${bytes(freedBytes)} block at once: it was a mapping of its own (a glibc mmapped chunk, at least the mmap threshold), so its pages went straight back to the kernel.`
            : `free() unmapped ${freedCount} blocks (${bytes(freedBytes)} in all, the biggest ${bytes(freedBiggest![1])}) at once: each was a mapping of its own (a glibc mmapped chunk, at least the mmap threshold), so their pages went straight back to the kernel.`,
        ],
      });
    if (roundTrips > 0)
      out.push({
        id: 'mmap-roundtrip',
        parts: [
          `${roundTrips === 1 ? 'A block' : `${roundTrips} blocks`} of up to ${bytes(biggest)} went to ${roundTrips === 1 ? 'its own mmap' : 'their own mmaps'} (≥ the mmap threshold) and ${roundTrips === 1 ? 'was' : 'were'} unmapped at once when freed, so the pages went straight back to the kernel.`,
        ],
      });
  }
  // Chunks mapped in this step: their own mappings; RSS counts only the pages written.
  const bigMade = made
    .map((a) => [a, av.mp.mmapped.get(a)!] as [number, number])
    .filter(([, size]) => size >= NEW_MMAP);
  for (const [chunk, size] of bigMade.slice(0, NAMED_MMAPS)) {
    const resident = residentOf(kernel, chunk) ?? size;
    const ref = { kind: 'mmappedChunk' as const, address: chunk, size };
    const o = owners?.owners.get(chunk + 16);
    const what: SentencePart[] = [{ text: `The ${bytes(size)} block`, ref }, o ? ` (${o.what})` : ''];
    if (resident < size / 2)
      out.push({
        id: `never-written-${out.length}`,
        parts: [
          ...what,
          ` got a mapping of its own (≥ the mmap threshold of ${bytes(av.mp.mmapThreshold)}), but ${resident < 65536 ? 'its pages were never written' : `only ${mb(resident)} of its pages were written`}, so ${resident < 65536 ? 'they are not resident: it costs address space, not RAM' : 'only those are resident'}. The kernel hands out zeroed pages on first write, so np.empty and np.zeros (calloc on a fresh mmap) leave them untouched.`,
        ],
      });
    else
      out.push({
        id: `mmap-new-${out.length}`,
        parts: [
          ...what,
          ` got a mapping of its own (≥ the mmap threshold of ${bytes(av.mp.mmapThreshold)}) and its pages were written, so they count in RSS; free() will unmap it at once.`,
        ],
      });
  }
  // Big chunks mapped earlier whose pages are still mostly untouched, that no owner sentence names.
  for (const [chunk, size] of bigMmaps(glibc)) {
    if (made.includes(chunk) || owners?.owners.has(chunk + 16)) continue;
    const resident = residentOf(kernel, chunk);
    if (resident === null || resident >= size * 0.9) continue;
    out.push({
      id: `mmap-untouched-${out.length}`,
      parts: [
        { text: `A ${bytes(size)} mapped block`, ref: { kind: 'mmappedChunk', address: chunk, size } },
        ` has only ${mb(resident)} of its pages in RAM: pages of a mapping are resident only once written.`,
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
  if (owners && av.mp.nMmaps > 0)
    out.push(...mmapOwners(glibc, kernel, owners, new Set(bigMade.map(([a]) => a)), unmapped));
  return out;
}

/**
 * What each big mapped chunk is and who keeps it: "The 76 MB chunk is the data buffer of an
 * ndarray of 10,000,000 int64, still referenced as the base of the view v." Chunks a name-kept
 * sentence already named are left out. In a step that unmapped chunks, each is "still mapped".
 */
function mmapOwners(
  glibc: GlibcMalloc,
  kernel: Kernel,
  owners: OwnerAnswer,
  said: Set<number>,
  afterUnmap: boolean,
): Sentence[] {
  const out: Sentence[] = [];
  const named = new Set<number>(said);
  for (const u of owners.unbound) if (u.memory?.ref.kind === 'mmappedChunk') named.add(u.memory.ref.address);
  for (const [chunk, size] of bigMmaps(glibc)) {
    const o = owners.owners.get(chunk + 16);
    if (!o || named.has(chunk)) continue;
    const parts: SentencePart[] = [
      { text: `The ${bytes(size)} chunk`, ref: { kind: 'mmappedChunk', address: chunk, size } },
      // after "free() unmapped the 1.55 MiB block", "The 1.55 MiB chunk is …" read as the freed one
      `${afterUnmap ? ' still mapped' : ''} is ${o.what}`,
    ];
    const held = heldBy(o.holders);
    if (held.length > 0) parts.push(', kept alive ', ...held);
    if (o.kept) parts.push(` (${o.kept})`);
    const resident = residentOf(kernel, chunk);
    if (resident !== null && resident < size * 0.9)
      parts.push(
        `; only ${mb(resident)} of it is resident (pages of a mapping are in RAM only once written)`,
      );
    parts.push('.');
    out.push({ id: `mmap-owner-${out.length}`, parts });
  }
  return out;
}
