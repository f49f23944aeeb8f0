import { PyError } from '../errors';
import { Layout, LAYOUT_ROW_BYTES, type ObjectTable } from '../objects/table';
import type { ItemPool } from '../objects/pool';

/**
 * The simulator's own memory budget: what the JS heap holds for the simulated process, counted
 * from what is known per object and per byte, and compared with a budget the host sets (the CLI:
 * half of node's heap limit; the page's worker: a fixed figure). Past it the run stops with a
 * MemoryError of the simulator (not catchable by Python code: CPython itself would not have run
 * out), the steps before it kept, instead of the JS engine dying ("JavaScript heap out of memory"
 * in node, a crashed tab in Chromium).
 *
 * Bytes of JS state, measured on node 20 (tools/hostmem_probe.ts, heapUsed deltas over 10^6
 * objects): a table row is 61 bytes of typed-array columns (2+1+4+8·6+4·5+1) plus its `side`
 * slot (8) and, for a dict key or set item, its Map entry (~30): ROW_BYTES = 100 is what a
 * million-object run costs per object, rounded up. Item-pool slots are 4 bytes (the pool's own
 * byteLength). An event of the page's log is 33 bytes (kind 1 + addr, size, aux, value 8 each).
 * String data is charged by its JS length (1 byte a code unit, 2 for UCS-2/UCS-4 text) for every
 * str of BIG_STR or more characters; a repeat ('ab' * 10**7) is a V8 rope of a few dozen nodes
 * until something reads its characters, so it is charged as its unit, and what reads it (upper(),
 * +) makes a new, charged string.
 */
export const ROW_BYTES = 100;
/**
 * An exact int, float or bool's row: its 24 bytes of columns (objects/table.ts Layout.Scalar) and
 * no `side` entry unless it is a big int, rounded up. Charged at ROW_BYTES, `[(i, i) for i in
 * range(10**7)]` (10^7 ints, 10^7 tuples) stopped at 1.8 GB charged while node held 1.9 GB in all.
 */
export const SCALAR_ROW_BYTES = 32;
export const EVENT_BYTES = 33;
/** Strings shorter than this are part of their row's figure. */
export const BIG_STR = 4096;

export const MB = 1024 * 1024;

/** The budget when the host gives none (the page's worker: Chromium's V8 heap is 4 GiB at most). */
export const DEFAULT_HOST_BUDGET = 1536 * MB;

export interface HostMemoryOptions {
  /** Bytes of JS memory the simulation may hold (null: DEFAULT_HOST_BUDGET, Infinity: no limit). */
  budget?: number | null;
  /**
   * The host's own heap figures, when it has them (node: v8.getHeapStatistics()): a second
   * guard for what the model does not count. The run stops when `used()` passes `limit`.
   */
  probe?: { used: () => number; limit: number } | null;
  /** Bytes the layers below hold (glibc's chunk store, the event log), read at each check. */
  extra?: () => number;
  /**
   * A second budget for what lives in typed arrays outside the JS heap (the object table's
   * columns, the item pool, the dict-table slabs, the layers' stores: `extra`). Given, `budget`
   * counts only what the model puts in the JS heap (rows' `side` slots and Map entries, strings),
   * since V8's heap limit, which `budget` guards, does not include ArrayBuffer memory; null: one
   * budget for all of it (the page's worker, whose tab has one memory ceiling).
   */
  externalBudget?: number | null;
}

export class HostMemory {
  readonly budget: number;
  readonly externalBudget: number | null;
  private readonly probe: { used: () => number; limit: number } | null;
  extra: () => number;
  /** Charged string data by handle (strs of BIG_STR characters or more). */
  private readonly strings = new Map<number, number>();
  stringBytes = 0;

  constructor(opts: HostMemoryOptions = {}) {
    this.budget = opts.budget ?? DEFAULT_HOST_BUDGET;
    this.probe = opts.probe ?? null;
    this.extra = opts.extra ?? (() => 0);
    this.externalBudget = opts.externalBudget ?? null;
  }

  /** What of `used` is typed-array memory outside the JS heap (columns, pool, slabs, the layers' stores). */
  external(table: ObjectTable, pool: ItemPool): number {
    return columnBytes(table) + pool.data.byteLength + this.dictTableBytes + this.extra();
  }

  /**
   * The budget `used` plus `bytes` passes (0: none): the one budget, or (externalBudget given) the
   * part's whose figure passes it.
   */
  private over(table: ObjectTable, pool: ItemPool, bytes: number): number {
    const used = this.used(table, pool);
    if (this.externalBudget === null) return used + bytes > this.budget ? this.budget : 0;
    const external = this.external(table, pool);
    if (external + bytes > this.externalBudget) return this.externalBudget;
    return used - external + bytes > this.budget ? this.budget : 0;
  }

  /** What the model counts now, in bytes. */
  used(table: ObjectTable, pool: ItemPool): number {
    return this.stringBytes + rowBytes(table) + pool.data.byteLength + this.dictTableBytes + this.extra();
  }

  /** Bytes of dict-table slabs made (objects/dicttables.ts: 256 KiB each, counted as they are made). */
  dictTableBytes = 0;

  /**
   * A str of `bytes` of JS string data is about to be made (`what`: "a 20 MB str"): throws the
   * simulator's MemoryError if it does not fit. Call `keep` once the object exists.
   */
  reserve(table: ObjectTable, pool: ItemPool, bytes: number, what: string): void {
    if (bytes < BIG_STR) return;
    const over = this.over(table, pool, bytes);
    if (over) throw new SimulatorMemoryError(over, what, this.breakdown(table, pool));
  }

  /** The str `h` holds `bytes` of charged string data (replaces what it held). */
  keep(h: number, bytes: number): void {
    const old = this.strings.get(h);
    if (old !== undefined) this.stringBytes -= old;
    if (bytes < BIG_STR) {
      if (old !== undefined) this.strings.delete(h);
      return;
    }
    this.strings.set(h, bytes);
    this.stringBytes += bytes;
  }

  /** The str `h` is gone. */
  release(h: number): void {
    if (this.strings.size === 0) return;
    const b = this.strings.get(h);
    if (b === undefined) return;
    this.strings.delete(h);
    this.stringBytes -= b;
  }

  /** A structure is about to grow by `bytes` (the item pool, a table): throws if that passes the budget. */
  grow(table: ObjectTable, pool: ItemPool, bytes: number, what: string): void {
    const over = this.over(table, pool, bytes);
    if (over) throw new SimulatorMemoryError(over, what, this.breakdown(table, pool));
  }

  /** The eval breaker's check: the model, then the host's own figure. */
  check(table: ObjectTable, pool: ItemPool): void {
    const over = this.over(table, pool, 0);
    if (over) throw new SimulatorMemoryError(over, null, this.breakdown(table, pool));
    if (this.probe && this.probe.used() > this.probe.limit)
      throw new SimulatorMemoryError(
        this.budget,
        null,
        `the JS heap holds ${mb(this.probe.used())} of the ${mb(this.probe.limit)} the simulator allows itself`,
      );
  }

  private breakdown(table: ObjectTable, pool: ItemPool): string {
    const parts = [
      `${mb(this.stringBytes)} of string data in ${this.strings.size.toLocaleString('en-US')} big strs`,
      `${mb(rowBytes(table))} for ${table.end.toLocaleString('en-US')} objects`,
    ];
    if (pool.data.byteLength >= 64 * MB) parts.push(`${mb(pool.data.byteLength)} of list and tuple items`);
    if (this.dictTableBytes >= 64 * MB) parts.push(`${mb(this.dictTableBytes)} of dict tables`);
    const extra = this.extra();
    if (extra >= 64 * MB) parts.push(`${mb(extra)} of allocator and event records`);
    return parts.join(', ');
  }
}

/**
 * The object table's columns for the blocks handed out, each at its layout's row bytes (the part
 * of a row's charge outside the JS heap; the untouched reserve is never resident).
 */
function columnBytes(table: ObjectTable): number {
  let bytes = 0;
  for (let l = 0; l < LAYOUT_ROW_BYTES.length; l++) bytes += table.rowsOf(l as Layout) * LAYOUT_ROW_BYTES[l];
  return bytes;
}

/** The object table's charge: scalars' rows at SCALAR_ROW_BYTES, every other row at ROW_BYTES. */
function rowBytes(table: ObjectTable): number {
  const scalars = table.rowsOf(Layout.Scalar);
  return (table.end - scalars) * ROW_BYTES + scalars * SCALAR_ROW_BYTES;
}

export const mb = (n: number): string => `${Math.round(n / MB).toLocaleString('en-US')} MB`;

/** "a 20 MB str", "a 3 KB str": the size of what was being made. */
export function sizeWords(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The simulator's memory budget ran out: reported as a MemoryError (what a user of the real
 * process sees when memory runs out) but not catchable by `except MemoryError` (excType −1):
 * the simulated process had memory left, the simulator did not.
 */
export class SimulatorMemoryError extends PyError {
  constructor(budget: number, what: string | null, held: string) {
    super(
      'MemoryError',
      `the simulator's memory budget (${mb(budget)}) ran out${what ? ` while making ${what}` : ''} ` +
        `(${held}); the statements before this one are kept. The simulated process had memory left: ` +
        `this run is bigger than Highwater can hold (in the CLI, --max-memory MB sets the budget)`,
    );
    this.excType = -1;
  }
}
