import { NotSupported } from '../errors';
import { getIter, iterNext } from '../abstract/iter';
import { asSsize, index as numberIndex } from '../abstract/number';
import { indexError, raiseFormat, raiseString } from '../abstract/errors';
import { richCompareBool } from '../abstract/compare';
import { sequenceList } from '../abstract/sequence';
import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { E } from './exctypes';
import { fromSsize } from './int';
import { listItem } from './list';
import { Cmp, TpFlags } from './types';

/**
 * collections.deque's storage (Modules/_collectionsmodule.c, 3.11): a doubly linked list of
 * blocks of 64 item pointers (`block`: leftlink, data[64], rightlink = 528 bytes, PyMem_Malloc,
 * so above pymalloc's 512 and from glibc), never empty; the deque object (16 GC + 216 bytes)
 * keeps a cache of up to 16 freed blocks (freeblocks[MAXFREEBLOCKS]) that newblock() reuses
 * before asking the allocator and freeblock() fills before freeing. Items live in
 * leftblock.data[leftindex] … rightblock.data[rightindex] (both inclusive); an empty deque has
 * leftindex = CENTER + 1, rightindex = CENTER on one block. `state` counts every move of the
 * indices (iterators and searches check it).
 */
export const BLOCKLEN = 64;
export const CENTER = (BLOCKLEN - 1) >> 1;
export const BLOCK_BYTES = 8 + 8 * BLOCKLEN + 8;
export const MAXFREEBLOCKS = 16;
/** sizeof(dequeobject): PyObject_VAR_HEAD, 2 block pointers, 2 indices, state, maxlen, numfreeblocks, freeblocks[16], weakreflist. */
export const DEQUE_BASIC = 24 + 8 * 7 + 8 * MAXFREEBLOCKS + 8;

export interface Block {
  addr: number;
  data: Int32Array;
  left: Block | null;
  right: Block | null;
}

export interface DequeState {
  leftblock: Block;
  rightblock: Block;
  leftindex: number;
  rightindex: number;
  state: number;
  /** -1: unbounded. */
  maxlen: number;
  freeblocks: Block[];
}

export const dequeState = (vm: Vm, h: number): DequeState => vm.table.side[h] as DequeState;
export const dequeLen = (vm: Vm, h: number): number => vm.table.n[h];

/** newblock: one from the deque's cache, else PyMem_Malloc(528). */
export function newBlock(vm: Vm, d: DequeState): Block {
  const cached = d.freeblocks.pop();
  if (cached !== undefined) {
    cached.left = cached.right = null;
    return cached;
  }
  const addr = vm.mem.malloc(BLOCK_BYTES);
  if (addr === 0) throw memoryError();
  return { addr, data: new Int32Array(BLOCKLEN), left: null, right: null };
}

/** freeblock: into the cache while it has room, else PyMem_Free. */
export function freeBlock(vm: Vm, d: DequeState, b: Block): void {
  b.left = b.right = null;
  if (d.freeblocks.length < MAXFREEBLOCKS) d.freeblocks.push(b);
  else vm.mem.free(b.addr);
}

/** A block's link words are written when it is linked in. */
function touchLinks(vm: Vm, b: Block): void {
  vm.mem.touch(b.addr, 8);
  vm.mem.touch(b.addr + BLOCK_BYTES - 8, 8);
}

function store(vm: Vm, b: Block, i: number, item: number): void {
  b.data[i] = item;
  vm.mem.touch(b.addr + 8 + 8 * i, 8);
}

/** deque_new's state: one block from the allocator, the indices centred. */
export function dequeStateNew(vm: Vm): DequeState {
  const addr = vm.mem.malloc(BLOCK_BYTES);
  if (addr === 0) throw memoryError();
  const b: Block = { addr, data: new Int32Array(BLOCKLEN), left: null, right: null };
  touchLinks(vm, b);
  return {
    leftblock: b,
    rightblock: b,
    leftindex: CENTER + 1,
    rightindex: CENTER,
    state: 0,
    maxlen: -1,
    freeblocks: [],
  };
}

// ---- the ends ------------------------------------------------------------------------------

/** deque_pop: the rightmost item (a new reference: the deque's own). */
export function dequePop(vm: Vm, h: number): number {
  const d = dequeState(vm, h);
  const t = vm.table;
  if (t.n[h] === 0) throw indexError(vm, 'pop from an empty deque');
  const item = d.rightblock.data[d.rightindex];
  d.rightindex--;
  t.n[h]--;
  d.state++;
  if (d.rightindex < 0) {
    if (t.n[h] > 0) {
      const prev = d.rightblock.left!;
      freeBlock(vm, d, d.rightblock);
      prev.right = null;
      d.rightblock = prev;
      d.rightindex = BLOCKLEN - 1;
    } else {
      d.leftindex = CENTER + 1;
      d.rightindex = CENTER;
    }
  }
  return item;
}

/** deque_popleft. */
export function dequePopLeft(vm: Vm, h: number): number {
  const d = dequeState(vm, h);
  const t = vm.table;
  if (t.n[h] === 0) throw indexError(vm, 'pop from an empty deque');
  const item = d.leftblock.data[d.leftindex];
  d.leftindex++;
  t.n[h]--;
  d.state++;
  if (d.leftindex === BLOCKLEN) {
    if (t.n[h] > 0) {
      const next = d.leftblock.right!;
      freeBlock(vm, d, d.leftblock);
      next.left = null;
      d.leftblock = next;
      d.leftindex = 0;
    } else {
      d.leftindex = CENTER + 1;
      d.rightindex = CENTER;
    }
  }
  return item;
}

/** deque_append_internal: `item` is stolen. Past maxlen the leftmost item goes (NEEDS_TRIM). */
export function dequeAppendInternal(vm: Vm, h: number, item: number, maxlen: number): void {
  const d = dequeState(vm, h);
  if (d.rightindex === BLOCKLEN - 1) {
    const b = newBlock(vm, d);
    b.left = d.rightblock;
    d.rightblock.right = b;
    touchLinks(vm, b);
    d.rightblock = b;
    d.rightindex = -1;
  }
  vm.table.n[h]++;
  d.rightindex++;
  store(vm, d.rightblock, d.rightindex, item);
  if (maxlen >= 0 && maxlen < vm.table.n[h]) vm.decref(dequePopLeft(vm, h));
  else d.state++;
}

/** deque_appendleft_internal (the trim pops from the right; it uses the deque's own maxlen). */
export function dequeAppendLeftInternal(vm: Vm, h: number, item: number, _maxlen: number): void {
  const d = dequeState(vm, h);
  if (d.leftindex === 0) {
    const b = newBlock(vm, d);
    b.right = d.leftblock;
    d.leftblock.left = b;
    touchLinks(vm, b);
    d.leftblock = b;
    d.leftindex = BLOCKLEN;
  }
  vm.table.n[h]++;
  d.leftindex--;
  store(vm, d.leftblock, d.leftindex, item);
  if (d.maxlen >= 0 && d.maxlen < vm.table.n[h]) vm.decref(dequePop(vm, h));
  else d.state++;
}

/** deque_extend / deque_extendleft (`left`): through the iterable's iterator; the deque itself is copied to a list first. */
export function dequeExtend(vm: Vm, h: number, iterable: number, left: boolean): void {
  if (iterable === h) {
    const s = sequenceList(vm, iterable);
    try {
      dequeExtend(vm, h, s, left);
    } finally {
      vm.decref(s);
    }
    return;
  }
  const d = dequeState(vm, h);
  const maxlen = d.maxlen;
  const it = getIter(vm, iterable);
  try {
    if (maxlen === 0) {
      // consume_iterator
      for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) vm.decref(x);
      return;
    }
    // Space saving heuristic: an empty deque starts filling from the end it grows from.
    if (vm.table.n[h] === 0) {
      d.leftindex = left ? BLOCKLEN - 1 : 1;
      d.rightindex = left ? BLOCKLEN - 2 : 0;
    }
    for (let x = iterNext(vm, it); x !== 0; x = iterNext(vm, it)) {
      if (left) dequeAppendLeftInternal(vm, h, x, maxlen);
      else dequeAppendInternal(vm, h, x, maxlen);
    }
  } finally {
    vm.decref(it);
  }
}

/**
 * deque_clear: a fresh block first (the deque is made empty before any item is released, since a
 * release may run code that touches the deque), then the items left to right, each old block
 * given back once its items are released.
 */
export function dequeClear(vm: Vm, h: number): void {
  const t = vm.table;
  let n = t.n[h];
  if (n === 0) return;
  const d = dequeState(vm, h);
  const b = newBlock(vm, d);
  touchLinks(vm, b);
  let leftblock = d.leftblock;
  const leftindex = d.leftindex;
  t.n[h] = 0;
  d.leftblock = d.rightblock = b;
  d.leftindex = CENTER + 1;
  d.rightindex = CENTER;
  d.state++;
  let m = Math.min(BLOCKLEN - leftindex, n);
  let i = leftindex;
  let limit = leftindex + m;
  n -= m;
  for (;;) {
    if (i === limit) {
      if (n === 0) break;
      const prev = leftblock;
      leftblock = leftblock.right!;
      m = Math.min(n, BLOCKLEN);
      i = 0;
      limit = m;
      n -= m;
      freeBlock(vm, d, prev);
    }
    vm.decref(leftblock.data[i++]);
  }
  freeBlock(vm, d, leftblock);
}

/**
 * _deque_rotate: items move block to block; a block is allocated when the left end needs one and
 * the emptied right block is kept for the next such need, the spare freed at the end.
 */
export function dequeRotate(vm: Vm, h: number, n: number): void {
  const len = vm.table.n[h];
  const halflen = len >> 1;
  if (len <= 1) return;
  if (n > halflen || n < -halflen) {
    n %= len;
    if (n > halflen) n -= len;
    else if (n < -halflen) n += len;
  }
  const d = dequeState(vm, h);
  let b: Block | null = null;
  let { leftblock, rightblock, leftindex, rightindex } = d;
  d.state++;
  try {
    while (n > 0) {
      if (leftindex === 0) {
        if (b === null) b = newBlock(vm, d);
        b.right = leftblock;
        leftblock.left = b;
        touchLinks(vm, b);
        leftblock = b;
        leftindex = BLOCKLEN;
        b = null;
      }
      const m = Math.min(n, rightindex + 1, leftindex);
      rightindex -= m;
      leftindex -= m;
      n -= m;
      for (let k = 0; k < m; k++) store(vm, leftblock, leftindex + k, rightblock.data[rightindex + 1 + k]);
      if (rightindex < 0) {
        b = rightblock;
        rightblock = rightblock.left!;
        rightblock.right = null;
        rightindex = BLOCKLEN - 1;
      }
    }
    while (n < 0) {
      if (rightindex === BLOCKLEN - 1) {
        if (b === null) b = newBlock(vm, d);
        b.left = rightblock;
        rightblock.right = b;
        touchLinks(vm, b);
        rightblock = b;
        rightindex = -1;
        b = null;
      }
      const m = Math.min(-n, BLOCKLEN - leftindex, BLOCKLEN - 1 - rightindex);
      for (let k = 0; k < m; k++) store(vm, rightblock, rightindex + 1 + k, leftblock.data[leftindex + k]);
      leftindex += m;
      rightindex += m;
      n += m;
      if (leftindex === BLOCKLEN) {
        b = leftblock;
        leftblock = leftblock.right!;
        leftblock.left = null;
        leftindex = 0;
      }
    }
  } finally {
    if (b !== null) freeBlock(vm, d, b);
    d.leftblock = leftblock;
    d.rightblock = rightblock;
    d.leftindex = leftindex;
    d.rightindex = rightindex;
  }
}

/** The block and index holding item i (deque_item's walk, from the nearer end). */
export function locate(vm: Vm, h: number, i: number): { b: Block; index: number } {
  const d = dequeState(vm, h);
  const n = vm.table.n[h];
  if (i === 0) return { b: d.leftblock, index: d.leftindex };
  if (i === n - 1) return { b: d.rightblock, index: d.rightindex };
  const at = i + d.leftindex;
  let nblocks = Math.floor(at / BLOCKLEN);
  const index = at % BLOCKLEN;
  let b: Block;
  if (i < n >> 1) {
    b = d.leftblock;
    while (nblocks-- > 0) b = b.right!;
  } else {
    nblocks = Math.floor((d.leftindex + n - 1) / BLOCKLEN) - nblocks;
    b = d.rightblock;
    while (nblocks-- > 0) b = b.left!;
  }
  return { b, index };
}

/** deque_del_item: rotate the item to the left end, pop it, rotate back. */
export function dequeDelItem(vm: Vm, h: number, i: number): void {
  dequeRotate(vm, h, -i);
  const item = dequePopLeft(vm, h);
  dequeRotate(vm, h, i);
  vm.decref(item);
}

/** Every item left to right (borrowed), for traverse and reprs. */
export function* dequeItems(vm: Vm, h: number): Generator<number> {
  const d = dequeState(vm, h);
  let b: Block | null = d.leftblock;
  let i = d.leftindex;
  for (let n = vm.table.n[h]; n > 0; n--) {
    yield b!.data[i++];
    if (i === BLOCKLEN) {
      b = b!.right;
      i = 0;
    }
  }
}

/**
 * A search that compares every item (count, contains, index, remove): the deque must not change
 * under it (PyObject_RichCompareBool may run code). `found` returns true to stop.
 */
export function dequeSearch(
  vm: Vm,
  h: number,
  v: number,
  from: number,
  to: number,
  found: (i: number) => boolean,
  mutated: () => Error,
  checkBeforeFound = false,
): number {
  const d = dequeState(vm, h);
  const start = d.state;
  let { b, index } = from < vm.table.n[h] ? locate(vm, h, from) : { b: d.leftblock, index: d.leftindex };
  for (let i = from; i < to; i++) {
    const item = b.data[index];
    vm.incref(item);
    let eq: boolean;
    try {
      eq = richCompareBool(vm, item, v, Cmp.EQ);
    } finally {
      vm.decref(item);
    }
    if (checkBeforeFound && start !== d.state) throw mutated();
    if (eq && found(i)) return i;
    if (start !== d.state) throw mutated();
    if (++index === BLOCKLEN) {
      b = b.right!;
      index = 0;
    }
  }
  return -1;
}

export const mutatedDuringIteration = (vm: Vm): Error =>
  raiseString(vm, E.RuntimeError, 'deque mutated during iteration');

/** deque_index(v, start, stop): _PyEval_SliceIndexNotNone bounds, clipped as CPython clips them. */
export function dequeIndex(vm: Vm, h: number, v: number, startArg: number, stopArg: number): number {
  const n = vm.table.n[h];
  let start = startArg ? asSsize(vm, numberIndexed(vm, startArg), 0) : 0;
  let stop = stopArg ? asSsize(vm, numberIndexed(vm, stopArg), 0) : n;
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  if (stop > n) stop = n;
  if (start > stop) start = stop;
  const i = dequeSearch(
    vm,
    h,
    v,
    start,
    stop,
    () => true,
    () => mutatedDuringIteration(vm),
  );
  if (i < 0) throw raiseFormat(vm, E.ValueError, '%R is not in deque', v);
  return i;
}

function numberIndexed(vm: Vm, h: number): number {
  const i = numberIndex(vm, h);
  vm.decref(i);
  return i;
}

/** deque_reverse: swap from both ends inward. */
export function dequeReverse(vm: Vm, h: number): void {
  const d = dequeState(vm, h);
  let lb = d.leftblock;
  let rb = d.rightblock;
  let li = d.leftindex;
  let ri = d.rightindex;
  for (let n = vm.table.n[h] >> 1; n > 0; n--) {
    const tmp = lb.data[li];
    store(vm, lb, li, rb.data[ri]);
    store(vm, rb, ri, tmp);
    if (++li === BLOCKLEN) {
      lb = lb.right!;
      li = 0;
    }
    if (--ri < 0) {
      rb = rb.left!;
      ri = BLOCKLEN - 1;
    }
  }
}

/** sq_item (deque_item): IndexError out of range; a new reference. */
export function dequeItem(vm: Vm, h: number, i: number): number {
  if (i < 0 || i >= vm.table.n[h]) throw indexError(vm, 'deque index out of range');
  const { b, index } = locate(vm, h, i);
  const v = b.data[index];
  vm.incref(v);
  return v;
}

/** sq_ass_item (deque_ass_item): store, or delete when value is 0. */
export function dequeAssItem(vm: Vm, h: number, i: number, value: number): void {
  const n = vm.table.n[h];
  if (i < 0 || i >= n) throw indexError(vm, 'deque index out of range');
  if (value === 0) {
    dequeDelItem(vm, h, i);
    return;
  }
  const { b, index } = locate(vm, h, i);
  vm.incref(value);
  const old = b.data[index];
  store(vm, b, index, value);
  vm.decref(old);
}

/** deque_inplace_repeat: clear for n ≤ 0, repeat one item by appends, else extend by a list copy n-1 times. */
export function dequeInplaceRepeat(vm: Vm, h: number, n: number): void {
  const d = dequeState(vm, h);
  const size = vm.table.n[h];
  if (size === 0 || n === 1) return;
  if (n <= 0) {
    dequeClear(vm, h);
    return;
  }
  if (size === 1) {
    // common case, repeating a single element
    const item = d.leftblock.data[d.leftindex];
    if (d.maxlen >= 0 && n > d.maxlen) n = d.maxlen;
    d.state++;
    for (let i = 0; i < n - 1;) {
      if (d.rightindex === BLOCKLEN - 1) {
        const b = newBlock(vm, d);
        b.left = d.rightblock;
        d.rightblock.right = b;
        touchLinks(vm, b);
        d.rightblock = b;
        d.rightindex = -1;
      }
      const m = Math.min(n - 1 - i, BLOCKLEN - 1 - d.rightindex);
      vm.increfN(item, m);
      for (let k = 0; k < m; k++) store(vm, d.rightblock, d.rightindex + 1 + k, item);
      d.rightindex += m;
      vm.table.n[h] += m;
      i += m;
    }
    return;
  }
  if (n * size > Number.MAX_SAFE_INTEGER) throw new NotSupported('deque repeated beyond 2**53 items');
  const seq = sequenceList(vm, h);
  try {
    if (d.maxlen >= 0 && n * size > d.maxlen) n = Math.floor((d.maxlen + size - 1) / size);
    for (let i = 0; i < n - 1; i++) dequeExtend(vm, h, seq, false);
  } finally {
    vm.decref(seq);
  }
}

/** list(d)'s items (PySequence_List of a list) for tests and reprs: borrowed. */
export const listItems = (vm: Vm, l: number): number[] =>
  Array.from({ length: vm.table.n[l] }, (_, i) => listItem(vm, l, i));

export const DEQUE_FLAGS = TpFlags.HaveGc | TpFlags.BaseType | TpFlags.SequenceFlag;

/** maxlen as deque() parses it: None is unbounded; a negative one is a ValueError. */
export function parseMaxlen(vm: Vm, obj: number): number {
  if (obj === 0 || obj === vm.s.None) return -1;
  const m = asSsize(vm, obj, E.OverflowError);
  if (m < 0) throw raiseString(vm, E.ValueError, 'maxlen must be non-negative');
  return m;
}

export const dequeLenObj = (vm: Vm, h: number): number => fromSsize(vm, vm.table.n[h]);
