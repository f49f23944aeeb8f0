/**
 * The C-heap side of CPython 3.11's memory API as the compiler and parser see it: which
 * PyObject_/PyMem_ calls reach glibc (and as what), recorded as a call log in the start-up
 * trace's vocabulary (m/c/r/f). pymalloc's own blocks are not logged: only the calls glibc sees.
 *
 * Routing (Objects/obmalloc.c, 3.11): `_PyObject_Malloc(n)` serves 1..512 bytes from pymalloc
 * (pymalloc_alloc refuses 0 and > SMALL_REQUEST_THRESHOLD), anything else is `PyMem_RawMalloc`,
 * which asks malloc for max(n, 1). `_PyObject_Calloc` the same with calloc(nelem, elsize) (0 → 1×1).
 * `_PyObject_Realloc` of a pymalloc block (pymalloc_realloc) keeps it when the new size fits and
 * is over 3/4 of the class size, else allocates anew (glibc if > 512) and frees the old; of a
 * glibc block it is realloc(p, max(n, 1)), even when the new size would fit pymalloc.
 */

export const SMALL_REQUEST_THRESHOLD = 512;

/** The calls glibc saw, as columns: op 0 malloc, 1 calloc, 2 realloc, 3 free (libc/trace.ts TraceOp). */
export interface CallLog {
  op: number[];
  id: number[];
  a: number[];
  b: number[];
}

/** A block some code holds: a glibc id (>= 0) or a pymalloc block (-1) with its size class. */
export interface Held {
  id: number;
  /** pymalloc: the size class; glibc: the bytes asked for. */
  size: number;
}

/** pymalloc's size class for n bytes (ALIGNMENT 16). */
export function sizeClass(n: number): number {
  return (((n - 1) >> 4) + 1) << 4;
}

export class CHeap {
  readonly log: CallLog = { op: [], id: [], a: [], b: [] };
  private nextId: number;

  /** Ids start above every id the replayed start-up uses, so they never meet it. */
  constructor(firstId = 1 << 30) {
    this.nextId = firstId;
  }

  private push(op: number, id: number, a: number, b = 0): void {
    this.log.op.push(op);
    this.log.id.push(id);
    this.log.a.push(a);
    this.log.b.push(b);
  }

  /** Calls so far (a marker for tests and for ordering). */
  get length(): number {
    return this.log.op.length;
  }

  /** malloc(n) straight to glibc (PyMem_RawMalloc, PyThread_allocate_lock). */
  rawMalloc(n: number): Held {
    const id = this.nextId++;
    this.push(0, id, Math.max(n, 1));
    return { id, size: n };
  }

  /** PyMem_RawCalloc(nelem, elsize). */
  rawCalloc(nelem: number, elsize: number): Held {
    const id = this.nextId++;
    if (nelem === 0 || elsize === 0) this.push(1, id, 1, 1);
    else this.push(1, id, nelem, elsize);
    return { id, size: nelem * elsize };
  }

  /** _PyObject_Malloc / PyMem_Malloc (the same allocator in 3.11). */
  malloc(n: number): Held {
    if (n > 0 && n <= SMALL_REQUEST_THRESHOLD) return { id: -1, size: sizeClass(n) };
    return this.rawMalloc(n);
  }

  /** _PyObject_Calloc / PyMem_Calloc. */
  calloc(nelem: number, elsize: number): Held {
    const n = nelem * elsize;
    if (n > 0 && n <= SMALL_REQUEST_THRESHOLD) return { id: -1, size: sizeClass(n) };
    return this.rawCalloc(nelem, elsize);
  }

  /** _PyObject_Realloc / PyMem_Realloc: the block that holds the data now. */
  realloc(h: Held | null, n: number): Held {
    if (h === null) return this.malloc(n);
    if (h.id < 0) {
      // pymalloc_realloc: stays when it fits and shrinks by at most a quarter
      if (n <= h.size && 4 * n > 3 * h.size) return h;
      return this.malloc(n);
    }
    this.push(2, h.id, Math.max(n, 1));
    return { id: h.id, size: n };
  }

  free(h: Held | null): void {
    if (h === null || h.id < 0) return;
    this.push(3, h.id, 0);
  }
}

/** sizeof(PyDictKeysObject) in 3.11: refcnt, log2 size, index bytes, kind, version, usable, nentries. */
const DICT_KEYS_HEADER = 32;

/** USABLE_FRACTION: 2/3 of the slots. */
export function usable(size: number): number {
  return ((size << 1) / 3) | 0;
}

/** new_keys_object's allocation for 2**log2 slots: header, the index (1, 2 or 4 bytes a slot), entries. */
export function dictKeysBytes(log2: number, unicode: boolean): number {
  const size = 1 << log2;
  const ix = log2 < 8 ? 1 : log2 < 16 ? 2 : 4;
  return DICT_KEYS_HEADER + size * ix + usable(size) * (unicode ? 16 : 24);
}

/**
 * A dict that only grows (insertdict → insertion_resize → dictresize), as the compiler's const
 * cache and tables use it. PyDict_New starts on the shared empty keys; the first insert makes
 * 8 slots; a full table grows to the power of two above used*3 (GROWTH_RATE), the new keys
 * allocated before the old are freed.
 */
export class GrowingDict {
  private keys: Held | null = null;
  private log2 = 0;
  used = 0;

  constructor(
    private readonly heap: CHeap,
    private readonly unicode: boolean,
  ) {}

  insert(): void {
    const h = this.heap;
    if (this.keys === null) {
      this.log2 = 3;
      this.keys = h.malloc(dictKeysBytes(3, this.unicode));
    } else if (this.used >= usable(1 << this.log2)) {
      let log2 = 3;
      while (1 << log2 < this.used * 3) log2++;
      const old = this.keys;
      this.keys = h.malloc(dictKeysBytes(log2, this.unicode));
      this.log2 = log2;
      h.free(old);
    }
    this.used++;
  }

  /** The dict's deallocation: its keys object goes. */
  free(): void {
    this.heap.free(this.keys);
    this.keys = null;
  }
}

/**
 * A list that grows by append (list_resize): new_allocated = (n + n/8 + 6) & ~3, the item array
 * reallocated through PyMem_Realloc.
 */
export class GrowingList {
  private items: Held | null = null;
  private allocated = 0;
  size = 0;

  constructor(private readonly heap: CHeap) {}

  /** PyList_New(n): the item array is PyMem_Calloc(n, 8). */
  allocate(n: number): void {
    if (n > 0) this.items = this.heap.calloc(n, 8);
    this.allocated = n;
    this.size = n;
  }

  append(): void {
    this.resize(this.size + 1);
  }

  /** list_resize: nothing when the array is big enough and at most half empty. */
  resize(n: number): void {
    if (this.allocated >= n && n >= this.allocated >> 1) {
      this.size = n;
      return;
    }
    let a = (n + (n >> 3) + 6) & ~3;
    if (n - this.size > a - n) a = (n + 3) & ~3;
    if (n === 0) a = 0;
    this.allocated = a;
    this.items = this.heap.realloc(this.items, a * 8);
    this.size = n;
  }

  free(): void {
    this.heap.free(this.items);
    this.items = null;
  }
}
