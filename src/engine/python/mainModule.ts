import { call } from './abstract/call';
import { dictNew, dictSetItem } from './objects/dict';
import { moduleStatic } from './objects/module';
import { intern, strNew } from './objects/str';
import { F_IMMORTAL } from './objects/table';
import { partName, runPythonPart } from './modules/pythonpart';
import type { Vm } from './runtime/vm';

/**
 * The script's module globals, `sys.modules['__main__'].__dict__`, as `python script.py` fills them
 * (measured on 3.11.7, tools/hw_child.py since mainrun does the same):
 *   PyModule_NewObject (module_init_dict): __name__, __doc__, __package__, __loader__, __spec__;
 *   add_main_module (pylifecycle.c): __annotations__ = {}, __builtins__;
 *   _PyRun_SimpleFileObject (pythonrun.c): __file__ (the script's absolute path), __cached__ = None,
 *   then set_main_loader: __loader__ = SourceFileLoader('__main__', __file__), in module_init_dict's slot.
 * Nine keys: the dict's keys are 16 slots (10 usable), so the script's second global resizes them
 * to 32 (sys.getsizeof(globals()) 272 → 464 at the 11th key; the earlier recorder children put
 * two keys there and resized at the 6th). `pymain` false: those children's layout,
 * {"__name__": "__main__", "__builtins__": builtins}, for a recording they made.
 */
export interface MainGlobals {
  dict: number;
  /** The blocks this took that the start-up capture already holds (the process gives as many back). */
  taken: number[];
}

export function makeMainGlobals(vm: Vm, file: string, pymain: boolean): MainGlobals {
  const g = dictNew(vm);
  const main = strNew(vm, '__main__', 0);
  vm.table.flags[main] |= F_IMMORTAL;
  const builtinsModule = moduleStatic(vm, 'builtins', null);
  const taken: number[] = [vm.table.addr[g]];
  const put = (key: string, value: number): void => dictSetItem(vm, g, intern(vm, key), value);
  put('__name__', main);
  taken.push(vm.table.addr[main]);
  if (pymain) {
    const none = vm.s.None;
    put('__doc__', none);
    put('__package__', none);
    put('__loader__', none); // module_init_dict's None; installMainLoader puts the loader here
    put('__spec__', none);
    const annotations = dictNew(vm);
    put('__annotations__', annotations);
    vm.decref(annotations);
    taken.push(vm.table.addr[annotations]);
    put('__builtins__', builtinsModule);
    const path = strNew(vm, file);
    put('__file__', path);
    vm.decref(path);
    taken.push(vm.table.addr[path]);
    put('__cached__', none);
  } else {
    put('__builtins__', builtinsModule);
  }
  vm.table.flags[g] |= F_IMMORTAL;
  taken.push((vm.table.side[g] as { keysAddr: number }).keysAddr);
  return { dict: g, taken };
}

// importlib._bootstrap_external.SourceFileLoader as far as a script reaches it through
// __loader__ (our text, written from what FileLoader/SourceLoader do): name and path, the file's
// name and bytes; the class's __module__ and repr as the frozen module's.
const LOADER_SOURCE = `
class SourceFileLoader:
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path
    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__
    def __hash__(self):
        return hash(self.name) ^ hash(self.path)
    def get_filename(self, name=None):
        return self.path
    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()
    def is_package(self, fullname):
        return False
SourceFileLoader.__module__ = '_frozen_importlib_external'
`;

/**
 * set_main_loader: the SourceFileLoader instance in __loader__'s slot (made once the interpreter
 * runs; the start-up capture holds its memory, so it is made outside the heap like a module's
 * Python part). The slot exists already, so the dict does not change size.
 */
export function installMainLoader(vm: Vm, globals: number, file: string): void {
  // the class, its functions and the instance are start-up objects: the profile's generation-2
  // count (the recorder's <start>, 11,651 tracked objects) holds them already, so the modelled ones
  // leave the collector's lists (gc.get_objects() would list them twice; gco_len_objects_loop's
  // baseline 11,653 as the real child prints it)
  const gc = vm.gc;
  const young = new Set(gc.objects(0));
  makeMainLoader(vm, globals, file);
  for (const h of gc.objects(0)) if (!young.has(h)) gc.untrack(h);
}

function makeMainLoader(vm: Vm, globals: number, file: string): void {
  const part = runPythonPart(vm, '_frozen_importlib_external', LOADER_SOURCE, {});
  const cls = partName(vm, part, 'SourceFileLoader');
  const was = vm.mem.accounted;
  vm.mem.accounted = true;
  try {
    const name = strNew(vm, '__main__');
    const path = strNew(vm, file);
    const loader = call(vm, cls, [name, path], null);
    dictSetItem(vm, globals, intern(vm, '__loader__'), loader);
    vm.decref(loader);
    vm.decref(name);
    vm.decref(path);
  } finally {
    vm.mem.accounted = was;
  }
}
