import { raiseString, typeError, valueError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { E } from '../objects/exctypes';
import { fromDouble } from '../objects/float';
import { fromLong, intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { structSeqNew, structSeqType, type StructSeqDesc } from '../objects/structseq';
import { listItem } from '../objects/list';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { moduleType } from '../objects/modtypes';
import { Meth, T } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import { memoryFigures } from './procfs';
import type { ModuleSpec } from './registry';
import { cpuNs } from './simclock';

/**
 * resource (Modules/resource.c): its import replays the recorded footprint (registry.ts), then
 * getrusage reads the simulated process: ru_maxrss is the kernel model's peak RSS in KiB (the mm's
 * hiwater_rss, what VmHWM shows), ru_minflt the page faults the model counted plus the start-up's
 * (2,116 on 3.11.7, measured), ru_utime the simulated CPU clock (simclock.ts). setrlimit(RLIMIT_AS)
 * sets the kernel model's limit: past it brk and mmap fail with ENOMEM, so glibc's malloc returns
 * NULL and Python raises MemoryError where the real allocator would. The other limits read what
 * this machine has (measured) and cannot be set.
 */
const RUSAGE: StructSeqDesc = {
  name: 'struct_rusage',
  module: 'resource',
  fields: [
    'ru_utime',
    'ru_stime',
    'ru_maxrss',
    'ru_ixrss',
    'ru_idrss',
    'ru_isrss',
    'ru_minflt',
    'ru_majflt',
    'ru_nswap',
    'ru_inblock',
    'ru_oublock',
    'ru_msgsnd',
    'ru_msgrcv',
    'ru_nsignals',
    'ru_nvcsw',
    'ru_nivcsw',
  ],
  visible: 16,
};
const RusageType = structSeqType(RUSAGE);
const STARTUP_MINFLT = 2116;
/** ru_stime at start (3.3 ms measured); the simulation charges no further system time. */
const STARTUP_STIME = 0.003383;

const RLIMITS: Record<string, [number, number, number]> = {
  RLIMIT_CPU: [0, -1, -1],
  RLIMIT_FSIZE: [1, -1, -1],
  RLIMIT_DATA: [2, -1, -1],
  RLIMIT_STACK: [3, 8388608, -1],
  RLIMIT_CORE: [4, 0, -1],
  RLIMIT_RSS: [5, -1, -1],
  RLIMIT_NPROC: [6, 96367, 96367],
  RLIMIT_NOFILE: [7, 20000, 20000],
  RLIMIT_MEMLOCK: [8, 8388608, 8388608],
  RLIMIT_AS: [9, -1, -1],
  RLIMIT_SIGPENDING: [11, 96367, 96367],
  RLIMIT_MSGQUEUE: [12, 819200, 819200],
  RLIMIT_NICE: [13, 0, 0],
  RLIMIT_RTPRIO: [14, 0, 0],
  RLIMIT_RTTIME: [15, -1, -1],
};
const RLIMIT_AS = 9;

/** The process's limits (soft, hard) by resource number. */
const limitsOf = new WeakMap<Vm, Map<number, [number, number]>>();
function limits(vm: Vm): Map<number, [number, number]> {
  let m = limitsOf.get(vm);
  if (m === undefined) {
    m = new Map();
    for (const [n, s, h] of Object.values(RLIMITS)) m.set(n, [s, h]);
    limitsOf.set(vm, m);
  }
  return m;
}

function resourceArg(vm: Vm, h: number): number {
  const n = Number(intValue(vm, h));
  if (!limits(vm).has(n)) throw valueError(vm, 'invalid resource specified');
  return n;
}

function getrusage(vm: Vm, _s: number, a: readonly number[]): number {
  const who = Number(intValue(vm, a[0]));
  if (who === -1)
    throw new NotSupported('resource.getrusage(RUSAGE_CHILDREN) (no child processes are simulated)');
  if (who !== 0 && who !== 1) throw valueError(vm, 'invalid who parameter');
  const f = memoryFigures(vm);
  // resource_getrusage: PyStructSequence_New first, then each field (PyFloat / PyLong_FromLong)
  const h = structSeqNew(vm, RusageType, RUSAGE, []);
  const fields = [
    fromDouble(vm, cpuNs(vm) / 1e9),
    fromDouble(vm, STARTUP_STIME),
    fromLong(vm, Math.floor(f.hwm / 1024)),
    fromLong(vm, 0),
    fromLong(vm, 0),
    fromLong(vm, 0),
    fromLong(vm, STARTUP_MINFLT + vm.kernel.faults),
    ...Array.from({ length: 7 }, () => fromLong(vm, 0)),
    fromLong(vm, 0),
    fromLong(vm, 12),
  ];
  const off = vm.table.ref[h];
  fields.forEach((v, i) => (vm.pool.data[off + i] = v));
  return h;
}

function setrlimit(vm: Vm, _s: number, a: readonly number[]): number {
  if (a.length !== 2) throw typeError(vm, 'setrlimit expected 2 arguments, got %zd', a.length);
  const res = resourceArg(vm, a[0]);
  const t = vm.table.type[a[1]];
  const items = t === T.Tuple || t === T.List ? Array.from(tupleOrList(vm, a[1])) : null;
  if (items === null || items.length !== 2) throw valueError(vm, 'expected a tuple of 2 integers');
  const soft = Number(intValue(vm, items[0]));
  const hard = Number(intValue(vm, items[1]));
  const [, oldHard] = limits(vm).get(res)!;
  const inf = (x: number): number => (x === -1 ? Infinity : x);
  if (inf(soft) > inf(hard)) throw valueError(vm, 'current limit exceeds maximum limit');
  if (inf(hard) > inf(oldHard)) throw raiseString(vm, E.ValueError, 'not allowed to raise maximum limit');
  if (res !== RLIMIT_AS) throw new NotSupported('resource.setrlimit of a limit other than RLIMIT_AS');
  limits(vm).set(res, [soft, hard]);
  memoryFigures(vm); // the kernel's baseline of address space outside the model, before the limit applies
  vm.kernel.addressSpaceLimit = inf(soft);
  return vm.s.None;
}

function tupleOrList(vm: Vm, h: number): ArrayLike<number> {
  if (vm.table.type[h] === T.Tuple) return tupleItems(vm, h);
  return Array.from({ length: vm.table.n[h] }, (_, i) => listItem(vm, h, i));
}

export const resourceModule: ModuleSpec = {
  name: 'resource',
  load: (vm) => {
    const m = staticModule(vm, 'resource', [
      def('getrusage', Meth.O, getrusage),
      def('getpagesize', Meth.NoArgs, (vm2) => fromLong(vm2, 4096)),
      def('getrlimit', Meth.O, (vm2, _s, a) => {
        const [s, h] = limits(vm2).get(resourceArg(vm2, a[0]))!;
        return tupleFromItems(vm2, [fromLong(vm2, s), fromLong(vm2, h)]);
      }),
      def('setrlimit', Meth.Fastcall, setrlimit),
    ]);
    const attrs = moduleData(vm, m).attrs;
    for (const [name, [n]] of Object.entries(RLIMITS)) attrs.set(name, staticInt(vm, n));
    attrs.set('RLIMIT_OFILE', staticInt(vm, 7));
    attrs.set('RLIM_INFINITY', staticInt(vm, -1));
    attrs.set('RUSAGE_SELF', staticInt(vm, 0));
    attrs.set('RUSAGE_CHILDREN', staticInt(vm, -1));
    attrs.set('RUSAGE_THREAD', staticInt(vm, 1));
    attrs.set('struct_rusage', moduleType(vm, RusageType).typeObject);
    attrs.set('error', vm.types[E.OSError].typeObject);
    return m;
  },
};

/** A module constant: every one is a small int (-1 … 15), a static singleton. */
const staticInt = (vm: Vm, n: number): number => fromLong(vm, n);
