import { frameObjectData, type FrameObjectData } from '../objects/frameobject';
import { T } from '../objects/types';
import { Owner, firstComplete, type Frame } from './frame';
import type { CodeRt } from './code';
import type { Interpreter } from './interpreter';

/**
 * Frame objects as 3.11 makes them (Python/frame.c, Objects/frameobject.c): a running frame has
 * no PyFrameObject until something needs one: an exception unwinding through it (the traceback
 * entry), sys._getframe, a generator's gi_frame. Then _PyFrame_New_NoTrack allocates it
 * (16 GC + 120 + 8 × (co_nlocalsplus + co_stacksize) bytes), untracked, and the frame keeps it
 * until it is cleared. If anything else still holds it then (a traceback kept by a caught
 * exception), take_ownership copies the frame's locals into it: that is how a caught exception
 * keeps a function's locals alive after the function returned.
 */

/**
 * The frame a frame object took over (take_ownership's copy): its code, last instruction and
 * globals; the object's `refs` are [f_func, f_locals, localsplus and stack up to `localsEnd`, f_back].
 */
export interface OwnedFrame {
  code: CodeRt;
  ip: number;
  globals: number;
  owner: Owner.FrameObject;
  /** The end of the locals-and-stack part of `refs` (2 once frame.clear() dropped it). */
  localsEnd: number;
  /** f_back (also the last of `refs`), 0 for none. */
  back: number;
}

/** _PyFrame_GetFrameObject: the frame's PyFrameObject, made on first use (borrowed). */
export function frameObjectFor(it: Interpreter, f: Frame): number {
  if (f.frameObj !== 0) return f.frameObj;
  const vm = it.vm;
  const co = f.code.co;
  const slots = co.nlocalsplus + co.stacksize;
  const h = vm.newGcObject(T.Frame, vm.py.sizes.frameObject + 8 * slots);
  vm.table.side[h] = { slots, refs: [], owner: f } satisfies FrameObjectData;
  f.frameObj = h;
  return h;
}

/** The interpreter frame a frame object stands for (null once the frame object owns a copy that finished). */
export const frameOfObject = (it: Interpreter, h: number): Frame | null =>
  frameObjectData(it.vm, h).owner as Frame | null;

/**
 * _PyFrame_Clear: a frame object still referenced takes the frame over (take_ownership);
 * otherwise the locals and the stack are released in slot order, then f_locals and f_func.
 */
export function frameClear(it: Interpreter, f: Frame): void {
  const vm = it.vm;
  if (f.frameObj !== 0) {
    const fo = f.frameObj;
    f.frameObj = 0;
    if (vm.table.refcnt[fo] > 1) {
      takeOwnership(it, fo, f);
      vm.decref(fo);
      return;
    }
    frameObjectData(vm, fo).owner = null;
    vm.decref(fo);
  }
  const s = f.slots;
  for (let i = f.base; i < f.sp; i++) {
    const v = s[i];
    if (v !== 0) {
      s[i] = 0;
      vm.decref(v);
    }
  }
  if (f.locals !== 0) vm.decref(f.locals);
  f.locals = 0;
  const fn = f.func;
  f.func = 0;
  if (fn !== 0) vm.decref(fn);
}

/**
 * take_ownership: the frame object keeps the frame's references (f_func, f_locals, the locals
 * and stack: frame_dealloc's order), links f_back to its caller's frame object (made if needed)
 * and is tracked by the collector.
 */
function takeOwnership(it: Interpreter, fo: number, f: Frame): void {
  const vm = it.vm;
  const d = frameObjectData(vm, fo);
  const refs: number[] = [f.func, f.locals];
  for (let i = f.base; i < f.sp; i++) {
    refs.push(f.slots[i]);
    f.slots[i] = 0;
  }
  // f_globals stays readable (borrowed: f_func, kept in refs, holds it), for a NameError's suggestion
  const snapshot: OwnedFrame = {
    code: f.code,
    ip: f.ip,
    globals: f.globals,
    owner: Owner.FrameObject,
    localsEnd: refs.length,
    back: 0,
  };
  f.func = 0;
  f.locals = 0;
  const prev = firstComplete(f.previous);
  if (prev !== null) {
    const back = frameObjectFor(it, prev);
    vm.incref(back);
    refs.push(back);
    snapshot.back = back;
  }
  d.refs = refs;
  d.owner = snapshot;
  vm.gc.track(fo);
}
