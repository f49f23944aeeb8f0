import { DEFERRED, callDefers } from '../runtime/deferred';
import { clearAndPop } from './calls';
import { returnToC, takeDeferred } from './deferredcalls';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import type { ThreadState } from './thread';

/**
 * The loop's frame switches (loop.ts): a Python callee pushed and run in the same loop
 * (_PyEvalFramePushAndInit, and a frame C code deferred: deferredcalls.ts), a returning frame
 * popped with its value given to the caller (pop_frame, or the C layers' rests first), and the
 * eval-breaker check of a backward jump. The loop reloads its registers from the frame these
 * return; the callee's start_frame (Thread.enterRecursive) is counted by the loop after the switch,
 * so that a RecursionError is raised in the callee's frame, as CPython raises it.
 */

/**
 * An instruction whose C layers deferred a Python callee (PRECALL_NO_KW_STR_1's __str__, FORMAT_VALUE's
 * __format__): the caller resumes at `ip` with the callee's result in the slot `sp - 1` it left empty.
 */
export function enterDeferredResult(it: Interpreter, caller: Frame, ip: number, sp: number): Frame {
  caller.ip = ip;
  caller.sp = sp - 1;
  return enterCallee(it.thread, caller, takeDeferred(it));
}

/** Link `callee` under `caller` and make it the thread's current frame: the loop runs it next. */
export function enterCallee(t: ThreadState, caller: Frame, callee: Frame): Frame {
  callee.previous = caller;
  t.current = callee;
  return callee;
}

/**
 * RETURN_VALUE of a frame that is not the loop's entry: the caller (`t.current` already, the loop's
 * registers already its own) gets the value. A frame C code deferred runs the C layers' rests
 * first (returnToC): their result goes to the instruction that waits (past its cache words), or a
 * rest called Python again and that frame is returned, to run next (the caller stays in its
 * instruction). A rest's error is raised at the caller's waiting instruction.
 */
export function giveReturn(it: Interpreter, dying: Frame, retval: number): Frame {
  const caller = dying.previous!;
  if (dying.conts === null) {
    clearAndPop(it, dying);
    caller.slots[caller.sp++] = retval;
    return caller;
  }
  const r = returnToC(it, dying, retval);
  if (r === DEFERRED) return enterCallee(it.thread, caller, takeDeferred(it));
  if (r === 0 && dying.forIterJump >= 0) {
    // FOR_ITER's end: the iterator popped and released, the loop's exit taken
    const iter = caller.slots[--caller.sp];
    caller.slots[caller.sp] = 0;
    it.vm.decref(iter);
    caller.ip += dying.forIterJump;
    return caller;
  }
  caller.slots[caller.sp++] = r;
  caller.ip += dying.resumeSkip;
  return caller;
}

/**
 * CHECK_EVAL_BREAKER (RESUME, a backward jump), then a replay's resumable landing (Interpreter.pauseAt):
 * whether the loop pauses here (another thread takes the GIL, or the replay stops).
 */
export function breakerPauses(it: Interpreter, f: Frame, ip: number, sp: number): boolean {
  if (--it.breaker <= 0) {
    f.ip = ip;
    it.evalBreaker();
    if (it.yielding) {
      // drop_gil: another thread takes over here (threads.ts)
      f.sp = sp;
      return true;
    }
  }
  return it.pauseAt !== Infinity && it.pauseHere(f, ip, sp);
}

/**
 * Whether FOR_ITER arms the deferral for a built-in iterator type (asked once per type and
 * interpreter, kept in Interpreter.iterDefers: FOR_ITER is hot).
 */
export function iterNextDefers(it: Interpreter, type: number): boolean {
  let k = it.iterDefers[type];
  if (k === 0) it.iterDefers[type] = k = callDefers(it.vm.types[type].iternext!) ? 2 : 1;
  return k === 2;
}
