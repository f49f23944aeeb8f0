import { PyError } from '../errors';
import { clearError, errorMatches, raiseString, setNone, typeError } from '../abstract/errors';
import { unicodeFromFormat } from '../abstract/fromformat';
import { E } from '../objects/exctypes';
import { intern } from '../objects/str';
import { readyStaticType } from '../objects/typeobject';
import { Meth, TpFlags, defineType, type Visit } from '../objects/types';
import type { Vm } from '../runtime/vm';
import {
  GenState,
  Send,
  genData,
  genDealloc,
  genSizeof,
  genThrow,
  genTraverse,
  sendEx2,
  stopIterationValue,
} from './generator';
import type { Interpreter } from './interpreter';

/**
 * Async generators (Objects/genobject.c 3.11): PyAsyncGenObject is a generator (152 bytes + the
 * frame, as a coroutine) with ag_closed and ag_running_async. `__anext__()`/`asend(v)` make an
 * async_generator_asend awaitable (16 GC + 40 bytes; ag_asend_freelist keeps 80), `athrow()`/
 * `aclose()` an async_generator_athrow (56 bytes, no free list). A value the body yields is
 * wrapped (ASYNC_GEN_WRAP: _PyAsyncGenWrappedValue, 16 GC + 24 bytes, not tracked, ag_value_freelist of 80) so that the
 * awaitable can tell it from a value an inner `await` passes up to the event loop; unwrapped, it
 * ends the awaitable with StopIteration(value).
 *
 * Not modelled: sys.set_asyncgen_hooks (firstiter/finalizer: a suspended async generator that dies
 * is closed as a generator is, not handed to the event loop's finalizer).
 */

export interface AsyncGenTypes {
  readonly gen: number;
  readonly asend: number;
  readonly athrow: number;
  readonly wrapped: number;
}

const ASEND_SIZE = 40;
const ATHROW_SIZE = 40;
const WRAPPED_SIZE = 24;
const FREELIST_MAX = 80;

const enum Aw {
  Init = 0,
  Iter = 1,
  Closed = 2,
}

interface AsendData {
  gen: number;
  sendval: number;
  state: Aw;
}

interface AthrowData {
  gen: number;
  /** The (typ, val, tb) of athrow(), or null for aclose(). */
  args: [number, number, number] | null;
  state: Aw;
}

interface AgState {
  closed: boolean;
  runningAsync: boolean;
}

const agState = new WeakMap<object, AgState>();
function ag(vm: Vm, g: number): AgState {
  const d = genData(vm, g);
  let st = agState.get(d);
  if (st === undefined) {
    st = { closed: false, runningAsync: false };
    agState.set(d, st);
  }
  return st;
}

const freelists = new WeakMap<Vm, { asend: number[]; wrapped: number[] }>();
function free(vm: Vm): { asend: number[]; wrapped: number[] } {
  let f = freelists.get(vm);
  if (f === undefined) {
    f = { asend: [], wrapped: [] };
    freelists.set(vm, f);
  }
  return f;
}

/** ASYNC_GEN_WRAP: _PyAsyncGenValueWrapperNew (the value's reference moves into the wrapper). */
export function asyncGenWrap(it: Interpreter, value: number): number {
  const vm = it.vm;
  const fl = free(vm).wrapped;
  const type = it.asyncTypes.wrapped;
  const w = fl.length ? vm.reuse(fl.pop()!, type) : vm.newGcObject(type, WRAPPED_SIZE);
  vm.table.side[w] = value;
  return w;
}

/**
 * async_gen_unwrap_value: the generator's send/throw result as the awaitable's: a wrapped value
 * ends the awaitable with StopIteration(value), an end of the generator is StopAsyncIteration
 * (it is closed then), anything else (an inner await's future) passes through.
 */
function unwrap(it: Interpreter, g: number, run: () => [Send, number]): number {
  const vm = it.vm;
  const st = ag(vm, g);
  let status: Send;
  let result: number;
  try {
    [status, result] = run();
  } catch (e) {
    if (
      e instanceof PyError &&
      (errorMatches(vm, e, E.StopAsyncIteration) || errorMatches(vm, e, E.GeneratorExit))
    )
      st.closed = true;
    st.runningAsync = false;
    throw e;
  }
  if (status !== Send.Next) {
    vm.decref(result);
    st.closed = true;
    st.runningAsync = false;
    throw setNone(vm, E.StopAsyncIteration);
  }
  if (vm.table.type[result] === it.asyncTypes.wrapped) {
    const value = vm.table.side[result] as number;
    vm.incref(value);
    vm.decref(result);
    st.runningAsync = false;
    const err = stopIterationValue(vm, value);
    vm.decref(value);
    throw err;
  }
  return result;
}

/** async_gen_asend_new (from __anext__ and asend). */
function asendNew(it: Interpreter, g: number, sendval: number): number {
  const vm = it.vm;
  const fl = free(vm).asend;
  const type = it.asyncTypes.asend;
  const o = fl.length ? vm.reuse(fl.pop()!, type) : vm.newGcObject(type, ASEND_SIZE);
  vm.incref(g);
  if (sendval !== 0) vm.incref(sendval);
  vm.table.side[o] = { gen: g, sendval, state: Aw.Init } satisfies AsendData;
  vm.gc.track(o);
  return o;
}

const asendOf = (vm: Vm, o: number): AsendData => vm.table.side[o] as AsendData;
const athrowOf = (vm: Vm, o: number): AthrowData => vm.table.side[o] as AthrowData;
const itOf = (vm: Vm): Interpreter => vm.eval as Interpreter;

/** async_gen_asend_send. */
function asendSend(vm: Vm, o: number, arg: number): number {
  const it = itOf(vm);
  const d = asendOf(vm, o);
  if (d.state === Aw.Closed)
    throw raiseString(vm, E.RuntimeError, 'cannot reuse already awaited __anext__()/asend()');
  const st = ag(vm, d.gen);
  if (d.state === Aw.Init) {
    if (st.runningAsync)
      throw raiseString(vm, E.RuntimeError, 'anext(): asynchronous generator is already running');
    if (arg === 0 || arg === vm.s.None) arg = d.sendval;
    d.state = Aw.Iter;
  }
  st.runningAsync = true;
  try {
    return unwrap(it, d.gen, () => sendEx2(it, d.gen, arg, null, false));
  } catch (e) {
    d.state = Aw.Closed;
    throw e;
  }
}

/** async_gen_asend_throw. */
function asendThrow(vm: Vm, o: number, args: readonly number[]): number {
  const it = itOf(vm);
  const d = asendOf(vm, o);
  if (d.state === Aw.Closed)
    throw raiseString(vm, E.RuntimeError, 'cannot reuse already awaited __anext__()/asend()');
  if (args.length < 1 || args.length > 3)
    throw typeError(vm, 'throw expected at least 1 argument, got %zd', args.length);
  try {
    return unwrap(it, d.gen, () => throwAsSend(it, d.gen, args[0], args[1] ?? 0, args[2] ?? 0, true));
  } catch (e) {
    d.state = Aw.Closed;
    throw e;
  }
}

/** genThrow's result as a send status (a StopIteration of the frame's return becomes Return). */
function throwAsSend(
  it: Interpreter,
  g: number,
  typ: number,
  val: number,
  tb: number,
  closeOnExit: boolean,
): [Send, number] {
  const vm = it.vm;
  try {
    return [Send.Next, genThrow(it, g, typ, val, tb, closeOnExit)];
  } catch (e) {
    if (
      e instanceof PyError &&
      errorMatches(vm, e, E.StopAsyncIteration) &&
      genData(vm, g).state >= GenState.Completed
    ) {
      clearError(vm, e);
      vm.incref(vm.s.None);
      return [Send.Return, vm.s.None];
    }
    throw e;
  }
}

function asendDealloc(vm: Vm, o: number): void {
  const d = asendOf(vm, o);
  vm.gc.untrack(o);
  vm.decref(d.gen);
  if (d.sendval !== 0) vm.decref(d.sendval);
  const fl = free(vm).asend;
  if (fl.length < FREELIST_MAX) {
    vm.park(o);
    fl.push(o);
  } else vm.gcDel(o);
}

/** async_gen_athrow_new (athrow(typ, val, tb), or aclose() with no arguments). */
function athrowNew(it: Interpreter, g: number, args: [number, number, number] | null): number {
  const vm = it.vm;
  const o = vm.newGcObject(it.asyncTypes.athrow, ATHROW_SIZE);
  vm.incref(g);
  if (args) for (const a of args) if (a !== 0) vm.incref(a);
  vm.table.side[o] = { gen: g, args, state: Aw.Init } satisfies AthrowData;
  vm.gc.track(o);
  return o;
}

/** async_gen_athrow_send. */
function athrowSend(vm: Vm, o: number, arg: number): number {
  const it = itOf(vm);
  const d = athrowOf(vm, o);
  const g = d.gen;
  const st = ag(vm, g);
  const aclose = d.args === null;
  if (d.state === Aw.Closed)
    throw raiseString(vm, E.RuntimeError, 'cannot reuse already awaited aclose()/athrow()');
  if (genData(vm, g).state >= GenState.Completed) {
    d.state = Aw.Closed;
    throw setNone(vm, E.StopIteration);
  }
  let result: number;
  try {
    if (d.state === Aw.Init) {
      if (st.runningAsync) {
        d.state = Aw.Closed;
        throw raiseString(
          vm,
          E.RuntimeError,
          aclose
            ? 'aclose(): asynchronous generator is already running'
            : 'athrow(): asynchronous generator is already running',
        );
      }
      if (st.closed) {
        d.state = Aw.Closed;
        throw setNone(vm, E.StopAsyncIteration);
      }
      if (arg !== 0 && arg !== vm.s.None)
        throw raiseString(vm, E.RuntimeError, "can't send non-None value to a just-started coroutine");
      d.state = Aw.Iter;
      st.runningAsync = true;
      if (aclose) {
        st.closed = true;
        const exit = vm.types[E.GeneratorExit].typeObject;
        result = throwAsSend(it, g, exit, 0, 0, false)[1];
      } else {
        const [typ, val, tb] = d.args!;
        return unwrap(it, g, () => throwAsSend(it, g, typ, val, tb, false));
      }
    } else if (!aclose) {
      return unwrap(it, g, () => sendEx2(it, g, arg || vm.s.None, null, false));
    } else {
      const [status, r] = sendEx2(it, g, arg || vm.s.None, null, false);
      if (status !== Send.Next) {
        vm.decref(r);
        throw setNone(vm, E.StopAsyncIteration);
      }
      result = r;
    }
  } catch (e) {
    return checkError(vm, d, st, e);
  }
  // aclose(): a value the body yields (wrapped) means it ignored GeneratorExit
  if (vm.table.type[result] === it.asyncTypes.wrapped) {
    vm.decref(result);
    st.runningAsync = false;
    d.state = Aw.Closed;
    throw raiseString(vm, E.RuntimeError, 'async generator ignored GeneratorExit');
  }
  return result;
}

/** `check_error:` aclose() ends with StopIteration when the generator finished or took GeneratorExit. */
function checkError(vm: Vm, d: AthrowData, st: AgState, e: unknown): never {
  st.runningAsync = false;
  d.state = Aw.Closed;
  if (
    d.args === null &&
    e instanceof PyError &&
    (errorMatches(vm, e, E.StopAsyncIteration) || errorMatches(vm, e, E.GeneratorExit))
  ) {
    clearError(vm, e);
    throw setNone(vm, E.StopIteration);
  }
  throw e;
}

/** async_gen_athrow_throw. */
function athrowThrow(vm: Vm, o: number, args: readonly number[]): number {
  const it = itOf(vm);
  const d = athrowOf(vm, o);
  const st = ag(vm, d.gen);
  if (d.state === Aw.Closed)
    throw raiseString(vm, E.RuntimeError, 'cannot reuse already awaited aclose()/athrow()');
  if (args.length < 1 || args.length > 3)
    throw typeError(vm, 'throw expected at least 1 argument, got %zd', args.length);
  try {
    const [status, r] = throwAsSend(it, d.gen, args[0], args[1] ?? 0, args[2] ?? 0, true);
    if (d.args !== null) return unwrap(it, d.gen, () => [status, r]);
    if (status !== Send.Next) {
      vm.decref(r);
      throw setNone(vm, E.StopAsyncIteration);
    }
    if (vm.table.type[r] === it.asyncTypes.wrapped) {
      vm.decref(r);
      st.runningAsync = false;
      d.state = Aw.Closed;
      throw raiseString(vm, E.RuntimeError, 'async generator ignored GeneratorExit');
    }
    return r;
  } catch (e) {
    return checkError(vm, d, st, e);
  }
}

function athrowDealloc(vm: Vm, o: number): void {
  const d = athrowOf(vm, o);
  vm.gc.untrack(o);
  vm.decref(d.gen);
  if (d.args) for (const a of d.args) if (a !== 0) vm.decref(a);
  vm.gcDel(o);
}

const selfReturn = (vm: Vm, o: number): number => {
  vm.incref(o);
  return o;
};

const noArgs = (name: string, qual: string, impl: (vm: Vm, o: number) => number) => ({
  name,
  flags: Meth.NoArgs,
  qualname: `${qual}.${name}`,
  impl: (vm: Vm, o: number) => impl(vm, o),
});

/** Makes the four types (their ids kept on the interpreter: GET_ANEXT and the wrappers test them). */
export function readyAsyncGenTypes(vm: Vm): AsyncGenTypes {
  const ids: AsyncGenTypes = {
    gen: vm.newTypeId(),
    asend: vm.newTypeId(),
    athrow: vm.newTypeId(),
    wrapped: vm.newTypeId(),
  };
  const agen = 'async_generator';
  readyStaticType(
    vm,
    defineType({
      id: ids.gen,
      name: agen,
      basicsize: 152,
      itemsize: 8,
      flags: TpFlags.HaveGc,
      dealloc: genDealloc,
      traverse: genTraverse,
      // gen_sizeof (async generators share _PyGenObject_HEAD): 3.11.7 `async def ag(n)` over range 208
      sizeof: genSizeof,
      reprText: (vm2, g) =>
        `<async_generator object ${genData(vm2, g).qualname} at 0x${vm2.id(g).toString(16)}>`,
      repr: (vm2, g) =>
        unicodeFromFormat(vm2, '<async_generator object %S at %p>', [genData(vm2, g).qualname, vm2.id(g)]),
      methods: {
        __aiter__: noArgs('__aiter__', agen, selfReturn),
        __anext__: noArgs('__anext__', agen, (vm2, g) => asendNew(itOf(vm2), g, 0)),
        asend: {
          name: 'asend',
          flags: Meth.O,
          qualname: `${agen}.asend`,
          impl: (vm2: Vm, g: number, a: readonly number[]) => asendNew(itOf(vm2), g, a[0]),
        },
        athrow: {
          name: 'athrow',
          flags: Meth.Fastcall,
          qualname: `${agen}.athrow`,
          impl: (vm2: Vm, g: number, a: readonly number[]) => {
            if (a.length < 1 || a.length > 3)
              throw typeError(vm2, 'athrow expected at least 1 argument, got %zd', a.length);
            return athrowNew(itOf(vm2), g, [a[0], a[1] ?? 0, a[2] ?? 0]);
          },
        },
        aclose: noArgs('aclose', agen, (vm2, g) => athrowNew(itOf(vm2), g, null)),
      },
      getset: {
        __name__: { name: '__name__', get: (vm2, g) => intern(vm2, genData(vm2, g).name) },
        __qualname__: { name: '__qualname__', get: (vm2, g) => intern(vm2, genData(vm2, g).qualname) },
        ag_running: {
          name: 'ag_running',
          get: (vm2, g) => vm2.s.bool(ag(vm2, g).runningAsync),
        },
        ag_code: { name: 'ag_code', get: (vm2, g) => genData(vm2, g).frame.code.handle },
      },
    }),
  );
  const awaitable = (
    id: number,
    name: string,
    send: (vm: Vm, o: number, arg: number) => number,
    thr: typeof asendThrow,
    size: number,
    dealloc: (vm: Vm, o: number) => void,
    traverse: (vm: Vm, o: number, visit: Visit) => void,
  ) =>
    defineType({
      id,
      name,
      basicsize: size,
      flags: TpFlags.HaveGc,
      dealloc,
      traverse,
      iter: selfReturn,
      iternext: (vm2, o) => {
        try {
          return send(vm2, o, 0);
        } catch (e) {
          // tp_iternext ends quietly on StopIteration without a value
          if (e instanceof PyError && errorMatches(vm2, e, E.StopIteration) && e.value === 0) {
            clearError(vm2, e);
            return 0;
          }
          throw e;
        }
      },
      methods: {
        __await__: noArgs('__await__', name, selfReturn),
        send: {
          name: 'send',
          flags: Meth.O,
          qualname: `${name}.send`,
          impl: (vm2: Vm, o: number, a: readonly number[]) => send(vm2, o, a[0]),
        },
        throw: { name: 'throw', flags: Meth.Fastcall, qualname: `${name}.throw`, impl: thr },
        close: noArgs('close', name, (vm2, o) => {
          (vm2.table.side[o] as { state: Aw }).state = Aw.Closed;
          return vm2.s.None;
        }),
      },
    });
  readyStaticType(
    vm,
    awaitable(
      ids.asend,
      'async_generator_asend',
      asendSend,
      asendThrow,
      ASEND_SIZE,
      asendDealloc,
      (vm2, o, visit) => {
        const d = asendOf(vm2, o);
        visit(d.gen);
        if (d.sendval) visit(d.sendval);
      },
    ),
  );
  readyStaticType(
    vm,
    awaitable(
      ids.athrow,
      'async_generator_athrow',
      athrowSend,
      athrowThrow,
      ATHROW_SIZE,
      athrowDealloc,
      (vm2, o, visit) => {
        const d = athrowOf(vm2, o);
        visit(d.gen);
        if (d.args) for (const a of d.args) if (a) visit(a);
      },
    ),
  );
  readyStaticType(
    vm,
    defineType({
      id: ids.wrapped,
      name: 'async_generator_wrapped_value',
      basicsize: WRAPPED_SIZE,
      flags: TpFlags.HaveGc,
      dealloc: (vm2, w) => {
        const v = vm2.table.side[w] as number;
        vm2.decref(v);
        const fl = free(vm2).wrapped;
        if (fl.length < FREELIST_MAX) {
          vm2.park(w);
          fl.push(w);
        } else vm2.gcDel(w);
      },
    }),
  );
  return ids;
}
