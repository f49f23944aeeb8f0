import { NotSupported } from '../errors';
import { boundBuiltinNew } from '../objects/func';
import { intToStr, strNew, strRepr, strValue } from '../objects/str';
import { intValue } from '../objects/int';
import { enumerateNew, listReversed, zipNew } from '../objects/itertypes';
import { listNew } from '../objects/list';
import { tupleAlloc } from '../objects/tuple';
import { T } from '../objects/types';
import type { BuiltinImpl } from './call';
import { ordered } from './compare';
import type { Interp } from './interp';
import { getIter, listExtendIterable } from './iterate';
import { repr, typeName } from './repr';

/** enumerate, zip, reversed, sorted, repr and list.sort. */
export function installMoreBuiltins(it: Interp): void {
  const fns: Record<string, BuiltinImpl> = {
    enumerate: (it2, a, kw) => {
      if (a.length !== 1 || kw.size) throw new NotSupported('enumerate(start=...)');
      return enumerateNew(it2.vm, () => getIter(it2, a[0]));
    },
    zip: zipImpl,
    reversed: (it2, a) => {
      const vm = it2.vm;
      if (vm.table.type[a[0]] !== T.List) throw new NotSupported(`reversed(${typeName(vm, a[0])})`);
      // reversed_new_impl: __reversed__ looked up as a bound method (a PyCFunction), called, released
      const m = boundBuiltinNew(vm, a[0], '__reversed__');
      const r = listReversed(vm, a[0]);
      vm.decref(m);
      return r;
    },
    sorted: (it2, a, kw) => {
      if (kw.size) throw new NotSupported('sorted(key=..., reverse=...)');
      const vm = it2.vm;
      const l = listNew(vm, 0); // PySequence_List
      listExtendIterable(it2, l, a[0]);
      const m = boundBuiltinNew(vm, l, 'sort'); // newlist.sort, as a bound method
      sortList(it2, l);
      vm.decref(m);
      return l;
    },
    repr: (it2, a) => {
      const vm = it2.vm;
      const x = a[0];
      if (vm.table.type[x] === T.Int) return intToStr(vm, intValue(vm, x));
      if (vm.table.type[x] === T.Str) return strNew(vm, strRepr(strValue(vm, x)));
      return strNew(vm, repr(vm, x));
    },
  };
  for (const [name, impl] of Object.entries(fns)) {
    const h = it.vm.newStatic(name === 'enumerate' || name === 'zip' || name === 'reversed' ? T.Type : T.Builtin);
    it.vm.table.side[h] = name;
    it.builtins.set(name, h);
    it.builtinImpls.set(name, impl);
  }
  it.extraMethods.set(`${T.List}:sort`, (it2, self, args, kw) => {
    if (args.length || kw.size) throw new NotSupported('list.sort(key=..., reverse=...)');
    sortList(it2, self);
    return it2.vm.s.None;
  });
}

/** zip_new: the iterator tuple first, then each iterator, then the result tuple and the object. */
const zipImpl: BuiltinImpl = (it, args, kw) => {
  const vm = it.vm;
  if (kw.size) throw new NotSupported('zip(strict=...)');
  const n = args.length;
  const ittuple = n ? tupleAlloc(vm, n) : vm.s.emptyTuple;
  if (n) vm.pool.data.fill(0, vm.table.ref[ittuple], vm.table.ref[ittuple] + n);
  if (n) vm.gc.track(ittuple);
  const iters: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = getIter(it, args[i]);
    vm.pool.data[vm.table.ref[ittuple] + i] = x;
    iters.push(x);
  }
  return zipNew(vm, iters, ittuple);
};

/**
 * list.sort (list_sort_impl, timsort): the items are sorted in place. The merge state's 256-slot
 * temp array lives on the C stack; longer merges PyMem_Malloc a buffer of about half the run
 * (merge_getmem), so a list of more than 256 items that is not one monotonic run takes one.
 */
export function sortList(it: Interp, l: number): void {
  const vm = it.vm;
  const t = vm.table;
  const n = t.n[l];
  if (n < 2) return;
  const items = Array.from({ length: n }, (_, i) => vm.pool.data[t.ref[l] + i]);
  if (t.flags[l] & 4) return; // a run of one value is sorted
  const lt = (a: number, b: number) => ordered(vm, '<', a, b);
  let ascending = true;
  let descending = true;
  for (let i = 1; i < n && (ascending || descending); i++) {
    if (lt(items[i], items[i - 1])) ascending = false;
    else descending = false; // timsort's descending runs are strictly decreasing
  }
  let temp = 0;
  if (n > 256 && !ascending && !descending) {
    temp = vm.mem.malloc(8 * Math.ceil(n / 2));
    vm.mem.touch(temp, 8 * Math.ceil(n / 2));
  }
  items.sort((a, b) => (lt(a, b) ? -1 : lt(b, a) ? 1 : 0));
  items.forEach((v, i) => (vm.pool.data[t.ref[l] + i] = v));
  vm.mem.touch(t.ptr[l], 8 * n);
  if (temp) vm.mem.free(temp);
}
