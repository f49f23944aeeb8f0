import type { Vm } from '../runtime/vm';
import { fromLong } from './int';
import { T, TpFlags, defineType, type TypeSlots } from './types';

/**
 * Traceback objects (Python/traceback.c PyTracebackObject: 16 GC + 40 bytes: tb_next, tb_frame,
 * tb_lasti, tb_lineno). PyTraceBack_Here puts one in front of the chain for every frame an
 * exception unwinds through; each holds its frame object, which is how a caught exception keeps
 * a function's locals alive.
 */
export const TRACEBACK_BASIC = 40;

export interface TracebackData {
  next: number;
  frame: number;
  lasti: number;
  lineno: number;
}

/** tb_create_raw: `next` is stolen (the chain so far, 0 for none), `frame` borrowed. Tracked. */
export function tracebackNew(vm: Vm, next: number, frame: number, lasti: number, lineno: number): number {
  const h = vm.newGcObject(T.Traceback, TRACEBACK_BASIC);
  if (frame) vm.incref(frame);
  vm.table.side[h] = { next, frame, lasti, lineno } satisfies TracebackData;
  vm.gc.track(h);
  return h;
}

export const tracebackData = (vm: Vm, h: number): TracebackData => vm.table.side[h] as TracebackData;

/** tb_dealloc: tb_next, then tb_frame (inside Py_TRASHCAN: a long chain is freed iteratively). */
function tracebackDealloc(vm: Vm, h: number): void {
  vm.gc.untrack(h);
  if (vm.trashBegin(h)) return;
  const d = tracebackData(vm, h);
  vm.xdecref(d.next);
  vm.xdecref(d.frame);
  vm.gcDel(h);
  vm.trashEnd();
}

const field = (k: 'next' | 'frame') => (vm: Vm, h: number) => {
  const v = tracebackData(vm, h)[k] || vm.s.None;
  vm.incref(v);
  return v;
};

export const TracebackType = (): TypeSlots =>
  defineType({
    id: T.Traceback,
    name: 'traceback',
    basicsize: TRACEBACK_BASIC,
    flags: TpFlags.HaveGc,
    dealloc: tracebackDealloc,
    traverse: (vm, h, visit) => {
      const d = tracebackData(vm, h);
      if (d.next) visit(d.next);
      if (d.frame) visit(d.frame);
    },
    clear: (vm, h) => {
      const d = tracebackData(vm, h);
      const { next, frame } = d;
      d.next = 0;
      d.frame = 0;
      vm.xdecref(next);
      vm.xdecref(frame);
    },
    getset: {
      tb_next: { name: 'tb_next', get: field('next') },
      tb_frame: { name: 'tb_frame', get: field('frame') },
      tb_lineno: { name: 'tb_lineno', get: (vm, h) => fromLong(vm, tracebackData(vm, h).lineno) },
      tb_lasti: { name: 'tb_lasti', get: (vm, h) => fromLong(vm, tracebackData(vm, h).lasti) },
    },
  });
