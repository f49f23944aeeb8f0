import type { Kwargs } from '../objects/types';
import type { Vm } from './vm';

/**
 * Deferred C -> Python calls (issue 7: deep recursion through C code in the page's worker).
 *
 * C code that calls a Python function as the last Python work it does (type_call running
 * __init__ through slot_tp_init, slot_tp_call's __call__, lru_cache_wrapper's miss) would re-enter
 * the eval loop, as ceval is re-entered in CPython: in the simulator each such level costs ~3 KiB
 * of JavaScript stack (evalFrame's registers and the C layers between two entries), and the page's
 * worker (~480 KiB of V8 stack in Chromium) ran out near 150 levels of a memoized recursion that
 * the real 3.11.7 takes to 498. When the loop's CALL asks for it (armDefer), such a layer pushes
 * the function's frame instead (Evaluator.deferCall returns DEFERRED) and hands the rest of its own
 * work to the frame as a continuation; every layer between the loop and that call does the same
 * with its own rest (inner first). The loop runs the frame as it runs a Python call, and when the
 * frame returns or raises it runs the continuations: the same allocations, frees, recursion counts
 * and exceptions, in the same order, with no JavaScript recursion.
 */

/** What a deferring layer returns: the Python function's frame was pushed; its result comes later. */
export const DEFERRED = -2;

/** The rest of a C layer's work after the Python function it called. */
export interface CallContinuation {
  /** The call returned `result` (a new reference): this layer's own result (a new reference). */
  done(vm: Vm, result: number): number;
  /** The call (or an inner layer's rest) raised: this layer's cleanup before the error goes on. */
  fail(vm: Vm): void;
}

/** The Evaluator's side of it (eval/interpreter.ts). */
export interface DeferringEvaluator {
  /** Whether the caller can take DEFERRED from this layer; the permission is used up by reading it. */
  takeDefer(): boolean;
  /** The next deferring layer (a marked tp_call, see `defersCall`) may return DEFERRED to its caller. */
  armDefer(): void;
  /**
   * _PyFunction_Vectorcall from C code, deferred: the frame pushed and DEFERRED returned when
   * `fn` is a Python function whose call the loop can run; otherwise the call runs now (its result).
   * `initShim`: the call is 3.13's CALL_ALLOC_AND_ENTER_INIT (entersInit said so): a shim frame
   * under it, no entry of the loop.
   */
  deferCall(fn: number, args: readonly number[], kw: Kwargs | null, initShim?: boolean): number;
  /**
   * Whether type_call's __init__ `fn` with `nargs` arguments (self included) runs as 3.13's
   * CALL_ALLOC_AND_ENTER_INIT at this CALL site (counts the site's run); then deferCall(…, true).
   */
  entersInit(fn: number, nargs: number): boolean;
  /** Add the calling layer's rest to the deferred frame (after the inner layers' rests). */
  continueWith(c: CallContinuation): void;
}

/** tp_call functions that take the loop's permission to defer (lru_cache_wrapper, type_call, slot_tp_call). */
const deferring = new WeakSet<object>();

/** Mark a tp_call function as one that may return DEFERRED when its caller allows it. */
export function defersCall<F extends object>(f: F): F {
  deferring.add(f);
  return f;
}

export const callDefers = (f: object): boolean => deferring.has(f);

/** The Evaluator's deferral interface, or null (no interpreter: a bare object-layer test). */
export function deferrer(vm: Vm): DeferringEvaluator | null {
  const ev = vm.eval as Partial<DeferringEvaluator>;
  return ev.takeDefer ? (ev as DeferringEvaluator) : null;
}

/** Whether this layer may return DEFERRED (the permission is used up). */
export function takeDefer(vm: Vm): boolean {
  const d = deferrer(vm);
  return d !== null && d.takeDefer();
}
