import { NotSupported, PyError } from '../errors';
import { getAttr, lookupAttr, lookupSpecial, setAttr } from '../abstract/attr';
import { DEFERRED, defersCall, deferrer, takeDefer } from '../runtime/deferred';
import { argParserInit } from '../abstract/argparser';
import { CALLING, call } from '../abstract/call';
import { enterRecursiveCall, leaveRecursiveCall } from '../objects/recursion';
import { hashDeferred, hashValue } from '../abstract/hashvalue';
import { clearError, errorMatches, setNone, typeError, valueError } from '../abstract/errors';
import { format } from '../abstract/format';
import { getIter, iterNext } from '../abstract/iter';
import { minMax } from './minmax';
import { binaryOp, divmod, index, unaryOp } from '../abstract/number';
import { isInstance, isSubclass, isTrue, length } from '../abstract/object';
import { repr } from '../abstract/repr';
import { sequenceList } from '../abstract/sequence';
import { unmodelledAttribute } from '../abstract/cpythonattrs';
import { E } from '../objects/exctypes';
import { isCallable } from '../objects/dictsub';
import { callIterNew } from '../objects/seqiter';
import { asciiOf } from '../objects/strformat';
import { fromDouble } from '../objects/float';
import { ternaryPower } from '../objects/intpowmod';
import { fromLong, fromSsize, intValue, norm } from '../objects/int';
import { strNew, strResult, strValue } from '../objects/str';
import { Meth, NB, T, type Kwargs, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { BuiltinsHost } from './host';
import { openBuiltin } from '../modules/procfile';

/**
 * The builtins module's functions (Python/bltinmodule.c) as PyMethodDefs with their 3.11 calling
 * conventions, which decide what a call allocates: min and max are METH_VARARGS, so they pack a
 * tuple; len is METH_O, so it does not.
 */
export function builtinFunctions(host: BuiltinsHost): MethodDef[] {
  const vm = host.vm;
  void vm;
  return [
    def('len', Meth.O, (vm2, _s, a) => fromSsize(vm2, length(vm2, a[0]))),
    def('sum', Meth.Fastcall | Meth.Keywords, sumImpl),
    def(
      'min',
      Meth.Varargs | Meth.Keywords,
      defersCall((vm2, _s, a, kw, t) => minMax(vm2, a, kw, t!, 'min')),
    ),
    def(
      'max',
      Meth.Varargs | Meth.Keywords,
      defersCall((vm2, _s, a, kw, t) => minMax(vm2, a, kw, t!, 'max')),
    ),
    def('abs', Meth.O, (vm2, _s, a) => unaryOp(vm2, 'abs', a[0])),
    def('id', Meth.O, (vm2, _s, a) => fromLong(vm2, vm2.id(a[0]))),
    def(
      'isinstance',
      Meth.Fastcall,
      (vm2, _s, a) => (nargs(vm2, 'isinstance', a, 2, 2), vm2.s.bool(isInstance(vm2, a[0], a[1]))),
    ),
    def(
      'issubclass',
      Meth.Fastcall,
      (vm2, _s, a) => (nargs(vm2, 'issubclass', a, 2, 2), vm2.s.bool(isSubclass(vm2, a[0], a[1]))),
    ),
    // io.open: the simulated /proc's files (modules/procfile.ts)
    def('open', Meth.Fastcall | Meth.Keywords, openBuiltin),
    def('iter', Meth.Fastcall, (vm2, _s, a) => {
      nargs(vm2, 'iter', a, 1, 2);
      if (a.length === 2) {
        // builtin_iter: the two-argument form wants a callable first
        if (!isCallable(vm2, a[0])) throw typeError(vm2, 'iter(v, w): v must be callable');
        return callIterNew(vm2, a[0], a[1]);
      }
      return getIter(vm2, a[0]);
    }),
    def('next', Meth.Fastcall, nextImpl),
    // builtin_repr: PyObject_Repr, which may run a class's __repr__ in the calling loop (runtime/deferred.ts)
    def(
      'repr',
      Meth.O,
      defersCall((vm2, _s, a) => repr(vm2, a[0])),
    ),
    // builtin_hash: PyObject_Hash, then PyLong_FromSsize_t
    def(
      'hash',
      Meth.O,
      defersCall((vm2, _s, a) => {
        // a class's Python __hash__ may run in the calling loop (runtime/deferred.ts)
        const r = takeDefer(vm2) ? hashDeferred(vm2, a[0]) : 0;
        return r !== 0 ? r : fromSsize(vm2, norm(hashValue(vm2, a[0])));
      }),
    ),
    // builtin_round (Argument Clinic): number.__round__ looked up (a bound method), called, released
    def('round', Meth.Fastcall | Meth.Keywords, (vm2, _s, a, kw) => {
      if (kw !== null && kw.size > 0) argParserInit(vm2, 'round', ['number', 'ndigits']);
      const number = a[0] ?? kw?.get('number');
      const nd = a[1] ?? kw?.get('ndigits');
      if (number === undefined) throw typeError(vm2, "round() missing required argument 'number' (pos 1)");
      const m = lookupSpecial(vm2, number, '__round__');
      if (m === 0)
        throw typeError(vm2, "type %.100s doesn't define __round__ method", vm2.typeOf(number).name);
      try {
        return call(vm2, m, nd === undefined || nd === vm2.s.None ? [] : [nd], null);
      } finally {
        vm2.decref(m);
      }
    }),
    // builtin_ascii: PyObject_ASCII
    def('ascii', Meth.O, (vm2, _s, a) => asciiOf(vm2, a[0])),
    // builtin_format: PyObject_Format, whose Python __format__ / __str__ may run in the calling loop
    def(
      'format',
      Meth.Fastcall,
      defersCall((vm2, _s, a) => {
        const defer = takeDefer(vm2);
        nargs(vm2, 'format', a, 1, 2);
        if (a.length === 2 && vm2.table.type[a[1]] !== T.Str)
          throw typeError(vm2, 'format() argument 2 must be str, not %.200s', vm2.typeOf(a[1]).name);
        if (defer) deferrer(vm2)!.armDefer();
        return format(vm2, a[0], a[1] ?? 0);
      }),
    ),
    def('sorted', Meth.Fastcall | Meth.Keywords, sortedImpl),
    def('callable', Meth.O, (vm2, _s, a) =>
      vm2.s.bool(
        vm2.typeOf(a[0]).call !== null ||
          vm2.typeOf(a[0]).vectorcall !== null ||
          vm2.table.type[a[0]] === T.Type,
      ),
    ),
    def('getattr', Meth.Fastcall, getattrImpl),
    def('setattr', Meth.Fastcall, (vm2, _s, a) => {
      nargs(vm2, 'setattr', a, 3, 3);
      setAttr(vm2, a[0], attrName(vm2, a[1]), a[2]);
      return vm2.s.None;
    }),
    def('delattr', Meth.Fastcall, (vm2, _s, a) => {
      nargs(vm2, 'delattr', a, 2, 2);
      setAttr(vm2, a[0], attrName(vm2, a[1]), 0);
      return vm2.s.None;
    }),
    def('hasattr', Meth.Fastcall, (vm2, _s, a) => {
      nargs(vm2, 'hasattr', a, 2, 2);
      const v = lookupAttrModelled(vm2, a[0], attrName(vm2, a[1]));
      if (v === 0) return vm2.s.False;
      vm2.decref(v);
      return vm2.s.True;
    }),
    def('divmod', Meth.Fastcall, (vm2, _s, a) => {
      nargs(vm2, 'divmod', a, 2, 2);
      return divmod(vm2, a[0], a[1]);
    }),
    def('chr', Meth.O, (vm2, _s, a) => {
      const c = intValue(vm2, index(vm2, a[0]));
      if (typeof c === 'bigint' || c < 0 || c > 0x10ffff)
        throw valueError(vm2, 'chr() arg not in range(0x110000)');
      return strResult(vm2, String.fromCodePoint(c));
    }),
    def('ord', Meth.O, (vm2, _s, a) => {
      if (vm2.table.type[a[0]] !== T.Str || vm2.table.n[a[0]] !== 1)
        throw typeError(vm2, 'ord() expected a character, but string of length %zd found', vm2.table.n[a[0]]);
      return fromLong(vm2, strValue(vm2, a[0]).codePointAt(0)!);
    }),
    def('all', Meth.O, (vm2, _s, a) => anyAll(vm2, a[0], false)),
    def('any', Meth.O, (vm2, _s, a) => anyAll(vm2, a[0], true)),
    def('bin', Meth.O, (vm2, _s, a) => baseText(vm2, a[0], 2, '0b')),
    def('oct', Meth.O, (vm2, _s, a) => baseText(vm2, a[0], 8, '0o')),
    def('hex', Meth.O, (vm2, _s, a) => baseText(vm2, a[0], 16, '0x')),
    def('pow', Meth.Fastcall | Meth.Keywords, (vm2, _s, a, kw) => {
      // builtin_pow_impl(base, exp, mod=None): by position or keyword
      const args = [...a];
      for (const [k, v] of kw ?? []) {
        const at = ['base', 'exp', 'mod'].indexOf(k);
        if (at < 0) throw typeError(vm2, "pow() got an unexpected keyword argument '%s'", k);
        if (at < args.length)
          throw typeError(vm2, "argument for pow() given by name ('%s') and position (%d)", k, at + 1);
        args[at] = v;
      }
      if (args.length < 2 || args.length > 3 || args.slice(0, 2).some((x) => x === undefined))
        nargs(vm2, 'pow', a, 2, 3);
      const mod = args[2];
      if (mod !== undefined && mod !== vm2.s.None) return ternaryPower(vm2, args[0], args[1], mod);
      return binaryOp(vm2, NB.Power, args[0], args[1]);
    }),
    def('malloc_trim', Meth.Fastcall, (vm2, _s, a) =>
      fromLong(vm2, host.mallocTrim(a.length ? Number(intValue(vm2, a[0])) : 0)),
    ),
  ];
}

export const def = (name: string, flags: number, impl: MethodDef['impl']): MethodDef => ({
  name,
  flags,
  impl,
});

function nargs(vm: Vm, name: string, a: readonly number[], min: number, max: number): void {
  if (a.length < min)
    throw typeError(
      vm,
      '%s expected %s%d argument%s, got %zd',
      name,
      min === max ? '' : 'at least ',
      min,
      min === 1 ? '' : 's',
      a.length,
    );
  if (a.length > max)
    throw typeError(
      vm,
      '%s expected %s%d argument%s, got %zd',
      name,
      min === max ? '' : 'at most ',
      max,
      max === 1 ? '' : 's',
      a.length,
    );
}

function attrName(vm: Vm, h: number): string {
  if (vm.table.type[h] !== T.Str)
    throw typeError(vm, "attribute name must be string, not '%.200s'", vm.typeOf(h).name);
  return strValue(vm, h);
}

/**
 * _PyObject_LookupAttr for hasattr and getattr with a default: a name the real type has but
 * the simulator lacks is "not supported by Highwater yet", not a silent False.
 */
function lookupAttrModelled(vm: Vm, obj: number, name: string): number {
  const v = lookupAttr(vm, obj, name);
  if (v === 0) {
    const what = unmodelledAttribute(vm, obj, name);
    if (what !== null) throw new NotSupported(what);
  }
  return v;
}

/** builtin_getattr: with a default, an AttributeError is swallowed (its objects made, then freed). */
function getattrImpl(vm: Vm, _s: number, a: readonly number[]): number {
  nargs(vm, 'getattr', a, 2, 3);
  const name = attrName(vm, a[1]);
  if (a.length === 2) return getAttr(vm, a[0], name);
  const v = lookupAttrModelled(vm, a[0], name);
  if (v !== 0) return v;
  vm.incref(a[2]);
  return a[2];
}

/** builtin_next: tp_iternext; at the end the default, or StopIteration (PyErr_SetNone: no object yet). */
function nextImpl(vm: Vm, _s: number, a: readonly number[]): number {
  nargs(vm, 'next', a, 1, 2);
  const f = vm.typeOf(a[0]).iternext;
  if (f === null) throw typeError(vm, "'%.200s' object is not an iterator", vm.typeOf(a[0]).name);
  let v: number;
  try {
    v = f(vm, a[0]);
  } catch (e) {
    if (a.length === 2 && e instanceof PyError && errorMatches(vm, e, E.StopIteration)) {
      clearError(vm, e);
      v = 0;
    } else throw e;
  }
  if (v !== 0) return v;
  if (a.length === 2) {
    vm.incref(a[1]);
    return a[1];
  }
  throw setNone(vm, E.StopIteration);
}

/** builtin_sum_impl: C-long fast path for ints, double fast path for floats, else PyNumber_Add. */
function sumImpl(vm: Vm, _s: number, args: readonly number[], kw: Kwargs | null): number {
  if (args.length < 1) throw typeError(vm, 'sum() takes at least 1 positional argument (0 given)');
  let result = args[1] ?? kw?.get('start') ?? 0;
  if (result && (vm.table.type[result] === T.Str || vm.table.type[result] === T.Bytes))
    throw typeError(
      vm,
      "sum() can't sum %s",
      vm.table.type[result] === T.Str
        ? "strings [use ''.join(seq) instead]"
        : "bytes [use b''.join(seq) instead]",
    );
  const iter = getIter(vm, args[0]);
  try {
    if (!result) result = vm.s.smallInt(0);
    else vm.incref(result);
    const isInt = (h: number) => vm.table.type[h] === T.Int || vm.table.type[h] === T.Bool;
    if (vm.table.type[result] === T.Int) {
      let acc: bigint = BigInt(intValue(vm, result));
      const LIMIT = 2n ** 63n;
      vm.decref(result);
      result = 0;
      // i_result back as an int: PyLong_FromLong in 3.11 (a 32-byte medium int), PyLong_FromSsize_t from 3.12 (28)
      const box = vm.py.sumFromSsize ? fromSsize : fromLong;
      while (!result) {
        const item = iterNext(vm, iter);
        if (!item) return box(vm, norm(acc));
        if (isInt(item)) {
          const b = BigInt(intValue(vm, item));
          if (acc + b < LIMIT && acc + b >= -LIMIT) {
            acc += b;
            vm.decref(item);
            continue;
          }
        }
        result = box(vm, norm(acc));
        const tmp = binaryOp(vm, NB.Add, result, item);
        vm.decref(result);
        vm.decref(item);
        result = tmp;
      }
    }
    if (vm.table.type[result] === T.Float) {
      let f = vm.table.num[result];
      vm.decref(result);
      result = 0;
      while (!result) {
        const item = iterNext(vm, iter);
        if (!item) return fromDouble(vm, f);
        if (
          vm.table.type[item] === T.Float ||
          (isInt(item) && Math.abs(Number(intValue(vm, item))) < 2 ** 60)
        ) {
          f += vm.table.type[item] === T.Float ? vm.table.num[item] : Number(intValue(vm, item));
          vm.decref(item);
          continue;
        }
        result = fromDouble(vm, f);
        const tmp = binaryOp(vm, NB.Add, result, item);
        vm.decref(result);
        vm.decref(item);
        result = tmp;
      }
    }
    for (;;) {
      const item = iterNext(vm, iter);
      if (!item) break;
      const tmp = binaryOp(vm, NB.Add, result, item);
      vm.decref(result);
      vm.decref(item);
      result = tmp;
    }
    return result;
  } finally {
    vm.decref(iter);
  }
}

/** builtin_sorted: PySequence_List, then newlist.sort looked up (a bound method object) and called. */
/**
 * builtin_sorted: PySequence_List, then the list's bound sort method called with the keywords; a
 * Python key function runs in the calling loop when the CALL allows it (runtime/deferred.ts).
 */
const sortedImpl = defersCall(function sortedImpl(
  vm: Vm,
  _s: number,
  args: readonly number[],
  kw: Kwargs | null,
): number {
  const defer = takeDefer(vm);
  if (args.length !== 1) throw typeError(vm, 'sorted expected 1 argument, got %zd', args.length);
  const l = sequenceList(vm, args[0]);
  let sort = 0;
  let r = 0;
  try {
    sort = getAttr(vm, l, 'sort');
    // PyObject_Vectorcall of the bound method: cfunction_vectorcall_FASTCALL_KEYWORDS checks the depth
    enterRecursiveCall(vm, CALLING);
    try {
      if (defer) deferrer(vm)!.armDefer();
      r = call(vm, sort, [], kw);
    } finally {
      if (r !== DEFERRED) leaveRecursiveCall(vm);
    }
  } catch (e) {
    if (sort !== 0) vm.decref(sort);
    vm.decref(l);
    throw e;
  }
  if (r === DEFERRED) {
    deferrer(vm)!.continueWith({
      done: (vm2, none) => {
        leaveRecursiveCall(vm2);
        vm2.decref(none);
        vm2.decref(sort);
        return l;
      },
      fail: (vm2) => {
        leaveRecursiveCall(vm2);
        vm2.decref(sort);
        vm2.decref(l);
      },
    });
    return DEFERRED;
  }
  vm.decref(r);
  vm.decref(sort);
  return l;
});

/** all() / any(): each item's truth, the iterator released. */
function anyAll(vm: Vm, iterable: number, any: boolean): number {
  const iter = getIter(vm, iterable);
  try {
    for (let v = iterNext(vm, iter); v; v = iterNext(vm, iter)) {
      const b = isTrue(vm, v);
      vm.decref(v);
      if (b === any) return vm.s.bool(any);
    }
    return vm.s.bool(!any);
  } finally {
    vm.decref(iter);
  }
}

function baseText(vm: Vm, h: number, base: number, prefix: string): number {
  const i = index(vm, h);
  const v = intValue(vm, i);
  vm.decref(i);
  const neg = v < 0;
  const digits = (neg ? -BigInt(v) : BigInt(v)).toString(base);
  return strNew(vm, (neg ? '-' : '') + prefix + digits, 0);
}
