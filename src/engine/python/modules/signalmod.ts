import { call } from '../abstract/call';
import { setNone, typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { isCallable } from '../objects/dictsub';
import { exc } from '../objects/exctypes';
import { intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { setAdd, setNew } from '../objects/set';
import { strNew } from '../objects/str';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { hostOf } from './host';
import { fn, makeModule } from './module';
import { runPythonPart } from './pythonpart';
import type { ModuleSpec } from './registry';
import { osError } from './simfs';
import { moduleFromGlobals } from './typing';

/**
 * _signal (Modules/signalmodule.c, 3.11) and signal (Lib/signal.py) for the simulated process on
 * x86-64 Linux. _signal is loaded at start-up (free); `import signal` replays its footprint (the
 * three IntEnums _convert_ builds). The handler table holds the Python objects: SIGINT starts with
 * default_int_handler, SIGPIPE and SIGXFSZ with SIG_IGN (the interpreter ignores them at start-up),
 * the rest SIG_DFL. raise_signal runs the Python handler at once (signal_raise_signal_impl calls
 * PyErr_CheckSignals after raise()), with the signal number and the running frame. A default action
 * that ends the process (SIGTERM, SIGUSR1, …) stops the run as not supported.
 */
const NSIG = 65;
const SIGNALS: [string, number][] = [
  ['SIGHUP', 1], ['SIGINT', 2], ['SIGQUIT', 3], ['SIGILL', 4], ['SIGTRAP', 5], ['SIGABRT', 6],
  ['SIGIOT', 6], ['SIGBUS', 7], ['SIGFPE', 8], ['SIGKILL', 9], ['SIGUSR1', 10], ['SIGSEGV', 11],
  ['SIGUSR2', 12], ['SIGPIPE', 13], ['SIGALRM', 14], ['SIGTERM', 15], ['SIGSTKFLT', 16],
  ['SIGCHLD', 17], ['SIGCLD', 17], ['SIGCONT', 18], ['SIGSTOP', 19], ['SIGTSTP', 20],
  ['SIGTTIN', 21], ['SIGTTOU', 22], ['SIGURG', 23], ['SIGXCPU', 24], ['SIGXFSZ', 25],
  ['SIGVTALRM', 26], ['SIGPROF', 27], ['SIGWINCH', 28], ['SIGIO', 29], ['SIGPOLL', 29],
  ['SIGPWR', 30], ['SIGSYS', 31], ['SIGRTMIN', 34], ['SIGRTMAX', 64],
];
/** glibc 2.36's strsignal texts (C locale). */
const TEXTS = [
  '', 'Hangup', 'Interrupt', 'Quit', 'Illegal instruction', 'Trace/breakpoint trap', 'Aborted',
  'Bus error', 'Floating point exception', 'Killed', 'User defined signal 1', 'Segmentation fault',
  'User defined signal 2', 'Broken pipe', 'Alarm clock', 'Terminated', 'Stack fault', 'Child exited',
  'Continued', 'Stopped (signal)', 'Stopped', 'Stopped (tty input)', 'Stopped (tty output)',
  'Urgent I/O condition', 'CPU time limit exceeded', 'File size limit exceeded', 'Virtual timer expired',
  'Profiling timer expired', 'Window changed', 'I/O possible', 'Power failure', 'Bad system call',
];
/** Signals whose default action is to do nothing (SIG_DFL keeps the process running). */
const DEFAULT_IGNORED = new Set([17, 18, 23, 28]);
/** glibc reserves 32 and 33 for its threads: valid_signals() leaves them out. */
const isValid = (n: number): boolean => n >= 1 && n < NSIG && n !== 32 && n !== 33;

function signalNumber(vm: Vm, h: number): number {
  if (!vm.typeOf(h).mro.includes(T.Int)) throw typeError(vm, "'%s' object cannot be interpreted as an integer", vm.typeOf(h).name);
  const n = Number(intValue(vm, h));
  if (n < 1 || n >= NSIG) throw valueError(vm, 'signal number out of range');
  return n;
}

const isIntValue = (vm: Vm, h: number, v: number): boolean =>
  vm.typeOf(h).mro.includes(T.Int) && Number(intValue(vm, h)) === v;

const tables = new WeakMap<Vm, number[]>();

/**
 * os.kill(pid, sig): the simulated process is the only one, so a pid other than its own is not
 * supported; signal 0 only checks that the process exists. Before `_signal` is loaded here every
 * handler is the start-up's (SIGINT's default_int_handler raises KeyboardInterrupt).
 */
export function killSelf(vm: Vm, pid: number, n: number, ownPid: number): number {
  if (pid !== ownPid) throw new NotSupported('os.kill() of another process');
  if (n === 0) return vm.s.None;
  if (n < 0 || n >= NSIG) throw osError(vm, 'OSError', 22, 'Invalid argument');
  const t = tables.get(vm);
  if (t === undefined) {
    if (n === 2) throw setNone(vm, exc('KeyboardInterrupt'));
    if (n === 13 || n === 25 || DEFAULT_IGNORED.has(n)) return vm.s.None;
    throw new NotSupported(`signal ${n}'s default action (the process ends)`);
  }
  return raiseSignal(vm, t, n);
}

function raiseSignal(vm: Vm, t: number[], n: number): number {
  const h = t[n];
  if (isIntValue(vm, h, 1)) return vm.s.None;
  if (isIntValue(vm, h, 0)) {
    if (DEFAULT_IGNORED.has(n)) return vm.s.None;
    throw new NotSupported(`signal ${n}'s default action (the process ends)`);
  }
  // the trip_signal → PyErr_CheckSignals path: handler(signum, frame) in the running thread
  const frame = hostOf(vm).frameAt(0);
  vm.incref(h);
  try {
    vm.decref(call(vm, h, [vm.s.smallInt(n), frame === 0 ? vm.s.None : frame], null));
  } finally {
    vm.decref(h);
  }
  return vm.s.None;
}

function loadSignalC(vm: Vm): number {
  const raiseInterrupt = (vm2: Vm): number => {
    throw setNone(vm2, exc('KeyboardInterrupt'));
  };
  const attrs: Record<string, number> = {
    NSIG: vm.s.smallInt(NSIG),
    SIG_DFL: vm.s.smallInt(0),
    SIG_IGN: vm.s.smallInt(1),
    SIG_BLOCK: vm.s.smallInt(0),
    SIG_UNBLOCK: vm.s.smallInt(1),
    SIG_SETMASK: vm.s.smallInt(2),
    ITIMER_REAL: vm.s.smallInt(0),
    ITIMER_VIRTUAL: vm.s.smallInt(1),
    ITIMER_PROF: vm.s.smallInt(2),
  };
  for (const [name, n] of SIGNALS) attrs[name] = vm.s.smallInt(n);
  const t: number[] = [];
  const m = makeModule(
    vm,
    '_signal',
    [
      fn('default_int_handler', Meth.Varargs, raiseInterrupt),
      fn('signal', Meth.Fastcall, (vm2, _m, a) => {
        if (a.length !== 2) throw typeError(vm2, 'signal expected 2 arguments, got %zd', a.length);
        const n = signalNumber(vm2, a[0]);
        const h = a[1];
        if (!isIntValue(vm2, h, 0) && !isIntValue(vm2, h, 1) && !isCallable(vm2, h))
          throw typeError(vm2, 'signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object');
        // sigaction refuses SIGKILL and SIGSTOP
        if (n === 9 || n === 19) throw osError(vm2, 'OSError', 22, 'Invalid argument');
        const old = t[n];
        vm2.incref(h);
        t[n] = h;
        return old;
      }),
      fn('getsignal', Meth.O, (vm2, _m, a) => {
        const h = t[signalNumber(vm2, a[0])];
        vm2.incref(h);
        return h;
      }),
      fn('raise_signal', Meth.O, (vm2, _m, a) => raiseSignal(vm2, t, signalNumber(vm2, a[0]))),
      fn('strsignal', Meth.O, (vm2, _m, a) => {
        const n = signalNumber(vm2, a[0]);
        if (n < TEXTS.length) return strNew(vm2, TEXTS[n]);
        return n >= 34 ? strNew(vm2, `Real-time signal ${n - 34}`) : (vm2.incref(vm2.s.None), vm2.s.None);
      }),
      fn('valid_signals', Meth.NoArgs, (vm2) => {
        const set = setNew(vm2);
        for (let n = 1; n < NSIG; n++) if (isValid(n)) setAdd(vm2, set, vm2.s.smallInt(n));
        return set;
      }),
    ],
    attrs,
  );
  // the start-up's handler table: SIGINT's default_int_handler, SIGPIPE and SIGXFSZ ignored
  const defaultInt = moduleData(vm, m).attrs.get('default_int_handler') ?? 0;
  for (let n = 0; n < NSIG; n++) t.push(n === 2 ? defaultInt : vm.s.smallInt(n === 13 || n === 25 ? 1 : 0));
  tables.set(vm, t);
  return m;
}

export const signalCModule: ModuleSpec = {
  name: '_signal',
  load: (vm) => loadSignalC(vm),
};

/**
 * signal.py as Python, written for Highwater: the three IntEnums as _convert_ makes them (members
 * sorted by value then name, so SIGABRT is the canonical 6 and SIGIOT its alias), exported to the
 * module's globals, and the wrappers that turn ints into members (_int_to_enum: the int itself when
 * no member has the value, e.g. a handler that is a function).
 */
const SIGNAL_SOURCE = `
import _signal
from _signal import *
from enum import IntEnum as _IntEnum

class Signals(_IntEnum):
${[...SIGNALS]
  .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
  .map(([name, n]) => `    ${name} = ${n}`)
  .join('\n')}

class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1

class Sigmasks(_IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2

Signals.__module__ = Handlers.__module__ = Sigmasks.__module__ = 'signal'
globals().update(Signals.__members__)
globals().update(Handlers.__members__)
globals().update(Sigmasks.__members__)


def _int_to_enum(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    handler = _signal.signal(_enum_to_int(signalnum), _enum_to_int(handler))
    return _int_to_enum(handler, Handlers)


def getsignal(signalnum):
    handler = _signal.getsignal(signalnum)
    return _int_to_enum(handler, Handlers)


def valid_signals():
    return {_int_to_enum(x, Signals) for x in _signal.valid_signals()}

`;

export const signalModule: ModuleSpec = {
  name: 'signal',
  load: (vm, importModule) => {
    const c = importModule('_signal');
    return moduleFromGlobals(vm, 'signal', runPythonPart(vm, 'signal', SIGNAL_SOURCE, { _signal: c }));
  },
};
