/**
 * Every call the interpreter makes into the allocator layers (kernel, C library, pymalloc, clock),
 * in order, with its arguments: the first run writes it, and a landing replays a stretch of it
 * through a copy of those layers alone (layerCheckpoints.ts), without the interpreter. The layers
 * are deterministic functions of the calls they receive, so the copy ends in the state the first
 * run had (landing.test.ts holds every landing to a fresh run's snapshot).
 *
 * Only calls made from outside the layers are written (`depth` 0): pymalloc's own malloc into the
 * C library, the C library's brk and mmap happen again inside the replayed call. Each entry is an
 * op (the method's id, flags) and its numeric arguments in one Float64 stream: a malloc is 9 bytes,
 * a touch 17. A non-numeric argument (a mapping's tag, an options object) is kept aside.
 *
 * `check()` marks the entry after which the interpreter read the event log's limit (the places a
 * landing can stand: stopPoints.ts), so a replay stops where a paused replay would have captured.
 */

/** Header flags (the entry's first byte, under its code): the check, a call that threw. */
const CHECK = 1;
const THREW = 2;
/** A header's code (its top 5 bits): an (op, argument count) pair, numbered as met; 31: written out after it. */
const CODES = 31;

type Method = (...args: unknown[]) => unknown;

/** Bytes a journal can hold (its budget stops it well before: layerHistory.ts). */
const MAX_BYTES = 1 << 30;

interface Resizable extends ArrayBuffer {
  resize(n: number): void;
  readonly resizable: boolean;
}
const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<Resizable>).resize === 'function';

/** A byte column of `n` bytes, resizable up to MAX_BYTES where the platform can. */
function grown(n: number): Uint8Array {
  if (!RESIZABLE) return new Uint8Array(n);
  const Ctor = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer;
  return new Uint8Array(new Ctor(n, { maxByteLength: MAX_BYTES }));
}

/**
 * A place in the journal: the next entry, its byte, and the values the deltas are taken from there
 * (each (code, argument) pair's last value: a replay from a copy goes on with the copy's).
 */
export interface JournalAt {
  entry: number;
  byte: number;
  prev: Float64Array;
}

/**
 * The methods the interpreter (and NumPy, the modules, the threads model) call from outside the
 * layers to change them: the journal's ops. Everything else a layer offers reads it (the views, the
 * explainers, usable sizes, pool owners) or is only called from inside it; those are not wrapped
 * (a wrapper on a hot internal call cost the seed's first run ~25%). `strict` (the tests) wraps
 * them too and throws when one is called from outside and is not in READS: a new entry point is
 * noticed by the tests, not by a landing that silently differs.
 */
const JOURNALED = new Set([
  // kernel
  'sbrk',
  'mmap',
  'munmap',
  'mprotect',
  'mremap',
  'madviseDontneed',
  'madviseHugepage',
  'touch',
  'readFault',
  // the C libraries (Libc)
  'malloc',
  'calloc',
  'realloc',
  'free',
  'trim',
  'setThread',
  'threadExit',
  // pymalloc
  'rawMalloc',
  'rawCalloc',
  'rawRealloc',
  'rawFree',
  'virtualAlloc',
  'virtualFree',
  'adoptBookkeeping',
  'calibrate',
  // clock
  'call',
  'advance',
  'work',
  'sleep',
]);

/** Methods that only read (called from outside freely). */
const READS = new Set([
  'overLimit',
  'isResident',
  'residentBytes',
  'mappingAt',
  'pagesAt',
  'now',
  'locate',
  'threadTcaches',
  'mallinfo2',
  'stats',
  'counters',
  'allocationAt',
  'snapshot',
  'usableSize',
  'isMmapped',
  'chunkSize',
  'mainTcache',
  'threadStates',
  'tcaches',
  'unitDetail',
  'blockSize',
  'owns',
  'allocatedBlocks',
  'statsDetail',
  'statsRecord',
  'debugMallocStats',
  'arenaColumns',
  'poolInfo',
  'blockStates',
]);

/** The op of an event the interpreter itself records (a statement's start, a collection): counted on replay. */
const EXTERNAL_EVENT = -1;

/** A field of a layer written from outside (resource.setrlimit → kernel.addressSpaceLimit). */
export interface JournaledField {
  target: number;
  name: string;
}

/**
 * Values remembered per (code, argument), most recent first: a free or a touch alternates between
 * the brk heap (0x5555…) and pymalloc's arenas (0x7fff…), so a delta from the last value alone
 * took 6–7 bytes; the clock's `work` takes a few fractional figures over and over.
 */
const RECENT = 4;
/** Values kept: 32 codes × 4 arguments × RECENT. */
const PREV = (CODES + 1) * 4 * RECENT;
/** Largest delta written as an integer (its tagged form, (2·|d| + 1) · RECENT · 2, stays a safe integer). */
const MAX_DELTA = 2 ** 48;
/** A delta up to this replaces the value it was taken from; a bigger one is a new value (the oldest goes). */
const NEAR = 1 << 16;
/** An argument's tags (the low bits of its varint): even, an integer delta; else one of these. */
const TAG_FLOAT = 1;
const TAG_SIDE = 3;
/** TAG_SAME + 2·r: equal to the r-th value remembered. */
const TAG_SAME = 5;

/**
 * The journal's entries are packed bytes (measured on the seed: 230 MB as Uint16 op + Uint8 count +
 * Float64 arguments; see the README for the packed figure): a header byte (flags, and a code naming
 * the op and its argument count, numbered as met), then each argument as a varint: an integer as the
 * zigzag delta from the last value of the same code and argument (touches walk up the heap, sizes
 * repeat: mostly 1–3 bytes), a value equal to the last one in one byte (the clock's fractional
 * nanoseconds repeat), another number as its 8 bytes, a non-numeric one aside (`side`).
 */
export class CallJournal {
  /** Entries written. */
  length = 0;
  /** Bytes written. */
  private used = 0;
  /** The last entry's header byte (its flags are set after it: the check, a throw). */
  private header = -1;
  data = grown(1 << 20);
  /** The deltas' last values where the journal ends. */
  private readonly prev = new Float64Array(PREV);
  /** code → [method id (EXTERNAL_EVENT: an event), argument count]; CODES: written out. */
  private readonly codes: [number, number][] = [];
  /** (id + 1) · 8 + argument count → code (−1: none yet). */
  private codeOf = new Int8Array(512).fill(-1);
  /** Non-numeric arguments by their tag's byte. */
  readonly side = new Map<number, unknown>();
  /** method id → [target index, method name]. */
  readonly methods: [number, string][] = [];
  /** Fields written from outside, by id (their writes are entries too). */
  readonly fields: JournaledField[] = [];
  /** Calls under way into the layers (0: the next call comes from outside them). */
  depth = 0;
  /** Off while the worker reads the layers for a snapshot (their reads change nothing). */
  on = true;
  /**
   * Called before an entry is written once `length` reaches `boundaryAt`: the layers stand after
   * every entry so far, nothing under way (the history copies the writer's own layers there).
   */
  onBoundary: (() => void) | null = null;
  boundaryAt = Infinity;

  /** Where the next entry goes (a copy of the layers standing here notes it). */
  get position(): JournalAt {
    return { entry: this.length, byte: this.used, prev: this.prev.slice() };
  }

  /** The start (the layers as the journal found them). */
  static start(): JournalAt {
    return { entry: 0, byte: 0, prev: new Float64Array(PREV) };
  }

  /**
   * Wrap every method of `targets` (own instance properties, not enumerable, so copies of the layers
   * do not carry them) and turn `fields` into accessors whose writes are written down.
   */
  install(targets: readonly object[], fields: readonly JournaledField[], strict = false): void {
    targets.forEach((t, ti) => {
      for (const name of methodNames(t)) {
        const orig = (t as Record<string, Method>)[name];
        if (!JOURNALED.has(name)) {
          if (strict)
            Object.defineProperty(t, name, {
              value: this.guard(name, orig, READS.has(name)),
              enumerable: false,
              configurable: true,
              writable: true,
            });
          continue;
        }
        const id = this.methods.push([ti, name]) - 1;
        Object.defineProperty(t, name, {
          value: this.wrap(id, orig),
          enumerable: false,
          configurable: true,
          writable: true,
        });
      }
    });
    for (const f of fields) {
      const t = targets[f.target] as Record<string, unknown>;
      let value = t[f.name];
      const id = this.methods.push([f.target, `=${f.name}`]) - 1;
      this.fields.push(f);
      Object.defineProperty(t, f.name, {
        get: () => value,
        set: (v: unknown) => {
          // written down first: a copy made at this boundary stands before the write
          if (this.depth === 0) this.push(id, 1, v);
          value = v;
        },
        enumerable: false,
        configurable: true,
      });
    }
  }

  /** The interpreter read the limit here: a landing may stand after the last entry. */
  check(): void {
    if (this.header >= 0) this.data[this.header] |= CHECK;
  }

  /** The interpreter recorded an event itself (StatementStart, GcCollect): replays count it too. */
  external(): void {
    if (this.on) this.push(EXTERNAL_EVENT, 0);
  }

  /** Bytes the journal holds (as filled, and the codes' last values). */
  get bytes(): number {
    return this.used + PREV * 8;
  }

  /** Strict mode: a method neither journaled nor a read, which only its own layer may call. */
  private guard(name: string, orig: Method, read: boolean): Method {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const j = this;
    return function (this: unknown, ...args: unknown[]): unknown {
      if (j.depth === 0 && j.on && !read)
        throw new Error(`CallJournal: ${name} called from outside its layer`);
      j.depth++;
      try {
        return orig.apply(this, args);
      } finally {
        j.depth--;
      }
    };
  }

  private wrap(id: number, orig: Method): Method {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const j = this;
    if (orig.length > 4) throw new Error(`CallJournal: ${j.methods[id][1]} takes more than 4 arguments`);
    return function (this: unknown, a?: unknown, b?: unknown, c?: unknown, d?: unknown): unknown {
      if (j.depth !== 0 || !j.on) {
        j.depth++;
        try {
          return orig.call(this, a, b, c, d);
        } finally {
          j.depth--;
        }
      }
      j.push(id, arguments.length, a, b, c, d);
      const at = j.header;
      j.depth = 1;
      try {
        return orig.call(this, a, b, c, d);
      } catch (e) {
        j.data[at] |= THREW;
        throw e;
      } finally {
        j.depth = 0;
      }
    };
  }

  private code(id: number, n: number): number {
    const key = (id + 1) * 8 + n;
    if (key >= this.codeOf.length) {
      const t = new Int8Array(key * 2).fill(-1);
      t.set(this.codeOf);
      this.codeOf = t;
    }
    let c = this.codeOf[key];
    if (c < 0) {
      c = this.codes.length < CODES ? this.codes.push([id, n]) - 1 : CODES;
      this.codeOf[key] = c;
    }
    return c;
  }

  private push(id: number, n: number, a?: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    if (this.length >= this.boundaryAt && this.onBoundary) this.onBoundary();
    // room for the longest entry: a header, an escaped op, 4 × (a tag and 8 bytes)
    if (this.used + 64 > this.data.length) this.grow();
    const code = this.code(id, n);
    const data = this.data;
    this.header = this.used;
    let p = this.used + 1;
    if (code === CODES) {
      p = writeVarint(data, p, id + 1);
      data[p++] = n;
    }
    const prev = this.prev;
    const base = code * 4;
    for (let k = 0; k < n; k++) {
      const v = k === 0 ? a : k === 1 ? b : k === 2 ? c : d;
      if (typeof v !== 'number') {
        this.side.set(p, v);
        data[p++] = TAG_SIDE;
        continue;
      }
      const off = (base + k) * RECENT;
      if (Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0)) {
        // (−0 is not an integer here: it goes as its 8 bytes, as an exact replay needs)
        let r = -1;
        let delta = MAX_DELTA;
        for (let q = 0; q < RECENT; q++) {
          const d = v - prev[off + q];
          if (Number.isSafeInteger(prev[off + q]) && Math.abs(d) < Math.abs(delta)) {
            delta = d;
            r = q;
          }
        }
        if (r >= 0) {
          const u = ((delta >= 0 ? delta * 2 : -delta * 2 - 1) * RECENT + r) * 2;
          if (u < 128) data[p++] = u;
          else p = writeVarint(data, p, u);
          remember(prev, off, Math.abs(delta) <= NEAR ? r : RECENT - 1, v);
          continue;
        }
      }
      let r = 0;
      while (r < RECENT && !Object.is(v, prev[off + r])) r++;
      if (r < RECENT) data[p++] = TAG_SAME + 2 * r;
      else {
        data[p++] = TAG_FLOAT;
        FLOAT[0] = v;
        data.set(FLOAT_BYTES, p);
        p += 8;
        r = RECENT - 1;
      }
      remember(prev, off, r, v);
    }
    data[this.header] = code << 3;
    this.used = p;
    this.length++;
  }

  // The column grows in place (a resizable buffer, as EventLog's): doubling by copying cost the
  // seed's first run ~0.4 s of copies and garbage.
  private grow(): void {
    const n = this.data.length * 2;
    if (n > MAX_BYTES) throw new RangeError('CallJournal: full');
    const b = this.data.buffer as Resizable;
    if (RESIZABLE && b.resizable) b.resize(n);
    else {
      const c = new Uint8Array(n);
      c.set(this.data);
      this.data = c;
    }
  }

  /**
   * Replay entries from `at` on `copies` (the layers in `install`'s order) until `stop(entry, check)`
   * says so after an entry (`check`: the interpreter read the limit after it), or the journal ends.
   * `at` moves to where it stopped; returns whether the last entry replayed was a check.
   */
  replay(
    copies: readonly object[],
    at: JournalAt,
    stop: (entry: number, check: boolean) => boolean,
    externalEvent: () => void,
  ): boolean {
    const fns: Method[] = this.methods.map(([t, name]) => {
      const target = copies[t] as Record<string, unknown>;
      if (name.startsWith('=')) {
        const field = name.slice(1);
        return (v: unknown) => {
          target[field] = v;
        };
      }
      return (target[name] as Method).bind(target);
    });
    const { data, side, codes } = this;
    const prev = at.prev;
    const vals: unknown[] = [0, 0, 0, 0];
    let p = at.byte;
    let i = at.entry;
    let check = false;
    while (i < this.length) {
      const h = data[p++];
      const code = h >> 3;
      let id: number;
      let n: number;
      if (code === CODES) {
        id = readVarint(data, p) - 1;
        p = READ_END;
        n = data[p++];
      } else [id, n] = codes[code];
      const base = code * 4;
      for (let k = 0; k < n; k++) {
        let v: unknown;
        const t = data[p];
        const off = (base + k) * RECENT;
        if ((t & 1) === 0) {
          let u = t;
          if (t < 128) p++;
          else {
            u = readVarint(data, p);
            p = READ_END;
          }
          const w = u / 2;
          const r = w % RECENT;
          const z = (w - r) / RECENT;
          const delta = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
          const x = prev[off + r] + delta;
          remember(prev, off, Math.abs(delta) <= NEAR ? r : RECENT - 1, x);
          v = x;
        } else if (t >= TAG_SAME) {
          p++;
          const r = (t - TAG_SAME) / 2;
          const x = prev[off + r];
          remember(prev, off, r, x);
          v = x;
        } else if (t === TAG_FLOAT) {
          FLOAT_BYTES.set(data.subarray(p + 1, p + 9));
          p += 9;
          const x = FLOAT[0];
          remember(prev, off, RECENT - 1, x);
          v = x;
        } else v = side.get(p++);
        vals[k] = v;
      }
      const fn = id === EXTERNAL_EVENT ? externalEvent : fns[id];
      if ((h & THREW) === 0) {
        if (n === 1) fn(vals[0]);
        else if (n === 2) fn(vals[0], vals[1]);
        else if (n === 0) fn();
        else if (n === 3) fn(vals[0], vals[1], vals[2]);
        else fn(vals[0], vals[1], vals[2], vals[3]);
      } else {
        try {
          fn(...vals.slice(0, n));
        } catch {
          // the first run's call threw here too (and its caller handled it)
        }
      }
      i++;
      check = (h & CHECK) !== 0;
      if (stop(i - 1, check)) break;
    }
    at.entry = i;
    at.byte = p;
    return check;
  }
}

/** Move the r-th remembered value (from `off`) to the front as `v`, the ones before it one place back. */
function remember(prev: Float64Array, off: number, r: number, v: number): void {
  for (let q = off + r; q > off; q--) prev[q] = prev[q - 1];
  prev[off] = v;
}

const FLOAT = new Float64Array(1);
const FLOAT_BYTES = new Uint8Array(FLOAT.buffer);

/** Write `v` (a non-negative safe integer) as a varint at `p`; returns the byte after it. */
function writeVarint(data: Uint8Array, p: number, v: number): number {
  while (v >= 2 ** 31) {
    data[p++] = (v % 128) | 128;
    v = Math.floor(v / 128);
  }
  while (v >= 128) {
    data[p++] = (v & 127) | 128;
    v >>>= 7;
  }
  data[p++] = v;
  return p;
}

/** readVarint's other result: the byte after the varint. */
let READ_END = 0;
/** The varint at `p` (READ_END: the byte after it). */
function readVarint(data: Uint8Array, p: number): number {
  let v = 0;
  let scale = 1;
  for (;;) {
    const b = data[p++];
    v += (b & 127) * scale;
    if (b < 128) break;
    scale *= 128;
  }
  READ_END = p;
  return v;
}

/** Every method of an object's class chain (not the constructor, not accessors). */
function methodNames(o: object): string[] {
  const names = new Set<string>();
  for (
    let p = Object.getPrototypeOf(o) as object | null;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  )
    for (const name of Object.getOwnPropertyNames(p)) {
      if (name === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (d && typeof d.value === 'function') names.add(name);
    }
  return [...names];
}
