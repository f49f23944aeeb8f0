import { makeTpCall } from '../abstract/call';
import { str } from '../abstract/repr';
import { intValue } from '../objects/int';
import { intFromStr, numberLong } from '../objects/intnew';
import { T, type Kwargs, type VectorcallFn } from '../objects/types';

/**
 * Type objects that a version calls through a vectorcall of their own, with the arguments as they
 * are: no argument tuple for `str(x)` or `int(x)` (3.13's unicode_vectorcall and long_vectorcall,
 * measured: `str(1234)` is a 32-byte scratch and the 45-byte result on 3.13.0, a 48-byte tuple more on
 * 3.12.1). Anything else (keywords, a subclass) goes through type_call as before.
 */
const plain = (kw: Kwargs | null): boolean => kw === null || kw.size === 0;

/** unicode_vectorcall (Objects/unicodeobject.c, 3.13): str(x) is PyObject_Str(x). */
const strVectorcall: VectorcallFn = (vm, callable, args, kw) => {
  if (!plain(kw) || args.length > 1 || vm.slotsOf(callable).id !== T.Str)
    return makeTpCall(vm, callable, args, kw);
  return args.length === 0 ? vm.s.emptyStr : str(vm, args[0]);
};

/** long_vectorcall (Objects/longobject.c, 3.13): int(), int(x), int(x, base). */
const intVectorcall: VectorcallFn = (vm, callable, args, kw) => {
  if (!plain(kw) || args.length > 2 || vm.slotsOf(callable).id !== T.Int)
    return makeTpCall(vm, callable, args, kw);
  if (args.length === 0) return vm.s.smallInt(0);
  if (args.length === 2) return intFromStr(vm, args[0], Number(intValue(vm, args[1])));
  return numberLong(vm, args[0]);
};

export const TYPE_VECTORCALLS: Record<'str' | 'int', { id: number; fn: VectorcallFn }> = {
  str: { id: T.Str, fn: strVectorcall },
  int: { id: T.Int, fn: intVectorcall },
};
