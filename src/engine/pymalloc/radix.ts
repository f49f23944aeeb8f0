import type { GlibcMalloc } from '../glibc/malloc';
import type { Kernel } from '../kernel/kernel';
import {
  ARENA_SIZE,
  MAP_BOT_BITS,
  MAP_BOT_BYTES,
  MAP_MID_BITS,
  MAP_MID_BYTES,
  MAP_MID_SHIFT,
  MAP_TOP_BITS,
  MAP_TOP_SHIFT,
} from './constants';

/**
 * One arena_coverage_t leaf ({int32 tail_hi, int32 tail_lo}) of an "ideal" 1 MiB region, plus the
 * arena slot each half belongs to (what the C code reads from the pool header's arenaindex).
 */
interface Leaf {
  hi: number;
  lo: number;
  hiSlot: number;
  loSlot: number;
}

/** A radix node PyMem_RawCalloc'd by someone else (a replayed start-up), to be used before allocating. */
export interface AdoptedRadixNode {
  /** As the start-up capture names them (pymalloc_bookkeeping.radix_tree_nodes[].kind). */
  kind: 'mid' | 'bot';
  address: number;
}

// Addresses exceed 2^32: index arithmetic is done with division, never with bitwise operators.
const pow2 = (n: number): number => 2 ** n;
const TOP_DIV = pow2(MAP_TOP_SHIFT);
const MID_DIV = pow2(MAP_MID_SHIFT);
const TOP_LEN = pow2(MAP_TOP_BITS);
const MID_LEN = pow2(MAP_MID_BITS);
const BOT_LEN = pow2(MAP_BOT_BITS);

/**
 * The 3.11 arena map (Objects/obmalloc.c, WITH_PYMALLOC_RADIX_TREE, ADDRESS_BITS 64): a static root
 * of 2^15 pointers (BSS, not modelled as memory), mid nodes of 2^15 pointers (256 KiB) and bottom
 * nodes of 2^14 leaves (128 KiB), both PyMem_RawCalloc'd on first need and never freed.
 */
export class ArenaMap {
  /** root.ptrs[i1] → mid node address. */
  readonly mid = new Map<number, number>();
  /** mid.ptrs[i2] of root.ptrs[i1], keyed by i1·2^15 + i2 (= p / 2^34) → bottom node address. */
  readonly bot = new Map<number, number>();
  /** Leaves keyed by the ideal arena number p / 2^20 (i1, i2 and i3 together). */
  private readonly leaves = new Map<number, Leaf>();
  midCount = 0;
  botCount = 0;
  /** Nodes already calloc'd outside (adoptBookkeeping): used, in order, before calling calloc. */
  adopted: AdoptedRadixNode[] = [];

  constructor(
    private readonly kernel: Kernel,
    private readonly glibc: GlibcMalloc,
  ) {}

  /** arena_map_get(p, create): the bottom node for p (its address), or 0 if absent / not creatable. */
  get(p: number, create: boolean): number {
    const i1 = Math.floor(p / TOP_DIV) % TOP_LEN;
    let mid = this.mid.get(i1);
    if (mid === undefined) {
      if (!create) return 0;
      const n = this.node('mid', MAP_MID_BYTES);
      if (n === 0) return 0;
      this.mid.set(i1, n);
      this.midCount++; // arena_map_root.ptrs[i1] = n: a write to the static root, outside the model
      mid = n;
    }
    const key = Math.floor(p / MID_DIV);
    let bot = this.bot.get(key);
    if (bot === undefined) {
      if (!create) return 0;
      const n = this.node('bot', MAP_BOT_BYTES);
      if (n === 0) return 0;
      this.bot.set(key, n);
      this.botCount++;
      this.kernel.touch(mid + (key % MID_LEN) * 8, 8); // mid->ptrs[i2] = n
      bot = n;
    }
    return bot;
  }

  /** arena_map_mark_used(arena_base, is_used); `slot` is the arena's index in arenas[]. Returns false on ENOMEM. */
  markUsed(base: number, isUsed: boolean, slot: number): boolean {
    const nHi = this.get(base, isUsed);
    if (nHi === 0) {
      if (!isUsed) throw new Error('arena_map_mark_used: no node for a live arena');
      return false;
    }
    const ideal = Math.floor(base / ARENA_SIZE);
    const tail = base - ideal * ARENA_SIZE;
    const hi = this.leaf(ideal);
    if (tail === 0) {
      hi.hi = isUsed ? -1 : 0;
      hi.hiSlot = slot;
      this.kernel.touch(nHi + (ideal % BOT_LEN) * 8, 4);
      return true;
    }
    hi.hi = isUsed ? tail : 0;
    hi.hiSlot = slot;
    this.kernel.touch(nHi + (ideal % BOT_LEN) * 8, 4);
    const nLo = this.get(base + ARENA_SIZE, isUsed);
    if (nLo === 0) {
      if (!isUsed) throw new Error('arena_map_mark_used: no node for a live arena');
      hi.hi = 0;
      return false;
    }
    const lo = this.leaf(ideal + 1);
    lo.lo = isUsed ? tail : 0;
    lo.loSlot = slot;
    this.kernel.touch(nLo + ((ideal + 1) % BOT_LEN) * 8 + 4, 4);
    return true;
  }

  /** arena_map_is_used(p): is p inside a live arena? */
  isUsed(p: number): boolean {
    return this.slotOf(p) >= 0;
  }

  /** The arena slot whose arena holds p, or -1 (the same test as arena_map_is_used). */
  slotOf(p: number): number {
    const ideal = Math.floor(p / ARENA_SIZE);
    const leaf = this.leaves.get(ideal);
    if (leaf === undefined) return -1; // no node, or a zeroed leaf: tail < 0 and hi == 0
    const tail = p - ideal * ARENA_SIZE;
    if (tail < leaf.lo) return leaf.loSlot;
    if (tail >= leaf.hi && leaf.hi !== 0) return leaf.hiSlot;
    return -1;
  }

  /** Bytes the tree holds: the static root plus every allocated node. */
  get bytes(): { root: number; mid: number; bot: number } {
    return { root: TOP_LEN * 8, mid: this.midCount * MAP_MID_BYTES, bot: this.botCount * MAP_BOT_BYTES };
  }

  private leaf(ideal: number): Leaf {
    let l = this.leaves.get(ideal);
    if (l === undefined) {
      l = { hi: 0, lo: 0, hiSlot: -1, loSlot: -1 };
      this.leaves.set(ideal, l);
    }
    return l;
  }

  /** PyMem_RawCalloc(1, bytes), or the next adopted node of that level. */
  private node(level: 'mid' | 'bot', bytes: number): number {
    const i = this.adopted.findIndex((n) => n.kind === level);
    if (i >= 0) return this.adopted.splice(i, 1)[0].address;
    const p = this.glibc.calloc(1, bytes);
    return p;
  }
}
