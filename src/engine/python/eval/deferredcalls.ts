import { CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR } from '../compiler/code';
import { functionData } from '../objects/func';
import { T, type Kwargs } from '../objects/types';
import { DEFERRED } from '../runtime/deferred';
import { clearAndPop, funcCode, isStop, layOutFromC } from './calls';
import { Owner, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import { NativeCode } from '../objects/func';

/**
 * The loop's side of deferred C -> Python calls (runtime/deferred.ts): the frame a C layer asked
 * for, pushed as callFromC pushes it but run by the loop that called the C code, and the C
 * layers' rests run when that frame returns (returnToC) or raises (failToC).
 */

const NOT_INLINE = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

/**
 * Evaluator.deferCall: callFromC up to the loop's entry (the arguments laid out with new
 * references, the frame pushed, 3.12+'s C units for the entry counted), the frame left for the
 * loop's CALL to run. A generator function or a function modelled natively is called now.
 */
export function deferFromC(it: Interpreter, fn: number, args: readonly number[], kw: Kwargs | null): number {
  const vm = it.vm;
  if (
    vm.table.type[fn] !== T.Function ||
    functionData(vm, fn).code instanceof NativeCode ||
    funcCode(it, fn).co.flags & NOT_INLINE ||
    it.deferred !== null
  )
    return vm.typeOf(fn).vectorcall!(vm, fn, args, kw);
  const nkw = kw === null ? 0 : kw.size;
  const scratch = it.scratch(args.length + nkw);
  let frame: Frame;
  try {
    frame = layOutFromC(it, fn, scratch, args, kw, nkw, 0);
  } finally {
    it.releaseScratch(scratch);
  }
  const t = it.thread;
  if (t.cLimit !== 0) {
    // Interpreter.run's entry of the loop (_PyEval_EvalFrame: PY_EVAL_C_STACK_UNITS)
    try {
      t.enterEval();
    } catch (e) {
      if (!isStop(e) && frame.owner === Owner.Thread && frame.chunk >= 0) clearAndPop(it, frame);
      throw e;
    }
    frame.evalEntry = true;
  }
  it.deferred = frame;
  return DEFERRED;
}

/** The frame CALL runs for a deferred call (its continuations attached), taken from the interpreter. */
export function takeDeferred(it: Interpreter): Frame {
  const f = it.deferred;
  if (f === null) throw new Error('internal: DEFERRED without a frame');
  it.deferred = null;
  return f;
}

/**
 * A deferred frame returned `result` (the loop already left it: `t.current` is its caller):
 * callFromC's end (the loop's entry left, the frame cleared and popped), then each C layer's rest,
 * inner first; the outermost's result is what CALL pushes. A rest that raises has the outer ones
 * clean up, and the error goes to the caller frame as the C call's error would.
 */
export function returnToC(it: Interpreter, dying: Frame, result: number): number {
  if (dying.evalEntry) it.thread.leaveEval();
  if (dying.owner === Owner.Thread && dying.chunk >= 0) clearAndPop(it, dying);
  const conts = dying.conts!;
  const vm = it.vm;
  let r = result;
  for (let i = 0; i < conts.length; i++) {
    try {
      r = conts[i].done(vm, r);
    } catch (e) {
      if (!isStop(e)) for (let j = i + 1; j < conts.length; j++) conts[j].fail(vm);
      throw e;
    }
  }
  return r;
}

/** A deferred frame raised (no handler in it): callFromC's cleanup, then each C layer's. */
export function failToC(it: Interpreter, dying: Frame): void {
  if (dying.evalEntry) it.thread.leaveEval();
  if (dying.owner === Owner.Thread && dying.chunk >= 0) clearAndPop(it, dying);
  for (const c of dying.conts!) c.fail(it.vm);
}
