import type { CallContinuation } from '../runtime/deferred';
import type { CodeRt } from './code';

/** _frameowner (Include/internal/pycore_frame.h). */
export const enum Owner {
  Thread = 0,
  Generator = 1,
  FrameObject = 2,
}

/**
 * _PyInterpreterFrame (3.11): one activation of a code object. The specials are fields here; the
 * localsplus array and the value stack are a slice of a typed array (`slots` from `base`): the
 * thread's slot chunk for a frame on the data stack, the generator's own array for a generator's
 * frame (3.11 embeds the frame in the generator object). `sp` and `ip` are saved here whenever
 * the loop leaves the frame (a call, a yield, an error); while it runs they live in the loop.
 */
export class Frame {
  /** f_func (strong). */
  func = 0;
  /** f_globals / f_builtins (borrowed). */
  globals = 0;
  /** f_locals (strong, or 0): a module's globals dict, a class body's namespace. */
  locals = 0;
  /** frame_obj: the PyFrameObject once one was needed (a traceback), strong. */
  frameObj = 0;
  previous: Frame | null = null;
  /** The next code unit to run (prev_instr + 1). */
  ip = 0;
  /** Absolute index in `slots` of the stack top (stacktop + base). */
  sp: number;
  isEntry = false;
  owner: Owner = Owner.Thread;
  /** The simulated address of the frame on the thread's data stack (0 when not there). */
  addr = 0;
  /** The generator that owns this frame (Owner.Generator), else 0. */
  gen = 0;
  /** The slot chunk this frame was taken from (Owner.Thread). */
  chunk = -1;
  /**
   * A frame C code called and deferred (runtime/deferred.ts): the C layers' rests, inner first,
   * run when it returns or raises; null for a frame the loop called or entered.
   */
  conts: CallContinuation[] | null = null;
  /** The deferred call's entry of the loop counted on 3.12+'s C counter (ThreadState.enterEval). */
  evalEntry = false;
  /** 3.13's CALL_ALLOC_AND_ENTER_INIT pushed an _Py_InitCleanup shim frame under this __init__ frame. */
  initShim = false;
  /**
   * A deferred frame's caller waits in this instruction: the inline cache words after it, skipped
   * when the C layers' result is pushed (CALL 4, COMPARE_OP 2, BINARY_SUBSCR 4, CONTAINS_OP 0).
   */
  resumeSkip = 0;
  /**
   * The caller waits in FOR_ITER (a deferring tp_iternext: map_next, filter_next): the C layers'
   * result 0 is the iterator's end, which pops the iterator and jumps this far; -1 otherwise.
   */
  forIterJump = -1;

  constructor(
    readonly code: CodeRt,
    public slots: Int32Array,
    public base: number,
  ) {
    this.sp = base + code.co.nlocalsplus;
  }

  /** _PyInterpreterFrame_LASTI: the code unit before the next one. */
  get lasti(): number {
    return this.ip - 1;
  }

  /** The frame's current line (PyFrame_GetLineNumber / _PyInterpreterFrame_GetLine). */
  get line(): number {
    return this.code.line(this.ip - 1);
  }

  /** _PyFrame_IsIncomplete: before its first RESUME (still making cells or the generator). */
  get incomplete(): boolean {
    return this.owner !== Owner.Generator && this.ip - 1 < this.code.firstTraceable;
  }

  /** localsplus[i]. */
  local(i: number): number {
    return this.slots[this.base + i];
  }
}

/** _PyFrame_GetFirstComplete: the frame itself or the nearest caller past its first RESUME. */
export function firstComplete(f: Frame | null): Frame | null {
  while (f && f.incomplete) f = f.previous;
  return f;
}

/**
 * The line a simulator stop ("not supported by Highwater yet") names: the innermost frame running
 * the script's own code (the file of the frame at the bottom of the chain), so a stop inside a
 * library that runs as Python (dataclasses' asdict, a Python part) names the script's line that
 * called into it, not a line of the library's text. `f` at `ip` is where the stop happened.
 */
export function stopLine(f: Frame, ip: number): number {
  let root = f;
  while (root.previous) root = root.previous;
  const file = root.code.co.filename;
  if (f.code.co.filename !== file)
    for (let g = f.previous; g; g = g.previous) if (g.code.co.filename === file) return g.line;
  return f.code.line(ip - 1);
}
