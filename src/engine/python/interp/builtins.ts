import { NotSupported, PyError, typeError, valueError } from '../errors';
import { fromDouble } from '../objects/float';
import { fromLong, intAddSub, intNeg, intValue, ndigits, norm, fromSsize } from '../objects/int';
import { rangeNew } from '../objects/iter';
import { intToStr, strNew } from '../objects/str';
import { T } from '../objects/types';
import type { BuiltinImpl, Kwargs } from './call';
import { compare } from './compare';
import { installMoreBuiltins } from './builtins2';
import { installConstructors } from './constructors';
import type { Interp } from './interp';
import { getIter, iterNext, lengthOf } from './iterate';
import { installModules } from './modules';
import { binaryOp } from './ops';
import { repr, strText, typeName } from './repr';

/** Built-in names: static function and type objects (they never allocate or free). */
export function installBuiltins(it: Interp): void {
  const vm = it.vm;
  const fns: Record<string, BuiltinImpl> = {
    len: lenImpl,
    range: rangeImpl,
    sum: sumImpl,
    min: (it2, a, kw) => minMax(it2, a, kw, 'min'),
    max: (it2, a, kw) => minMax(it2, a, kw, 'max'),
    abs: absImpl,
    print: printImpl,
    id: (it2, a) => fromLong(it2.vm, it2.vm.id(a[0])),
    isinstance: (it2, a) => it2.vm.s.bool(typeName(it2.vm, a[0]) === (it2.vm.table.side[a[1]] as string)),
    iter: (it2, a) => getIter(it2, a[0]),
    next: (it2, a) => {
      const v = iterNext(it2, a[0]);
      if (!v) throw new PyError('StopIteration', '');
      return v;
    },
    malloc_trim: (it2, a) => fromLong(it2.vm, it2.mallocTrim(a.length ? Number(intValue(it2.vm, a[0])) : 0)),
  };
  for (const [name, impl] of Object.entries(fns)) {
    const h = vm.newStatic(name === 'range' ? T.Type : T.Builtin);
    vm.table.side[h] = name;
    it.builtins.set(name, h);
    it.builtinImpls.set(name, impl);
  }
  installConstructors(it);
  installMoreBuiltins(it);
  installModules(it);
}

function oneArg(name: string, args: number[]): void {
  if (args.length !== 1) throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
}

/** len(): PyLong_FromSsize_t of the length (a 32-byte int past 256). */
const lenImpl: BuiltinImpl = (it, args) => {
  oneArg('len', args);
  const n = lengthOf(it, args[0]);
  if (n < 0) throw typeError(`object of type '${typeName(it.vm, args[0])}' has no len()`);
  return fromSsize(it.vm, n);
};

/** range_from_array: PyNumber_Index of each argument, the step validated, then make_range_object. */
const rangeImpl: BuiltinImpl = (it, args) => {
  const vm = it.vm;
  if (args.length === 0) throw typeError('range expected at least 1 argument, got 0');
  if (args.length > 3) throw typeError(`range expected at most 3 arguments, got ${args.length}`);
  for (const a of args) {
    if (vm.table.type[a] !== T.Int && vm.table.type[a] !== T.Bool) throw typeError(`'${typeName(vm, a)}' object cannot be interpreted as an integer`);
  }
  for (const a of args) vm.incref(a);
  if (args.length === 1) return rangeNew(vm, vm.s.smallInt(0), args[0], vm.s.smallInt(1));
  const step = args[2] ?? vm.s.smallInt(1);
  return rangeNew(vm, args[0], args[1], step);
};

/** builtin_sum_impl: C-long fast path for ints, double fast path for floats, else PyNumber_Add. */
const sumImpl: BuiltinImpl = (it, args, kw) => {
  const vm = it.vm;
  if (args.length < 1) throw typeError('sum() takes at least 1 positional argument (0 given)');
  let result = args[1] ?? kw.get('start') ?? 0;
  if (result && (vm.table.type[result] === T.Str || vm.table.type[result] === T.Bytes))
    throw typeError(`sum() can't sum ${vm.table.type[result] === T.Str ? 'strings [use \'\'.join(seq) instead]' : 'bytes [use b\'\'.join(seq) instead]'}`);
  const iter = getIter(it, args[0]);
  if (!result) result = vm.s.smallInt(0);
  else vm.incref(result);
  const isInt = (h: number) => vm.table.type[h] === T.Int || vm.table.type[h] === T.Bool;
  if (vm.table.type[result] === T.Int) {
    let acc: bigint = BigInt(intValue(vm, result));
    const LIMIT = 2n ** 63n;
    vm.decref(result);
    result = 0;
    while (!result) {
      const item = iterNext(it, iter);
      if (!item) {
        vm.decref(iter);
        return fromLong(vm, norm(acc));
      }
      if (isInt(item)) {
        const b = BigInt(intValue(vm, item));
        if (acc + b < LIMIT && acc + b >= -LIMIT) {
          acc += b;
          vm.decref(item);
          continue;
        }
      }
      result = fromLong(vm, norm(acc));
      const tmp = binaryOp(vm, '+', result, item);
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
      const item = iterNext(it, iter);
      if (!item) {
        vm.decref(iter);
        return fromDouble(vm, f);
      }
      if (vm.table.type[item] === T.Float || (isInt(item) && ndigits(intValue(vm, item)) <= 2)) {
        f += vm.table.type[item] === T.Float ? vm.table.num[item] : Number(intValue(vm, item));
        vm.decref(item);
        continue;
      }
      result = fromDouble(vm, f);
      const tmp = binaryOp(vm, '+', result, item);
      vm.decref(result);
      vm.decref(item);
      result = tmp;
    }
  }
  for (;;) {
    const item = iterNext(it, iter);
    if (!item) break;
    const tmp = binaryOp(vm, '+', result, item);
    vm.decref(result);
    vm.decref(item);
    result = tmp;
  }
  vm.decref(iter);
  return result;
};

/** min_max: the best item so far is kept; the result is that object itself. */
function minMax(it: Interp, args: number[], kw: Kwargs, which: 'min' | 'max'): number {
  const vm = it.vm;
  if (kw.size) throw new NotSupported(`keyword arguments to ${which}()`);
  if (args.length === 0) throw typeError(`${which} expected at least 1 argument, got 0`);
  const op = which === 'min' ? '<' : '>';
  let best = 0;
  const consider = (v: number) => {
    if (!best || compare(vm, op, v, best)) {
      if (best) vm.decref(best);
      best = v;
    } else vm.decref(v);
  };
  if (args.length === 1) {
    const iter = getIter(it, args[0]);
    for (let v = iterNext(it, iter); v; v = iterNext(it, iter)) consider(v);
    vm.decref(iter);
    if (!best) throw valueError(`${which}() arg is an empty sequence`);
  } else
    for (const a of args) {
      vm.incref(a);
      consider(a);
    }
  return best;
}

/** abs(): long_abs (negative → long_neg, else the int itself), float_abs (a new float). */
const absImpl: BuiltinImpl = (it, args) => {
  oneArg('abs', args);
  const vm = it.vm;
  const a = args[0];
  const type = vm.table.type[a];
  if (type === T.Int || type === T.Bool) {
    const v = intValue(vm, a);
    if (v < 0) return intNeg(vm, v);
    if (type === T.Bool) return intAddSub(vm, v, 0, false);
    vm.incref(a);
    return a;
  }
  if (type === T.Float) return fromDouble(vm, Math.abs(vm.table.num[a]));
  const ext = type >= T.FirstExtension ? vm.extensions[type] : undefined;
  if (ext?.unaryop) return ext.unaryop('abs', a);
  throw typeError(`bad operand type for abs(): '${typeName(vm, a)}'`);
};

/**
 * print(): PyFile_WriteObject(…, Py_PRINT_RAW) makes str(x) of each argument (a temporary for
 * non-strings), and the text goes to the run's output. The io layer's own buffers (allocated at
 * start-up) are not modelled.
 */
const printImpl: BuiltinImpl = (it, args, kw) => {
  const vm = it.vm;
  for (const k of kw.keys()) if (k !== 'sep' && k !== 'end') throw new NotSupported(`print(${k}=...)`);
  const sep = kw.has('sep') ? strText(vm, kw.get('sep')!) : ' ';
  const end = kw.has('end') ? strText(vm, kw.get('end')!) : '\n';
  const parts: string[] = [];
  for (const a of args) {
    const s = strOf(it, a);
    parts.push(strText(vm, s));
    vm.decref(s);
  }
  it.output.push(parts.join(sep) + end);
  return vm.s.None;
};

/**
 * PyOS_double_to_string's buffer for repr: 3 (sign, point, NUL) + the digits including zero
 * padding, + 5 with an exponent.
 */
function floatBufSize(text: string): number {
  const [mant, exp] = text.replace('-', '').split('e');
  const digits = mant.replace('.', '').length;
  return 3 + digits + (exp !== undefined ? 5 : 0);
}

/** PyObject_Str(x): a str is returned as is; ints and floats are formatted into new strings. */
export function strOf(it: Interp, a: number): number {
  const vm = it.vm;
  const t = vm.table;
  switch (t.type[a]) {
    case T.Str:
      vm.incref(a);
      return a;
    case T.Int:
      return intToStr(vm, intValue(vm, a));
    case T.Float: {
      // float_repr: PyOS_double_to_string's PyMem_Malloc'd buffer, the str, then the buffer freed
      const text = repr(vm, a);
      const buf = vm.mem.malloc(floatBufSize(text));
      vm.mem.touch(buf, text.length + 1);
      const s = strNew(vm, text, 0);
      vm.mem.free(buf);
      return s;
    }
    default:
      return strNew(vm, repr(vm, a));
  }
}

