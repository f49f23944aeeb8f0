import type { CodeRt } from './code';

/**
 * Python/specialize.c of 3.11, for the instructions whose specialized form allocates or frees in
 * a different order than the generic one (everything else specializes too, but it does not change
 * what the allocators see, so it is not modelled):
 *
 * - BINARY_OP_ADD_INT / _SUBTRACT_INT / _MULTIPLY_INT and the _FLOAT forms release the right
 *   operand before the left one (the generic BINARY_OP releases the left first);
 * - BINARY_OP_INPLACE_ADD_UNICODE (`s += t` into the fast local `s`) appends in place;
 * - UNPACK_SEQUENCE_TWO_TUPLE / _TUPLE / _LIST read the items: no iterator object;
 * - BINARY_SUBSCR_LIST_INT / _TUPLE_INT / _DICT release the index before the container;
 * - PRECALL_NO_KW_STR_1 calls PyObject_Str: no argument tuple for `str(x)`;
 * - PRECALL_*_FAST* call a METH_FASTCALL function without cfunction_vectorcall_FASTCALL's
 *   recursion check: the generic CALL counts one unit more (the first 7 calls of a recursive
 *   function, before its code is quickened: print/sorted/format recursions stop 7 levels later).
 *
 * The state lives where CPython keeps it: per instruction, the form it took (`code.spec`) and
 * its counter (`code.counter`, the first inline cache entry). _PyCode_Quicken leaves every
 * counter at zero, so an adaptive instruction tries to specialize on its first run; a failure
 * backs off exponentially (adaptive_counter_backoff); a specialized instruction that misses
 * runs the generic code and, after 53 misses, goes back to adaptive (miss_counter_start).
 */
export const enum Spec {
  Generic = 0,
  AddInt,
  SubtractInt,
  MultiplyInt,
  AddFloat,
  SubtractFloat,
  MultiplyFloat,
  AddUnicode,
  InplaceAddUnicode,
  UnpackTwoTuple,
  UnpackTuple,
  UnpackList,
  SubscrListInt,
  SubscrTupleInt,
  SubscrDict,
  /** Any other specialization that succeeded (its behaviour is the generic one's). */
  Other,
  PrecallStr1,
  /**
   * PRECALL_NO_KW_BUILTIN_FAST, PRECALL_BUILTIN_FAST_WITH_KEYWORDS and the METHOD_DESCRIPTOR_FAST
   * forms: the C function called directly, without the recursion check its vectorcall makes.
   */
  PrecallCFast,
}

const ADAPTIVE_BACKOFF_BITS = 4;
const ADAPTIVE_BACKOFF_START = 5;
const MAX_BACKOFF_VALUE = 16 - ADAPTIVE_BACKOFF_BITS;
const MISS_COUNTER_START = 53;

/** adaptive_counter_bits: the value to count down (upper 12 bits) and the backoff exponent (lower 4). */
export const adaptiveCounter = (value: number, backoff: number): number =>
  (value << ADAPTIVE_BACKOFF_BITS) | (backoff & ((1 << ADAPTIVE_BACKOFF_BITS) - 1));

/** adaptive_counter_start(): 31 runs before the next attempt. */
const ADAPTIVE_COUNTER_START = adaptiveCounter((1 << ADAPTIVE_BACKOFF_START) - 1, ADAPTIVE_BACKOFF_START);

/** adaptive_counter_backoff. */
function backoff(counter: number): number {
  let b = (counter & ((1 << ADAPTIVE_BACKOFF_BITS) - 1)) + 1;
  if (b > MAX_BACKOFF_VALUE) b = MAX_BACKOFF_VALUE;
  return adaptiveCounter((1 << b) - 1, b);
}

/**
 * An adaptive instruction (code.spec[i] is Generic) about to run: true when its counter is zero,
 * i.e. the specializer must try now (the caller then reports the form it chose with `specialized`);
 * otherwise the counter counts down and the generic instruction runs (DECREMENT_ADAPTIVE_COUNTER).
 * The loop reads code.spec[i] itself first: a specialized form checks its guards and calls `miss`
 * when one fails.
 */
export function attemptNow(code: CodeRt, i: number): boolean {
  const c = code.counter[i];
  if (c < 1 << ADAPTIVE_BACKOFF_BITS) return true;
  code.counter[i] = c - (1 << ADAPTIVE_BACKOFF_BITS);
  return false;
}

/** The specializer's verdict for instruction i: the form it took, or Generic (a failure: back off). */
export function specialized(code: CodeRt, i: number, form: Spec): Spec {
  if (form !== Spec.Generic) {
    code.spec[i] = form;
    code.counter[i] = MISS_COUNTER_START;
    return form;
  }
  // DISPATCH_SAME_OPARG: the adaptive instruction runs again with its backed-off counter
  code.counter[i] = backoff(code.counter[i]) - (1 << ADAPTIVE_BACKOFF_BITS);
  return Spec.Generic;
}

/** `miss:` in ceval.c: a guard failed; the generic instruction runs (this time). */
export function miss(code: CodeRt, i: number): void {
  const c = code.counter[i] - 1;
  if (c === 0) {
    code.spec[i] = Spec.Generic;
    code.counter[i] = ADAPTIVE_COUNTER_START;
  } else code.counter[i] = c;
}
