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

const CHECK = 0x8000;
const THREW = 0x4000;
const SIDE = 0x2000;
const ID_MASK = 0x1fff;

type Method = (...args: unknown[]) => unknown;

/** Entries and arguments a journal can hold (its budget stops it well before: layerHistory.ts). */
const MAX_ENTRIES = 1 << 27;
const MAX_ARGS = 1 << 26;

interface Resizable extends ArrayBuffer {
  resize(n: number): void;
  readonly resizable: boolean;
}
const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<Resizable>).resize === 'function';

/** A buffer of `entries` × `bytes`, resizable up to `max` entries where the platform can. */
function grown(entries: number, bytes: number, max: number): ArrayBuffer {
  if (!RESIZABLE) return new ArrayBuffer(entries * bytes);
  const Ctor = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer;
  return new Ctor(entries * bytes, { maxByteLength: max * bytes });
}

/** `a` with room for `n` elements: its buffer resized in place (a length-tracking view), else copied. */
function resized<T extends Uint8Array | Uint16Array | Float64Array>(
  a: T,
  n: number,
  make: (b: ArrayBuffer) => T,
): T {
  const b = a.buffer as Resizable;
  if (RESIZABLE && b.resizable) {
    b.resize(n * a.BYTES_PER_ELEMENT);
    return a;
  }
  const c = make(new ArrayBuffer(n * a.BYTES_PER_ELEMENT));
  (c as Uint8Array).set(a as Uint8Array);
  return c;
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
const EXTERNAL_EVENT = ID_MASK;

/** A field of a layer written from outside (resource.setrlimit → kernel.addressSpaceLimit). */
export interface JournaledField {
  target: number;
  name: string;
}

export class CallJournal {
  /** Entries written. */
  length = 0;
  private argLength = 0;
  ops = new Uint16Array(grown(1 << 16, 2, MAX_ENTRIES));
  nargs = new Uint8Array(grown(1 << 16, 1, MAX_ENTRIES));
  args = new Float64Array(grown(1 << 17, 8, MAX_ARGS));
  /** Non-numeric arguments by their index in `args`. */
  readonly side = new Map<number, unknown>();
  /** method id → [target index, method name]. */
  readonly methods: [number, string][] = [];
  /** Fields written from outside, by id (their writes are entries too). */
  readonly fields: JournaledField[] = [];
  /** Calls under way into the layers (0: the next call comes from outside them). */
  depth = 0;
  /** Off while the worker reads the layers for a snapshot (their reads change nothing). */
  on = true;

  /** Where the next entry goes (a checkpoint notes it). */
  get position(): { entry: number; arg: number } {
    return { entry: this.length, arg: this.argLength };
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
        if (id >= SIDE) throw new Error('CallJournal: too many methods');
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
          value = v;
          if (this.depth === 0) this.push(id, 1, v);
        },
        enumerable: false,
        configurable: true,
      });
    }
  }

  /** The interpreter read the limit here: a landing may stand after the last entry. */
  check(): void {
    if (this.length > 0) this.ops[this.length - 1] |= CHECK;
  }

  /** The interpreter recorded an event itself (StatementStart, GcCollect): replays count it too. */
  external(): void {
    if (this.on) this.push(EXTERNAL_EVENT, 0);
  }

  isCheck(entry: number): boolean {
    return (this.ops[entry] & CHECK) !== 0;
  }

  /** Bytes the journal holds (its columns as filled). */
  get bytes(): number {
    return this.length * 3 + this.argLength * 8;
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
      const at = j.length - 1;
      j.depth = 1;
      try {
        return orig.call(this, a, b, c, d);
      } catch (e) {
        j.ops[at] |= THREW;
        throw e;
      } finally {
        j.depth = 0;
      }
    };
  }

  private push(id: number, n: number, a?: unknown, b?: unknown, c?: unknown, d?: unknown): void {
    if (this.length === this.ops.length) this.growEntries();
    if (this.argLength + n > this.args.length) this.growArgs();
    let op = id;
    const base = this.argLength;
    for (let k = 0; k < n; k++) {
      const v = k === 0 ? a : k === 1 ? b : k === 2 ? c : d;
      if (typeof v === 'number') this.args[base + k] = v;
      else {
        this.args[base + k] = 0;
        this.side.set(base + k, v);
        op |= SIDE;
      }
    }
    this.argLength += n;
    this.ops[this.length] = op;
    this.nargs[this.length++] = n;
  }

  // The columns grow in place (resizable buffers, as EventLog's): doubling by copying cost the
  // seed's first run ~0.4 s of copies and garbage.
  private growEntries(): void {
    const n = this.ops.length * 2;
    if (n > MAX_ENTRIES) throw new RangeError('CallJournal: full');
    this.ops = resized(this.ops, n, (b) => new Uint16Array(b));
    this.nargs = resized(this.nargs, n, (b) => new Uint8Array(b));
  }

  private growArgs(): void {
    const n = this.args.length * 2;
    if (n > MAX_ARGS) throw new RangeError('CallJournal: full');
    this.args = resized(this.args, n, (b) => new Float64Array(b));
  }

  /**
   * Replay entries [from, …) on `copies` (the layers in `install`'s order) until `stop(entry)` says
   * so after an entry (or the journal ends). Returns where it stopped: the next entry and argument.
   */
  replay(
    copies: readonly object[],
    from: { entry: number; arg: number },
    stop: (entry: number) => boolean,
    externalEvent: () => void,
  ): { entry: number; arg: number } {
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
    const { ops, nargs, args, side } = this;
    let arg = from.arg;
    let op = 0;
    const at = (k: number): unknown =>
      (op & SIDE) !== 0 && side.has(arg + k) ? side.get(arg + k) : args[arg + k];
    let i = from.entry;
    while (i < this.length) {
      op = ops[i];
      const n = nargs[i];
      const fn = (op & ID_MASK) === EXTERNAL_EVENT ? externalEvent : fns[op & ID_MASK];
      if ((op & (THREW | SIDE)) === 0) {
        if (n === 1) fn(args[arg]);
        else if (n === 2) fn(args[arg], args[arg + 1]);
        else if (n === 0) fn();
        else if (n === 3) fn(args[arg], args[arg + 1], args[arg + 2]);
        else fn(args[arg], args[arg + 1], args[arg + 2], args[arg + 3]);
      } else {
        const list: unknown[] = [];
        for (let k = 0; k < n; k++) list.push(at(k));
        try {
          fn(...list);
        } catch (e) {
          // the first run's call threw here too (and its caller handled it)
          if ((op & THREW) === 0) throw e;
        }
      }
      arg += n;
      i++;
      if (stop(i - 1)) break;
    }
    return { entry: i, arg };
  }
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
