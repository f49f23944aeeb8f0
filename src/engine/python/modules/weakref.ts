import { checkPositional } from '../objects/getargs';
import { fromSsize } from '../objects/int';
import { listNew, listPut } from '../objects/list';
import { moduleType } from '../objects/modtypes';
import { CallableProxyType, ProxyType } from '../objects/weakproxy';
import { weakProxyNew } from '../objects/weakref';
import { supportsWeakrefs, weakList } from '../objects/weaklist';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn, makeModule } from './module';
import { moduleData } from '../objects/module';
import { makeWeakrefClasses } from './weakrefpy';
import type { ModuleSpec } from './registry';

/**
 * weakref (Lib/weakref.py over the C module _weakref): ref, proxy, getweakrefcount, getweakrefs
 * and the reference types (objects/weakref.ts, weakproxy.ts, weaklist.ts); KeyedRef,
 * WeakValueDictionary, WeakKeyDictionary and finalize run as Python (weakrefpy.ts), WeakSet
 * (weaksetpy.ts) and WeakMethod (weakmethodpy.ts) too.
 */
function proxy(vm: Vm, a: readonly number[]): number {
  checkPositional(vm, 'proxy', a.length, 1, 2);
  return weakProxyNew(
    vm,
    a[0],
    a[1] ?? 0,
    moduleType(vm, ProxyType).id,
    moduleType(vm, CallableProxyType).id,
  );
}

/** _weakref.getweakrefs: a list of the object's references (PyList_New(count)). */
function getweakrefs(vm: Vm, obj: number): number {
  if (!supportsWeakrefs(vm, vm.typeOf(obj))) return listNew(vm, 0);
  const refs = weakList(vm, obj);
  const l = listNew(vm, refs.length);
  refs.forEach((r, i) => {
    vm.incref(r);
    listPut(vm, l, i, r);
  });
  return l;
}

export const weakrefModule: ModuleSpec = {
  name: 'weakref',
  load(vm, importModule) {
    const ref = vm.types[T.WeakRef].typeObject;
    const itertools = importModule('itertools');
    const count = moduleData(vm, itertools).attrs.get('count')!;
    vm.decref(itertools);
    const classes = makeWeakrefClasses(vm, { ref, _count: count });
    const p = moduleType(vm, ProxyType).typeObject;
    const cp = moduleType(vm, CallableProxyType).typeObject;
    const proxyTypes = vm.newStatic(T.Tuple);
    vm.table.n[proxyTypes] = 2;
    vm.table.ref[proxyTypes] = vm.pool.alloc(2);
    vm.pool.data[vm.table.ref[proxyTypes]] = p;
    vm.pool.data[vm.table.ref[proxyTypes] + 1] = cp;
    return makeModule(
      vm,
      'weakref',
      [
        fn('proxy', Meth.Fastcall, (vm2, _m, a) => proxy(vm2, a)),
        fn('getweakrefcount', Meth.O, (vm2, _m, a) =>
          fromSsize(vm2, supportsWeakrefs(vm2, vm2.typeOf(a[0])) ? weakList(vm2, a[0]).length : 0),
        ),
        fn('getweakrefs', Meth.O, (vm2, _m, a) => getweakrefs(vm2, a[0])),
      ],
      { ref, ReferenceType: ref, ProxyType: p, CallableProxyType: cp, ProxyTypes: proxyTypes, ...classes },
    );
  },
};
