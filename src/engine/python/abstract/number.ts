import { E } from '../objects/exctypes';
import { F_BIG } from '../objects/table';
import { isSubtype } from '../objects/typeobject';
import { NB, NB_BINARY_COUNT, T, type BinarySlot } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { raiseString, typeError } from './errors';
import { typeName } from './object';

/** The syntax tree's operators as NB indices (BINARY_OP's oparg). */
export const NB_OF: Record<string, NB> = {
  '+': NB.Add,
  '&': NB.And,
  '//': NB.FloorDivide,
  '<<': NB.Lshift,
  '@': NB.MatrixMultiply,
  '*': NB.Multiply,
  '%': NB.Remainder,
  '|': NB.Or,
  '**': NB.Power,
  '>>': NB.Rshift,
  '-': NB.Subtract,
  '/': NB.TrueDivide,
  '^': NB.Xor,
};
const NB_TEXT = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];

/**
 * binary_op1 (Objects/abstract.c): the left type's slot, the right type's slot, the right's first
 * when its type is a proper subclass of the left's. Each slot gets (v, w) in order and answers
 * NotImplemented for operands it does not handle. A new reference or NotImplemented.
 */
function binaryOp1(vm: Vm, v: number, w: number, nb: number): number {
  const tv = vm.table.type[v];
  const tw = vm.table.type[w];
  const slotv: BinarySlot | null = vm.types[tv].number?.binary[nb] ?? null;
  let slotw: BinarySlot | null = tw !== tv ? (vm.types[tw].number?.binary[nb] ?? null) : null;
  if (slotw === slotv) slotw = null;
  const NI = vm.s.NotImplemented;
  if (slotv !== null) {
    if (slotw !== null && isSubtype(vm, tw, tv)) {
      const x = slotw(vm, v, w);
      if (x !== NI) return x;
      slotw = null;
    }
    const x = slotv(vm, v, w);
    if (x !== NI) return x;
  }
  if (slotw !== null) return slotw(vm, v, w);
  return NI;
}

function binopTypeError(vm: Vm, v: number, w: number, opText: string): never {
  throw typeError(
    vm,
    "unsupported operand type(s) for %.100s: '%.100s' and '%.100s'",
    opText,
    typeName(vm, v),
    typeName(vm, w),
  );
}

/**
 * PyNumber_Add … PyNumber_Xor (BINARY_OP): the number slots, then for + and * the sequence
 * protocol's concat and repeat. Exact ints and floats go straight to their slot (the quickened
 * BINARY_OP_ADD_INT & co. do the same). A new reference.
 */
export function binaryOp(vm: Vm, nb: number, v: number, w: number): number {
  const t = vm.table;
  const tv = t.type[v];
  const tw = t.type[w];
  // (float has no bitwise or shift slots: `1.0 ^ 2.0` goes the long way, to its TypeError)
  if (tv === tw && (tv === T.Int || tv === T.Float)) {
    const fast = vm.types[tv].number!.binary[nb];
    if (fast) return fast(vm, v, w);
  }
  // Exact sequences: no number slot of either operand can answer, so the sequence protocol's
  // answer is what binary_op1's NotImplemented would lead to (the seed's `[0] * 100`).
  if (nb === NB.Multiply && tw === T.Int && (tv === T.List || tv === T.Tuple || tv === T.Str))
    return vm.types[tv].sequence!.repeat!(vm, v, asSsize(vm, w, E.OverflowError));
  if (nb === NB.Add && tv === tw && (tv === T.List || tv === T.Tuple || tv === T.Str)) return vm.types[tv].sequence!.concat!(vm, v, w);
  const r = binaryOp1(vm, v, w, nb);
  if (r !== vm.s.NotImplemented) return r;
  if (nb === NB.Add) {
    const concat = vm.types[tv].sequence?.concat;
    if (concat) return concat(vm, v, w);
  } else if (nb === NB.Multiply) {
    const r2 = sequenceRepeat(vm, v, w, false);
    if (r2 !== 0) return r2;
  }
  binopTypeError(vm, v, w, nb === NB.Power ? '** or pow()' : NB_TEXT[nb]);
}

/** PyNumber_InPlace*: nb_inplace_<op>, then the plain operator; for += and *= the sequence's in-place concat/repeat first. */
export function inplaceOp(vm: Vm, nb: number, v: number, w: number): number {
  const t = vm.table;
  const tv = t.type[v];
  if (tv === t.type[w] && (tv === T.Int || tv === T.Float)) {
    const fast = vm.types[tv].number!.binary[nb];
    if (fast) return fast(vm, v, w);
  }
  const NI = vm.s.NotImplemented;
  const islot = vm.types[tv].number?.binary[nb + NB_BINARY_COUNT] ?? null;
  if (islot !== null) {
    const x = islot(vm, v, w);
    if (x !== NI) return x;
  }
  const r = binaryOp1(vm, v, w, nb);
  if (r !== NI) return r;
  const sq = vm.types[tv].sequence;
  if (nb === NB.Add && sq) {
    const f = sq.inplaceConcat ?? sq.concat;
    if (f) return f(vm, v, w);
  } else if (nb === NB.Multiply) {
    const r2 = sequenceRepeat(vm, v, w, true);
    if (r2 !== 0) return r2;
  }
  binopTypeError(vm, v, w, nb === NB.Power ? '**=' : NB_TEXT[nb] + '=');
}

/** sequence_repeat for `seq * n` or `n * seq`: 0 when neither operand is a sequence. */
function sequenceRepeat(vm: Vm, v: number, w: number, inplace: boolean): number {
  const sv = vm.types[vm.table.type[v]].sequence;
  const sw = vm.types[vm.table.type[w]].sequence;
  const fv = sv ? (inplace ? (sv.inplaceRepeat ?? sv.repeat) : sv.repeat) : undefined;
  const seq = fv ? v : sw?.repeat ? w : 0;
  if (seq === 0) return 0;
  const n = seq === v ? w : v;
  const f = seq === v ? fv! : sw!.repeat!;
  if (!hasIndex(vm, n))
    throw typeError(vm, "can't multiply sequence by non-int of type '%.200s'", typeName(vm, n));
  return f(vm, seq, asSsize(vm, n, E.OverflowError));
}

/** PyNumber_Divmod: nb_divmod of either operand (the right's first when it is a proper subclass). */
export function divmod(vm: Vm, v: number, w: number): number {
  const tv = vm.table.type[v];
  const tw = vm.table.type[w];
  const fv = vm.types[tv].number?.divmod ?? null;
  let fw = tw !== tv ? (vm.types[tw].number?.divmod ?? null) : null;
  if (fw === fv) fw = null;
  const NI = vm.s.NotImplemented;
  if (fv !== null) {
    if (fw !== null && isSubtype(vm, tw, tv)) {
      const x = fw(vm, v, w);
      if (x !== NI) return x;
      fw = null;
    }
    const x = fv(vm, v, w);
    if (x !== NI) return x;
  }
  if (fw !== null) {
    const x = fw(vm, v, w);
    if (x !== NI) return x;
  }
  binopTypeError(vm, v, w, 'divmod()');
}

const UNARY_TEXT: Record<string, string> = { '-': 'unary -', '+': 'unary +', '~': 'unary ~', abs: 'abs()' };

/** PyNumber_Negative / Positive / Invert / Absolute ('-', '+', '~', 'abs'). A new reference. */
export function unaryOp(vm: Vm, op: string, v: number): number {
  const nb = vm.types[vm.table.type[v]].number;
  const f = op === '-' ? nb?.negative : op === '+' ? nb?.positive : op === '~' ? nb?.invert : nb?.absolute;
  if (!f) throw typeError(vm, "bad operand type for %s: '%.200s'", UNARY_TEXT[op], typeName(vm, v));
  return f(vm, v);
}

/** _PyIndex_Check: the type has nb_index. */
export function hasIndex(vm: Vm, h: number): boolean {
  const type = vm.table.type[h];
  return type === T.Int || type === T.Bool || !!vm.types[type].number?.index;
}

/** PyNumber_Index: an int for an object with __index__ (a new reference). */
export function index(vm: Vm, h: number): number {
  const type = vm.table.type[h];
  if (type === T.Int) {
    vm.incref(h);
    return h;
  }
  const f = vm.types[type].number?.index;
  if (!f) throw typeError(vm, "'%.200s' object cannot be interpreted as an integer", typeName(vm, h));
  return f(vm, h);
}

/**
 * PyNumber_AsSsize_t(h, exc): the index as a JS number; past the C range, `exc` is raised
 * ("cannot fit 'int' into an index-sized integer"), or with exc 0 the value is clipped.
 */
export function asSsize(vm: Vm, h: number, exc: number): number {
  const t = vm.table;
  const type = t.type[h];
  if ((type === T.Int || type === T.Bool) && !(t.flags[h] & F_BIG)) return t.num[h];
  const i = index(vm, h);
  try {
    if (!(t.flags[i] & F_BIG)) return t.num[i];
    const big = t.side[i] as bigint;
    if (big >= -(2n ** 63n) && big < 2n ** 63n) return Number(big);
    if (exc === 0) return big < 0n ? -(2 ** 63) : 2 ** 63 - 1;
    throw raiseString(vm, exc, `cannot fit '${typeName(vm, h)}' into an index-sized integer`);
  } finally {
    vm.decref(i);
  }
}
