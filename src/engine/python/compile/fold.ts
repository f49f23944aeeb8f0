import { PyError } from '../errors';
import { intValue } from '../objects/int';
import { strResult, strValue } from '../objects/str';
import { tupleItem } from '../objects/tuple';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';

/** Python/ast_opt.c limits on what the compiler folds. */
const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** safe_multiply / safe_power / safe_lshift / safe_mod. */
export function safe(vm: Vm, op: string, a: number, b: number): boolean {
  const t = vm.table;
  const isInt = (h: number) => t.type[h] === T.Int || t.type[h] === T.Bool;
  const bits = (h: number) => {
    const v = intValue(vm, h);
    return v === 0 || v === 0n ? 0 : (v < 0 ? -BigInt(v) : BigInt(v)).toString(2).length;
  };
  const sized = (h: number) => [T.Str, T.Bytes, T.Tuple, T.FrozenSet].includes(t.type[h]);
  switch (op) {
    case '*': {
      if (isInt(a) && isInt(b)) return bits(a) === 0 || bits(b) === 0 || bits(a) + bits(b) <= MAX_INT_SIZE;
      const [n, seq] = isInt(a) && sized(b) ? [a, b] : isInt(b) && sized(a) ? [b, a] : [0, 0];
      if (!seq || t.n[seq] === 0) return true;
      const k = Number(intValue(vm, n));
      const limit = t.type[seq] === T.Str || t.type[seq] === T.Bytes ? MAX_STR_SIZE : MAX_COLLECTION_SIZE;
      if (k < 0 || k > Math.floor(limit / t.n[seq])) return false;
      return limit === MAX_STR_SIZE || k === 0 || t.n[seq] * k <= MAX_TOTAL_ITEMS;
    }
    case '**':
      if (isInt(a) && isInt(b) && bits(a) > 0 && Number(intValue(vm, b)) > 0) return bits(a) <= Math.floor(MAX_INT_SIZE / Number(intValue(vm, b)));
      return true;
    case '<<':
      if (isInt(a) && isInt(b) && bits(a) > 0 && Number(intValue(vm, b)) !== 0) {
        const w = Number(intValue(vm, b));
        return w <= MAX_INT_SIZE && bits(a) <= MAX_INT_SIZE - w;
      }
      return true;
    case '%':
      return t.type[a] !== T.Str && t.type[a] !== T.Bytes;
    case '@':
      return false;
    default:
      return true;
  }
}

export function constSubscript(vm: Vm, seq: number, idx: number): number {
  const t = vm.table;
  if (t.type[idx] !== T.Int) throw new PyError('TypeError', 'not folded');
  let i = Number(intValue(vm, idx));
  if (t.type[seq] === T.Tuple) {
    if (i < 0) i += t.n[seq];
    if (i < 0 || i >= t.n[seq]) throw new PyError('IndexError', 'not folded');
    const item = tupleItem(vm, seq, i);
    vm.incref(item);
    return item;
  }
  if (t.type[seq] === T.Str) {
    const s = strValue(vm, seq);
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw new PyError('IndexError', 'not folded');
    return strResult(vm, s[i]);
  }
  throw new PyError('TypeError', 'not folded');
}

/** _PyCode_ConstantKey, roughly: same type and value. */
export function constKey(vm: Vm, h: number): string | null {
  const t = vm.table;
  switch (t.type[h]) {
    case T.Int:
      return 'i' + intValue(vm, h).toString();
    case T.Float:
      return 'f' + (Object.is(t.num[h], -0) ? '-0' : String(t.num[h]));
    case T.Str:
      return 's' + strValue(vm, h);
    case T.Tuple: {
      const parts: string[] = [];
      for (let i = 0; i < t.n[h]; i++) {
        const k = constKey(vm, tupleItem(vm, h, i));
        if (k === null) return null;
        parts.push(k);
      }
      return 't(' + parts.join('\u0001') + ')';
    }
    default:
      return null;
  }
}

