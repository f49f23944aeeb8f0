import { dictKeysBytes, sizeClass, SMALL_REQUEST_THRESHOLD, usable } from '../compiler/cheap/heap';

/**
 * The pymalloc side of the Python objects tools/hw_child.py's `_build` makes and drops: the AST
 * nodes ast2obj builds (startup/ast2obj.ts), their instance dicts, lists and ints, with CPython's
 * own free lists, reference counts and deallocation order. Only blocks of 512 bytes or less are
 * here: a list's item array over 64 items is a glibc calloc, which startup/compileTail.ts logs.
 */
export interface TreeMemory {
  /** PyObject_Malloc of n bytes (1..512): the block's address. */
  malloc(n: number): number;
  free(p: number): void;
}

/** The object sizes of a release (with the 16-byte GC header where the type has one). */
export interface AstObjectShape {
  /**
   * An AST node: 3.11's AST_object (head + dict pointer, basicsize 32) + GC header = 48; 3.12+ the
   * managed-dict pre-header too (basicsize 24 + 16 + 16) = 56 (tracemalloc on 3.11.7/3.12.1/3.13.0).
   */
  readonly astObjectBytes: number;
}

/** sizeof(PyDictObject) 48 + GC header; sizeof(PyListObject) 40 + GC header (3.11–3.13). */
const DICT_BYTES = 64;
const LIST_BYTES = 56;
/** A one-digit PyLong (28 bytes): every int outside the small-int cache (-5..256). */
const INT_BYTES = 28;
/** PyDict_MAXFREELIST and PyList_MAXFREELIST. */
const MAX_FREE = 80;
/** PyDict_LOG_MINSIZE: the only keys size the keys free list holds. */
const LOG_MINSIZE = 3;

/** A list's ob_alloc and the size class of the pymalloc block its items are in (0: none). */
export interface ListCapacity {
  allocated: number;
  block: number;
}

export type PyObj = TreeNode | TreeList | TreeInt | null;

/** A node: the object, then its __dict__ (made at the first setattr), values in insertion order. */
export interface TreeNode {
  kind: 'node';
  rc: number;
  addr: number;
  dict: number;
  keys: number;
  log2: number;
  values: PyObj[];
}
export interface TreeList {
  kind: 'list';
  rc: number;
  addr: number;
  /** The item array when pymalloc holds it (0: empty, or a glibc block). */
  items: number;
  elts: PyObj[];
}
export interface TreeInt {
  kind: 'int';
  rc: number;
  addr: number;
}

/**
 * The interpreter state the tree's objects pass through: the dict, keys and list free lists
 * (Objects/dictobject.c, listobject.c), which _build's objects fill and gc.collect() empties.
 */
export class AstHeap {
  private readonly dicts: number[] = [];
  private readonly keys: number[] = [];
  private readonly lists: number[] = [];

  constructor(
    readonly mem: TreeMemory,
    readonly shape: AstObjectShape,
  ) {}

  /** PyType_GenericNew of an AST type: the node; its dict comes with the first attribute. */
  node(): TreeNode {
    return {
      kind: 'node',
      rc: 1,
      addr: this.mem.malloc(this.shape.astObjectBytes),
      dict: 0,
      keys: 0,
      log2: 0,
      values: [],
    };
  }

  /** PyLong_FromLong: small ints are the cached ones (null: nothing allocated). */
  int(v: number): TreeInt | null {
    if (v >= -5 && v <= 256) return null;
    return { kind: 'int', rc: 1, addr: this.mem.malloc(INT_BYTES) };
  }

  /** PyList_New(n): the object (free list first), then PyMem_Calloc(n, 8) for n > 0. */
  list(n: number): TreeList {
    const addr = this.lists.length ? this.lists.pop()! : this.mem.malloc(LIST_BYTES);
    return { kind: 'list', rc: 1, addr, items: this.itemArray(n), elts: [] };
  }

  /** list_resize for an append: the array grows to (n + n/8 + 6) & ~3 when full (pymalloc_realloc). */
  append(l: TreeList, o: PyObj, cap: ListCapacity): void {
    const size = l.elts.length + 1;
    if (size > cap.allocated) {
      const n = (size + (size >> 3) + 6) & ~3;
      const old = l.items;
      // pymalloc_realloc keeps a block the new size still fits; else a new block, the old freed
      if (!(old && n * 8 <= cap.block)) {
        l.items = n * 8 <= SMALL_REQUEST_THRESHOLD ? this.mem.malloc(n * 8) : 0;
        cap.block = l.items ? sizeClass(n * 8) : 0;
        if (old) this.mem.free(old);
      }
      cap.allocated = n;
    }
    l.elts.push(o);
  }

  private itemArray(n: number): number {
    return n > 0 && n * 8 <= SMALL_REQUEST_THRESHOLD ? this.mem.malloc(n * 8) : 0;
  }

  /**
   * PyObject_SetAttr on a node (_PyObject_GenericSetAttrWithDict → _PyObjectDict_SetItem): the first
   * makes the dict (PyDict_New: free list first) and its 8-slot keys (new_keys_object: keys free
   * list first); a full table resizes (insertion_resize → dictresize: new keys, the old freed).
   */
  setAttr(o: TreeNode, v: PyObj): void {
    if (!o.dict) {
      o.dict = this.newDict();
      o.keys = this.newKeys(LOG_MINSIZE);
      o.log2 = LOG_MINSIZE;
    } else if (o.values.length >= usable(1 << o.log2)) {
      let log2 = LOG_MINSIZE;
      while (1 << log2 < o.values.length * 3) log2++;
      const old = o.keys;
      const oldLog2 = o.log2;
      o.keys = this.newKeys(log2);
      o.log2 = log2;
      this.freeKeys(old, oldLog2);
    }
    o.values.push(v);
  }

  /** A dict made and dropped around a call with keywords (_PyStack_AsDict): n keys. */
  kwargsDict(n: number): () => void {
    const d = this.newDict();
    const k = this.newKeys(LOG_MINSIZE);
    if (n > usable(1 << LOG_MINSIZE)) throw new Error('internal: kwargsDict over 5 keys');
    return () => {
      this.freeKeys(k, LOG_MINSIZE);
      this.freeDict(d);
    };
  }

  /** new_keys_object for 2**log2 unicode slots: the keys free list first for 8 slots. */
  newKeys(log2: number): number {
    if (log2 === LOG_MINSIZE && this.keys.length) return this.keys.pop()!;
    return this.mem.malloc(dictKeysBytes(log2, true));
  }

  /** free_keys_object's block: to the keys free list (8 slots, under 80 there), else freed. */
  freeKeys(k: number, log2: number): void {
    if (log2 === LOG_MINSIZE && this.keys.length < MAX_FREE) this.keys.push(k);
    else this.mem.free(k);
  }

  /** A dict object as PyDict_New gets it: the free list's top first. */
  newDict(): number {
    return this.dicts.length ? this.dicts.pop()! : this.mem.malloc(DICT_BYTES);
  }

  private freeDict(d: number): void {
    if (this.dicts.length < MAX_FREE) this.dicts.push(d);
    else this.mem.free(d);
  }

  incref(o: PyObj): PyObj {
    if (o) o.rc++;
    return o;
  }

  /** Py_DECREF: the deallocation when the last reference goes. */
  decref(o: PyObj): void {
    if (!o || --o.rc > 0) return;
    if (o.kind === 'int') this.mem.free(o.addr);
    else if (o.kind === 'list') {
      // list_dealloc: the items last to first, the array, then the object (free list first)
      for (let i = o.elts.length - 1; i >= 0; i--) this.decref(o.elts[i]);
      if (o.items) this.mem.free(o.items);
      if (this.lists.length < MAX_FREE) this.lists.push(o.addr);
      else this.mem.free(o.addr);
    } else {
      // ast_dealloc: Py_CLEAR(dict) first (dict_dealloc → free_keys_object: the values in entry
      // order, the keys), then the node itself
      if (o.dict) {
        for (const v of o.values) this.decref(v);
        this.freeKeys(o.keys, o.log2);
        this.freeDict(o.dict);
      }
      this.mem.free(o.addr);
    }
  }

  /** A transient object of n bytes (an iterator): made now, freed by the returned function. */
  transient(n: number): () => void {
    const p = this.mem.malloc(n);
    return () => this.mem.free(p);
  }

  /**
   * gc.collect()'s clear_freelists (a full collection): _PyList_ClearFreeList, then
   * _PyDict_ClearFreeList (the dicts, then the keys), each from its top.
   */
  clearFreeLists(): void {
    while (this.lists.length) this.mem.free(this.lists.pop()!);
    while (this.dicts.length) this.mem.free(this.dicts.pop()!);
    while (this.keys.length) this.mem.free(this.keys.pop()!);
  }
}
