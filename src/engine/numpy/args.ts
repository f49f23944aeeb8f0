import { typeError, valueError } from '../python/abstract/errors';
import { NotSupported } from '../python/errors';
import { intValue } from '../python/objects/int';
import { listItem } from '../python/objects/list';
import { strValue } from '../python/objects/str';
import { tupleItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { NPY_MAXDIMS } from './constants';

/** Keyword arguments of a call (borrowed values), as the interpreter passes them. */
export type Kw = Map<string, number>;

/** npy_parse_arguments: positional then keyword, each name once; unknown keywords are a TypeError. */
export function parseArgs(
  vm: Vm,
  fn: string,
  names: string[],
  required: number,
  args: readonly number[],
  kw: Kw | null,
): (number | undefined)[] {
  if (args.length > names.length)
    throw typeError(vm, '%s() takes at most %d arguments (%zd given)', fn, names.length, args.length);
  const out: (number | undefined)[] = names.map((_, i) => args[i]);
  if (kw)
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw typeError(vm, "%s() got an unexpected keyword argument '%s'", fn, k);
      if (out[i] !== undefined)
        throw typeError(vm, "argument for %s() given by name ('%s') and position (%d)", fn, k, i + 1);
      out[i] = v;
    }
  for (let i = 0; i < required; i++)
    if (out[i] === undefined)
      throw typeError(vm, "%s() missing required argument '%s' (pos %d)", fn, names[i], i + 1);
  return out;
}

export function isNone(vm: Vm, h: number | undefined): boolean {
  return h === undefined || vm.table.type[h] === T.None;
}

export function isInt(vm: Vm, h: number): boolean {
  const t = vm.table.type[h];
  return t === T.Int || t === T.Bool;
}

/** An int argument (Python int, bool or anything with __index__ the simulator knows: NumPy integers). */
export function intArg(vm: Vm, h: number, what: string): number {
  if (isInt(vm, h)) {
    const v = intValue(vm, h);
    if (typeof v === 'bigint') throw valueError(vm, 'Maximum allowed dimension exceeded');
    return v;
  }
  const s = vm.typeOf(h);
  if (s.number?.index && vm.table.type[h] !== T.Float) return vm.table.num[h];
  throw typeError(vm, "'%s' object cannot be interpreted as an integer", s.name);
  void what;
}

/** A list or tuple's items (borrowed), or null for anything else. */
export function sequenceItems(vm: Vm, h: number): number[] | null {
  const t = vm.table.type[h];
  if (t === T.Tuple) return Array.from(tupleItems(vm, h));
  if (t === T.List) return Array.from({ length: vm.table.n[h] }, (_, i) => listItem(vm, h, i));
  return null;
}

/**
 * PyArray_IntpConverter: an int is one dimension, a sequence of ints is the shape. Returns the
 * shape and how many npy_intp the converter's temporary block (npy_alloc_cache_dim(len)) holds:
 * 1 for an int, len(seq) for a non-empty sequence, 0 for () (no block).
 */
export function shapeArg(vm: Vm, h: number): { shape: number[]; tempLen: number } {
  if (vm.table.type[h] === T.None) throw new NotSupported('a shape of None');
  const items = isInt(vm, h) ? null : sequenceItems(vm, h);
  if (items === null) {
    if (vm.table.type[h] === T.Float)
      throw typeError(vm, "'float' object cannot be interpreted as an integer");
    return { shape: [checkDim(vm, intArg(vm, h, 'shape'))], tempLen: 1 };
  }
  if (items.length > NPY_MAXDIMS)
    throw valueError(
      vm,
      'maximum supported dimension for an ndarray is %d, found %zd',
      NPY_MAXDIMS,
      items.length,
    );
  const shape = items.map((x) => checkDim(vm, intArg(vm, x, 'shape')));
  return { shape, tempLen: shape.length };
}

function checkDim(vm: Vm, d: number): number {
  if (d < 0) throw valueError(vm, 'negative dimensions are not allowed');
  return d;
}

/** order=: 'C' (and 'K'/'A' for a new array) or 'F'. */
export function orderArg(vm: Vm, h: number | undefined): 'C' | 'F' {
  if (isNone(vm, h)) return 'C';
  if (vm.table.type[h!] === T.Str) {
    const s = strValue(vm, h!);
    if (s === 'C' || s === 'K' || s === 'A') return 'C';
    if (s === 'F') return 'F';
  }
  throw valueError(
    vm,
    "order must be one of 'C', 'F', 'A', or 'K' (got '%s')",
    vm.table.type[h!] === T.Str ? strValue(vm, h!) : '?',
  );
}

/** An axis= argument: None → null, an int (negative counted from the end) checked against ndim by the caller. */
export function axisArg(vm: Vm, h: number | undefined): number | null {
  if (isNone(vm, h)) return null;
  if (vm.table.type[h!] === T.Tuple) throw new NotSupported('a tuple of axes');
  return intArg(vm, h!, 'axis');
}

/** A bool argument (keepdims=, copy=): Python truth for ints and bools. */
export function boolArg(vm: Vm, h: number | undefined, dflt: boolean): boolean {
  if (isNone(vm, h)) return dflt;
  const t = vm.table.type[h!];
  if (t === T.Bool || t === T.Int) return Number(intValue(vm, h!)) !== 0;
  return vm.table.num[h!] !== 0;
}
