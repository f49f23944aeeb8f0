import type { Libc } from '../libc/libc';
import { IntMap } from '../util/intMap';
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
/** A leaf row: tail_hi, tail_lo, and the arena slots of the two halves. */
const TAIL_HI = 0;
const TAIL_LO = 1;
const HI_SLOT = 2;
const LO_SLOT = 3;
const LEAF_FIELDS = 4;

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
  /**
   * The arena_coverage_t leaves ({int32 tail_hi, int32 tail_lo}) that were ever written, one row of
   * LEAF_FIELDS in `leaves` each (with the arena slot each half belongs to: what the C code reads
   * from the pool header's arenaindex), found by the ideal arena number p / 2^20 (i1, i2 and i3
   * together; below 2^27 for 47-bit addresses, so an int32 key). Every pymalloc free looks a
   * pointer up here: a Map keyed by p / 2^20 boxed a double per lookup and, with its leaf objects,
   * made pymalloc_free the costliest function of the seed's run. Rows are never removed, so the
   * last lookup's row is remembered (frees come in runs within one arena).
   */
  private readonly leafRow = new IntMap();
  private leaves = new Int32Array(16 * LEAF_FIELDS);
  private leafCount = 0;
  private lastIdeal = -1;
  private lastRow = -1;
  midCount = 0;
  botCount = 0;
  /** Nodes already calloc'd outside (adoptBookkeeping): used, in order, before calling calloc. */
  adopted: AdoptedRadixNode[] = [];

  constructor(
    private readonly kernel: Kernel,
    private readonly libc: Libc,
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
    const hi = this.leaf(ideal) * LEAF_FIELDS;
    if (tail === 0) {
      this.leaves[hi + TAIL_HI] = isUsed ? -1 : 0;
      this.leaves[hi + HI_SLOT] = slot;
      this.kernel.touch(nHi + (ideal % BOT_LEN) * 8, 4);
      return true;
    }
    this.leaves[hi + TAIL_HI] = isUsed ? tail : 0;
    this.leaves[hi + HI_SLOT] = slot;
    this.kernel.touch(nHi + (ideal % BOT_LEN) * 8, 4);
    const nLo = this.get(base + ARENA_SIZE, isUsed);
    if (nLo === 0) {
      if (!isUsed) throw new Error('arena_map_mark_used: no node for a live arena');
      this.leaves[hi + TAIL_HI] = 0;
      return false;
    }
    const lo = this.leaf(ideal + 1) * LEAF_FIELDS;
    this.leaves[lo + TAIL_LO] = isUsed ? tail : 0;
    this.leaves[lo + LO_SLOT] = slot;
    this.kernel.touch(nLo + ((ideal + 1) % BOT_LEN) * 8 + 4, 4);
    return true;
  }

  /** arena_map_is_used(p): is p inside a live arena? */
  isUsed(p: number): boolean {
    return this.slotOf(p) >= 0;
  }

  /** The arena slot whose arena holds p, or -1 (the same test as arena_map_is_used). */
  slotOf(p: number): number {
    // Arenas are mmapped, never inside the brk heap: a heap pointer (every libc chunk the
    // interpreter frees through PyObject_Free) needs no lookup to get the tree's answer, "no".
    const k = this.kernel;
    if (p >= k.heapStart && p < k.brk) return -1;
    const ideal = Math.floor(p / ARENA_SIZE);
    let row = this.lastRow;
    if (ideal !== this.lastIdeal) {
      row = this.leafRow.get(ideal);
      if (row < 0) return -1; // no node, or a zeroed leaf: tail < 0 and hi == 0
      this.lastIdeal = ideal;
      this.lastRow = row;
    }
    const tail = p - ideal * ARENA_SIZE;
    const at = row * LEAF_FIELDS;
    const leaves = this.leaves;
    if (tail < leaves[at + TAIL_LO]) return leaves[at + LO_SLOT];
    const hi = leaves[at + TAIL_HI];
    if (tail >= hi && hi !== 0) return leaves[at + HI_SLOT];
    return -1;
  }

  /** Bytes the tree holds: the static root plus every allocated node. */
  get bytes(): { root: number; mid: number; bot: number } {
    return { root: TOP_LEN * 8, mid: this.midCount * MAP_MID_BYTES, bot: this.botCount * MAP_BOT_BYTES };
  }

  /** The row of the leaf of `ideal`, made (zeroed, no slots) on first use. */
  private leaf(ideal: number): number {
    let row = this.leafRow.get(ideal);
    if (row < 0) {
      row = this.leafCount++;
      if ((row + 1) * LEAF_FIELDS > this.leaves.length) {
        const grown = new Int32Array(this.leaves.length * 2);
        grown.set(this.leaves);
        this.leaves = grown;
      }
      const at = row * LEAF_FIELDS;
      this.leaves[at + TAIL_HI] = 0;
      this.leaves[at + TAIL_LO] = 0;
      this.leaves[at + HI_SLOT] = -1;
      this.leaves[at + LO_SLOT] = -1;
      this.leafRow.set(ideal, row);
    }
    return row;
  }

  /** PyMem_RawCalloc(1, bytes), or the next adopted node of that level. */
  private node(level: 'mid' | 'bot', bytes: number): number {
    const i = this.adopted.findIndex((n) => n.kind === level);
    if (i >= 0) return this.adopted.splice(i, 1)[0].address;
    const p = this.libc.calloc(1, bytes);
    return p;
  }
}
