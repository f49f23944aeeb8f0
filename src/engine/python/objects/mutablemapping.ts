import { lookupAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseFormat, typeError } from '../abstract/errors';
import { getItem, setItem } from '../abstract/item';
import { getIter, iterNext } from '../abstract/iter';
import type { Vm } from '../runtime/vm';
import { dictEntries } from './dict';
import { E } from './exctypes';
import { listNew, listPut } from './list';
import { intern } from './str';
import { tupleAlloc } from './tuple';
import { T, type Kwargs } from './types';

/**
 * mutablemapping_update (Objects/odictobject.c), OrderedDict's __init__ and update(): one
 * positional mapping or iterable of pairs, then the keywords, all through PyObject_SetItem.
 * A dict argument and the keywords go through PyDict_Items (a list of new 2-tuples); every pair
 * is unpacked with its own iterator ("could be more efficient", says the C source).
 */
export function mutableMappingUpdate(vm: Vm, self: number, args: readonly number[], kw: Kwargs | null): void {
  if (args.length > 1)
    throw typeError(vm, 'update() takes at most 1 positional argument (%zd given)', args.length);
  if (args.length) {
    const other = args[0];
    vm.incref(other);
    try {
      updateArg(vm, self, other);
    } finally {
      vm.decref(other);
    }
  }
  if (kw !== null && kw.size > 0) {
    const items = itemsList(
      vm,
      Array.from(kw, ([k, v]) => [intern(vm, k), v] as [number, number]),
    );
    try {
      addPairs(vm, self, items);
    } finally {
      vm.decref(items);
    }
  }
}

/** PyDict_Items: PyList_New(n), n new 2-tuples, then filled. */
export function itemsList(vm: Vm, entries: [number, number][]): number {
  const l = listNew(vm, entries.length);
  const tuples = entries.map(() => tupleAlloc(vm, 2));
  entries.forEach(([k, v], i) => {
    const tup = tuples[i];
    vm.incref(k);
    vm.incref(v);
    vm.pool.data[vm.table.ref[tup]] = k;
    vm.pool.data[vm.table.ref[tup] + 1] = v;
    vm.gc.track(tup);
    listPut(vm, l, i, tup);
  });
  return l;
}

/** mutablemapping_update_arg: a dict's items; a mapping by keys(); else items() if it has one; else pairs. */
function updateArg(vm: Vm, self: number, arg: number): void {
  if (vm.table.type[arg] === T.Dict) {
    const items = itemsList(vm, Array.from(dictEntries(vm, arg)));
    try {
      addPairs(vm, self, items);
    } finally {
      vm.decref(items);
    }
    return;
  }
  const keysFn = lookupAttr(vm, arg, 'keys');
  if (keysFn !== 0) {
    let keys: number;
    try {
      keys = call(vm, keysFn, [], null);
    } finally {
      vm.decref(keysFn);
    }
    const it = getIter(vm, keys);
    vm.decref(keys);
    try {
      for (let key = iterNext(vm, it); key !== 0; key = iterNext(vm, it)) {
        try {
          const value = getItem(vm, arg, key);
          try {
            setItem(vm, self, key, value);
          } finally {
            vm.decref(value);
          }
        } finally {
          vm.decref(key);
        }
      }
    } finally {
      vm.decref(it);
    }
    return;
  }
  const itemsFn = lookupAttr(vm, arg, 'items');
  if (itemsFn !== 0) {
    let items: number;
    try {
      items = call(vm, itemsFn, [], null);
    } finally {
      vm.decref(itemsFn);
    }
    try {
      addPairs(vm, self, items);
    } finally {
      vm.decref(items);
    }
    return;
  }
  addPairs(vm, self, arg);
}

/** mutablemapping_add_pairs: each pair through an iterator of its own (exactly two items). */
function addPairs(vm: Vm, self: number, pairs: number): void {
  const it = getIter(vm, pairs);
  try {
    for (let pair = iterNext(vm, it); pair !== 0; pair = iterNext(vm, it)) {
      let pit = 0;
      let key = 0;
      let value = 0;
      try {
        pit = getIter(vm, pair);
        key = iterNext(vm, pit);
        if (key === 0) throw raiseFormat(vm, E.ValueError, 'need more than 0 values to unpack');
        value = iterNext(vm, pit);
        if (value === 0) throw raiseFormat(vm, E.ValueError, 'need more than 1 value to unpack');
        const unexpected = iterNext(vm, pit);
        if (unexpected !== 0) {
          vm.decref(unexpected);
          throw raiseFormat(vm, E.ValueError, 'too many values to unpack (expected 2)');
        }
        setItem(vm, self, key, value);
      } finally {
        vm.decref(pair);
        if (pit) vm.decref(pit);
        if (key) vm.decref(key);
        if (value) vm.decref(value);
      }
    }
  } finally {
    vm.decref(it);
  }
}
