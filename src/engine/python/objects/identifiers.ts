import type { Vm } from '../runtime/vm';
import { intern, strNew } from './str';

/**
 * `_Py_IDENTIFIER` strings (Objects/unicodeobject.c, 3.11 `_PyUnicode_FromId`): the extension
 * modules that still use them (_json's "null"/"[]"…, _pickle's names) get a process-wide index on
 * first use and keep the interned str in the interpreter's ids array. The first use decodes the
 * text (a new str), interns it (when an equal str is interned already, the new one is freed and
 * the interned one kept) and stores it in the array, which PyMem_Realloc grows to
 * max(2 × index, 16) entries when the index does not fit: the first identifier a process uses
 * costs a 128-byte array that lives as long as the process (measured: `json.dumps(None)` on
 * 3.11.7 is "m 53 f 53 r 128 new").
 */
interface IdState {
  /** Index by identifier text (assigned in first-use order). */
  readonly index: Map<string, number>;
  /** The ids array: its block and its size in entries. */
  array: number;
  size: number;
}

const states = new WeakMap<Vm, IdState>();

function stateOf(vm: Vm): IdState {
  let s = states.get(vm);
  if (s === undefined) states.set(vm, (s = { index: new Map(), array: 0, size: 0 }));
  return s;
}

/**
 * The identifier's str (borrowed: the ids array holds it for the process's life).
 * `interned`: whether the real process has an equal str interned already when the module first
 * uses the identifier (a name some loaded code uses); then the decoded copy is freed.
 */
export function pyIdentifier(vm: Vm, text: string, interned: boolean): number {
  const s = stateOf(vm);
  const known = s.index.get(text);
  if (known !== undefined) return intern(vm, text);
  const index = s.index.size;
  s.index.set(text, index);
  // PyUnicode_DecodeUTF8Stateful: one latin-1 character is the cached singleton (no allocation)
  let h = text.length === 1 && text.charCodeAt(0) < 256 ? vm.s.char(text.charCodeAt(0)) : 0;
  if (h === 0) {
    const copy = strNew(vm, text);
    if (interned || vm.interned.has(text)) {
      vm.decref(copy);
      h = intern(vm, text);
    } else {
      // PyUnicode_InternInPlace keeps this very object: it becomes the interned one
      vm.interned.set(text, copy);
      h = copy;
    }
  }
  if (index >= s.size) {
    const size = Math.max(index * 2, 16);
    s.array = vm.mem.realloc(s.array, 8 * size);
    vm.mem.touch(s.array, 8 * size);
    s.size = size;
  }
  return h;
}
