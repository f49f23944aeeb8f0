import { NotSupported } from '../errors';
import { raiseString } from '../abstract/errors';
import { builtinStatic } from '../objects/descr';
import { E } from '../objects/exctypes';
import { moduleData } from '../objects/module';
import { strValue } from '../objects/str';
import { readyStaticType } from '../objects/typeobject';
import { Meth, T, TpFlags, defineType, type TypeSlots } from '../objects/types';
import { ctypesFunctions } from './ctypesapi';
import { cfuncPtrType, newFuncState } from './ctypesfunc';
import { installSimpleTypes } from './ctypessimple';
import { installStructTypes } from './ctypesstruct';
import { byrefFunction, installByref } from './ctypesbyref';
import type { Vm } from '../runtime/vm';
import { hostOf } from './host';
import type { ModuleSpec } from './registry';
import { staticModule } from './gc';

/**
 * ctypes.CDLL("libc.so.6") and its `.malloc_trim`: ctypes builds a new _FuncPtr class per CDLL,
 * and the instance, its dict and the cached function pointer form a reference cycle, so all of it
 * stays until a full collection. Measured (3.11.7, hooked allocators): these blocks remain, 15
 * of them GC objects; 960 and 768 bytes go to glibc.
 */
const CDLL_BLOCKS = [
  960, 768, 272, 264, 208, 208, 200, 120, 120, 80, 72, 64, 64, 64, 64, 64, 56, 56, 56, 56, 48, 48, 32, 32, 4,
];
const CDLL_GC_OBJECTS = 15;

/** The sonames ctypes.util.find_library gives on the simulated machine (Debian 12, measured). */
export const LIBRARIES = new Map<string, string>([
  ['c', 'libc.so.6'],
  ['m', 'libm.so.6'],
  ['pthread', 'libpthread.so.0'],
  ['dl', 'libdl.so.2'],
  ['rt', 'librt.so.1'],
  ['util', 'libutil.so.1'],
  ['z', 'libz.so.1'],
  ['ssl', 'libssl.so.3'],
  ['crypto', 'libcrypto.so.3'],
  ['stdc++', 'libstdc++.so.6'],
  ['gcc_s', 'libgcc_s.so.1'],
  ['jemalloc', 'libjemalloc.so.2'],
  ['mimalloc', 'libmimalloc.so.2'],
  ['python3.11', 'libpython3.11.so.1.0'],
]);
const SONAMES = new Set(LIBRARIES.values());

interface CdllState {
  /** What CDLL was given ('libc.so.6', or 'None' for the program itself). */
  name: string;
  blocks: number[];
  funcs: Map<string, number>;
  /** What the script's libc.malloc/calloc returned and has not freed. */
  heap: Set<number>;
  /** glibc's malloc_trim in the simulated process. */
  trim: (pad: number) => number;
}

/**
 * The ctypes module (already imported by the recorder): its CDLL and function pointers
 * (ctypesfunc.ts), the simple types (ctypessimple.ts), char arrays (ctypesarray.ts) and the
 * module-level functions (ctypesapi.ts).
 */
export const ctypesModule: ModuleSpec = {
  name: 'ctypes',
  load: (vm) => {
    const module = staticModule(vm, 'ctypes', []);
    installCtypes(vm, module);
    return module;
  },
};

function installCtypes(vm: Vm, module: number): void {
  readyStaticType(vm, cdllType());
  const simple = installSimpleTypes(vm);
  readyStaticType(
    vm,
    cfuncPtrType(() => simple.get('c_int')!),
  );
  const attrs = moduleData(vm, module).attrs;
  for (const [name, t] of simple) attrs.set(name, t);
  installStructTypes(vm, simple, attrs);
  installByref(vm);
  for (const d of [...ctypesFunctions(), byrefFunction()]) attrs.set(d.name, builtinStatic(vm, { ...d, qualname: d.name }, 'ctypes'));
  attrs.set('ArgumentError', vm.types[E.ArgumentError].typeObject);
  const trim = (pad: number) => hostOf(vm).mallocTrim(pad);
  const cdll = builtinStatic(
    vm,
    {
      name: 'CDLL',
      qualname: 'ctypes.CDLL',
      flags: Meth.Fastcall,
      impl: (vm2, _s, a) => cdllNew(vm2, a, trim),
    },
    'ctypes',
  );
  attrs.set('CDLL', cdll);
}

/**
 * CDLL(name): the C library by its soname (what ctypes.util.find_library('c') returns) or the
 * program itself (CDLL(None): dlopen(NULL), whose symbols include libc's). Another library that
 * exists on the simulated machine is not modelled; a name that does not exist raises dlopen's OSError.
 */
function cdllNew(vm: Vm, args: readonly number[], trim: (pad: number) => number): number {
  const none = args.length > 0 && args[0] === vm.s.None;
  const name = args.length && vm.table.type[args[0]] === T.Str ? strValue(vm, args[0]) : null;
  if (!none && name !== 'libc.so.6') {
    if (name !== null && !SONAMES.has(name) && !name.includes('/'))
      throw raiseString(vm, E.OSError, `${name}: cannot open shared object file: No such file or directory`);
    throw new NotSupported(
      `ctypes.CDLL(${name === null ? '...' : `'${name}'`}) (only "libc.so.6" and None are modelled)`,
    );
  }
  const h = vm.newGcObject(T.CDLL, 48); // the instance: GC head + managed-dict pre-header + object
  const blocks: number[] = [];
  for (const size of CDLL_BLOCKS) {
    const p = vm.mem.malloc(size);
    if (p === 0) throw raiseString(vm, E.MemoryError, '');
    vm.mem.touch(p, size);
    blocks.push(p);
  }
  for (let i = 1; i < CDLL_GC_OBJECTS; i++) vm.gc.linked();
  vm.table.side[h] = {
    blocks,
    funcs: new Map<string, number>(),
    heap: new Set<number>(),
    trim,
    name: none ? 'None' : 'libc.so.6',
  } satisfies CdllState;
  vm.table.ref[h] = h; // the cycle: instance → __dict__ → _FuncPtr → instance
  vm.incref(h);
  vm.gc.track(h);
  return h;
}

/** The CDLL bundle's deallocation (tp_dealloc after the cycle is cleared). */
function cdllDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  const st = vm.table.side[h] as CdllState;
  for (const p of st.blocks) vm.mem.free(p);
  for (let i = 1; i < CDLL_GC_OBJECTS; i++) vm.gc.deleted();
  vm.gcDel(h);
}

const cdllType = (): TypeSlots =>
  defineType({
    id: T.CDLL,
    name: 'CDLL',
    module: 'ctypes',
    basicsize: 32,
    flags: TpFlags.HaveGc,
    dealloc: cdllDealloc,
    traverse: (vm, h, visit) => {
      if (vm.table.ref[h]) visit(vm.table.ref[h]);
    },
    clear: (vm, h) => {
      if (vm.table.ref[h]) {
        vm.table.ref[h] = 0;
        vm.decref(h);
      }
    },
    reprText: (vm, h) =>
      `<CDLL '${(vm.table.side[h] as CdllState).name}', handle ${vm.id(h).toString(16)} at 0x${vm.id(h).toString(16)}>`,
    // CDLL.__getattr__: a _FuncPtr made once per name and cached on the instance
    getattro: (vm, h, name) => {
      const st = vm.table.side[h] as CdllState;
      let f = st.funcs.get(name);
      if (f === undefined) {
        f = vm.newStatic(T.CFunc);
        vm.table.side[f] = newFuncState(name, st.trim, st.heap);
        st.funcs.set(name, f);
      }
      return f;
    },
  });
