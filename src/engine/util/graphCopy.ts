/**
 * A deep copy of an object graph made of the engine's own data: class instances (their prototype
 * kept, so methods work on the copy), arrays, Maps, Sets, typed arrays and their buffers (a buffer
 * shared by several views stays shared in the copy; a resizable buffer stays resizable). Cycles and
 * shared references are kept as they are (one copy per original object).
 *
 * `keep`: objects the copy refers to as they are (not copied) or replaces (the value given), e.g.
 * an event sink that belongs to whoever runs the copy. A function met as a value (an arrow function
 * in a field: a closure over the original objects) cannot be copied faithfully: it is kept only when
 * `keep` names it, else the copy throws, naming where it was found (so a layer that grows such a
 * field is noticed by its clone test, not by a landing that silently runs the original's closure).
 *
 * The engine's layers use no `#private` fields, getters with hidden state or Weak collections (a
 * copy of those would be wrong): the per-layer clone files document that for their layer.
 */
export class GraphCopy {
  private readonly memo = new Map<object, unknown>();
  /** Bytes of typed-array storage copied so far (the copy's dominant cost and size). */
  bufferBytes = 0;
  /** Objects (not typed arrays) copied so far. */
  objects = 0;
  /** Paged mode: the buffers met, by where the walk met them (the next paged copy shares their pages). */
  readonly paged: PagedBuffers = new Map();
  private readonly pager: Pager | null;
  /** Buffers a working copy was made with (given back as `reuse` when that copy is dropped). */
  readonly made: ArrayBuffer[] = [];
  private readonly reuse = new Map<string, ArrayBuffer[]>();

  /**
   * `paged`: make a stored copy instead (PagedBuffer, PagedView in place of buffers and typed arrays),
   * whose pages equal to those of `paged.previous` (the stored copy before it, met in the same walk
   * order) are shared with it rather than copied. A stored copy is turned back into a working one by
   * a plain GraphCopy of it.
   */
  constructor(
    keep: ReadonlyMap<object, unknown> = new Map(),
    paged: { previous: PagedBuffers } | null = null,
    /**
     * Buffers of a working copy being dropped, to be written over instead of allocated when a
     * stored copy is made whole (a fresh 31 MB of buffers a landing on the seed cost ~15–60 ms of
     * zeroing and page faults, and pushed V8 towards a full collection).
     */
    reuse: readonly ArrayBuffer[] = [],
  ) {
    for (const [k, v] of keep) this.memo.set(k, v);
    for (const b of reuse) {
      if (b.byteLength === 0 || (b as { detached?: boolean }).detached) continue;
      const key = sizeKey(b);
      const list = this.reuse.get(key);
      if (list) list.push(b);
      else this.reuse.set(key, [b]);
    }
    this.pager = paged ? new Pager(paged.previous) : null;
  }

  copy<T>(value: T): T {
    return this.any(value, 'root') as T;
  }

  private any(v: unknown, path: string): unknown {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
    const o = v as object;
    const seen = this.memo.get(o);
    if (seen !== undefined || this.memo.has(o)) return seen;
    if (typeof v === 'function')
      throw new Error(`GraphCopy: a function at ${path} (a closure over the original cannot be copied)`);
    if (ArrayBuffer.isView(o)) return this.pager ? this.pagedView(o, path) : this.view(o, path);
    if (o instanceof ArrayBuffer) return this.pager ? this.pagedBuffer(o, path) : this.buffer(o);
    if (o instanceof PagedView) return this.unpageView(o);
    if (o instanceof PagedBuffer) return this.unpage(o);
    this.objects++;
    if (Array.isArray(o)) {
      const out = new Array<unknown>(o.length);
      this.memo.set(o, out);
      for (let i = 0; i < o.length; i++) {
        const x: unknown = o[i];
        out[i] = x === null || typeof x !== 'object' ? x : this.any(x, path);
      }
      return out;
    }
    if (o instanceof Map) {
      const out = new Map<unknown, unknown>();
      this.memo.set(o, out);
      for (const [k, x] of o) out.set(this.any(k, path), this.any(x, path));
      return out;
    }
    if (o instanceof Set) {
      const out = new Set<unknown>();
      this.memo.set(o, out);
      for (const x of o) out.add(this.any(x, path));
      return out;
    }
    const proto = Object.getPrototypeOf(o) as object | null;
    if (proto !== Object.prototype && proto !== null && !isPlainClass(proto))
      throw new Error(`GraphCopy: cannot copy a ${proto.constructor?.name ?? '?'} at ${path}`);
    const out = Object.create(proto) as Record<string, unknown>;
    this.memo.set(o, out);
    const src = o as Record<string, unknown>;
    for (const key of Object.keys(src)) {
      const x = src[key];
      out[key] =
        x === null || (typeof x !== 'object' && typeof x !== 'function') ? x : this.any(x, `${path}.${key}`);
    }
    return out;
  }

  private buffer(b: ArrayBuffer): ArrayBuffer {
    const r = b as ArrayBuffer & { resizable?: boolean; maxByteLength?: number };
    const out = this.fresh(b.byteLength, r.resizable ? r.maxByteLength! : 0);
    new Uint8Array(out).set(new Uint8Array(b));
    this.bufferBytes += b.byteLength;
    this.memo.set(b, out);
    return out;
  }

  /**
   * A buffer of `n` bytes (resizable up to `max`; 0: not resizable) to be written over whole: one
   * of `reuse` when one fits (a resizable one of the same limit is resized: the seed's chunk store
   * is one, and it grows as lists are built), else a new one.
   */
  private fresh(n: number, max: number): ArrayBuffer {
    let out = this.reuse.get(max > 0 ? `r/${max}` : `${n}/0`)?.pop();
    if (out && max > 0) (out as ArrayBuffer & { resize(n: number): void }).resize(n);
    if (!out) {
      if (max > 0) {
        const Ctor = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer;
        out = new Ctor(n, { maxByteLength: max });
      } else out = new ArrayBuffer(n);
    }
    this.made.push(out);
    return out;
  }

  private view(v: ArrayBufferView, path: string): unknown {
    if (v.buffer instanceof SharedArrayBuffer) throw new Error(`GraphCopy: a shared buffer at ${path}`);
    const b = this.any(v.buffer, path) as ArrayBuffer;
    const Ctor = v.constructor as new (b: ArrayBuffer, off: number, len?: number) => ArrayBufferView;
    const tracking = (v.buffer as ArrayBuffer & { resizable?: boolean }).resizable && isLengthTracking(v);
    const len = v instanceof DataView ? v.byteLength : (v as unknown as { length: number }).length;
    const out = tracking ? new Ctor(b, v.byteOffset) : new Ctor(b, v.byteOffset, len);
    this.memo.set(v, out);
    return out;
  }

  /** Stored mode: a typed array becomes its constructor, place and length over a PagedBuffer. */
  private pagedView(v: ArrayBufferView, path: string): PagedView {
    if (v.buffer instanceof SharedArrayBuffer) throw new Error(`GraphCopy: a shared buffer at ${path}`);
    const b = this.any(v.buffer, path) as PagedBuffer;
    const tracking = !!(v.buffer as ArrayBuffer & { resizable?: boolean }).resizable && isLengthTracking(v);
    const len = v instanceof DataView ? v.byteLength : (v as unknown as { length: number }).length;
    const out = new PagedView(b, v.constructor as ViewCtor, v.byteOffset, len, tracking);
    this.memo.set(v, out);
    return out;
  }

  private pagedBuffer(b: ArrayBuffer, path: string): PagedBuffer {
    if ((b as unknown) instanceof SharedArrayBuffer) throw new Error(`GraphCopy: a shared buffer at ${path}`);
    const out = this.pager!.page(b, this.pager!.previous.get(path)?.[this.paged.get(path)?.length ?? 0]);
    const here = this.paged.get(path);
    if (here) here.push(out);
    else this.paged.set(path, [out]);
    this.bufferBytes += this.pager!.lastNewBytes;
    this.memo.set(b, out);
    return out;
  }

  /** A stored buffer made whole again (its pages copied into one buffer). */
  private unpage(p: PagedBuffer): ArrayBuffer {
    const out = this.fresh(p.byteLength, p.maxByteLength);
    // written over whole: the pages cover every byte
    const u = new Uint8Array(out);
    for (let i = 0, at = 0; i < p.pages.length; i++, at += PAGE) u.set(p.pages[i], at);
    this.bufferBytes += p.byteLength;
    this.memo.set(p, out);
    return out;
  }

  private unpageView(v: PagedView): ArrayBufferView {
    const b = this.any(v.buffer, '') as ArrayBuffer;
    const out = v.tracking ? new v.ctor(b, v.byteOffset) : new v.ctor(b, v.byteOffset, v.length);
    this.memo.set(v, out);
    return out;
  }
}

/** A resizable buffer's limit, else its length: a buffer to reuse must match it. */
function sizeKey(b: ArrayBuffer): string {
  const r = b as ArrayBuffer & { resizable?: boolean; maxByteLength?: number };
  return r.resizable ? `r/${r.maxByteLength}` : `${b.byteLength}/0`;
}

type ViewCtor = new (b: ArrayBuffer, off: number, len?: number) => ArrayBufferView;

/**
 * Bytes of a page of a stored copy. Consecutive copies of the layers differ in few pages (glibc's
 * chunk store and the kernel's page states grow by appending while a list is built), so a stored
 * copy keeps only its new pages; smaller pages share more and cost more page objects (4 KiB: ~8,000
 * references for the seed's 31 MB of typed arrays, against ~1,000 page objects new per copy).
 */
export const PAGE = 4096;

/** A buffer of a stored copy: its pages, each shared with the copy before it when equal. */
export class PagedBuffer {
  constructor(
    readonly pages: readonly Uint8Array[],
    readonly byteLength: number,
    /** 0: not resizable. */
    readonly maxByteLength: number,
  ) {}
}

/** A typed array (or DataView) of a stored copy. */
export class PagedView {
  constructor(
    readonly buffer: PagedBuffer,
    readonly ctor: ViewCtor,
    readonly byteOffset: number,
    readonly length: number,
    readonly tracking: boolean,
  ) {}
}

/**
 * A stored copy's buffers by the path the walk met them at (fields' names; the elements of an array
 * or Map share one path, told apart by their order): the same path in the next copy is the same
 * buffer grown or changed (an index into the walk would shift when a layer gains a buffer).
 */
export type PagedBuffers = Map<string, PagedBuffer[]>;

/** Cuts buffers into pages, reusing the previous stored copy's page at the same place when equal. */
class Pager {
  lastNewBytes = 0;
  constructor(readonly previous: PagedBuffers) {}

  /** `b`, the `nth` buffer met at its path (`prev`: that path's buffers in the copy before). */
  page(b: ArrayBuffer, prev: PagedBuffer | undefined): PagedBuffer {
    const n = b.byteLength;
    const pages: (Uint8Array | null)[] = [];
    let fresh = 0;
    // one view of the whole buffer's words (a view a page cost ~15,000 allocations a copy of the seed)
    const words = new Int32Array(b, 0, n >> 2);
    for (let at = 0, i = 0; at < n; at += PAGE, i++) {
      const len = Math.min(PAGE, n - at);
      const old = prev?.pages[i];
      if (old && old.length === len && samePage(b, words, at, old)) pages.push(old);
      else {
        pages.push(null);
        fresh += len;
      }
    }
    // the new pages are views into one buffer: a buffer a page (~1,000 a copy of the seed, 10^5 over
    // its run) made V8's full collections, which land inside landings, slower
    if (fresh > 0) {
      const slab = new Uint8Array(fresh);
      const src = new Uint8Array(b);
      for (let i = 0, at = 0, to = 0; at < n; at += PAGE, i++) {
        if (pages[i]) continue;
        const len = Math.min(PAGE, n - at);
        slab.set(src.subarray(at, at + len), to);
        pages[i] = slab.subarray(to, to + len);
        to += len;
      }
    }
    this.lastNewBytes = fresh;
    const r = b as ArrayBuffer & { resizable?: boolean; maxByteLength?: number };
    return new PagedBuffer(pages as Uint8Array[], n, r.resizable ? r.maxByteLength! : 0);
  }
}

/** The bytes of `b` from `at` equal `page` (whole 32-bit words, through `words`, where both allow it). */
function samePage(b: ArrayBuffer, words: Int32Array, at: number, page: Uint8Array): boolean {
  const len = page.length;
  if ((len & 3) === 0 && (page.byteOffset & 3) === 0) {
    const y = new Int32Array(page.buffer, page.byteOffset, len >> 2);
    for (let i = 0, k = at >> 2; i < y.length; i++, k++) if (words[k] !== y[i]) return false;
    return true;
  }
  const x = new Uint8Array(b, at, len);
  for (let i = 0; i < len; i++) if (x[i] !== page[i]) return false;
  return true;
}

/** A class's prototype (its constructor is a class, not a built-in such as Date or Promise). */
const classes = new Map<object, boolean>();
function isPlainClass(proto: object): boolean {
  let yes = classes.get(proto);
  if (yes === undefined) {
    const c = (proto as { constructor?: unknown }).constructor;
    yes = typeof c === 'function' && /^class\b/.test(Function.prototype.toString.call(c));
    classes.set(proto, yes);
  }
  return yes;
}

/** A typed array on a resizable buffer made without a length follows the buffer's length. */
function isLengthTracking(v: ArrayBufferView): boolean {
  return v.byteOffset + v.byteLength === v.buffer.byteLength;
}
