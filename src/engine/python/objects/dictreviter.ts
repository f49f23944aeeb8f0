import { raiseString } from '../abstract/errors';
import type { Vm } from '../runtime/vm';
import { dictData } from './dictkeys';
import { E } from './exctypes';
import { jsIterNew, jsIterType, type JsIterState } from './jsiter';
import { tupleAlloc } from './tuple';
import type { DictIterKind } from './dictview';
import { Meth, type MethodDef } from './types';
import { keyAt, valueAt } from './dictindex';

/**
 * reversed(dict) and reversed() of its views (Objects/dictobject.c, 3.8+): dictreviter_new makes a
 * dictiterobject (16 + 56 bytes, tracked) of type dict_reversekeyiterator / valueiterator /
 * itemiterator, positioned at the last entry; dictreviter_iternext walks the entries backwards,
 * skipping deleted ones, and raises RuntimeError once the dict's size changed under it.
 * (The item iterator here makes a fresh (key, value) tuple each step; CPython reuses its result
 * tuple when nobody else holds it, which changes no allocation a script can keep.)
 */
const REV_TYPES = {
  keys: jsIterType('dict_reversekeyiterator', 'builtins', 56),
  values: jsIterType('dict_reversevalueiterator', 'builtins', 56),
  items: jsIterType('dict_reverseitemiterator', 'builtins', 56),
};

/** dictreviter_new over dict d. */
export function dictRevIterNew(vm: Vm, d: number, kind: DictIterKind): number {
  vm.incref(d);
  const held = [d];
  const used = vm.table.n[d];
  let pos = dictData(vm, d).nentries - 1;
  const next: JsIterState['next'] = (vm2) => {
    if (held.length === 0) return 0;
    if (vm2.table.n[d] !== used) {
      held.length = 0;
      vm2.decref(d);
      throw raiseString(vm2, E.RuntimeError, 'dictionary changed size during iteration');
    }
    const data = dictData(vm2, d);
    while (pos >= 0 && valueAt(data, pos) === 0) pos--;
    if (pos < 0) {
      held.length = 0;
      vm2.decref(d);
      return 0;
    }
    const key = keyAt(data, pos);
    const value = valueAt(data, pos--);
    if (kind !== 'items') {
      const v = kind === 'keys' ? key : value;
      vm2.incref(v);
      return v;
    }
    vm2.incref(key);
    vm2.incref(value);
    const r = tupleAlloc(vm2, 2);
    vm2.pool.data[vm2.table.ref[r]] = key;
    vm2.pool.data[vm2.table.ref[r] + 1] = value;
    vm2.gc.track(r);
    return r;
  };
  return jsIterNew(vm, REV_TYPES[kind], next, held);
}

/** `__reversed__` for dict (dict___reversed__) or a view of `kind` (dictkeys_reversed …): h's dict is `dictOf(h)`. */
export const reversedMethod = (kind: DictIterKind, dictOf: (vm: Vm, h: number) => number): MethodDef => ({
  name: '__reversed__',
  flags: Meth.NoArgs,
  impl: (vm, h) => dictRevIterNew(vm, dictOf(vm, h), kind),
});
