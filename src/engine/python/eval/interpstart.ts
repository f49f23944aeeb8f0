/** The interpreter's start-up: the eval loop's own types and the state a script starts in. */
import { readyAsyncGenTypes, type AsyncGenTypes } from './asyncgen';
import { moduleData } from '../objects/module';
import { inheritSlots, readyStaticType } from '../objects/typeobject';
import { T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import type { EventLog } from '../../trace/eventLog';
import { type ThreadsHost } from './threads';
import { installCodeType } from './code';
import { generatorType } from './generator';
import { installBuiltins } from '../builtins';
import { makeStdout } from '../builtins/stdout';
import { sysStderr, sysStdout } from '../modules/sys';
import { builtinStatic } from '../objects/descr';
import { Meth, type MethodDef } from '../objects/types';
import { STEP_MARKER } from './script';
import type { Interpreter } from './interpreter';

/** The recorder's __hw_step__(i) (the loop intercepts the call; this body never runs). */
const STEP_MARKER_DEF: MethodDef = {
  name: STEP_MARKER,
  flags: Meth.O,
  impl: (vm) => vm.s.None,
};

export interface InterpreterOptions {
  events?: EventLog | null;
  /** Seconds of simulator time before a run stops (null: no limit). */
  maxSeconds?: number | null;
  /** The clock the budget reads, in ms (CPU time where the host has it). */
  clock?: () => number;
  /** glibc's malloc_trim(pad) in the simulated process. */
  mallocTrim?: (pad: number) => number;
  /** glibc's malloc_stats() text (ctypes), or null when the process has no C library to ask. */
  mallocStats?: () => string;
  /** The kernel, C library and clock threads need (absent: a process without threads). */
  threads?: ThreadsHost;
  /** A file's source text (the script's), for tracebacks a module formats (logging.exception). */
  sourceOf?: (filename: string) => string | null;
  /** Frames below the script's module frame (thread.ts RECORDER_FRAMES under the recorder; default 0). */
  framesBelow?: number;
}

/**
 * The start-up state scripts see: sys.stdout, the builtins module (with the recorder's step
 * marker), the module table, and the script's globals dict (made by the process).
 */
export function startProcess(it: Interpreter, globals: number): void {
  const vm = it.vm;
  it.globals = globals;
  const stdout = makeStdout(vm, (text) => it.output.push(text));
  sysStdout.set(vm, stdout);
  sysStderr.set(
    vm,
    makeStdout(vm, (text) => it.writeStderr(text), 'stderr'),
  );
  // builtin_print reads sys.stdout at each call (_PySys_GetAttr): a script (or
  // contextlib.redirect_stdout) may have replaced it
  const builtins = installBuiltins(it, () => {
    const sys = it.modules.get('sys');
    return (sys !== undefined && moduleData(vm, sys).attrs.get('stdout')) || stdout;
  });
  it.builtinsModule = builtins;
  it.builtins = moduleData(vm, builtins).attrs;
  it.stepMarker = builtinStatic(vm, STEP_MARKER_DEF, 'builtins');
  it.builtins.set(STEP_MARKER, it.stepMarker);
  it.modules.set('builtins', builtins);
}

/**
 * The eval loop's own types: code, generators and coroutines (their frames live in them), async
 * generators and their awaitables.
 */
export function readyEvalTypes(vm: Vm): { coroutineType: number; asyncTypes: AsyncGenTypes } {
  installCodeType(vm);
  const gen = generatorType(T.Generator, false);
  gen.typeObject = vm.types[T.Generator].typeObject;
  readyInPlace(vm, gen);
  const coroutineType = vm.newTypeId();
  readyStaticType(vm, generatorType(coroutineType, true));
  return { coroutineType, asyncTypes: readyAsyncGenTypes(vm) };
}

/** Replace a built-in type's table by a complete one, keeping its type object. */
function readyInPlace(vm: Vm, s: ReturnType<typeof generatorType>): void {
  const old = vm.types[s.id];
  s.mro = old.mro;
  s.bases = old.bases;
  s.base = old.base;
  inheritSlots(s, vm.types[s.base]);
  s.flags |= old.flags;
  vm.table.side[old.typeObject] = s;
  vm.types[s.id] = s;
}
