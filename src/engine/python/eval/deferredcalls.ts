import {
  CO_ASYNC_GENERATOR,
  CO_COROUTINE,
  CO_GENERATOR,
  CO_VARARGS,
  CO_VARKEYWORDS,
  FRAME_SPECIALS_SIZE,
} from '../compiler/code';
import { call } from '../abstract/call';
import { functionData } from '../objects/func';
import { T, type Kwargs } from '../objects/types';
import { DEFERRED } from '../runtime/deferred';
import { clearAndPop, funcCode, isStop, layOutFromC } from './calls';
import type { CodeRt } from './code';
import { Owner, type Frame } from './frame';
import type { Interpreter } from './interpreter';
import { NativeCode } from '../objects/func';

/**
 * The loop's side of deferred C -> Python calls (runtime/deferred.ts): the frame a C layer asked
 * for, pushed as callFromC pushes it but run by the loop that called the C code, and the C
 * layers' rests run when that frame returns (returnToC) or raises (failToC).
 */

const NOT_INLINE = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;

/** _Py_InitCleanup's co_framesize (3.13): the specials and its 2 stack slots (EXIT_INIT_CHECK, RETURN_VALUE). */
const INIT_CLEANUP_WORDS = FRAME_SPECIALS_SIZE + 2;

/**
 * CALL sites that have run once, by code (3.13's CALL specializes on its second run: the counter
 * starts at adaptive_counter_warmup(), value 1). Only the sites that called a class whose __init__
 * CALL_ALLOC_AND_ENTER_INIT could take are kept.
 */
const warmSites = new WeakMap<CodeRt, Set<number>>();

/**
 * Whether this CALL of a class runs as CALL_ALLOC_AND_ENTER_INIT (3.13, Python/bytecodes.c): the site
 * specialized (its second run on), __init__ a simple function taking exactly the arguments given
 * (specialize_class_call: co_argcount == nargs + 1, no *args/**kwargs/keyword-only), and room on
 * the data stack's chunk for the shim and the __init__ frame (else DEOPT_IF: the generic call,
 * which pushes a chunk, 1 frame and an entry of the loop; measured: 503 levels, not 499).
 */
export function entersInit(it: Interpreter, fn: number, nargs: number): boolean {
  const caller = it.thread.current;
  if (
    caller === null ||
    it.vm.table.type[fn] !== T.Function ||
    functionData(it.vm, fn).code instanceof NativeCode
  )
    return false;
  const co = funcCode(it, fn).co;
  if (it.deferred !== null || co.flags & NOT_INLINE) return false;
  if (co.argcount !== nargs || co.kwonlyargcount !== 0 || co.flags & (CO_VARARGS | CO_VARKEYWORDS))
    return false;
  let sites = warmSites.get(caller.code);
  if (sites === undefined) warmSites.set(caller.code, (sites = new Set()));
  if (!sites.has(caller.ip)) {
    sites.add(caller.ip);
    return false;
  }
  return it.thread.dataStack.hasSpace(co.framesize + INIT_CLEANUP_WORDS);
}

/**
 * Evaluator.deferCall: callFromC up to the loop's entry (the arguments laid out with new
 * references, the frame pushed, 3.12+'s C units for the entry counted), the frame left for the
 * loop's CALL to run. Anything else (a generator function, a function modelled natively, a
 * built-in, a class, a callable instance) is called now (PyObject_Vectorcall: its result).
 */
export function deferFromC(
  it: Interpreter,
  fn: number,
  args: readonly number[],
  kw: Kwargs | null,
  initShim = false,
): number {
  const vm = it.vm;
  if (
    vm.table.type[fn] !== T.Function ||
    functionData(vm, fn).code instanceof NativeCode ||
    funcCode(it, fn).co.flags & NOT_INLINE ||
    it.deferred !== null
  )
    return call(vm, fn, args, kw);
  const nkw = kw === null ? 0 : kw.size;
  const t = it.thread;
  // CALL_ALLOC_AND_ENTER_INIT: the shim frame first (_PyFrame_PushTrampolineUnchecked), counted on
  // the frames' counter without a check (py_recursion_remaining--); __init__'s start_frame checks
  const shim = initShim && nkw === 0;
  if (shim) {
    t.dataStack.push(INIT_CLEANUP_WORDS);
    t.depth++;
  }
  const scratch = it.scratch(args.length + nkw);
  let frame: Frame;
  try {
    frame = layOutFromC(it, fn, scratch, args, kw, nkw, 0);
  } catch (e) {
    if (shim) leaveShim(it);
    throw e;
  } finally {
    it.releaseScratch(scratch);
  }
  if (shim) frame.initShim = true;
  else if (t.cLimit !== 0) {
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
 * The frame an instruction's C code deferred (COMPARE_OP's __eq__), the instruction's own rest
 * (its operands released) the outermost continuation.
 */
export function deferredOperands(it: Interpreter, lhs: number, rhs: number): Frame {
  const frame = takeDeferred(it);
  const release = (vm: Interpreter['vm']): void => {
    vm.decref(lhs);
    vm.decref(rhs);
  };
  (frame.conts ??= []).push({
    done: (vm, r) => {
      release(vm);
      return r;
    },
    fail: release,
  });
  return frame;
}

/**
 * A deferred frame returned `result` (the loop already left it: `t.current` is its caller):
 * callFromC's end (the loop's entry left, the frame cleared and popped), then each C layer's rest,
 * inner first; the outermost's result is what the waiting instruction pushes. A rest that raises
 * has the outer ones clean up, and the error goes to the caller frame as the C call's error would.
 * A rest that calls Python again (a C loop's next key, map's next item, do_richcompare's reflected
 * method) defers that call too and returns DEFERRED: the outer rests move to the new frame, which
 * the loop runs next (DEFERRED returned here, the frame left in `it.deferred`).
 */
export function returnToC(it: Interpreter, dying: Frame, result: number): number {
  if (dying.evalEntry) it.thread.leaveEval();
  if (dying.owner === Owner.Thread && dying.chunk >= 0) clearAndPop(it, dying);
  if (dying.initShim) leaveShim(it);
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
    if (r === DEFERRED) {
      const next = it.deferred!;
      const moved = (next.conts ??= []);
      for (let j = i + 1; j < conts.length; j++) moved.push(conts[j]);
      next.resumeSkip = dying.resumeSkip;
      next.forIterJump = dying.forIterJump;
      return DEFERRED;
    }
  }
  return r;
}

/** A deferred frame raised (no handler in it): callFromC's cleanup, then each C layer's. */
export function failToC(it: Interpreter, dying: Frame): void {
  if (dying.evalEntry) it.thread.leaveEval();
  if (dying.owner === Owner.Thread && dying.chunk >= 0) clearAndPop(it, dying);
  if (dying.initShim) leaveShim(it);
  for (const c of dying.conts!) c.fail(it.vm);
}

/** The shim frame's return (or unwind): its data-stack words back, its unit of the frames' counter. */
function leaveShim(it: Interpreter): void {
  it.thread.dataStack.pop();
  it.thread.depth--;
}
