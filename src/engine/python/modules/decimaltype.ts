import { intValue } from '../objects/int';
import { NB, T, type BinarySlot } from '../objects/types';
import { GC_HEAD, type Vm } from '../runtime/vm';
import { addStatus, currentContext, decState, readContext, type CtxView } from './decimalctx';
import {
  fin,
  fromBigInt,
  inf,
  isIntegral,
  Kind,
  ndigits,
  qnan,
  toBigInt,
  type Dec,
  type Res,
} from './decimalnum';
import { add, div, divint, mul, powInt, rem } from './decimalops';
import { powReal } from './decimaltrans';

/**
 * decimal.Decimal, _decimal.c's PyDecObject: 16 bytes of header, the cached hash, the mpd_t
 * (flags, exp, digits, len, alloc, data pointer) and MPD_MINALLOC = 4 static words of 19
 * digits: 104 bytes from PyObject_Malloc (sys.getsizeof 104 up to 76 digits, measured). A longer
 * coefficient lives in a PyMem block of `alloc` words (mpd_mallocfunc is PyMem_Malloc in 3.11:
 * Decimal("1" * 80) makes 'm 104' then 'm 40'). Not tracked by the collector
 * before 3.13 (`decimalGc`: 16 bytes of GC head more, tracked).
 */
export const DEC_SIZE = 104;
export const MINALLOC = 4;
const RDIGITS = 19;

export interface DecObj {
  d: Dec;
  /** The dynamic coefficient block (0: the static words). */
  data: number;
  hashed: boolean;
}

export const decObj = (vm: Vm, h: number): DecObj => vm.table.side[h] as DecObj;
export const decOf = (vm: Vm, h: number): Dec => decObj(vm, h).d;
export const decimalTypeId = (vm: Vm): number => decState(vm).decimalType;
export const isDecimal = (vm: Vm, h: number): boolean => vm.typeOf(h).mro.includes(decimalTypeId(vm));

/** The coefficient's words (mpd_t.len). */
export const wordsOf = (d: Dec): number => (d.coeff === 0n ? 1 : Math.ceil(ndigits(d.coeff) / RDIGITS));

/**
 * dec_alloc's object: PyObject_New on 3.11/3.12; on 3.13 (profile `decimalGc`) PyObject_GC_New,
 * which counts it for the collector (and may collect first), then PyObject_GC_Track.
 */
function decAlloc(vm: Vm, typeId: number): number {
  if (!vm.py.decimalGc) return vm.newObject(typeId, DEC_SIZE);
  const h = vm.newGcObject(typeId, vm.preHeader[typeId] - GC_HEAD + DEC_SIZE);
  vm.gc.track(h);
  return h;
}

/**
 * dec_alloc, then the operation writing the result. `work` lists the sizes, in words, the result's
 * coefficient went through on the way when it outgrew the static ones (_mpd_qmul: the la + lb
 * words of the product, then its exact length), before the rounding's final mpd_qresize to
 * max(MPD_MINALLOC, len): Decimal("1"*80) * Decimal("7"*80) is m 104, m 80, r 72, r 32, measured.
 */
export function decNew(vm: Vm, d: Dec, typeId = decimalTypeId(vm), work: readonly number[] = []): number {
  const h = decAlloc(vm, typeId);
  const w = wordsOf(d);
  let data = 0;
  if (work.length > 0 && work[0] > MINALLOC) {
    data = vm.mem.malloc(work[0] * 8);
    let last = work[0];
    for (const n of [...work.slice(1), Math.max(MINALLOC, w)])
      if (n !== last) {
        data = vm.mem.realloc(data, n * 8);
        last = n;
      }
  } else if (w > MINALLOC && d.kind === Kind.Finite) data = vm.mem.malloc(w * 8);
  vm.table.side[h] = { d, data, hashed: false } satisfies DecObj;
  return h;
}

export function decDealloc(vm: Vm, h: number): void {
  const o = decObj(vm, h);
  if (o.data) vm.mem.free(o.data);
  vm.table.side[h] = undefined;
  vm.objectFree(h);
}

/** A result with its status: the flags set and a trapped signal raised (the result released). */
export function decResult(vm: Vm, ctx: CtxView, r: Res, work: readonly number[] = []): number {
  const h = decNew(vm, r.d, decimalTypeId(vm), work);
  try {
    addStatus(vm, ctx, r.sig);
  } catch (e) {
    vm.decref(h);
    throw e;
  }
  return h;
}

/** The exact value of a double (PyDecType_FromFloatExact). */
export function fromFloat(x: number): Dec {
  const sign = x < 0 || Object.is(x, -0) ? 1 : 0;
  if (Number.isNaN(x)) return qnan(0);
  if (!Number.isFinite(x)) return inf(sign);
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  // m / 2^e = m × 5^e / 10^e
  return fin(sign, BigInt(m) * 5n ** BigInt(e), -e);
}

export interface Operand {
  d: Dec;
  /** A temporary Decimal made for an int operand (released after the operation), or 0. */
  temp: number;
}

/** convert_op: a Decimal as it is, an int through a temporary Decimal; null for anything else. */
export function operand(vm: Vm, h: number): Operand | null {
  if (isDecimal(vm, h)) return { d: decOf(vm, h), temp: 0 };
  if (vm.typeOf(h).mro.includes(T.Int)) {
    const d = fromBigInt(BigInt(intValue(vm, h)));
    const temp = decNew(vm, d);
    return { d, temp };
  }
  return null;
}

export const release = (vm: Vm, o: Operand | null): void => {
  if (o !== null && o.temp) vm.decref(o.temp);
};

/** nm_mpd_q*: context, the operands converted, the result allocated, the temporaries released, the status. */
function binary(op: (a: Dec, b: Dec, c: CtxView) => Res, work?: (a: Dec, b: Dec) => number[]): BinarySlot {
  return (vm, a, b) => {
    const ctx = readContext(vm, currentContext(vm));
    const x = operand(vm, a);
    if (x === null) return vm.s.NotImplemented;
    const y = operand(vm, b);
    if (y === null) {
      release(vm, x);
      return vm.s.NotImplemented;
    }
    const r = op(x.d, y.d, ctx);
    const h = decNew(vm, r.d, decimalTypeId(vm), work?.(x.d, y.d));
    release(vm, x);
    release(vm, y);
    try {
      addStatus(vm, ctx, r.sig);
    } catch (e) {
      vm.decref(h);
      throw e;
    }
    return h;
  };
}

/** The exact product's words when both are finite (_mpd_qmul resizes the result to la + lb first). */
const mulWork = (a: Dec, b: Dec): number[] =>
  a.kind === Kind.Finite && b.kind === Kind.Finite && a.coeff !== 0n && b.coeff !== 0n
    ? [wordsOf(a) + wordsOf(b), wordsOf(fin(0, a.coeff * b.coeff, 0))]
    : [];

export function power(ctx: CtxView, a: Dec, b: Dec): Res {
  if (a.kind >= Kind.NaN || b.kind >= Kind.NaN) return add(a, b, ctx);
  if (b.kind === Kind.Finite && isIntegral(b)) {
    const y = toBigInt(b);
    const r = powInt(a, y, ctx);
    if (r !== null) return r;
    // too many digits to compute exactly: |x| ** y correctly rounded, the sign from y's parity
    const p = powReal({ ...a, sign: 0 }, b, ctx);
    return a.sign && (y & 1n) === 1n && p.d.kind !== Kind.NaN ? { ...p, d: { ...p.d, sign: 1 } } : p;
  }
  return powReal(a, b, ctx);
}

const powerSlot: BinarySlot = (vm, a, b) => {
  const ctx = readContext(vm, currentContext(vm));
  const x = operand(vm, a);
  if (x === null) return vm.s.NotImplemented;
  const y = operand(vm, b);
  if (y === null) {
    release(vm, x);
    return vm.s.NotImplemented;
  }
  try {
    return decResult(vm, ctx, power(ctx, x.d, y.d));
  } finally {
    release(vm, x);
    release(vm, y);
  }
};

export const BINARY: Partial<Record<NB, BinarySlot>> = {
  [NB.Add]: binary((a, b, c) => add(a, b, c)),
  [NB.Subtract]: binary((a, b, c) => add(a, b, c, true)),
  [NB.Multiply]: binary(mul, mulWork),
  [NB.TrueDivide]: binary(div),
  [NB.FloorDivide]: binary(divint),
  [NB.Remainder]: binary(rem),
  [NB.Power]: powerSlot,
};
