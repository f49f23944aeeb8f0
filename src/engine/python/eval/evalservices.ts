/** What the object layer and modules ask of the running thread: errors thrown into it, super(), its frames. */
import { PyError } from '../errors';
import { call } from '../abstract/call';
import { normalize, raiseString, typeError } from '../abstract/errors';
import { exceptionText, excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { CO_FAST_CELL } from '../compiler/code';
import { T, TpFlags } from '../objects/types';
import { frameObjectFor } from './frameobj';
import type { Interpreter } from './interpreter';

/** PyErr_WriteUnraisable: the error is printed to stderr and dropped. */
export function writeUnraisable(it: Interpreter, err: PyError, context: string): void {
  normalize(it.vm, err);
  it.writeStderr(`${context}\n${err.pyType}${err.message ? `: ${err.message}` : ''}\n`);
  const { value, traceback } = err;
  err.value = 0;
  err.traceback = 0;
  if (value) it.vm.decref(value);
  if (traceback) it.vm.decref(traceback);
}

/**
 * The error generator.throw(typ, val, tb) raises (_gen_throw): a class is instantiated
 * (PyErr_NormalizeException), an instance is raised with its own traceback.
 */
export function exceptionFrom(it: Interpreter, typ: number, val: number, tb: number): PyError {
  const vm = it.vm;
  const isClass = vm.typeOf(typ).mro.includes(T.Type) && vm.slotsOf(typ).flags & TpFlags.BaseExcSubclass;
  if (tb !== 0 && tb !== vm.s.None && vm.table.type[tb] !== T.Traceback)
    throw typeError(vm, 'throw() third argument must be a traceback object');
  let inst: number;
  if (isClass) {
    inst =
      val === 0 || val === vm.s.None
        ? call(vm, typ, [], null)
        : vm.typeOf(val).flags & TpFlags.BaseExcSubclass
          ? (vm.incref(val), val)
          : call(vm, typ, [val], null);
  } else if (vm.typeOf(typ).flags & TpFlags.BaseExcSubclass) {
    if (val !== 0 && val !== vm.s.None)
      throw typeError(vm, 'instance exception may not have a separate value');
    vm.incref(typ);
    inst = typ;
  } else
    throw typeError(
      vm,
      'exceptions must be classes or instances deriving from BaseException, not %s',
      vm.typeOf(typ).name,
    );
  const err = PyError.raised(vm.table.type[inst], vm.typeOf(inst).name, exceptionText(vm, inst));
  err.value = inst;
  err.normalized = true;
  const t = tb !== 0 && tb !== vm.s.None ? tb : excState(vm, inst).traceback;
  if (t !== 0) vm.incref(t);
  err.traceback = t;
  return err;
}

/** sys.setrecursionlimit: refused below the current depth, as CPython refuses it. */
export function setRecursionLimit(it: Interpreter, n: number): void {
  const vm = it.vm;
  if (n < 1) throw raiseString(vm, E.ValueError, 'recursion limit must be greater or equal than 1');
  const depth = it.thread.depth;
  if (depth >= n)
    throw raiseString(
      vm,
      E.RecursionError,
      `cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`,
    );
  // Py_SetRecursionLimit: the interpreter's limit, which every thread state takes (3.11 walks
  // interp->threads and moves each one's recursion_limit; a new thread starts from it)
  it.thread.recursionLimit = n;
  for (const th of it.threadsIfAny?.all ?? []) th.ts.recursionLimit = n;
}

/** super_init_without_args: the first argument (a cell's content) and the __class__ free variable. */
export function zeroArgSuper(it: Interpreter): { type: number; obj: number } {
  const vm = it.vm;
  const f = it.thread.current;
  if (f === null) throw raiseString(vm, E.RuntimeError, 'super(): no current frame');
  const co = f.code.co;
  if (co.argcount === 0) throw raiseString(vm, E.RuntimeError, 'super(): no arguments');
  let obj = f.local(0);
  if (obj !== 0 && co.localspluskinds[0] & CO_FAST_CELL && vm.table.type[obj] === T.Cell)
    obj = vm.table.ref[obj];
  if (obj === 0) throw raiseString(vm, E.RuntimeError, 'super(): arg[0] deleted');
  const i = co.localsplusnames.indexOf('__class__', co.nlocals);
  if (i < 0) throw raiseString(vm, E.RuntimeError, 'super(): __class__ cell not found');
  const cell = f.local(i);
  if (cell === 0 || vm.table.type[cell] !== T.Cell)
    throw raiseString(vm, E.RuntimeError, 'super(): bad __class__ cell');
  const type = vm.table.ref[cell];
  if (type === 0) throw raiseString(vm, E.RuntimeError, 'super(): empty __class__ cell');
  if (!vm.typeOf(type).mro.includes(T.Type))
    throw raiseString(vm, E.RuntimeError, `super(): __class__ is not a type (${vm.typeOf(type).name})`);
  return { type, obj };
}

/**
 * tracemalloc's traceback_get_frames: the innermost `limit` frames' (co_filename, line), and how
 * many frames the thread has. Allocates nothing (it runs inside allocator hooks). A frame's line
 * is its current instruction's (the loop saves f.ip at every instruction, as 3.11's
 * INSTRUCTION_START sets frame->prev_instr); an outer frame's is its CALL's.
 */
export function tracebackFrames(it: Interpreter, limit: number, out: [string, number][]): number {
  out.length = 0;
  let total = 0;
  for (let f = it.thread.current; f; f = f.previous) {
    if (out.length < limit) out.push([f.code.co.filename, Math.max(0, f.line)]);
    total++;
  }
  return total;
}

/** sys._getframe(depth): the frame object of a running frame. */
/** A running frame's code (co_filename, co_name) and current line, without making its frame object. */
export function frameInfo(
  it: Interpreter,
  depth: number,
): { filename: string; name: string; line: number; globals: number } | null {
  let f = it.thread.current;
  for (let i = 0; i < depth && f; i++) f = f.previous;
  if (!f) return null;
  return {
    filename: f.code.co.filename,
    name: f.code.co.name,
    line: Math.max(0, f.line),
    globals: f.globals,
  };
}

export function frameAt(it: Interpreter, depth: number): number {
  let f = it.thread.current;
  for (let i = 0; i < depth && f; i++) f = f.previous;
  if (!f) return 0;
  return frameObjectFor(it, f);
}
