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

  constructor(keep: ReadonlyMap<object, unknown> = new Map()) {
    for (const [k, v] of keep) this.memo.set(k, v);
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
    if (ArrayBuffer.isView(o)) return this.view(o, path);
    if (o instanceof ArrayBuffer) return this.buffer(o);
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
    let out: ArrayBuffer;
    if (r.resizable) {
      const Ctor = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer;
      out = new Ctor(b.byteLength, { maxByteLength: r.maxByteLength! });
      new Uint8Array(out).set(new Uint8Array(b));
    } else out = b.slice(0);
    this.bufferBytes += b.byteLength;
    this.memo.set(b, out);
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
