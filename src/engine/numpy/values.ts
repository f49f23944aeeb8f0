import type { BufferBacking } from './bufferBacking';
import { NotSupported } from '../python/errors';
import { VK, type ArrayTable } from './arrayTable';
import { FLOAT32, OBJECT, isStringKind, type DType } from './dtypes';
import { RecordRows } from './recordRows';

/** Element i of an owner's buffer, in its C order. Pure: what it reads never changes. */
export type ElementFn = (i: number) => number;

export type Typed =
  Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

/**
 * The most element values kept in typed arrays at once (bytes, summed over the process). Zeros,
 * ones, fills, ranges and arithmetic on them are kept as formulas and cost nothing; only values
 * that must be stored one by one (random draws, lists turned into arrays, assignments into part
 * of an array) count. Past the budget an array's values are "lost": its memory is still
 * simulated exactly, and only printing or reducing it says "not supported".
 */
export const VALUE_BUDGET_BYTES = 512 * 1024 * 1024;

/** The typed array that holds a dtype's elements (int64 and uint64 as doubles: exact below 2**53). */
function typedFor(d: DType, n: number): Typed {
  switch (d.name) {
    case 'float32':
      return new Float32Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'uint32':
      return new Uint32Array(n);
    case 'int16':
      return new Int16Array(n);
    case 'uint16':
      return new Uint16Array(n);
    case 'int8':
      return new Int8Array(n);
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
    default:
      return new Float64Array(n);
  }
}

const scratch = {
  i8: new Int8Array(1),
  u8: new Uint8Array(1),
  i16: new Int16Array(1),
  u16: new Uint16Array(1),
  i32: new Int32Array(1),
  u32: new Uint32Array(1),
};

/** A number as the dtype stores it (C casts: floats to integers truncate, integers wrap). */
export function castValue(d: DType, v: number): number {
  switch (d.kind) {
    case 'b':
      return v !== 0 ? 1 : 0;
    case 'f':
      return d === FLOAT32 ? Math.fround(v) : v;
    case 'V':
      return v; // a structured element's row id (recordRows.ts)
    default: {
      const t = Number.isFinite(v) ? Math.trunc(v) : 0;
      switch (d.name) {
        case 'int8':
          return ((scratch.i8[0] = t), scratch.i8[0]);
        case 'uint8':
          return ((scratch.u8[0] = t), scratch.u8[0]);
        case 'int16':
          return ((scratch.i16[0] = t), scratch.i16[0]);
        case 'uint16':
          return ((scratch.u16[0] = t), scratch.u16[0]);
        case 'int32':
          return ((scratch.i32[0] = t), scratch.i32[0]);
        case 'uint32':
          return ((scratch.u32[0] = t), scratch.u32[0]);
        case 'uint64':
          return t < 0 ? t + 2 ** 64 : t;
        default:
          return t;
      }
    }
  }
}

/**
 * The element values of every array: per owner a constant, an arithmetic sequence, a formula
 * over the element index, a typed array, or lost. Views read their owner's values through
 * their data pointer and strides, as NumPy's loops read memory.
 */
export class ValueStore {
  /** Formulas of VK.Expr owners, by slot, and how many operations deep each is. */
  private readonly exprs = new Map<number, ElementFn>();
  /** Why an owner's values were not kept, when it was not the stored-values budget. */
  private readonly lostWhy = new Map<number, string>();
  private readonly depths = new Map<number, number>();
  private readonly data = new Map<number, Typed>();
  /** dtype=object owners: the handle in each 8-byte slot (0 is a NULL pointer). */
  private readonly objects = new Map<number, Int32Array>();
  /** String-dtype owners: each element's text (bytes_ elements as latin-1 code units). */
  private readonly texts = new Map<number, string[]>();
  bytes = 0;
  /** The field values of structured arrays' elements (their values are row ids). */
  readonly rows = new RecordRows();
  /** Owners whose elements are another object's bytes (np.frombuffer): kept equal to them. */
  private readonly backings = new Map<number, BufferBacking>();

  constructor(readonly t: ArrayTable) {}

  /** An object array's owner: every slot NULL (its buffer was calloc'd). */
  setObjects(s: number, n: number): Int32Array {
    this.drop(s);
    const a = new Int32Array(n);
    this.objects.set(s, a);
    this.t.vslot[s] = s;
    this.t.vkind[s] = VK.Objects;
    return a;
  }

  /** The object handles of an owner of dtype=object (its slots, in buffer order). */
  handles(owner: number): Int32Array {
    const a = this.objects.get(owner);
    if (!a) throw new Error(`slot ${owner} holds no objects`);
    return a;
  }

  /** A string-dtype owner: every element '' (a zeroed buffer: np.zeros/np.empty of '<U n'). */
  setStrings(s: number, n: number): string[] {
    this.drop(s);
    const a = new Array<string>(n).fill('');
    this.texts.set(s, a);
    this.t.vslot[s] = s;
    this.t.vkind[s] = VK.Strings;
    return a;
  }

  /** The texts of a string-dtype owner (its elements, in buffer order). */
  strings(owner: number): string[] {
    const a = this.texts.get(owner);
    if (!a) throw new Error(`slot ${owner} holds no strings`);
    return a;
  }

  /** Numbers cannot be written into or read out of an object or string array through the numeric paths. */
  private numeric(s: number): void {
    if (this.t.dt(s) === OBJECT || this.t.vkind[s] === VK.Objects)
      throw new NotSupported('this operation on object arrays (dtype=object)');
    if (isStringKind(this.t.dt(s)) || this.t.vkind[s] === VK.Strings)
      throw new NotSupported(`this operation on string arrays (dtype ${this.t.dt(s).typestr})`);
  }

  /** An owner's values are one number (cast to its dtype). */
  setConst(s: number, v: number): void {
    this.numeric(s);
    const c = castValue(this.t.dt(s), v);
    if (this.writeBacked(s, () => c)) return;
    this.drop(s);
    this.t.vslot[s] = s;
    this.t.vkind[s] = VK.Const;
    this.t.va[s] = castValue(this.t.dt(s), v);
  }

  /** np.arange: element i is a + i·b, as @NAME@_fill computes it in the dtype's arithmetic. */
  setAffine(s: number, a: number, b: number): void {
    this.numeric(s);
    if (this.writeBacked(s, (i) => castValue(this.t.dt(s), a + i * b))) return;
    this.drop(s);
    this.t.vslot[s] = s;
    this.t.vkind[s] = VK.Affine;
    this.t.va[s] = a;
    this.t.vb[s] = b;
  }

  setExpr(s: number, f: ElementFn, depth = 1): void {
    this.numeric(s);
    if (this.writeBacked(s, f)) return;
    this.drop(s);
    this.t.vslot[s] = s;
    this.t.vkind[s] = VK.Expr;
    this.exprs.set(s, f);
    this.depths.set(s, depth);
  }

  /**
   * The owner's elements live in an exporter's bytes (np.frombuffer): `backing` keeps them; its
   * typed array is filled from those bytes now.
   */
  setBacked(s: number, n: number, backing: BufferBacking): Typed | null {
    const a = this.setData(s, n);
    if (a === null) return null;
    this.backings.set(s, backing);
    backing.pull(a);
    return a;
  }

  /** A whole-owner write (a constant, range or formula) into a backed owner: element by element, to its bytes. */
  private writeBacked(s: number, f: ElementFn): boolean {
    const b = this.backings.get(s);
    if (b === undefined) return false;
    const a = this.data.get(s)!;
    for (let i = 0; i < a.length; i++) a[i] = f(i);
    b.push(a, 0, a.length);
    return true;
  }

  /**
   * Elements [lo, hi) of the owner were just stored into (through `writable`'s array): a backed
   * owner's bytes get them. Nothing for an owner with values of its own.
   */
  written(owner: number, lo: number, hi: number): void {
    const b = this.backings.get(owner);
    if (b !== undefined) b.push(this.data.get(owner)!, lo, hi);
  }

  /** The exporter whose bytes hold the owner's elements (np.frombuffer), else 0. */
  exporterOf(owner: number): number {
    return this.backings.get(owner)?.exporter ?? 0;
  }

  /** A backed owner's typed array brought up to date with its exporter's bytes. */
  private current(owner: number, a: Typed): Typed {
    this.backings.get(owner)?.pull(a);
    return a;
  }

  /** How many operations a formula chains (0 for constants and ranges). */
  depth(owner: number): number {
    return this.t.vkind[owner] === VK.Expr ? this.depths.get(owner)! : 0;
  }

  /** The owner's values are not kept any more. */
  markLost(owner: number, why?: string): void {
    this.drop(owner);
    if (why !== undefined) this.lostWhy.set(owner, why);
    this.t.vslot[owner] = owner;
    this.t.vkind[owner] = VK.Lost;
  }

  /** A view reads `owner`'s values. */
  share(s: number, owner: number): void {
    this.drop(s);
    this.t.vkind[s] = VK.None;
    this.t.vslot[s] = this.t.vslot[owner];
  }

  /** Values kept one by one; null (and the owner's values lost) past the budget. */
  setData(s: number, n: number): Typed | null {
    this.numeric(s);
    this.drop(s);
    this.t.vslot[s] = s;
    const bytes = n * this.elementBytes(s);
    if (this.bytes + bytes > VALUE_BUDGET_BYTES) {
      this.t.vkind[s] = VK.Lost;
      return null;
    }
    const a = typedFor(this.t.dt(s), n);
    this.data.set(s, a);
    this.bytes += bytes;
    this.t.vkind[s] = VK.Data;
    return a;
  }

  /** The owner slot's values as a pure formula, if they are one (Const, Affine, Expr). */
  formula(owner: number): ElementFn | null {
    const t = this.t;
    switch (t.vkind[owner]) {
      case VK.Const: {
        const c = t.va[owner];
        return () => c;
      }
      case VK.Affine: {
        const a = t.va[owner];
        const b = t.vb[owner];
        const d = t.dt(owner);
        if (d === FLOAT32) return (i) => Math.fround(a + Math.fround(Math.fround(i) * b));
        return (i) => a + i * b;
      }
      case VK.Expr:
        return this.exprs.get(owner)!;
      default:
        return null;
    }
  }

  /** Element i of the owner (C order of its buffer). Throws NotSupported when the values are lost. */
  reader(owner: number): ElementFn {
    this.numeric(owner);
    const f = this.formula(owner);
    if (f) return f;
    const a = this.data.get(owner);
    if (a) {
      this.current(owner, a);
      return (i) => a[i];
    }
    throw new NotSupported(
      this.lostWhy.get(owner) ??
        `the element values of arrays beyond ${VALUE_BUDGET_BYTES / 2 ** 20} MiB of stored values (their memory is simulated)`,
    );
  }

  /**
   * The owner's typed array, made now when its values are a formula (written one by one next).
   * Null when they cannot be kept (then they are lost from here on).
   */
  writable(owner: number): Typed | null {
    this.numeric(owner);
    const t = this.t;
    if (t.vkind[owner] === VK.Data) return this.current(owner, this.data.get(owner)!);
    if (t.vkind[owner] === VK.Lost) return null;
    const f = this.formula(owner)!;
    const n = this.ownerLength(owner);
    const a = this.setData(owner, n);
    if (a) for (let i = 0; i < n; i++) a[i] = f(i);
    return a;
  }

  /** The owner's typed array when its values are kept one by one (VK.Data), else null. */
  typedOf(owner: number): Typed | null {
    return this.t.vkind[owner] === VK.Data ? this.current(owner, this.data.get(owner)!) : null;
  }

  lost(owner: number): boolean {
    return this.t.vkind[owner] === VK.Lost;
  }

  /** The slot's values go (the array is deallocated, or gets new ones). */
  drop(s: number): void {
    const k = this.t.vkind[s];
    if (k === VK.Expr) {
      this.exprs.delete(s);
      this.depths.delete(s);
    } else if (k === VK.Data) {
      this.bytes -= this.data.get(s)!.length * this.elementBytes(s);
      this.data.delete(s);
      this.backings.delete(s);
    } else if (k === VK.Objects) this.objects.delete(s);
    else if (k === VK.Strings) this.texts.delete(s);
    else if (k === VK.Lost) this.lostWhy.delete(s);
    this.t.vkind[s] = VK.None;
  }

  /** Elements in an owner's buffer: what it was allocated for. */
  ownerLength(owner: number): number {
    return this.t.size(owner);
  }

  private elementBytes(s: number): number {
    return this.t.dt(s).itemsize;
  }
}
