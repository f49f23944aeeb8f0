import { getAttr } from '../abstract/attr';
import { call } from '../abstract/call';
import { raiseString, typeError } from '../abstract/errors';
import { getIter, iterNext } from '../abstract/iter';
import { typeName } from '../abstract/object';
import { sequenceList, unpackSequence } from '../abstract/sequence';
import type { Vm } from '../runtime/vm';
import { dictDelItem, dictGetItem, dictSetItem } from '../objects/dict';
import { dictViewNew } from '../objects/dictview';
import { E } from '../objects/exctypes';
import { fromLong, intValue } from '../objects/int';
import { encodeBasestring } from '../objects/jsonencoder';
import { intern, strConcat, strRepeat, strValue } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { T } from '../objects/types';
import { CODE, FRAMESIZE, FREE, makeIterencode, type Env } from './jsonclosure';
import type { EncoderConfig } from './jsonstate';
import { generatorNew, PyGenFrame } from './pygen';
import { specializedAt, warm } from './pycode';

/**
 * The pure-Python JSON encoder (json.encoder._make_iterencode, 3.11), which json.dumps uses with
 * `indent` and json.dump always: the generators run here as TypeScript with what their bytecode
 * allocates, measured on 3.11.7.
 *
 * _make_iterencode(…) is called with 10 arguments (the 10 builtins it turns into locals are
 * defaults): its 22 cell variables become cells (16 + 24 bytes each), `' ' * indent` a str, and
 * the three inner functions their closure tuples (18, 21, 17 cells) and function objects. The
 * cells refer to the functions and the functions' closures to the cells: **a reference cycle
 * that only the cyclic collector frees**, holding the markers dict, the floatstr closure, the
 * bound `self.default` and the indent strings until a collection finds it.
 *
 * Each call of an inner function makes a generator (16 + 80 + 8 × (nlocalsplus + stacksize + 9):
 * _iterencode 368, _iterencode_list 432, _iterencode_dict 464 bytes). Inside them: `id(o)` (an
 * int) in and out of `markers`, `buf + chunk` concatenations, `'\n' + _indent * level`, a 2-tuple
 * for every `isinstance(x, (list, tuple))` (list and tuple are cell variables, so the tuple is
 * built each time), a 1-tuple for every `_intstr(x)` (int.__repr__ is a wrapper descriptor:
 * its call packs the arguments), the list and dict-items iterators, and the tuple iterator of
 * `for key, value in items` until the code is quickened.
 */

/** Calling one of the inner functions: a new generator over `args` (borrowed). */
function newGen(env: Env, kind: 'list' | 'dict' | 'iter', args: number[]): number {
  const vm = env.vm;
  const nlocals = { list: 9, dict: 10, iter: 3 }[kind];
  const frame = new PyGenFrame(
    vm,
    kind === 'iter' ? '_iterencode' : `_iterencode_${kind}`,
    env.fns[kind],
    nlocals,
    FREE[kind].map((n) => env.cells.get(n)!),
  );
  args.forEach((a, i) => {
    vm.incref(a);
    frame.locals[i] = a;
  });
  const g = generatorNew(vm, FRAMESIZE[kind], frame);
  frame.body = (kind === 'list' ? iterList : kind === 'dict' ? iterDict : iterAny)(env, frame);
  return g;
}

/** `yield from gen`: every item passed through (RESUME after each: a warm-up); the generator released after. */
function* yieldFrom(env: Env, code: string, gen: number, own: boolean): Generator<number, void, void> {
  const vm = env.vm;
  try {
    for (let x = iterNext(vm, gen); x !== 0; x = iterNext(vm, gen)) {
      yield x;
      warm(vm, code);
    }
  } finally {
    if (own) vm.decref(gen);
  }
}

/** `_intstr(x)`: int.__repr__ called through its wrapper descriptor (a 1-tuple of arguments). */
function intstr(vm: Vm, x: number): number {
  const args = tupleFromItems(vm, [x]);
  vm.incref(x);
  try {
    return vm.types[T.Int].repr!(vm, x);
  } finally {
    vm.decref(args);
  }
}

/** `_floatstr(x)`: the floatstr closure (a Python call), `_repr(o)` through float.__repr__'s descriptor. */
function floatstr(env: Env, x: number): number {
  const vm = env.vm;
  warm(vm, CODE.floatstr);
  const v = vm.table.num[x];
  if (Number.isFinite(v)) {
    const args = tupleFromItems(vm, [x]);
    vm.incref(x);
    try {
      return vm.types[T.Float].repr!(vm, x);
    } finally {
      vm.decref(args);
    }
  }
  const text = v !== v ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  if (!env.cfg.allowNan) {
    const r = vm.types[T.Float].repr!(vm, x);
    const msg = `Out of range float values are not JSON compliant: ${strValue(vm, r)}`;
    vm.decref(r);
    throw raiseString(vm, E.ValueError, msg);
  }
  return intern(vm, text);
}

/** isinstance(x, (list, tuple)): the 2-tuple built from the cells, released after the test. */
function isListOrTuple(vm: Vm, x: number): boolean {
  const l = vm.types[T.List].typeObject;
  const t = vm.types[T.Tuple].typeObject;
  const tup = tupleFromItems(vm, [l, t]);
  const r = vm.typeOf(x).mro.includes(T.List) || vm.typeOf(x).mro.includes(T.Tuple);
  vm.decref(tup);
  return r;
}

const isType = (vm: Vm, x: number, t: T): boolean => vm.table.type[x] === t || vm.typeOf(x).mro.includes(t);

/** The str for a scalar (a new reference), or 0 when `x` is a container or something else. */
function scalar(env: Env, x: number): number {
  const vm = env.vm;
  if (isType(vm, x, T.Str)) return encodeBasestring(vm, x, env.cfg.ensureAscii);
  if (x === vm.s.None) return intern(vm, 'null');
  if (x === vm.s.True) return intern(vm, 'true');
  if (x === vm.s.False) return intern(vm, 'false');
  if (isType(vm, x, T.Int)) return intstr(vm, x);
  if (isType(vm, x, T.Float)) return floatstr(env, x);
  return 0;
}

/** `markerid = id(o)`, checked and put into markers (0 when markers is None). */
function enterMarker(env: Env, o: number): number {
  const vm = env.vm;
  if (env.markers === vm.s.None) return 0;
  const markerid = fromLong(vm, vm.id(o));
  if (dictGetItem(vm, env.markers, markerid) !== 0) {
    vm.decref(markerid);
    throw raiseString(vm, E.ValueError, 'Circular reference detected');
  }
  dictSetItem(vm, env.markers, markerid, o);
  return markerid;
}

/** `'\n' + _indent * level`. */
function newlineIndent(env: Env, level: number): number {
  const vm = env.vm;
  const rep = strRepeat(vm, env.indent, level);
  try {
    return strConcat(vm, intern(vm, '\n'), rep);
  } finally {
    vm.decref(rep);
  }
}

const concat = (vm: Vm, a: number, b: number): number => {
  try {
    return strConcat(vm, a, b);
  } finally {
    vm.decref(b);
  }
};

/** The sub-generator for a container or other value (the 2-tuple of the list/tuple test first). */
function subGen(env: Env, value: number, level: number): number {
  const vm = env.vm;
  if (isListOrTuple(vm, value)) return newGen(env, 'list', [value, fromLong(vm, level)]);
  if (isType(vm, value, T.Dict)) return newGen(env, 'dict', [value, fromLong(vm, level)]);
  return newGen(env, 'iter', [value, fromLong(vm, level)]);
}

/** _iterencode_list(lst, _current_indent_level): locals lst 0, level 1, markerid 2, buf 3, newline_indent 4, separator 5, first 6, value 7, chunks 8. */
function* iterList(env: Env, f: PyGenFrame): Generator<number, void, void> {
  const vm = env.vm;
  const code = CODE.list;
  warm(vm, code);
  const lst = f.locals[0];
  let level = Number(intValue(vm, f.locals[1]));
  if (vm.table.n[lst] === 0) {
    yield intern(vm, '[]');
    warm(vm, code);
    return;
  }
  const markerid = enterMarker(env, lst);
  if (markerid) f.set(2, markerid);
  f.set(3, intern(vm, '['));
  const indented = env.indent !== vm.s.None;
  if (indented) {
    level++;
    f.set(1, fromLong(vm, level));
    const nl = newlineIndent(env, level);
    f.set(4, nl);
    f.set(5, strConcat(vm, env.cfg.itemSeparator, nl));
    f.set(3, strConcat(vm, f.locals[3], nl));
  } else {
    f.set(4, vm.s.None);
    vm.incref(env.cfg.itemSeparator);
    f.set(5, env.cfg.itemSeparator);
  }
  f.set(6, vm.s.True);
  const it = getIter(vm, lst);
  try {
    let first = true;
    for (let value = iterNext(vm, it); value !== 0; value = iterNext(vm, it)) {
      f.set(7, value);
      if (first) {
        first = false;
        f.set(6, vm.s.False);
      } else {
        vm.incref(f.locals[5]);
        f.set(3, f.locals[5]);
      }
      const s = scalar(env, value);
      if (s !== 0) {
        yield concat(vm, f.locals[3], s);
        warm(vm, code);
      } else {
        vm.incref(f.locals[3]);
        yield f.locals[3];
        warm(vm, code);
        f.set(8, subGen(env, value, level));
        yield* yieldFrom(env, code, f.locals[8], false);
      }
      warm(vm, code); // JUMP_BACKWARD
    }
  } finally {
    vm.decref(it);
  }
  if (indented) {
    level--;
    f.set(1, fromLong(vm, level));
    yield newlineIndent(env, level);
    warm(vm, code);
  }
  yield intern(vm, ']');
  warm(vm, code);
  if (markerid) dictDelItem(vm, env.markers, markerid);
}

/** _iterencode_dict(dct, level): locals dct 0, level 1, markerid 2, newline_indent 3, item_separator 4, first 5, items 6, key 7, value 8, chunks 9. */
function* iterDict(env: Env, f: PyGenFrame): Generator<number, void, void> {
  const vm = env.vm;
  const code = CODE.dict;
  warm(vm, code);
  const dct = f.locals[0];
  let level = Number(intValue(vm, f.locals[1]));
  if (vm.table.n[dct] === 0) {
    yield intern(vm, '{}');
    warm(vm, code);
    return;
  }
  const markerid = enterMarker(env, dct);
  if (markerid) f.set(2, markerid);
  yield intern(vm, '{');
  warm(vm, code);
  const indented = env.indent !== vm.s.None;
  if (indented) {
    level++;
    f.set(1, fromLong(vm, level));
    const nl = newlineIndent(env, level);
    f.set(3, nl);
    f.set(4, strConcat(vm, env.cfg.itemSeparator, nl));
    vm.incref(nl);
    yield nl;
    warm(vm, code);
  } else {
    f.set(3, vm.s.None);
    vm.incref(env.cfg.itemSeparator);
    f.set(4, env.cfg.itemSeparator);
  }
  f.set(5, vm.s.True);
  const view = dictViewNew(vm, dct, 'items');
  if (env.cfg.sortKeys) {
    // sorted(dct.items()): PySequence_List, then newlist.sort bound and called
    try {
      f.set(6, sortedList(vm, view));
    } finally {
      vm.decref(view);
    }
  } else f.set(6, view);
  const it = getIter(vm, f.locals[6]);
  try {
    let first = true;
    for (let item = iterNext(vm, it); item !== 0; item = iterNext(vm, it)) {
      const [key0, value] = unpackSequence(vm, item, 2, specializedAt(vm, code, 'items'));
      f.set(7, key0);
      f.set(8, value);
      let key = key0;
      if (isType(vm, key, T.Str)) {
        // pass
      } else if (isType(vm, key, T.Float)) {
        key = floatstr(env, key);
        f.set(7, key);
      } else if (key === vm.s.True || key === vm.s.False || key === vm.s.None) {
        key = intern(vm, key === vm.s.True ? 'true' : key === vm.s.False ? 'false' : 'null');
        f.set(7, key);
      } else if (isType(vm, key, T.Int)) {
        key = intstr(vm, key);
        f.set(7, key);
      } else if (env.cfg.skipkeys) {
        warm(vm, code);
        continue;
      } else throw typeError(vm, 'keys must be str, int, float, bool or None, not %.200s', typeName(vm, key));
      if (first) {
        first = false;
        f.set(5, vm.s.False);
      } else {
        vm.incref(f.locals[4]);
        yield f.locals[4];
        warm(vm, code);
      }
      yield encodeBasestring(vm, key, env.cfg.ensureAscii);
      warm(vm, code);
      vm.incref(env.cfg.keySeparator);
      yield env.cfg.keySeparator;
      warm(vm, code);
      const s = scalar(env, value);
      if (s !== 0) {
        yield s;
        warm(vm, code);
      } else {
        f.set(9, subGen(env, value, level));
        yield* yieldFrom(env, code, f.locals[9], false);
      }
      warm(vm, code); // JUMP_BACKWARD
    }
  } finally {
    vm.decref(it);
  }
  if (indented) {
    level--;
    f.set(1, fromLong(vm, level));
    yield newlineIndent(env, level);
    warm(vm, code);
  }
  yield intern(vm, '}');
  warm(vm, code);
  if (markerid) dictDelItem(vm, env.markers, markerid);
}

/** _iterencode(o, level): locals o 0, level 1, markerid 2. */
function* iterAny(env: Env, f: PyGenFrame): Generator<number, void, void> {
  const vm = env.vm;
  const code = CODE.iter;
  warm(vm, code);
  const o = f.locals[0];
  const level = Number(intValue(vm, f.locals[1]));
  const s = scalar(env, o);
  if (s !== 0) {
    yield s;
    warm(vm, code);
    return;
  }
  if (isListOrTuple(vm, o)) {
    yield* yieldFrom(env, code, newGen(env, 'list', [o, fromLong(vm, level)]), true);
    return;
  }
  if (isType(vm, o, T.Dict)) {
    yield* yieldFrom(env, code, newGen(env, 'dict', [o, fromLong(vm, level)]), true);
    return;
  }
  const markerid = enterMarker(env, o);
  if (markerid) f.set(2, markerid);
  f.set(0, call(vm, env.defaultfn, [o], null));
  yield* yieldFrom(env, code, newGen(env, 'iter', [f.locals[0], fromLong(vm, level)]), true);
  if (markerid) dictDelItem(vm, env.markers, markerid);
}

/** sorted(iterable) as builtin_sorted does it. */
function sortedList(vm: Vm, iterable: number): number {
  const l = sequenceList(vm, iterable);
  try {
    const sort = getAttr(vm, l, 'sort');
    try {
      vm.decref(call(vm, sort, [], null));
    } finally {
      vm.decref(sort);
    }
  } catch (e) {
    vm.decref(l);
    throw e;
  }
  return l;
}

/**
 * iterencode's Python branch: `_iterencode = _make_iterencode(…)` then `return _iterencode(o, 0)`
 * (the generator). Returns it (new reference); the closure cycle stays for the collector.
 */
export function iterencodePython(
  vm: Vm,
  cfg: EncoderConfig,
  markers: number,
  defaultfn: number,
  floatstrFn: number,
  obj: number,
): number {
  const env = makeIterencode(vm, cfg, markers, defaultfn, floatstrFn);
  // the generator's frame holds the function; iterencode's local `_iterencode` is released after
  const gen = newGen(env, 'iter', [obj, vm.s.smallInt(0)]);
  return gen;
}
