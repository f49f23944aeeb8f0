import { callMethod } from '../abstract/call';
import { raiseString } from '../abstract/errors';
import { builtinNew, builtinStatic } from '../objects/descr';
import { E } from '../objects/exctypes';
import { moduleType } from '../objects/modtypes';
import { tupleItems } from '../objects/tuple';
import { Meth, TpFlags, defineType, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { fn } from './module';

/**
 * The two callables a C Task hands the loop (Modules/_asynciomodule.c), native here so they cost
 * what they cost in CPython rather than a bound method's 16 GC + 48 bytes (64-byte class):
 * - task_call_step_soon makes a TaskStepMethWrapper (sw_task, sw_arg: 16 GC + 32 bytes, the 48-byte
 *   class) for every `call_soon(task.__step)`;
 * - task_step_handle_result_impl hands `add_done_callback` a PyCFunction bound to the task
 *   (TaskWakeupDef: builtin_function_or_method, 16 GC + 56 bytes, the 80-byte class).
 * sys.getsizeof on pyenv's 3.11.7, 3.12.1 and 3.13.0: 48 and 72 (`loop._ready[-1]._callback`
 * after create_task, `future._callbacks[0][0]` of an awaited future). With bound methods a
 * gather of 10,000 tasks held up to two 64-byte blocks per task in flight: 414 pools of the
 * 64-byte class at the end of asyncio_gather_10k_tasks's run against the real 297 (3.11.7).
 */
const STEP_WRAPPER_SIZE = 32;

const stepArg = (vm: Vm, o: number): number => (vm.table.side[o] as number | undefined) ?? 0;

const TaskStepMethWrapperType = (_vm: Vm, id: number): TypeSlots =>
  defineType({
    id,
    name: 'TaskStepMethWrapper',
    qualname: 'TaskStepMethWrapper',
    module: '_asyncio',
    basicsize: STEP_WRAPPER_SIZE,
    flags: TpFlags.HaveGc,
    dealloc: (vm, o) => {
      vm.gc.untrack(o);
      const task = vm.table.ref[o];
      const arg = stepArg(vm, o);
      vm.table.ref[o] = 0;
      vm.table.side[o] = 0;
      vm.xdecref(task);
      vm.xdecref(arg);
      vm.gcDel(o);
    },
    traverse: (vm, o, visit) => {
      if (vm.table.ref[o]) visit(vm.table.ref[o]);
      const arg = stepArg(vm, o);
      if (arg) visit(arg);
    },
    // TaskStepMethWrapper_call: no arguments; task_step(task, sw_arg)
    call: (vm, o, args) => {
      if (tupleItems(vm, args).length !== 0) throw raiseString(vm, E.TypeError, 'function takes no positional arguments');
      const arg = stepArg(vm, o);
      return callMethod(vm, vm.table.ref[o], '_Task__step', arg ? [arg] : []);
    },
  });

/** TaskStepMethWrapper_new: the task and the exception to throw in (or none), both held. */
function stepWrapperNew(vm: Vm, task: number, arg: number): number {
  const o = vm.newGcObject(moduleType(vm, TaskStepMethWrapperType).id, STEP_WRAPPER_SIZE);
  vm.incref(task);
  vm.table.ref[o] = task;
  if (arg !== 0 && arg !== vm.s.None) vm.incref(arg);
  vm.table.side[o] = arg === vm.s.None ? 0 : arg;
  vm.gc.track(o);
  return o;
}

/** TaskWakeupDef's task_wakeup: METH_O, the task as self. */
const WAKEUP_DEF: MethodDef = {
  name: 'task_wakeup',
  flags: Meth.O,
  impl: (vm, task, args) => callMethod(vm, task, '_Task__wakeup', [args[0]]),
};

/** The names the Python part of asyncio uses to make them. */
export function taskCallableNames(vm: Vm): Record<string, number> {
  return {
    _hw_step_wrapper: builtinStatic(
      vm,
      fn('_hw_step_wrapper', Meth.Fastcall, (vm2, _s, a) => stepWrapperNew(vm2, a[0], a[1] ?? 0)),
      'asyncio',
    ),
    _hw_task_wakeup: builtinStatic(
      vm,
      fn('_hw_task_wakeup', Meth.O, (vm2, _s, a) => builtinNew(vm2, WAKEUP_DEF, a[0])),
      'asyncio',
    ),
  };
}
