import { raiseFormat } from '../abstract/errors';
import { isTrue } from '../abstract/object';
import { dictGetItem } from '../objects/dict';
import { E } from '../objects/exctypes';
import { BYTES_HEADER } from '../objects/bytes';
import { intern } from '../objects/str';
import { F_IMMORTAL } from '../objects/table';
import { tupleFromItems } from '../objects/tuple';
import { T, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { gcAllocRaw, gcFreeRaw, OP } from './pickleops';
import type { PicklerCore } from './picklereduce';

/**
 * An instance pickled below protocol 2 (Lib/copyreg.py `_reduce_ex`, 3.11): object.__reduce_ex__(0
 * or 1) hands over to copyreg's Python function, which walks the class's __mro__ to the first
 * non-heap base (object, for the classes `reducible` accepts), gets the state (a __getstate__ of the
 * class's own, else object.__getstate__: the __dict__, None when empty) and returns
 * (copyreg._reconstructor, (cls, object, None), state), or a 2-tuple when the state is falsy. A class
 * with non-empty __slots__ and no __getstate__ of its own is a TypeError. The C pickler's
 * save_reduce then writes the callable and the argument tuple with GLOBAL (fix_imports: copyreg is
 * `copy_reg`, builtins `__builtin__` for Python 2), REDUCE, the instance memoized, the state, BUILD:
 * `ccopy_reg\n_reconstructor\np0\n(c__main__\nA\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n…`
 * (measured on 3.11.7: the callable and `object` memoized once per pickler, `h\x01`, `h\x03` after).
 */

/** The stand-in the memo holds for copyreg._reconstructor (a start-up function of the real process). */
const reconstructors = new WeakMap<Vm, number>();

function reconstructorKey(vm: Vm): number {
  let h = reconstructors.get(vm);
  if (h === undefined) {
    const was = vm.mem.accounted;
    vm.mem.accounted = true;
    try {
      h = intern(vm, 'copyreg._reconstructor');
      vm.incref(h);
      vm.table.flags[h] |= F_IMMORTAL;
    } finally {
      vm.mem.accounted = was;
    }
    reconstructors.set(vm, h);
  }
  return h;
}

/**
 * save_global's GLOBAL below protocol 3 for a start-up object: the (module, name) key tuple looked
 * up in the 3-to-2 maps and dropped, then each ASCII-encoded bytes made, written and released.
 */
function writeGlobalText(p: PicklerCore, vm: Vm, module: string, name: string): void {
  const m = intern(vm, module);
  const n = intern(vm, name);
  vm.incref(m);
  vm.incref(n);
  vm.decref(tupleFromItems(vm, [m, n])); // the extension registry's key
  vm.incref(m);
  vm.incref(n);
  vm.decref(tupleFromItems(vm, [m, n])); // fix_imports' REVERSE_NAME_MAPPING key
  const python2 = module === 'builtins' ? '__builtin__' : module === 'copyreg' ? 'copy_reg' : module;
  p.write([OP.GLOBAL]);
  for (const text of [python2, name]) {
    const bytes = Array.from(text, (ch) => ch.charCodeAt(0));
    const encoded = vm.mem.malloc(BYTES_HEADER + bytes.length);
    p.write([...bytes, 0x0a]);
    vm.mem.free(encoded);
  }
}

/** A memoized object fetched, else its GLOBAL written and memoized (save(): memo first). */
function saveStartupGlobal(p: PicklerCore, vm: Vm, key: number, module: string, name: string): void {
  if (p.memoGet(key)) return;
  writeGlobalText(p, vm, module, name);
  p.memoPut(key);
}

/** getattr(self, "__slots__", None) is truthy: the nearest __slots__ along the MRO, non-empty. */
function hasSlots(vm: Vm, tp: TypeSlots): boolean {
  for (const id of tp.mro) {
    const t = vm.types[id];
    const own = t.dict ? dictGetItem(vm, t.dict, intern(vm, '__slots__')) : 0;
    if (own !== 0) return isTrue(vm, own);
  }
  return false;
}

/** copyreg._reduce_ex(self, proto) and save_reduce of what it returns; `getState` is object_getstate's model. */
export function saveInstanceBelow2(
  p: PicklerCore,
  vm: Vm,
  obj: number,
  tp: TypeSlots,
  ownGetstate: boolean,
  getState: () => number,
): void {
  if (!ownGetstate && hasSlots(vm, tp))
    throw raiseFormat(vm, E.TypeError, 'a class that defines __slots__ without defining __getstate__ cannot be pickled');
  // the Python call: the __mro__ tuple's iterator while the bases are walked
  const iter = gcAllocRaw(vm, 32);
  gcFreeRaw(vm, iter);
  const objectType = vm.types[T.Object].typeObject;
  const state = getState();
  const none = vm.s.None;
  vm.incref(tp.typeObject);
  vm.incref(objectType);
  vm.incref(none);
  const args = tupleFromItems(vm, [tp.typeObject, objectType, none]);
  try {
    const withState = state !== none && isTrue(vm, state);
    // save_reduce: the callable, the argument tuple (MARK … TUPLE, its items memoized), REDUCE
    saveStartupGlobal(p, vm, reconstructorKey(vm), 'copyreg', '_reconstructor');
    p.write([OP.MARK]);
    p.save(tp.typeObject);
    saveStartupGlobal(p, vm, objectType, 'builtins', 'object');
    p.save(none);
    p.write([OP.TUPLE]);
    p.memoPut(args);
    p.write([OP.REDUCE]);
    p.memoPut(obj);
    if (withState) {
      p.save(state);
      p.write([OP.BUILD]);
    }
  } finally {
    vm.decref(args);
    vm.decref(state);
  }
}
