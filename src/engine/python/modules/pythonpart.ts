import { dictGetItem, dictNew, dictSetItem } from '../objects/dict';
import { intern, strNew } from '../objects/str';
import type { Vm } from '../runtime/vm';
import { hostOf } from './host';

/**
 * The Python half of a library module (collections' Counter, weakref's WeakValueDictionary and
 * finalize): classes and functions whose real source is Python, run by the eval loop so their
 * methods allocate what the real ones allocate, call by call. The text is ours (written from what
 * the library does, never copied), compiled by our compiler and run at import in a globals dict
 * of its own that holds the names the real module imports (`names`).
 *
 * What running the module's body leaves behind is part of the import's cost, which footprint.ts
 * has replayed already (or the start-up holds, for a module loaded there): so the body runs with
 * `Mem.accounted` set, its blocks placed outside the heap and never given back to an allocator,
 * and the collector neither runs nor counts meanwhile. Returns the globals dict (static: the
 * module keeps it for good) to read the results from.
 */
export function runPythonPart(vm: Vm, module: string, source: string, names: Record<string, number>): number {
  const mem = vm.mem;
  const gc = vm.gc;
  const counts = [...gc.count];
  const enabled = gc.enabled;
  // a part may import another module whose part runs nested: the outer one stays accounted
  const wasAccounted = mem.accounted;
  mem.accounted = true;
  gc.enabled = false;
  try {
    const globals = dictNew(vm);
    const name = strNew(vm, module);
    dictSetItem(vm, globals, intern(vm, '__name__'), name);
    vm.decref(name);
    for (const [k, v] of Object.entries(names)) dictSetItem(vm, globals, intern(vm, k), v);
    hostOf(vm).execSource(source, `<${module}>`, globals);
    return globals;
  } finally {
    mem.accounted = wasAccounted;
    gc.enabled = enabled;
    gc.count.splice(0, counts.length, ...counts);
  }
}

/** A name the Python part defined (borrowed: its globals keep it). */
export function partName(vm: Vm, globals: number, name: string): number {
  const v = dictGetItem(vm, globals, intern(vm, name));
  if (v === 0) throw new Error(`internal: the Python part did not define ${name}`);
  return v;
}
