import { DTYPES, type DType } from './dtypes';

/** NPY_ARRAY_* flags the model keeps (the contiguity flags are computed from shape and strides). */
export const enum AF {
  OwnData = 1,
  Writeable = 2,
}

/** How an owner's element values are held (ValueStore, values.ts). */
export const enum VK {
  /** Not an owner: the values are those of the slot in `vslot`. */
  None = 0,
  /** Every element is `va` (np.zeros, np.empty, np.ones, np.full). */
  Const = 1,
  /** Element i (in the owner's C order) is `va + i · vb` (np.arange). */
  Affine = 2,
  /** A typed array in ValueStore.data. */
  Data = 3,
  /** Not kept: materializing them would pass the value budget (values.ts). */
  Lost = 4,
  /** A pure formula of the element index (ValueStore's map): arithmetic on formulas. */
  Expr = 5,
  /** dtype=object: the slots' object handles (0 = NULL) in ValueStore's object map. */
  Objects = 6,
  /** String dtypes ('<U n', '|S n'): the texts in ValueStore's string map ('' for zeroed slots). */
  Strings = 7,
}

/**
 * The state of every ndarray of one process, in columns (PyArrayObject_fields): an array is a
 * slot number, kept in its object's `ref` column. Arrays of one or two dimensions — nearly all
 * of them — keep their shape and strides in d0/d1/s0/s1; wider ones in a side table. An array
 * costs 79 bytes of columns and no JS object, so a script of millions of small arrays stays
 * linear (a JS object and two JS arrays per array made the cost grow with N: issue 10).
 */
export class ArrayTable {
  private cap = 0;
  private next = 1;
  private freeSlots: number[] = [];
  /** DType.code */
  dtype = new Int32Array(0);
  nd = new Uint8Array(0);
  flags = new Uint8Array(0);
  /** fa->base: a handle (the owner a view keeps alive, or the object frombuffer reads), or 0. */
  base = new Int32Array(0);
  /** The npy_alloc_cache_dim block holding dimensions then strides (0 when nd = 0). */
  dims = new Float64Array(0);
  /** fa->data */
  data = new Float64Array(0);
  d0 = new Float64Array(0);
  d1 = new Float64Array(0);
  s0 = new Float64Array(0);
  s1 = new Float64Array(0);
  /** Values: the kind (VK), its two numbers, and the slot whose values a view reads. */
  vkind = new Uint8Array(0);
  va = new Float64Array(0);
  vb = new Float64Array(0);
  vslot = new Int32Array(0);
  /** Shapes and strides of arrays with more than two dimensions. */
  readonly wide = new Map<number, { shape: number[]; strides: number[] }>();

  constructor() {
    this.grow(1024);
  }

  alloc(): number {
    const s = this.freeSlots.length ? this.freeSlots.pop()! : this.next++;
    if (s >= this.cap) this.grow(this.cap * 2);
    return s;
  }

  release(s: number): void {
    if (this.nd[s] > 2) this.wide.delete(s);
    this.flags[s] = 0;
    this.base[s] = 0;
    this.vkind[s] = VK.None;
    this.freeSlots.push(s);
  }

  dt(s: number): DType {
    return DTYPES[this.dtype[s]];
  }

  setShape(s: number, shape: readonly number[], strides: readonly number[]): void {
    const nd = shape.length;
    if (this.nd[s] > 2 && nd <= 2) this.wide.delete(s);
    this.nd[s] = nd;
    if (nd > 2) {
      this.wide.set(s, { shape: [...shape], strides: [...strides] });
      return;
    }
    this.d0[s] = nd > 0 ? shape[0] : 0;
    this.s0[s] = nd > 0 ? strides[0] : 0;
    this.d1[s] = nd > 1 ? shape[1] : 0;
    this.s1[s] = nd > 1 ? strides[1] : 0;
  }

  dim(s: number, i: number): number {
    if (this.nd[s] > 2) return this.wide.get(s)!.shape[i];
    return i === 0 ? this.d0[s] : this.d1[s];
  }

  stride(s: number, i: number): number {
    if (this.nd[s] > 2) return this.wide.get(s)!.strides[i];
    return i === 0 ? this.s0[s] : this.s1[s];
  }

  /** A new JS array (for the API paths; the hot paths read the columns). */
  shape(s: number): number[] {
    const nd = this.nd[s];
    if (nd > 2) return [...this.wide.get(s)!.shape];
    return nd === 0 ? [] : nd === 1 ? [this.d0[s]] : [this.d0[s], this.d1[s]];
  }

  strides(s: number): number[] {
    const nd = this.nd[s];
    if (nd > 2) return [...this.wide.get(s)!.strides];
    return nd === 0 ? [] : nd === 1 ? [this.s0[s]] : [this.s0[s], this.s1[s]];
  }

  size(s: number): number {
    const nd = this.nd[s];
    if (nd === 0) return 1;
    if (nd === 1) return this.d0[s];
    if (nd === 2) return this.d0[s] * this.d1[s];
    return this.wide.get(s)!.shape.reduce((a, b) => a * b, 1);
  }

  private grow(n: number): void {
    const g = <T extends Uint8Array | Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.dtype = g(this.dtype, (k) => new Int32Array(k));
    this.nd = g(this.nd, (k) => new Uint8Array(k));
    this.flags = g(this.flags, (k) => new Uint8Array(k));
    this.base = g(this.base, (k) => new Int32Array(k));
    this.dims = g(this.dims, (k) => new Float64Array(k));
    this.data = g(this.data, (k) => new Float64Array(k));
    this.d0 = g(this.d0, (k) => new Float64Array(k));
    this.d1 = g(this.d1, (k) => new Float64Array(k));
    this.s0 = g(this.s0, (k) => new Float64Array(k));
    this.s1 = g(this.s1, (k) => new Float64Array(k));
    this.vkind = g(this.vkind, (k) => new Uint8Array(k));
    this.va = g(this.va, (k) => new Float64Array(k));
    this.vb = g(this.vb, (k) => new Float64Array(k));
    this.vslot = g(this.vslot, (k) => new Int32Array(k));
    this.cap = n;
  }
}
