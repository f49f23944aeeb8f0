import { NotSupported } from '../errors';
import { lookupSpecial } from '../abstract/attr';
import { call } from '../abstract/call';
import { setObject, typeError, valueError } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromSsize, intValue } from '../objects/int';
import { intMaxStrDigits, setIntMaxStrDigits } from '../objects/intsize';
import { intern } from '../objects/str';
import { F_BIG } from '../objects/table';
import { moduleData } from '../objects/module';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import { hostOf, interpOf } from './host';
import type { ModuleSpec } from './registry';
import { builtinStatic } from '../objects/descr';
import { excState } from '../objects/exceptions';
import { tupleFromItems } from '../objects/tuple';
import { sysExtraAttrs, sysExtraFunctions } from './sysextra';
import { sysModulesDict } from './sysmodules';

/**
 * The sys module as far as scripts about memory use it: getsizeof, the recursion limit,
 * _getframe, stdout (the interpreter's, set when it starts: `sysStdout`).
 */
export const sysModule: ModuleSpec = {
  name: 'sys',
  load: (vm) => {
    const m = staticModule(vm, 'sys', [
      def('getsizeof', Meth.Varargs | Meth.Keywords, getsizeof),
      def('getrefcount', Meth.O, getrefcount),
      def('getrecursionlimit', Meth.NoArgs, (vm2) => fromSsize(vm2, hostOf(vm2).recursionLimit)),
      def('setrecursionlimit', Meth.O, (vm2, _s, a) => {
        hostOf(vm2).setRecursionLimit(Number(intValue(vm2, a[0])));
        return vm2.s.None;
      }),
      def('get_int_max_str_digits', Meth.NoArgs, (vm2) => fromSsize(vm2, intMaxStrDigits(vm2))),
      def('set_int_max_str_digits', Meth.Varargs | Meth.Keywords, setIntMaxStrDigitsImpl),
      // the GIL's switch interval (eval/threads.ts), 5 ms by default
      def('getswitchinterval', Meth.NoArgs, (vm2) =>
        fromDouble(vm2, interpOf(vm2).threads.switchIntervalNs / 1e9),
      ),
      def('setswitchinterval', Meth.O, (vm2, _s, a) => {
        const t = vm2.table.type[a[0]];
        const v = t === T.Float ? vm2.table.num[a[0]] : Number(intValue(vm2, a[0]));
        if (!(v > 0)) throw valueError(vm2, 'switch interval must be strictly positive');
        interpOf(vm2).threads.setSwitchInterval(v);
        return vm2.s.None;
      }),
      def('exc_info', Meth.NoArgs, excInfo),
      // sys_exit: SystemExit(status), made when normalized (status absent: SystemExit())
      def('exit', Meth.Fastcall, (vm2, _s, a) => {
        if (a.length > 1) throw typeError(vm2, 'exit expected at most 1 argument, got %d', a.length);
        throw setObject(vm2, E.SystemExit, a.length ? a[0] : 0);
      }),
      def('_getframe', Meth.Fastcall, (vm2, _s, a) => {
        const depth = a.length ? Number(intValue(vm2, a[0])) : 0;
        const f = hostOf(vm2).frameAt(depth);
        if (f === 0) throw valueError(vm2, 'call stack is not deep enough');
        vm2.incref(f);
        return f;
      }),
    ]);
    const attrs = moduleData(vm, m).attrs;
    moduleData(vm, m).lazy = new Map([['modules', () => sysModulesDict(vm)]]);
    for (const d of sysExtraFunctions())
      attrs.set(d.name, builtinStatic(vm, { ...d, qualname: d.name }, 'sys'));
    for (const [k, v] of Object.entries(sysExtraAttrs(vm))) attrs.set(k, v);
    // made at start-up in the real process (sys is loaded then): static objects here, no allocation
    const maxsize = vm.newStatic(T.Int);
    vm.table.flags[maxsize] |= F_BIG;
    vm.table.side[maxsize] = 2n ** 63n - 1n;
    attrs.set('maxsize', maxsize);
    attrs.set('byteorder', intern(vm, 'little'));
    attrs.set('platform', intern(vm, 'linux'));
    // sys.__stdout__ / __stderr__: the same stream objects, kept when a script rebinds sys.stdout
    const stdout = sysStdout.get(vm);
    if (stdout !== undefined)
      for (const k of ['stdout', '__stdout__']) moduleData(vm, m).attrs.set(k, stdout);
    const stderr = sysStderr.get(vm);
    if (stderr !== undefined)
      for (const k of ['stderr', '__stderr__']) moduleData(vm, m).attrs.set(k, stderr);
    return m;
  },
};

/**
 * sys.getrefcount (METH_O): the object's count, the argument's own reference included. From 3.12
 * an immortal object (None, True, small ints, interned strings: PEP 683) reads _Py_IMMORTAL_REFCNT,
 * 2**32 - 1 (measured on 3.12.1 and 3.13.0). 3.11 counts references to those too, which the
 * simulator does not track (they are static here).
 */
function getrefcount(vm: Vm, _s: number, args: readonly number[]): number {
  const obj = args[0];
  if (vm.isImmortal(obj)) {
    if (vm.py.refcounts === 'immortal') return fromSsize(vm, 2 ** 32 - 1);
    throw new NotSupported(
      `sys.getrefcount of a static object on CPython ${vm.py.name} (its count is not tracked)`,
    );
  }
  return fromSsize(vm, vm.table.refcnt[obj]);
}

/**
 * sys.exc_info (3.11 sys_exc_info_impl → _PyErr_StackItemToExcInfoTuple): the exception being
 * handled as (type, value, value.__traceback__), or (None, None, None): a new 3-tuple either way.
 */
function excInfo(vm: Vm): number {
  const v = vm.thread.topmostException();
  if (v === 0) return tupleFromItems(vm, [vm.s.None, vm.s.None, vm.s.None]);
  const tb = excState(vm, v).traceback;
  const type = vm.typeOf(v).typeObject;
  // the tuple steals its items: each is a new reference
  vm.incref(type);
  vm.incref(v);
  if (tb !== 0) vm.incref(tb);
  return tupleFromItems(vm, [vm.typeOf(v).typeObject, v, tb !== 0 ? tb : vm.s.None]);
}

/** sys.stdout of each Vm (the interpreter registers it at start-up). */
export const sysStdout = new WeakMap<Vm, number>();
/** sys.stderr of each Vm: kept apart from stdout, as the recorder captures it. */
export const sysStderr = new WeakMap<Vm, number>();

/**
 * sys.getsizeof (METH_VARARGS: a 1-tuple of arguments): __sizeof__ is looked up and bound (a
 * PyCFunction, freed again), its int result read, then the pre-header (GC head, managed-dict
 * pointers) added in a new int.
 */
function getsizeof(vm: Vm, _s: number, args: readonly number[], kw: Map<string, number> | null): number {
  if (args.length !== 1 || (kw !== null && kw.size)) throw new NotSupported('sys.getsizeof with a default');
  const obj = args[0];
  const meth = lookupSpecial(vm, obj, '__sizeof__');
  if (meth === 0) throw typeError(vm, "Type %.100s doesn't define __sizeof__", vm.typeOf(obj).name);
  const inner = call(vm, meth, [], null);
  vm.decref(meth);
  const size = Number(intValue(vm, inner));
  vm.decref(inner);
  return fromSsize(vm, size + vm.preHeader[vm.table.type[obj]]);
}

/** sys.set_int_max_str_digits(maxdigits): one int, by position or by name (Python/sysmodule.c). */
function setIntMaxStrDigitsImpl(
  vm: Vm,
  _s: number,
  args: readonly number[],
  kw: Map<string, number> | null,
): number {
  const named = kw?.get('maxdigits');
  const given = args.length + (kw?.size ?? 0);
  if (given > 1) throw typeError(vm, 'set_int_max_str_digits() takes at most 1 argument (%zd given)', given);
  if (named === undefined && args.length === 0)
    throw typeError(vm, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
  const a = named ?? args[0];
  const t = vm.typeOf(a);
  if (!t.number?.index) throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", t.name);
  setIntMaxStrDigits(vm, Number(intValue(vm, a)));
  return vm.s.None;
}
