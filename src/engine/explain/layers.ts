import type { Kernel } from '../kernel/kernel';
import { EventKind } from '../trace/events';
import type { ArenaColumns } from '../trace/snapshot';
import type { AddrColumn } from '../trace/addrColumn';
import type { WideColumn } from '../trace/wideColumn';
import { mb, plural } from './format';
import type { ArenaResidents, OwnerAnswer } from './owners';
import { heldBy, listParts, nounCount } from './phrases';
import type { Sentence, SentencePart } from './types';

/** The events of one step, read straight from the log's columns (no copies). */
export interface EventWindow {
  kind: Uint8Array;
  /** read with `addr.get(i)`: 4 bytes an event where the address is 16-aligned (addrColumn.ts) */
  addr: AddrColumn;
  /** read with `size.get(i)`: 4 bytes an event where the value fits (wideColumn.ts) */
  size: WideColumn;
  aux: WideColumn;
  from: number;
  to: number;
}

const ARENA_BYTES = 1 << 20;

/**
 * Events of one kind in the window. For a rare kind (arenas, malloc_trim) in a step of millions of
 * events, TypedArray#indexOf (native) finds them 5 times faster than a loop over the log's
 * resizable columns (measured on node 20: 14 vs 64 ms for 8 million events).
 */
export function countKind(ev: EventWindow, kind: EventKind): number {
  const window = ev.kind.subarray(ev.from, ev.to);
  let n = 0;
  for (let i = window.indexOf(kind); i >= 0; i = window.indexOf(kind, i + 1)) n++;
  return n;
}

/** Live blocks in arena `a` of the columns (the sum of its pools' ref counts). */
function liveBlocks(arenas: ArenaColumns, a: number): number {
  let blocks = 0;
  for (let p = 0; p < 64; p++) blocks += arenas.poolUsed[a * 64 + p];
  return blocks;
}

/** Arenas not empty but kept by fewer than 64 live blocks: what a few survivors pin (addresses). */
export function sparseArenas(arenas: ArenaColumns | null): number[] {
  const out: number[] = [];
  if (!arenas) return out;
  for (let a = 0; a < arenas.count; a++) {
    const blocks = liveBlocks(arenas, a);
    if (blocks > 0 && blocks < 64) out.push(arenas.address[a]);
  }
  return out;
}

/** pymalloc: arenas unmapped in the step, the one kept empty on purpose, and arenas pinned by survivors. */
export function explainArenas(
  kernel: Kernel,
  arenas: ArenaColumns | null,
  ev: EventWindow | null,
  owners: OwnerAnswer | null = null,
): Sentence[] {
  if (!arenas) return [];
  const out: Sentence[] = [];
  let created = 0;
  let freed = 0;
  if (ev) {
    created = countKind(ev, EventKind.ArenaNew);
    freed = countKind(ev, EventKind.ArenaFree);
  }
  let empty = -1;
  let emptyCount = 0;
  let sparse = 0;
  let sparseFirst = -1;
  let sparseBlocks = 0;
  for (let a = 0; a < arenas.count; a++) {
    let used = 0;
    for (let p = 0; p < 64; p++) if (arenas.poolState[a * 64 + p] >= 2) used++;
    const blocks = liveBlocks(arenas, a);
    if (used === 0) {
      emptyCount++;
      if (empty < 0) empty = a;
    } else if (blocks < 64) {
      sparse++;
      sparseBlocks += blocks;
      if (sparseFirst < 0) sparseFirst = a;
    }
  }
  if (created > 0)
    out.push({
      id: 'arenas-new',
      parts: [
        `pymalloc mapped ${plural(created, 'new 1 MiB arena')} (${mb(created * ARENA_BYTES)}) for small objects.`,
      ],
    });
  if (freed > 0) {
    const parts: Sentence['parts'] = [
      `${plural(freed, 'arena was', 'arenas were')} unmapped as ${freed === 1 ? 'its' : 'their'} last block was freed`,
    ];
    if (emptyCount > 0 && empty >= 0)
      parts.push(
        '; ',
        { text: 'one empty arena is kept by design', ref: { kind: 'arena', address: arenas.address[empty] } },
        ' (so the next allocation need not mmap again)',
      );
    parts.push('.');
    out.push({ id: 'arenas-freed', parts });
  } else if (emptyCount > 0 && empty >= 0 && arenas.count > 1) {
    out.push({
      id: 'arena-kept',
      parts: [
        { text: 'One wholly empty arena', ref: { kind: 'arena', address: arenas.address[empty] } },
        ' stays mapped by design (bpo-37257).',
      ],
    });
  }
  if (sparse > 0) {
    const ref = { kind: 'arena', address: arenas.address[sparseFirst] } as const;
    const residents = owners?.arenas;
    const roots = residents?.roots;
    out.push({
      id: 'arenas-pinned',
      parts: roots
        ? [
            { text: plural(sparse, 'arena'), ref },
            `${sparse === 1 ? ' is' : ' are'} kept alive by ${nounCount({ ...roots, one: `surviving ${roots.one}`, many: `surviving ${roots.many}` })} (${plural(sparseBlocks, 'live block')}${sparse > 1 ? ' in all, fewer than 64 an arena' : ''}): pymalloc frees an arena only when every pool in it is empty, so ${roots.count === 1 ? 'it pins' : 'they pin'} ${mb(sparse * ARENA_BYTES)}.`,
          ]
        : [
            `${plural(sparse, 'arena is', 'arenas are')} kept by fewer than 64 live blocks each: pymalloc frees an arena only when every pool in it is empty, so `,
            { text: 'a few survivors', ref },
            ` pin ${mb(sparse * ARENA_BYTES)}.`,
          ],
    });
    if (residents && residents.blocks > 0) out.push(survivorsSentence(residents, sparse, sparseBlocks));
  }
  void kernel;
  return out;
}

/**
 * Who the survivors are: "The lists are still referenced as items of the list keep; the other
 * blocks are 1,000 list item buffers and 999 ints."
 */
function survivorsSentence(r: ArenaResidents, arenas: number, liveBlocks: number): Sentence {
  const parts: SentencePart[] = [];
  const roots = r.roots;
  let others = r.groups.map((g) => ({ ...g }));
  if (roots) {
    parts.push(
      r.example
        ? { text: `The ${roots.count === 1 ? roots.one : roots.many}`, ref: r.example }
        : `The ${roots.many}`,
      roots.count === 1 ? ' is still referenced ' : ' are still referenced ',
      ...heldBy(r.holders, roots.count > 1),
    );
    others = others.map((g) => (g.one === roots.one ? { ...g, count: g.count - roots.count } : g));
  } else {
    const subject = arenas === 1 ? 'It' : 'They';
    parts.push(r.example ? { text: subject, ref: r.example } : subject, arenas === 1 ? ' holds' : ' hold');
  }
  others = others.filter((g) => g.count > 0).slice(0, 4);
  const unknown = liveBlocks - r.blocks;
  const rest: SentencePart[] = others.map((g) => nounCount(g));
  if (unknown > 0) rest.push(`${plural(unknown, 'block')} of the interpreter's own`);
  if (rest.length > 0) parts.push(roots ? '; the other blocks are ' : ' ', ...listParts(rest));
  parts.push('.');
  return { id: 'arenas-survivors', parts };
}
