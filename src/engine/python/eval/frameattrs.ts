import { NotSupported } from '../errors';
import { raiseString } from '../abstract/errors';
import { E } from '../objects/exctypes';
import { frameObjectData } from '../objects/frameobject';
import { fromLong } from '../objects/int';
import { strRepr } from '../objects/str';
import { Meth, T, type GetSetDef, type MethodDef } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { CodeRt } from './code';
import { Frame, Owner, firstComplete } from './frame';
import { frameObjectFor, type OwnedFrame } from './frameobj';
import type { Interpreter } from './interpreter';
import { fillLocals } from './locals';

/**
 * What a script reads from a frame object (Objects/frameobject.c frame_getsetlist, frame_memberlist,
 * frame_methods, 3.11): f_code, f_lineno, f_lasti, f_back, f_globals, f_locals, f_trace, clear().
 *
 * A frame object stands for either a running frame (eval/frame.ts `Frame`, `owner` of the object's
 * data) or, once its function returned while the object lived, the copy take_ownership made
 * (frameobj.ts `OwnedFrame`: the locals are the object's `refs` from index 2, f_locals is refs[1]).
 * A frame object the simulator made for C-modelled Python code (copy.py, pyframe.ts) has neither:
 * its attributes stop as not supported rather than show a made-up frame.
 */

type Owned = Frame | OwnedFrame;

const ownerOf = (vm: Vm, h: number, what: string): Owned => {
  const o = frameObjectData(vm, h).owner as Owned | null;
  if (o === null || o === undefined)
    throw new NotSupported(`frame.${what} of a frame the simulator runs as native code`);
  return o;
};

const isOwned = (o: Owned): o is OwnedFrame => !(o instanceof Frame);

/** PyFrame_GetCode: the frame's code object (a new reference to the static handle). */
function getCode(vm: Vm, h: number): number {
  const code: CodeRt = ownerOf(vm, h, 'f_code').code;
  if (code.handle === 0) throw new NotSupported('frame.f_code of a code object made without its handle');
  vm.incref(code.handle);
  return code.handle;
}

/** PyFrame_GetLineNumber (no f_trace: f_lineno is 0): PyCode_Addr2Line at the last instruction. */
const lineOf = (o: Owned): number => Math.max(0, o.code.line(o.ip - 1));

/**
 * PyFrame_GetBack: the f_back a taken-over frame keeps, else the running caller's frame object
 * (_PyFrame_GetFrameObject on the first complete previous frame: made now if it had none).
 */
function getBack(it: Interpreter, h: number): number {
  const vm = it.vm;
  const o = ownerOf(vm, h, 'f_back');
  let back = 0;
  if (isOwned(o)) back = o.back;
  else {
    const prev = firstComplete((o as Frame).previous);
    if (prev !== null) back = frameObjectFor(it, prev);
  }
  const r = back || vm.s.None;
  vm.incref(r);
  return r;
}

/**
 * frame_getlocals → _PyFrame_FastToLocalsWithError: the frame's f_locals dict (a module's or class
 * body's namespace; for a function a dict made on the first read and kept by the frame) refreshed
 * from the fast locals, cells and free variables. A new reference.
 */
function getLocals(it: Interpreter, h: number): number {
  const vm = it.vm;
  const o = ownerOf(vm, h, 'f_locals');
  let dict: number;
  if (isOwned(o)) {
    const refs = frameObjectData(vm, h).refs;
    // frame_tp_clear (frame.clear(), the collector) dropped the locals: the array reads as unbound
    const get = (i: number) => (2 + i < o.localsEnd ? (refs[2 + i] ?? 0) : 0);
    refs[1] = fillLocals(vm, o.code.co, get, refs[1] ?? 0);
    dict = refs[1];
  } else {
    const f = o as Frame;
    f.locals = fillLocals(vm, f.code.co, (i) => f.local(i), f.locals);
    dict = f.locals;
  }
  vm.incref(dict);
  return dict;
}

/**
 * frame.clear() (frame_clear, 3.11): a running frame raises; a generator's frame closes the
 * generator (not modelled); a taken-over frame drops its locals and value stack (frame_tp_clear).
 * f_back, f_func and the f_locals dict stay until the object goes (measured on 3.11.7: f_back is
 * still the caller's frame after clear(), and a dict read from f_locals before still holds the values).
 */
function clearFrame(vm: Vm, h: number): number {
  const o = ownerOf(vm, h, 'clear()');
  if (!isOwned(o)) {
    if ((o as Frame).owner === Owner.Generator)
      throw new NotSupported("frame.clear() of a generator's frame");
    throw raiseString(vm, E.RuntimeError, 'cannot clear an executing frame');
  }
  const d = frameObjectData(vm, h);
  const dropped = d.refs.splice(2, o.localsEnd - 2);
  o.localsEnd = 2;
  for (const r of dropped) vm.xdecref(r);
  return vm.s.None;
}

function frameRepr(vm: Vm, h: number): string {
  const o = ownerOf(vm, h, '__repr__');
  const co = o.code.co;
  return `<frame at 0x${vm.id(h).toString(16)}, file ${strRepr(co.filename)}, line ${lineOf(o)}, code ${co.name}>`;
}

const getters = (it: Interpreter): Record<string, GetSetDef> => ({
  f_code: { name: 'f_code', get: getCode },
  f_lineno: { name: 'f_lineno', get: (vm, h) => fromLong(vm, lineOf(ownerOf(vm, h, 'f_lineno'))) },
  // frame_getlasti: the byte offset of the last instruction, -1 before the first
  f_lasti: {
    name: 'f_lasti',
    get: (vm, h) => {
      const lasti = ownerOf(vm, h, 'f_lasti').ip - 1;
      return fromLong(vm, lasti < 0 ? -1 : lasti * 2);
    },
  },
  f_back: { name: 'f_back', get: (_vm, h) => getBack(it, h) },
  f_globals: {
    name: 'f_globals',
    get: (vm, h) => {
      const g = ownerOf(vm, h, 'f_globals').globals;
      if (!g) throw new NotSupported('frame.f_globals of a frame without a globals dict');
      vm.incref(g);
      return g;
    },
  },
  f_locals: { name: 'f_locals', get: (_vm, h) => getLocals(it, h) },
  // no tracing in the simulator: f_trace is never set
  f_trace: {
    name: 'f_trace',
    get: (vm) => {
      vm.incref(vm.s.None);
      return vm.s.None;
    },
  },
});

const methods = (): Record<string, MethodDef> => ({
  clear: { name: 'clear', flags: Meth.NoArgs, impl: (vm, h) => clearFrame(vm, h) },
});

/** Give the frame type (objects/frameobject.ts, below the loop) the attributes that need the loop. */
export function installFrameAttributes(it: Interpreter): void {
  const s = it.vm.types[T.Frame];
  Object.assign(s.getset, getters(it));
  Object.assign(s.methods, methods());
  s.reprText = frameRepr;
}
