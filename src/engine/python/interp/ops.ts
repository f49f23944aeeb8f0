import { NotSupported, PyError, typeError, zeroDivision } from '../errors';
import { byteLength, byteString, bytesContent, bytesNew, type ByteContent } from '../objects/bytes';
import { floatDivmod, fromDouble } from '../objects/float';
import { intAddSub, intBitOp, intInvert, intMul, intNeg, intPow, intValue, type IntValue } from '../objects/int';
import { intDivMod } from '../objects/intdiv';
import { listItem } from '../objects/list';
import { listConcat, listExtendItems, listInplaceRepeat, listRepeat } from '../objects/listops';
import { strConcat, strRepeat, strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { T, TYPE_NAMES } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { typeName } from './repr';

/**
 * The number and sequence protocols for the built-in types (Objects/abstract.c binary_op1,
 * PyNumber_*, PySequence_Concat/Repeat): each returns a new reference and allocates what the
 * corresponding C function allocates.
 */
const isIntLike = (t: number): boolean => t === T.Int || t === T.Bool;

export function numValue(vm: Vm, h: number): IntValue {
  return intValue(vm, h);
}

function asFloat(vm: Vm, h: number): number {
  const t = vm.table.type[h];
  if (t === T.Float) return vm.table.num[h];
  const v = intValue(vm, h);
  const f = Number(v);
  if (!Number.isFinite(f)) throw new PyError('OverflowError', 'int too large to convert to float');
  return f;
}

/** An index argument (PyNumber_AsSsize_t). */
export function indexValue(vm: Vm, h: number, what = 'indices'): number {
  const t = vm.table.type[h];
  if (!isIntLike(t)) throw typeError(`${what} must be integers or slices, not ${typeName(vm, h)}`);
  const v = intValue(vm, h);
  if (typeof v === 'bigint') throw new PyError('IndexError', "cannot fit 'int' into an index-sized integer");
  return v;
}

/** BINARY_OP for op in + - * / // % ** << >> & | ^ (and the in-place forms when inplace). */
export function binaryOp(vm: Vm, op: string, a: number, b: number, inplace = false): number {
  const t = vm.table;
  const ta = t.type[a];
  const tb = t.type[b];
  if (ta >= T.FirstExtension || tb >= T.FirstExtension) {
    const ext = vm.extensions[ta >= T.FirstExtension ? ta : tb];
    const r = ext?.binop?.(op, a, b, inplace) ?? 0;
    if (r) return r;
  }
  if (isIntLike(ta) && isIntLike(tb)) return intOp(vm, op, intValue(vm, a), intValue(vm, b), ta === T.Int ? a : 0);
  if ((ta === T.Float || isIntLike(ta)) && (tb === T.Float || isIntLike(tb))) return floatOp(vm, op, asFloat(vm, a), asFloat(vm, b));
  if (op === '+') {
    if (ta === T.Str && tb === T.Str) return strConcat(vm, a, b);
    if (ta === T.List && tb === T.List) {
      if (inplace) return listIadd(vm, a, b);
      return listConcat(vm, a, b);
    }
    if (ta === T.List && inplace && (tb === T.Tuple || tb === T.Range || tb === T.Set)) return listIadd(vm, a, b);
    if (ta === T.Tuple && tb === T.Tuple) return tupleConcat(vm, a, b);
    if (ta === T.Bytes && tb === T.Bytes) return bytesConcat(vm, a, b);
  }
  if (op === '*') {
    const seq = isIntLike(tb) ? a : isIntLike(ta) ? b : 0;
    const n = seq === a ? b : a;
    if (seq) {
      const times = Number(intValue(vm, n));
      const ts = t.type[seq];
      if (ts === T.List) {
        if (inplace && seq === a) {
          listInplaceRepeat(vm, a, times);
          vm.incref(a);
          return a;
        }
        return listRepeat(vm, seq, times);
      }
      if (ts === T.Str) return strRepeat(vm, seq, times);
      if (ts === T.Tuple) return tupleRepeat(vm, seq, times);
      if (ts === T.Bytes) return bytesRepeat(vm, seq, times);
    }
  }
  if (op === '%' && (ta === T.Str || ta === T.Bytes)) throw new NotSupported('%-formatting');
  if ((ta === T.Set || ta === T.FrozenSet) && (tb === T.Set || tb === T.FrozenSet)) throw new NotSupported(`set operator ${op}`);
  throw typeError(`unsupported operand type(s) for ${op}${inplace ? '=' : ''}: '${TYPE_NAMES[ta] ?? typeName(vm, a)}' and '${TYPE_NAMES[tb] ?? typeName(vm, b)}'`);
}

function intOp(vm: Vm, op: string, a: IntValue, b: IntValue, ha: number): number {
  switch (op) {
    case '+':
      return intAddSub(vm, a, b, false);
    case '-':
      return intAddSub(vm, a, b, true);
    case '*':
      return intMul(vm, a, b);
    case '//':
      return intDivMod(vm, a, b, 'div', ha);
    case '%':
      return intDivMod(vm, a, b, 'mod', ha);
    case '/': {
      if (b === 0 || b === 0n) throw zeroDivision();
      return fromDouble(vm, Number(a) / Number(b));
    }
    case '**': {
      const r = intPow(vm, a, b);
      if (r !== -1) return r;
      if (a === 0 || a === 0n) throw zeroDivision('0.0 cannot be raised to a negative power');
      return fromDouble(vm, Number(a) ** Number(b));
    }
    case '<<':
    case '>>':
    case '&':
    case '|':
    case '^':
      return intBitOp(vm, op, a, b);
    default:
      throw new NotSupported(`the operator ${op}`);
  }
}

function floatOp(vm: Vm, op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return fromDouble(vm, a + b);
    case '-':
      return fromDouble(vm, a - b);
    case '*':
      return fromDouble(vm, a * b);
    case '/':
      if (b === 0) throw zeroDivision('float division by zero');
      return fromDouble(vm, a / b);
    case '//':
      if (b === 0) throw zeroDivision('float floor division by zero');
      return fromDouble(vm, floatDivmod(a, b)[0]);
    case '%':
      if (b === 0) throw zeroDivision('float modulo');
      return fromDouble(vm, floatDivmod(a, b)[1]);
    case '**':
      if (a === 0 && b < 0) throw zeroDivision('0.0 cannot be raised to a negative power');
      return fromDouble(vm, a ** b);
    default:
      throw typeError(`unsupported operand type(s) for ${op}: 'float' and 'float'`);
  }
}

/** list += iterable: list_inplace_concat = list_extend, then the same list. */
function listIadd(vm: Vm, a: number, b: number): number {
  const t = vm.table;
  const tb = t.type[b];
  if (tb === T.List || tb === T.Tuple) {
    const items = tb === T.List ? Int32Array.from({ length: t.n[b] }, (_, i) => listItem(vm, b, i)) : tupleItems(vm, b);
    listExtendItems(vm, a, items);
  } else throw new NotSupported('list += of this iterable');
  vm.incref(a);
  return a;
}

function tupleConcat(vm: Vm, a: number, b: number): number {
  const t = vm.table;
  if (t.n[a] === 0) {
    vm.incref(b);
    return b;
  }
  if (t.n[b] === 0) {
    vm.incref(a);
    return a;
  }
  const items = new Int32Array(t.n[a] + t.n[b]);
  items.set(tupleItems(vm, a));
  items.set(tupleItems(vm, b), t.n[a]);
  for (const it of items) vm.incref(it);
  return tupleFromItems(vm, items);
}

function tupleRepeat(vm: Vm, a: number, n: number): number {
  const t = vm.table;
  if (n === 1 || t.n[a] === 0) {
    vm.incref(a);
    return a;
  }
  if (n <= 0) return vm.s.emptyTuple;
  const src = tupleItems(vm, a);
  const items = new Int32Array(src.length * n);
  for (let r = 0; r < n; r++) items.set(src, r * src.length);
  for (const it of items) vm.incref(it);
  return tupleFromItems(vm, items);
}

function bytesConcat(vm: Vm, a: number, b: number): number {
  const ca = bytesContent(vm, a);
  const cb = bytesContent(vm, b);
  if (byteLength(ca) === 0) {
    vm.incref(b);
    return b;
  }
  if (byteLength(cb) === 0) {
    vm.incref(a);
    return a;
  }
  const sa = byteString(ca);
  const sb = byteString(cb);
  if (sa === null || sb === null) throw new NotSupported('concatenating bytes objects over 1 MiB');
  return bytesNew(vm, sa + sb);
}

function bytesRepeat(vm: Vm, a: number, n: number): number {
  const c = bytesContent(vm, a);
  if (n === 1) {
    vm.incref(a);
    return a;
  }
  const len = byteLength(c) * Math.max(0, n);
  const s = byteString(c);
  const content: ByteContent = s !== null && s.length === 1 ? { fill: s.charCodeAt(0), length: len } : s !== null && len < 1 << 24 ? s.repeat(Math.max(0, n)) : { fill: 0, length: len };
  return bytesNew(vm, content);
}

/** UNARY_NEGATIVE / UNARY_POSITIVE / UNARY_INVERT (UNARY_NOT is truthiness). */
export function unaryOp(vm: Vm, op: string, a: number): number {
  const ta = vm.table.type[a];
  if (isIntLike(ta)) {
    const v = intValue(vm, a);
    if (op === '-') return intNeg(vm, v);
    if (op === '~') return intInvert(vm, v);
    if (ta === T.Bool) return intAddSub(vm, v, 0, false);
    vm.incref(a);
    return a;
  }
  if (ta === T.Float) {
    if (op === '-') return fromDouble(vm, -vm.table.num[a]);
    if (op === '+') {
      vm.incref(a);
      return a;
    }
  }
  const ext = ta >= T.FirstExtension ? vm.extensions[ta] : undefined;
  if (ext?.unaryop) return ext.unaryop(op, a);
  throw typeError(`bad operand type for unary ${op}: '${typeName(vm, a)}'`);
}

/** PyObject_IsTrue. */
export function truthy(vm: Vm, h: number): boolean {
  const t = vm.table;
  switch (t.type[h]) {
    case T.None:
      return false;
    case T.Bool:
    case T.Float:
      return t.num[h] !== 0;
    case T.Int: {
      const v = intValue(vm, h);
      return v !== 0 && v !== 0n;
    }
    case T.Str:
    case T.Bytes:
    case T.ByteArray:
    case T.List:
    case T.Tuple:
    case T.Dict:
    case T.Set:
    case T.FrozenSet:
      return t.n[h] !== 0;
    case T.Range: {
      const len = intValue(vm, (t.side[h] as { length: number }).length);
      return len !== 0 && len !== 0n;
    }
    default: {
      const ext = vm.extensions[t.type[h]];
      if (ext?.truthy) return ext.truthy(h);
      return true;
    }
  }
}

export function strOf(vm: Vm, h: number): string {
  return strValue(vm, h);
}
