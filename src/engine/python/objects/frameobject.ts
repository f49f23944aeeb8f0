import type { Vm } from '../runtime/vm';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * Frame objects (Objects/frameobject.c PyFrameObject: 16 GC + 120 bytes + 8 per slot of
 * co_nlocalsplus + co_stacksize, measured on 3.11.7: a module frame of stack size 4 is a 168-byte
 * block). They belong to the eval loop: _PyFrame_GetFrameObject makes one when something needs
 * the frame as an object (a traceback, sys._getframe, a generator's gi_frame), and when the
 * function returns while the object lives, the frame's locals move into it (take_ownership).
 * The object side here is the layout and lifetime; `refs` are the references it holds then.
 */
export const FRAME_BASIC = 120;

export interface FrameObjectData {
  /** The code's co_nlocalsplus + co_stacksize (sets the object's size). */
  slots: number;
  /** References the object owns (the taken-over locals, f_back, f_locals …), released at dealloc. */
  refs: number[];
  /** What the eval loop links back to (its own frame record), or null once the frame is gone. */
  owner: unknown;
}

/** _PyFrame_New_NoTrack + tracking: PyObject_GC_NewVar(PyFrameObject, slots). */
export function frameObjectNew(vm: Vm, slots: number, owner: unknown): number {
  const h = vm.newGcObject(T.Frame, FRAME_BASIC + 8 * slots);
  vm.table.side[h] = { slots, refs: [], owner } satisfies FrameObjectData;
  vm.gc.track(h);
  return h;
}

export const frameObjectData = (vm: Vm, h: number): FrameObjectData => vm.table.side[h] as FrameObjectData;

export const FrameType = (): TypeSlots =>
  defineType({
    id: T.Frame,
    name: 'frame',
    basicsize: FRAME_BASIC,
    itemsize: 8,
    flags: TpFlags.HaveGc,
    dealloc: (vm, h) => {
      vm.gc.untrack(h);
      if (vm.trashBegin(h)) return;
      const refs = frameObjectData(vm, h).refs;
      for (let i = 0; i < refs.length; i++) vm.xdecref(refs[i]);
      vm.gcDel(h);
      vm.trashEnd();
    },
    traverse: (vm, h, visit) => {
      for (const r of frameObjectData(vm, h).refs) if (r) visit(r);
    },
    clear: (vm, h) => {
      const d = frameObjectData(vm, h);
      const refs = d.refs;
      d.refs = [];
      for (const r of refs) vm.xdecref(r);
    },
  });
