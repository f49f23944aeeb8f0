import { raiseString } from '../abstract/errors';
import { E } from '../objects/exctypes';
import type { DataStack } from '../runtime/datastack';
import type { Vm } from '../runtime/vm';
import type { CodeRt } from './code';
import { Frame } from './frame';

/** Py_DEFAULT_RECURSION_LIMIT. */
export const DEFAULT_RECURSION_LIMIT = 1000;

/**
 * Frames below the script's own: the recorder runs the scenario from tools/hw_child.py's module
 * code (exec → PyEval_EvalCode), so at the scenario's top level the recursion depth is already 2,
 * as `python3 script.py` with one frame of runpy would not be. A recursive function therefore
 * gets 998 frames of its own, as in the recorded runs.
 */
export const RECORDER_FRAMES = 1;

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
  depth = RECORDER_FRAMES;
  /** interp->ceval.recursion_limit (sys.setrecursionlimit). */
  recursionLimit = DEFAULT_RECURSION_LIMIT;
  private readonly chunks: Int32Array[] = [new Int32Array(SLOT_CHUNK)];
  private readonly chunkTop: number[] = [0];
  private chunk = 0;

  constructor(
    readonly vm: Vm,
    readonly dataStack: DataStack,
  ) {
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
   * _Py_EnterRecursiveCallTstate at start_frame: past the limit a RecursionError is raised (the
   * counter stays balanced, as the loop's failure path leaves it).
   */
  enterRecursive(): void {
    if (this.depth >= this.recursionLimit) {
      throw raiseString(this.vm, E.RecursionError, 'maximum recursion depth exceeded');
    }
    this.depth++;
  }

  leaveRecursive(): void {
    this.depth--;
  }

  /** The frames from the innermost out (for tracebacks and sys._getframe). */
  *frames(): Generator<Frame> {
    for (let f = this.current; f; f = f.previous) yield f;
  }
}
