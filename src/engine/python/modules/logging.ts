import { builtinStatic } from '../objects/descr';
import { fromSsize, intValue } from '../objects/int';
import { intern, strNew } from '../objects/str';
import { tupleFromItems } from '../objects/tuple';
import { Meth } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { exceptionReport, formatException } from '../eval/traceback';
import { hostOf, interpOf } from './host';
import { LOGGING_HANDLERS_SOURCE } from './loggingHandlersSource';
import { LOGGING_LOGGERS_SOURCE } from './loggingLoggers';
import { LOGGING_SOURCE } from './loggingSource';
import { fn } from './module';
import { moduleData } from '../objects/module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { moduleFromGlobals, unsupportedHelper } from './typing';

/** The part's own frames (execSource's filename): findCaller skips them. */
const SRCFILE = '<logging>';

/**
 * Logger.findCaller (3.11): currentframe() is findCaller's own frame object, then f_back until the
 * `stacklevel`-th frame outside logging; each step makes that frame's object
 * (_PyFrame_GetFrameObject, owned by the running frame and freed with it unless kept). Returns
 * (co_filename, f_lineno, co_name, None): co_* are the code's interned strs, f_lineno a new int.
 */
function findCaller(vm: Vm, stacklevel: number): number {
  const host = hostOf(vm);
  let depth = 0;
  const interp = interpOf(vm);
  let info = interp.frameInfo(0);
  if (info === null) return unknownCaller(vm);
  host.frameAt(0);
  let level = stacklevel;
  while (level > 0) {
    const next = interp.frameInfo(depth + 1);
    if (next === null) break;
    depth++;
    host.frameAt(depth);
    info = next;
    if (info.filename !== SRCFILE) level--;
  }
  const line = fromSsize(vm, info.line);
  // the tuple steals its items (the interned strs and None are static)
  return tupleFromItems(vm, [intern(vm, info.filename), line, intern(vm, info.name), vm.s.None]);
}

function unknownCaller(vm: Vm): number {
  const file = strNew(vm, '(unknown file)');
  const func = strNew(vm, '(unknown function)');
  const zero = fromSsize(vm, 0);
  return tupleFromItems(vm, [file, zero, func, vm.s.None]);
}

/** Formatter.formatException's text: what traceback.print_exception prints for the exception. */
function formatExceptionText(vm: Vm, exc: number): number {
  if (exc === vm.s.None) return strNew(vm, 'NoneType: None\n');
  const interp = interpOf(vm);
  return strNew(
    vm,
    formatException(exceptionReport(vm, exc), (f) => interp.sourceOf(f), vm.py.name),
  );
}

/** logging (loggingSource.ts + loggingLoggers.ts: the package as Python; its import cost is its recorded footprint). */
export const loggingModule: ModuleSpec = {
  name: 'logging',
  load: (vm) => {
    const helper = (name: string, flags: number, impl: Parameters<typeof fn>[2]): number =>
      builtinStatic(vm, fn(name, flags, impl), 'logging');
    const globals = runPythonPart(vm, 'logging', LOGGING_SOURCE + LOGGING_LOGGERS_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'logging'),
      _hw_caller: helper('_hw_caller', Meth.O, (vm2, _s, a) => findCaller(vm2, Number(intValue(vm2, a[0])))),
      _hw_format_exception: helper('_hw_format_exception', Meth.O, (vm2, _s, a) =>
        formatExceptionText(vm2, a[0]),
      ),
    });
    return moduleFromGlobals(vm, 'logging', globals);
  },
};

/**
 * logging.handlers (loggingHandlersSource.ts); its import cost is its recorded footprint (socket,
 * pickle, queue, struct and the rest it imports at the top). The import system makes the submodule
 * an attribute of the package.
 */
export const loggingHandlersModule: ModuleSpec = {
  name: 'logging.handlers',
  load: (vm, importModule) => {
    const globals = runPythonPart(vm, 'logging.handlers', LOGGING_HANDLERS_SOURCE, {
      _hw_unsupported: unsupportedHelper(vm, 'logging.handlers'),
    });
    const m = moduleFromGlobals(vm, 'logging.handlers', globals);
    const pkg = importModule('logging');
    moduleData(vm, pkg).attrs.set('handlers', m);
    vm.decref(pkg);
    return m;
  },
};
