import { hashKey } from '../abstract/hash';
import { setKeyError } from '../abstract/errors';
import { reprText } from '../abstract/repr';
import { memoryError } from '../errors';
import type { Vm } from '../runtime/vm';
import { dictClear, dictDelItemKnownHash, dictPopKnownHash, dictSetItemKnownHash } from './dict';
import { dictData } from './dictkeys';
import { hashOfKey, isFastKey, lookupHashKey } from './dictindex';
import type { HashKey } from './types';

/**
 * collections.OrderedDict's order (Objects/odictobject.c, 3.11): a dict whose keys are also in a
 * doubly linked list of nodes (_ODictNode: key, hash, next, prev = 32 bytes, PyMem_Malloc, one
 * per key, holding a reference to the key), found by key through od_fast_nodes: an array of
 * dk_size node pointers (PyMem_NEW) indexed like the dict's entries, rebuilt (_odict_resize: the
 * new array, then the old one freed) whenever the dict's keys object is not the one it was built
 * for or has another size. A dict with no entries has no array until a key is looked up.
 * `state` counts every change of the list (iterators check it).
 */
export interface OdNode {
  addr: number;
  key: number;
  hk: HashKey;
  prev: OdNode | null;
  next: OdNode | null;
}

export interface OdState {
  first: OdNode | null;
  last: OdNode | null;
  /** od_fast_nodes (0: none), its length and the keys object it was built for. */
  fastAddr: number;
  fastSize: number;
  sentinel: number;
  sentinelLog2: number;
  fast: (OdNode | null)[];
  state: number;
}

/** sizeof(PyODictObject): the dict (48) + first, last, fast_nodes, fast_nodes_size, resize_sentinel, state, inst_dict, weakreflist. */
export const ODICT_BASIC = 48 + 8 * 8;
export const NODE_BYTES = 32;

const states = new WeakMap<Vm, Map<number, OdState>>();

function table(vm: Vm): Map<number, OdState> {
  let m = states.get(vm);
  if (m === undefined) states.set(vm, (m = new Map()));
  return m;
}

export function odState(vm: Vm, h: number): OdState {
  let s = table(vm).get(h);
  if (s === undefined) {
    s = {
      first: null,
      last: null,
      fastAddr: 0,
      fastSize: 0,
      sentinel: 0,
      sentinelLog2: -1,
      fast: [],
      state: 0,
    };
    table(vm).set(h, s);
  }
  return s;
}

export const odForget = (vm: Vm, h: number): boolean => table(vm).delete(h);

/** _odict_resize: a new fast-nodes array for the dict's current keys, the nodes placed by entry index, the old array freed. */
function resize(vm: Vm, h: number, od: OdState): void {
  const d = dictData(vm, h);
  const size = 2 ** d.log2;
  const addr = vm.mem.malloc(8 * size);
  if (addr === 0) throw memoryError();
  vm.mem.touch(addr, 8 * size);
  const fast: (OdNode | null)[] = new Array(size).fill(null);
  for (let n = od.first; n !== null; n = n.next) {
    const i = lookupHashKey(vm, d, n.hk, n.key);
    if (i !== undefined) fast[i] = n;
  }
  if (od.fastAddr) vm.mem.free(od.fastAddr);
  od.fastAddr = addr;
  od.fastSize = size;
  od.fast = fast;
  od.sentinel = d.keysAddr;
  od.sentinelLog2 = d.log2;
}

/** _odict_get_index: the key's entry index (−1 when absent), the fast nodes brought in sync first. */
export function odGetIndex(vm: Vm, h: number, od: OdState, hk: HashKey, key: number): number {
  const d = dictData(vm, h);
  if (od.sentinel !== d.keysAddr || od.sentinelLog2 !== d.log2 || od.fastSize !== 2 ** d.log2)
    resize(vm, h, od);
  return lookupHashKey(vm, d, hk, key);
}

/** _odict_find_node: the key's node, or null. */
export function odFindNode(vm: Vm, h: number, key: number): OdNode | null {
  const od = odState(vm, h);
  const i = odGetIndex(vm, h, od, hashKey(vm, key), key);
  return i < 0 ? null : od.fast[i];
}

function addTail(od: OdState, n: OdNode): void {
  n.prev = od.last;
  n.next = null;
  if (od.last === null) od.first = n;
  else od.last.next = n;
  od.last = n;
  od.state++;
}

function addHead(od: OdState, n: OdNode): void {
  n.prev = null;
  n.next = od.first;
  if (od.first === null) od.last = n;
  else od.first.prev = n;
  od.first = n;
  od.state++;
}

function removeNode(od: OdState, n: OdNode): void {
  if (od.first === n) od.first = n.next;
  else if (n.prev !== null) n.prev.next = n.next;
  if (od.last === n) od.last = n.prev;
  else if (n.next !== null) n.next.prev = n.prev;
  n.prev = n.next = null;
  od.state++;
}

/** _odictnode_DEALLOC: the node's key reference, then its memory. */
function nodeDealloc(vm: Vm, n: OdNode): void {
  vm.decref(n.key);
  vm.mem.free(n.addr);
}

/** PyODict_SetItem: into the dict, then a node at the tail unless the key has one. */
export function odSetItem(vm: Vm, h: number, key: number, value: number): void {
  const hk = hashKey(vm, key);
  // _PyDict_SetItem_KnownHash: the key's __hash__ is not called again
  dictSetItemKnownHash(vm, h, key, value, hashOfKey(hk), isFastKey(vm, key), hk);
  const od = odState(vm, h);
  vm.incref(key);
  const i = odGetIndex(vm, h, od, hk, key);
  if (od.fast[i] !== null) {
    vm.decref(key);
    return;
  }
  const addr = vm.mem.malloc(NODE_BYTES);
  if (addr === 0) {
    vm.decref(key);
    throw memoryError();
  }
  vm.mem.touch(addr, NODE_BYTES);
  const n: OdNode = { addr, key, hk, prev: null, next: null };
  addTail(od, n);
  od.fast[i] = n;
}

/** _odict_clear_node: the key's node out of the list and freed (nothing when the key has none). */
function clearNode(vm: Vm, h: number, od: OdState, hk: HashKey, key: number, node: OdNode | null): void {
  if (od.first === null) return;
  const i = odGetIndex(vm, h, od, hk, key);
  if (i < 0) return;
  node ??= od.fast[i];
  if (node === null) return;
  od.fast[i] = null;
  removeNode(od, node);
  nodeDealloc(vm, node);
}

/** PyODict_DelItem: the node first, then the dict's entry (a missing key is the dict's KeyError). */
export function odDelItem(vm: Vm, h: number, key: number): void {
  const hk = hashKey(vm, key);
  clearNode(vm, h, odState(vm, h), hk, key, null);
  dictDelItemKnownHash(vm, h, key, hashOfKey(hk), hk);
}

/**
 * _odict_popkey_hash: the value under `key` (a new reference), its node and entry removed; the
 * default (or KeyError) when the key has no node.
 */
export function odPopKey(vm: Vm, h: number, key: number, dflt: number): number {
  const od = odState(vm, h);
  const hk = hashKey(vm, key);
  const i = odGetIndex(vm, h, od, hk, key);
  const node = i < 0 ? null : od.fast[i];
  if (node !== null) {
    clearNode(vm, h, od, hk, key, node);
    // _PyDict_Pop_KnownHash
    const v = dictPopKnownHash(vm, h, key, hashOfKey(hk), hk);
    if (v !== 0) return v;
  }
  if (dflt !== 0) {
    vm.incref(dflt);
    return dflt;
  }
  throw setKeyError(vm, key, reprText(vm, key));
}

/** _odict_clear_nodes: the fast nodes freed first, then every node in order. */
export function odClearNodes(vm: Vm, h: number): void {
  const od = odState(vm, h);
  if (od.fastAddr) vm.mem.free(od.fastAddr);
  od.fastAddr = 0;
  od.fastSize = 0;
  od.sentinel = 0;
  od.sentinelLog2 = -1;
  od.fast = [];
  let n = od.first;
  od.first = od.last = null;
  while (n !== null) {
    const next = n.next;
    nodeDealloc(vm, n);
    n = next;
  }
}

/** OrderedDict.clear / tp_clear: the dict's table, then the nodes. */
export function odClear(vm: Vm, h: number): void {
  dictClear(vm, h);
  odClearNodes(vm, h);
}

/** move_to_end(key, last): nothing when the key is already at that end. */
export function odMoveToEnd(vm: Vm, h: number, key: number, last: boolean): void {
  const od = odState(vm, h);
  if (od.first === null) throw setKeyError(vm, key, reprText(vm, key));
  const end = last ? od.last! : od.first;
  if (key === end.key) return;
  const node = odFindNode(vm, h, key);
  if (node === null) throw setKeyError(vm, key, reprText(vm, key));
  if (last) {
    if (node !== od.last) {
      removeNode(od, node);
      addTail(od, node);
    }
  } else if (node !== od.first) {
    removeNode(od, node);
    addHead(od, node);
  }
}

/** The keys in order (borrowed), for traverse, reprs and copies. */
export function* odKeys(vm: Vm, h: number, reverse = false): Generator<OdNode> {
  const od = odState(vm, h);
  for (let n = reverse ? od.last : od.first; n !== null; n = reverse ? n.prev : n.next) yield n;
}
