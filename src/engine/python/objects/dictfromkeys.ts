import { call } from '../abstract/call';
import { typeError } from '../abstract/errors';
import { forEachItem } from '../abstract/iter';
import { setItem } from '../abstract/item';
import type { Vm } from '../runtime/vm';
import { dictEntries, dictSetItem } from './dict';
import { dictData, ownDictData } from './dictkeys';
import { resizeFor } from './dictmerge';
import { setMembers } from './set';
import { Meth, T, type MethodDef } from './types';

/**
 * dict.fromkeys(iterable, value=None, /): _PyDict_FromKeys (Objects/dictobject.c, 3.11). `cls()`
 * is called first (an exact dict: an empty dict on Py_EMPTY_KEYS). When the result is an exact
 * dict and the iterable an exact dict or (frozen)set, the table is resized once to
 * estimate_log2_keysize(len(iterable)) (a set gives a general table: unicode 0) and every key is
 * inserted; otherwise the iterable is walked and each key stored (PyDict_SetItem, or
 * PyObject_SetItem for a subclass), growing the table as any insertion does.
 */
function dictFromKeys(vm: Vm, cls: number, args: readonly number[]): number {
  if (args.length < 1 || args.length > 2)
    throw typeError(
      vm,
      args.length < 1
        ? 'fromkeys expected at least 1 argument, got %zd'
        : 'fromkeys expected at most 2 arguments, got %zd',
      args.length,
    );
  const iterable = args[0];
  const value = args[1] ?? vm.s.None;
  const d = call(vm, cls, [], null);
  try {
    const t = vm.table;
    if (t.type[d] === T.Dict) {
      const it = t.type[iterable];
      if (it === T.Dict || it === T.Set || it === T.FrozenSet) {
        const unicode = it === T.Dict && dictData(vm, iterable).unicode;
        resizeFor(vm, ownDictData(vm, d), t.n[iterable], unicode);
        const keys =
          it === T.Dict ? Array.from(dictEntries(vm, iterable), ([k]) => k) : setMembers(vm, iterable);
        for (const k of keys) dictSetItem(vm, d, k, value);
        return d;
      }
      forEachItem(vm, iterable, (k) => void dictSetItem(vm, d, k, value));
      return d;
    }
    forEachItem(vm, iterable, (k) => void setItem(vm, d, k, value));
    return d;
  } catch (e) {
    vm.decref(d);
    throw e;
  }
}

export const DICT_FROMKEYS: MethodDef = {
  name: 'fromkeys',
  flags: Meth.Fastcall | Meth.Class,
  impl: (vm, cls, args) => dictFromKeys(vm, cls, args),
  qualname: 'dict.fromkeys',
};
