import { getAttr, setAttr } from '../abstract/attr';
import { callMethod } from '../abstract/call';
import { raiseString, setNone } from '../abstract/errors';
import { NotSupported } from '../errors';
import { builtinStatic } from '../objects/descr';
import { E } from '../objects/exctypes';
import { moduleType } from '../objects/modtypes';
import { strValue } from '../objects/str';
import { Meth, TpFlags, defineType, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { stopIterationValue } from '../eval/generator';
import type { Interpreter } from '../eval/interpreter';
import { ASYNCIO_BASELOOP_SOURCE } from './asyncioBaseLoopSource';
import { ASYNCIO_LOOP_SOURCE } from './asyncioLoopSource';
import { ASYNCIO_QUEUE_SOURCE } from './asyncioQueueSource';
import { ASYNCIO_RUNNER_SOURCE } from './asyncioRunnerSource';
import { ASYNCIO_SELECTOR_SOURCE } from './asyncioSelectorSource';
import { ASYNCIO_TASK_FUNCTIONS_SOURCE } from './asyncioTaskFunctionsSource';
import { ASYNCIO_SYNC_SOURCE } from './asyncioSyncSource';
import { ASYNCIO_TASKS_SOURCE } from './asyncioTasksSource';
import { layOutFutures } from './asyncioFutureLayout';
import { taskCallableNames } from './asyncioWrappers';
import { fn } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/**
 * asyncio (Lib/asyncio, 3.11): the event loop, futures, tasks, locks, queues, TaskGroup and
 * timeouts as Python run by the VM (asyncioLoopSource.ts, asyncioTasksSource.ts,
 * asyncioSyncSource.ts), over the interpreter's coroutines (eval/asyncops.ts, asyncgen.ts). Its
 * import replays the captured footprint of `import asyncio` on 3.11.7 (which pulls in selectors,
 * socket, ssl, concurrent.futures, inspect, …: registry.ts), then the body runs accounted.
 *
 * Native here: FutureIter (`await future`: Modules/_asynciomodule.c future_new_iter, 16 GC + 24
 * bytes, fi_freelist of 255), the "waits forever" stop, and `_hw_unsupported`.
 * Not supported (a stop naming them): streams, subprocesses, sockets, servers, signal handlers,
 * run_coroutine_threadsafe.
 */
const FUTURE_ITER_SIZE = 24;
const FI_FREELIST_MAX = 255;

const freelists = new WeakMap<Vm, number[]>();
const fiFree = (vm: Vm): number[] => {
  let f = freelists.get(vm);
  if (f === undefined) freelists.set(vm, (f = []));
  return f;
};

const fiFuture = (vm: Vm, o: number): number => vm.table.side[o] as number;

/** future_new_iter: the iterator `await future` drives (the future's reference held). */
function futureIterNew(vm: Vm, fut: number): number {
  const type = moduleType(vm, FutureIterType).id;
  const fl = fiFree(vm);
  const o = fl.length ? vm.reuse(fl.pop()!, type) : vm.newGcObject(type, FUTURE_ITER_SIZE);
  vm.incref(fut);
  vm.table.side[o] = fut;
  vm.gc.track(o);
  return o;
}

/**
 * FutureIter_am_send: a pending future is yielded once (its _asyncio_future_blocking set: the
 * task waits on it); a done one ends the await with its result (StopIteration(value)) or raises.
 */
function futureIterSend(vm: Vm, o: number): number {
  const fut = fiFuture(vm, o);
  if (fut === 0) throw setNone(vm, E.StopIteration);
  const state = getAttr(vm, fut, '_state');
  const pending = strValue(vm, state) === 'PENDING';
  vm.decref(state);
  if (pending) {
    const blocking = getAttr(vm, fut, '_asyncio_future_blocking');
    vm.decref(blocking);
    if (blocking !== vm.s.True) {
      setAttr(vm, fut, '_asyncio_future_blocking', vm.s.True);
      vm.incref(fut);
      return fut;
    }
    throw raiseString(vm, E.RuntimeError, "await wasn't used with future");
  }
  vm.table.side[o] = 0;
  try {
    const res = callMethod(vm, fut, 'result', []);
    const err = stopIterationValue(vm, res);
    vm.decref(res);
    throw err;
  } finally {
    vm.decref(fut);
  }
}

const FutureIterType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'FutureIter',
    qualname: 'FutureIter',
    module: '_asyncio',
    basicsize: FUTURE_ITER_SIZE,
    flags: TpFlags.HaveGc,
    dealloc: (vm, o) => {
      vm.gc.untrack(o);
      const fut = fiFuture(vm, o);
      vm.table.side[o] = 0;
      if (fut !== 0) vm.decref(fut);
      const fl = fiFree(vm);
      if (fl.length < FI_FREELIST_MAX) {
        vm.park(o);
        fl.push(o);
      } else vm.gcDel(o);
    },
    traverse: (vm, o, visit) => {
      const fut = fiFuture(vm, o);
      if (fut !== 0) visit(fut);
    },
    iter: (vm, o) => {
      vm.incref(o);
      return o;
    },
    iternext: futureIterSend,
    methods: {
      send: { name: 'send', flags: Meth.O, impl: (vm, o) => futureIterSend(vm, o) },
      throw: {
        name: 'throw',
        flags: Meth.Fastcall,
        // FutureIter_throw: the exception raised as given (the future is not touched)
        impl: (vm, _o, a) => {
          throw (vm.eval as Interpreter).exceptionFrom(a[0], a[1] ?? 0, a[2] ?? 0);
        },
      },
      close: {
        name: 'close',
        flags: Meth.NoArgs,
        impl: (vm, o) => {
          const fut = fiFuture(vm, o);
          vm.table.side[o] = 0;
          if (fut !== 0) vm.decref(fut);
          return vm.s.None;
        },
      },
    },
  });

/** The Python text's last part: what `__all__`-level names the three parts leave private. */
const EPILOGUE = `
import sys as _sys


def _hw_log_error(message, context):
    # default_exception_handler: the message and the context's other keys, through logging's
    # last-resort handler to stderr
    lines = [message]
    for key in sorted(context):
        if key in {'message', 'exception'}:
            continue
        lines.append(f'{key}: {context[key]!r}')
    exc = context.get('exception')
    if exc is not None:
        lines.append(f'{type(exc).__name__}: {exc}')
    print('\\n'.join(lines), file=_sys.stderr)
`;

function loadAsyncio(vm: Vm): number {
  const names: Record<string, number> = {
    ...taskCallableNames(vm),
    _hw_unsupported: unsupportedHelper(vm, 'asyncio'),
    _hw_future_iter: builtinStatic(
      vm,
      fn('_hw_future_iter', Meth.O, (vm2, _s, a) => futureIterNew(vm2, a[0])),
      'asyncio',
    ),
    _hw_wait_forever: builtinStatic(
      vm,
      fn('_hw_wait_forever', Meth.NoArgs, () => {
        throw new NotSupported('an event loop with nothing scheduled (the real process would wait forever)');
      }),
      'asyncio',
    ),
  };
  const source =
    ASYNCIO_LOOP_SOURCE +
    ASYNCIO_SELECTOR_SOURCE +
    ASYNCIO_BASELOOP_SOURCE +
    ASYNCIO_RUNNER_SOURCE +
    layOutFutures(ASYNCIO_TASKS_SOURCE, vm.py.name) +
    ASYNCIO_TASK_FUNCTIONS_SOURCE +
    ASYNCIO_SYNC_SOURCE +
    ASYNCIO_QUEUE_SOURCE +
    EPILOGUE;
  const globals = runPythonPart(vm, 'asyncio', source, names);
  return moduleFromGlobals(vm, 'asyncio', globals);
}

export const asyncioModule: ModuleSpec = { name: 'asyncio', load: loadAsyncio };
