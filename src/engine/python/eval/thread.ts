import { raiseString } from '../abstract/errors';
import { E } from '../objects/exctypes';
import type { DataStack } from '../runtime/datastack';
import type { Vm } from '../runtime/vm';
import type { CodeRt } from './code';
import { Frame } from './frame';

/** Py_DEFAULT_RECURSION_LIMIT. */
export const DEFAULT_RECURSION_LIMIT = 1000;

/**
 * Frames below the script's own in the recorder: it runs the scenario from tools/hw_child.py's
 * module code (exec → PyEval_EvalCode), so at the scenario's top level the recursion depth is
 * already 2, where `python3 script.py` (pymain_run_file → PyEval_EvalCode) starts the module frame
 * at 1. A process compared with a recording runs under that frame (ProcessOptions.recorderChild),
 * so a recursive function gets 998 frames of its own as in the recorded runs; the page and the CLI
 * run as `python3 script.py`: 999, and RecursionError's text (which check fails first, how many
 * times the line repeats) as python3 prints it. Measured on 3.11.7: `def f(n): return f(n + 1)`
 * repeats its line 996 more times as `python3 script.py`, 995 under the recorder's exec.
 */
export const RECORDER_FRAMES = 1;

/**
 * Py_C_RECURSION_LIMIT per version (0: none, C code counts against the frames' limit as in 3.11):
 * 1500 in 3.12 (Include/internal/pycore_ceval.h), 10000 in 3.13 on x86-64 (Include/cpython/pystate.h).
 * Measured (tests/fidelity/recursion.test.ts): `[[…]] == [[…]]` goes 1497 levels deep on 3.12.1 and
 * 9998 on 3.13.0 whatever the frames' limit, 996 on 3.11.7.
 */
const C_RECURSION_LIMIT: Partial<Record<string, number>> = { '3.12': 1500, '3.13': 10000 };

/** PY_EVAL_C_STACK_UNITS (3.12+): what one entry of the eval loop from C costs the C counter. */
export const EVAL_C_STACK_UNITS = 2;

const SLOT_CHUNK = 1 << 16;

/**
 * PyThreadState, the part the eval loop uses: the frame chain (cframe.current_frame), the data
 * stack frames live on (tstate->datastack_*: the simulated 16 KiB chunks, and the typed-array
 * slots that mirror their localsplus), the recursion counter, and the exception being handled
 * (exc_info, kept in vm.thread). Everything a running thread needs is here, so a later thread
 * switch is a switch of this object.
 */
export class ThreadState {
  /** cframe.current_frame: the innermost running frame. */
  current: Frame | null = null;
  /** How deep the recursion counter is (limit - recursion_remaining). */
  depth: number;
  /** interp->ceval.recursion_limit (sys.setrecursionlimit). */
  recursionLimit = DEFAULT_RECURSION_LIMIT;
  /**
   * 3.12+: the C counter (Py_C_RECURSION_LIMIT - c_recursion_remaining), separate from the
   * frames' and not moved by sys.setrecursionlimit; 0 on 3.11, where C code counts on `depth`.
   */
  readonly cLimit: number;
  /** How deep the C counter is; the main thread starts inside PyEval_EvalCode's loop entries. */
  cDepth: number;
  /** tstate->recursion_headroom: a RecursionError being made, the checks stand aside. */
  headroom = 0;
  private readonly chunks: Int32Array[] = [new Int32Array(SLOT_CHUNK)];
  private readonly chunkTop: number[] = [0];
  private chunk = 0;

  constructor(
    readonly vm: Vm,
    readonly dataStack: DataStack,
    /** Frames below the script's module frame: 0 as `python3 script.py`, RECORDER_FRAMES in the recorder. */
    framesBelow = 0,
  ) {
    this.depth = framesBelow;
    this.cLimit = C_RECURSION_LIMIT[vm.py.name] ?? 0;
    this.cDepth = this.cLimit === 0 ? 0 : EVAL_C_STACK_UNITS * (1 + framesBelow);
    // tstate->exc_state: the thread's own exc_info item (generators push theirs while they run).
    if (vm.thread.excInfo.length === 0) vm.thread.excInfo.push(0);
  }

  /**
   * _PyThreadState_BumpFramePointer + _PyFrame_InitializeSpecials: a frame for `code` on the
   * data stack, its localsplus cleared. `func` and `locals` are stolen.
   */
  pushFrame(code: CodeRt, func: number, globals: number, locals: number): Frame {
    const co = code.co;
    const addr = this.dataStack.push(co.framesize);
    const n = co.nlocalsplus + co.stacksize;
    let c = this.chunk;
    let top = this.chunkTop[c];
    if (top + n > this.chunks[c].length) {
      c++;
      if (c === this.chunks.length) {
        this.chunks.push(new Int32Array(Math.max(SLOT_CHUNK, 2 * n)));
        this.chunkTop.push(0);
      } else if (this.chunks[c].length < n) this.chunks[c] = new Int32Array(2 * n);
      this.chunk = c;
      top = 0;
    }
    const slots = this.chunks[c];
    slots.fill(0, top, top + co.nlocalsplus);
    this.chunkTop[c] = top + n;
    const f = new Frame(code, slots, top);
    f.chunk = c;
    f.addr = addr;
    f.func = func;
    f.globals = globals;
    f.locals = locals;
    return f;
  }

  /** _PyThreadState_PopFrame: the frame's data-stack space back (an emptied chunk is unmapped). */
  popFrame(f: Frame): void {
    this.dataStack.pop();
    const c = f.chunk;
    this.chunkTop[c] = f.base;
    if (c > 0 && f.base === 0) this.chunk = c - 1;
    f.chunk = -1;
    f.addr = 0;
  }

  /**
   * start_frame's check (3.11: _Py_EnterRecursiveCallTstate; 3.12+: _Py_EnterRecursivePy): past
   * the limit a RecursionError is raised. The counter is still bumped on failure (3.11's
   * `tstate->recursion_remaining--; goto exit_unwind`), so the unwinding that leaves the frame
   * balances it: a caught RecursionError leaves the depth where it was.
   */
  enterRecursive(): void {
    if (this.depth >= this.recursionLimit && this.headroom === 0) {
      const err = this.recursionError('');
      this.depth++;
      throw err;
    }
    this.depth++;
  }

  leaveRecursive(): void {
    this.depth--;
  }

  /**
   * _Py_EnterRecursiveCallTstate for C code (_PyObject_MakeTpCall, PyObject_Repr, rich compare,
   * a METH_O builtin, the JSON encoder, pickle's save): 3.11 counts it on the frames' counter,
   * 3.12+ on the C counter (c_recursion_remaining, Py_C_RECURSION_LIMIT). A failed check leaves
   * the counter as it was (_Py_CheckRecursiveCall gives the unit back) and the caller does not leave.
   */
  enterC(where: string): void {
    if (this.cLimit === 0) {
      if (this.depth >= this.recursionLimit && this.headroom === 0) throw this.recursionError(where);
      this.depth++;
    } else {
      if (this.cDepth >= this.cLimit && this.headroom === 0) throw this.recursionError(where);
      this.cDepth++;
    }
  }

  leaveC(): void {
    if (this.cLimit === 0) this.depth--;
    else this.cDepth--;
  }

  /**
   * _PyEval_EvalFrameDefault's entry from C on 3.12+: `c_recursion_remaining -=
   * PY_EVAL_C_STACK_UNITS - 1` then the C check with no text; exit_unwind and the return give the
   * two units back (leaveEval). On 3.11 entering the loop costs nothing beyond the frame.
   */
  enterEval(): void {
    this.cDepth++;
    if (this.cDepth >= this.cLimit && this.headroom === 0) {
      this.cDepth--;
      throw this.recursionError('');
    }
    this.cDepth++;
  }

  leaveEval(): void {
    this.cDepth -= EVAL_C_STACK_UNITS;
  }

  /**
   * _Py_CheckRecursiveCall's error, made with `recursion_headroom` up: making the exception (its
   * type called, its traceback) may go past the limit without raising again.
   */
  private recursionError(where: string): unknown {
    this.headroom++;
    try {
      return raiseString(this.vm, E.RecursionError, `maximum recursion depth exceeded${where}`);
    } finally {
      this.headroom--;
    }
  }

  /** The frames from the innermost out (for tracebacks and sys._getframe). */
  *frames(): Generator<Frame> {
    for (let f = this.current; f; f = f.previous) yield f;
  }
}
