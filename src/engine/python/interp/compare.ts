import { NotSupported, typeError } from '../errors';
import { byteString, bytesContent } from '../objects/bytes';
import { dictData, dictGetItem } from '../objects/dict';
import { intValue } from '../objects/int';
import { rangeFields } from '../objects/iter';
import { listItem } from '../objects/list';
import { setContains } from '../objects/set';
import { strValue } from '../objects/str';
import { tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { typeName } from './repr';

/**
 * Comparisons of the built-in types (PyObject_RichCompare and friends). None of them allocate:
 * the results are the True/False singletons.
 */
const num = (t: number): boolean => t === T.Int || t === T.Bool || t === T.Float;

function numOf(vm: Vm, h: number): number | bigint {
  return vm.table.type[h] === T.Float ? vm.table.num[h] : intValue(vm, h);
}

/** PyObject_RichCompareBool(a, b, Py_EQ): identity first, as the C code does. */
export function equals(vm: Vm, a: number, b: number): boolean {
  if (a === b) return true;
  const t = vm.table;
  const ta = t.type[a];
  const tb = t.type[b];
  if (num(ta) && num(tb)) {
    const x = numOf(vm, a);
    const y = numOf(vm, b);
    return typeof x === typeof y ? x === y : x == y;
  }
  if (ta !== tb && !((ta === T.Set || ta === T.FrozenSet) && (tb === T.Set || tb === T.FrozenSet))) return false;
  switch (ta) {
    case T.Str:
      return strValue(vm, a) === strValue(vm, b);
    case T.Bytes: {
      const sa = byteString(bytesContent(vm, a));
      const sb = byteString(bytesContent(vm, b));
      if (sa === null || sb === null) throw new NotSupported('comparing bytes over 1 MiB');
      return sa === sb;
    }
    case T.List:
    case T.Tuple: {
      const n = t.n[a];
      if (n !== t.n[b]) return false;
      const get = ta === T.List ? listItem : tupleItem;
      for (let i = 0; i < n; i++) if (!equals(vm, get(vm, a, i), get(vm, b, i))) return false;
      return true;
    }
    case T.Dict: {
      if (t.n[a] !== t.n[b]) return false;
      const d = dictData(vm, a);
      for (let i = 0; i < d.nentries; i++) {
        if (d.values[i] === 0) continue;
        const v = dictGetItem(vm, b, d.keys[i]);
        if (v === 0 || !equals(vm, d.values[i], v)) return false;
      }
      return true;
    }
    case T.Set:
    case T.FrozenSet: {
      if (t.n[a] !== t.n[b]) return false;
      for (const k of (t.side[a] as { index: Map<unknown, number> }).index.values()) if (!setContains(vm, b, k)) return false;
      return true;
    }
    default:
      return false;
  }
}

/** < <= > >= for numbers, strings, bytes, lists and tuples. */
export function ordered(vm: Vm, op: string, a: number, b: number): boolean {
  const t = vm.table;
  const ta = t.type[a];
  const tb = t.type[b];
  let c: number;
  if (num(ta) && num(tb)) {
    const x = numOf(vm, a);
    const y = numOf(vm, b);
    c = x < y ? -1 : x > y ? 1 : x === y || Number(x) === Number(y) ? 0 : NaN;
  } else if (ta === T.Str && tb === T.Str) {
    const x = strValue(vm, a);
    const y = strValue(vm, b);
    c = x < y ? -1 : x > y ? 1 : 0;
  } else if ((ta === T.List && tb === T.List) || (ta === T.Tuple && tb === T.Tuple)) {
    const get = ta === T.List ? listItem : tupleItem;
    const n = Math.min(t.n[a], t.n[b]);
    for (let i = 0; i < n; i++) {
      const x = get(vm, a, i);
      const y = get(vm, b, i);
      if (!equals(vm, x, y)) return ordered(vm, op, x, y);
    }
    c = t.n[a] - t.n[b];
  } else {
    throw typeError(`'${op}' not supported between instances of '${typeName(vm, a)}' and '${typeName(vm, b)}'`);
  }
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

/** PySequence_Contains (`x in container`). */
export function contains(vm: Vm, container: number, x: number): boolean {
  const t = vm.table;
  switch (t.type[container]) {
    case T.List:
    case T.Tuple: {
      const get = t.type[container] === T.List ? listItem : tupleItem;
      for (let i = 0; i < t.n[container]; i++) if (equals(vm, get(vm, container, i), x)) return true;
      return false;
    }
    case T.Dict:
      return dictGetItem(vm, container, x) !== 0;
    case T.Set:
    case T.FrozenSet:
      return setContains(vm, container, x);
    case T.Str:
      if (t.type[x] !== T.Str) throw typeError(`'in <string>' requires string as left operand, not ${typeName(vm, x)}`);
      return strValue(vm, container).includes(strValue(vm, x));
    case T.Range: {
      if (t.type[x] !== T.Int && t.type[x] !== T.Bool) return false;
      const r = rangeFields(vm, container);
      const v = BigInt(intValue(vm, x));
      const start = BigInt(intValue(vm, r.start));
      const stop = BigInt(intValue(vm, r.stop));
      const step = BigInt(intValue(vm, r.step));
      if (step > 0n ? v < start || v >= stop : v > start || v <= stop) return false;
      return (v - start) % step === 0n;
    }
    default:
      throw typeError(`argument of type '${typeName(vm, container)}' is not iterable`);
  }
}

/** COMPARE_OP / IS_OP / CONTAINS_OP as a boolean. */
export function compare(vm: Vm, op: string, a: number, b: number): boolean {
  switch (op) {
    case '==':
      return equals(vm, a, b);
    case '!=':
      return !equals(vm, a, b);
    case 'is':
      return a === b;
    case 'is not':
      return a !== b;
    case 'in':
      return contains(vm, b, a);
    case 'not in':
      return !contains(vm, b, a);
    default:
      return ordered(vm, op, a, b);
  }
}
