import { NotSupported, PyError } from '../python/errors';
import { intValue } from '../python/objects/int';
import { listItem } from '../python/objects/list';
import { strValue } from '../python/objects/str';
import { tupleItems } from '../python/objects/tuple';
import { T } from '../python/objects/types';
import type { Vm } from '../python/runtime/vm';
import { NPY_MAXDIMS } from './constants';
import { dtypeByName, FLOAT64, INT64, type DType } from './dtypes';

/**
 * A TypeError NumPy raises. Its message str is made when the error is normalized (the lazy path
 * of python/errors.ts): NumPy's own error allocations are not modelled.
 */
export const typeError = (message: string): PyError => new PyError('TypeError', message);

/** Keyword arguments of a call (borrowed values), as the interpreter passes them. */
export type Kw = Map<string, number>;

/** npy_parse_arguments: positional then keyword, each name once; unknown keywords are a TypeError. */
export function parseArgs(fn: string, names: string[], required: number, args: number[], kw: Kw): (number | undefined)[] {
  if (args.length > names.length) throw typeError(`${fn}() takes at most ${names.length} arguments (${args.length} given)`);
  const out: (number | undefined)[] = names.map((_, i) => args[i]);
  for (const [k, v] of kw) {
    const i = names.indexOf(k);
    if (i < 0) throw typeError(`${fn}() got an unexpected keyword argument '${k}'`);
    if (out[i] !== undefined) throw typeError(`argument for ${fn}() given by name ('${k}') and position (${i + 1})`);
    out[i] = v;
  }
  for (let i = 0; i < required; i++) if (out[i] === undefined) throw typeError(`${fn}() missing required argument '${names[i]}' (pos ${i + 1})`);
  return out;
}

export function isInt(vm: Vm, h: number): boolean {
  const t = vm.table.type[h];
  return t === T.Int || t === T.Bool;
}

export function intArg(vm: Vm, h: number, what: string): number {
  if (!isInt(vm, h)) throw typeError(`'${what}' must be an integer`);
  const v = intValue(vm, h);
  if (typeof v === 'bigint') throw new PyError('ValueError', 'Maximum allowed dimension exceeded');
  return v;
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
  const items = vm.table.type[h] === T.Int || vm.table.type[h] === T.Bool ? null : sequenceItems(vm, h);
  if (items === null) {
    if (!isInt(vm, h)) throw typeError(`expected a sequence of integers or a single integer, got '${vm.table.type[h] === T.Float ? vm.table.num[h] : '...'}'`);
    return { shape: [checkDim(intArg(vm, h, 'shape'))], tempLen: 1 };
  }
  if (items.length > NPY_MAXDIMS) throw new PyError('ValueError', `maximum supported dimension for an ndarray is ${NPY_MAXDIMS}, found ${items.length}`);
  const shape = items.map((x) => {
    if (!isInt(vm, x)) throw typeError(`'${vm.table.type[x] === T.Float ? 'float' : 'object'}' object cannot be interpreted as an integer`);
    return checkDim(intArg(vm, x, 'shape'));
  });
  return { shape, tempLen: shape.length };
}

function checkDim(d: number): number {
  if (d < 0) throw new PyError('ValueError', 'negative dimensions are not allowed');
  return d;
}

/** The dtype objects the module hands out (np.float64 …, a.dtype), by handle. */
export type DtypeLookup = (h: number) => DType | undefined;

/** PyArray_DescrConverter for the modelled dtypes: None → float64, float → float64, int → int64. */
export function dtypeArg(vm: Vm, h: number | undefined, lookup: DtypeLookup, fallback: DType = FLOAT64): DType {
  if (h === undefined || vm.table.type[h] === T.None) return fallback;
  const d = lookup(h);
  if (d) return d;
  const t = vm.table.type[h];
  if (t === T.Str) {
    const s = strValue(vm, h);
    const byName = dtypeByName(s);
    if (byName) return byName;
    throw new NotSupported(`dtype '${s}' (modelled: float64, float32, int64, int32, uint8)`);
  }
  if (t === T.Type) {
    const name = vm.slotsOf(h).name;
    if (name === 'float') return FLOAT64;
    if (name === 'int') return INT64;
    throw new NotSupported(`dtype=${name}`);
  }
  if (vm.typeOf(h).name === 'dtype') throw new NotSupported('that dtype');
  throw typeError('Cannot interpret the dtype= argument as a data type');
}

/** order='C' is the only layout modelled. */
export function orderArg(vm: Vm, h: number | undefined): void {
  if (h === undefined || vm.table.type[h] === T.None) return;
  if (vm.table.type[h] === T.Str && strValue(vm, h) === 'C') return;
  throw new NotSupported("order= other than 'C'");
}
