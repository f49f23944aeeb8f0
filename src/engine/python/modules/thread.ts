import { raiseString, typeError } from '../abstract/errors';
import { NotSupported } from '../errors';
import { dictEntries as dictEntriesOf } from '../objects/dict';
import { E } from '../objects/exctypes';
import { exceptionText } from '../objects/exceptions';
import { fromDouble } from '../objects/float';
import { fromLong, intValue } from '../objects/int';
import { moduleData } from '../objects/module';
import { strValue } from '../objects/str';
import { tupleFromItems, tupleItems } from '../objects/tuple';
import { readyStaticType } from '../objects/typeobject';
import { Meth, T, TpFlags, defineType, type Kwargs, type MethodDef, type TypeSlots } from '../objects/types';
import type { Vm } from '../runtime/vm';
import { def, staticModule } from './gc';
import { interpOf, type LockState } from './host';
import { localType } from './threadlocal';
import { weakrefNew } from '../objects/weakref';
import type { ModuleSpec } from './registry';

/**
 * _thread (Modules/_threadmodule.c, 3.11): lock and RLock objects over the simulated threads
 * (eval/threads.ts), start_new_thread, get_ident, _set_sentinel. A lock object is 40 bytes
 * (lockobject; RLock 48) behind a 16-byte GC head: 3.11's heap types have Py_TPFLAGS_HAVE_GC and
 * tp_alloc tracks them, so allocate_lock() asks pymalloc for 56 bytes (hwtrace on 3.11.7: "m 56"),
 * a 64-byte block, as an RLock's 64. Its PyThread_type_lock is a sem_t: PyMem_RawMalloc(32), i.e. a
 * glibc chunk in the arena of the thread that made the lock.
 */
const LOCK_BYTES = 40;
const RLOCK_BYTES = 48;
const SEM_BYTES = 32;
/** _thread.TIMEOUT_MAX on 3.11 x86-64 Linux (PY_TIMEOUT_MAX / 10^6). */
const TIMEOUT_MAX = 9223372036.0;

interface LockObject extends LockState {
  sem: number;
  /** RLock: the owning thread's ident (0: none) and the recursion count. */
  owner: number;
  count: number;
}

const lockOf = (vm: Vm, h: number): LockObject => vm.table.side[h] as LockObject;

function newLock(vm: Vm, type: number, bytes: number): number {
  // PyType_GenericAlloc: a GC object, tracked (it counts toward generation 0's threshold)
  const h = vm.newGcObject(type, bytes);
  vm.gc.track(h);
  const sem = vm.mem.rawMalloc(SEM_BYTES);
  if (sem === 0) {
    vm.gcDel(h);
    throw raiseString(vm, E.MemoryError, '');
  }
  vm.mem.touch(sem, SEM_BYTES);
  vm.table.side[h] = { locked: false, sem, owner: 0, count: 0 } satisfies LockObject;
  return h;
}

/** lock_dealloc / rlock_dealloc: untrack, the sem_t, then the GC object. */
function lockDealloc(vm: Vm, h: number): void {
  vm.mem.rawFree(lockOf(vm, h).sem);
  vm.gcDel(h);
}

/** acquire_parse_args: (blocking=True, timeout=-1) → the timeout in ns, null forever, 0 no wait. */
function parseAcquire(vm: Vm, args: readonly number[], kw: Kwargs | null): number | null {
  const blockingArg = args[0] ?? kw?.get('blocking');
  const timeoutArg = args[1] ?? kw?.get('timeout');
  const blocking = blockingArg === undefined ? true : isTrueish(vm, blockingArg);
  const timeout = timeoutArg === undefined ? -1 : toSeconds(vm, timeoutArg);
  if (!blocking && timeout !== -1)
    throw raiseString(vm, E.ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1)
    throw raiseString(vm, E.ValueError, 'timeout value must be a non-negative number');
  if (!blocking) return 0;
  if (timeout > TIMEOUT_MAX) throw raiseString(vm, E.OverflowError, 'timeout value is too large');
  return timeout === -1 ? null : Math.round(timeout * 1e9);
}

const isTrueish = (vm: Vm, h: number): boolean =>
  !(h === vm.s.False || h === vm.s.None || (vm.table.type[h] === T.Int && Number(intValue(vm, h)) === 0));

function toSeconds(vm: Vm, h: number): number {
  const t = vm.table.type[h];
  if (t === T.Float) return vm.table.num[h];
  if (t === T.Int || t === T.Bool) return Number(intValue(vm, h));
  throw typeError(vm, "'%.200s' object cannot be interpreted as an integer or float", vm.typeOf(h).name);
}

/** lock_PyThread_acquire_lock / rlock_acquire: True, False, or the wait's value. */
function acquire(vm: Vm, h: number, timeoutNs: number | null, reentrant: boolean, count = 1): boolean {
  const l = lockOf(vm, h);
  const threads = interpOf(vm).threads;
  const me = threads.currentIdent;
  if (reentrant && l.locked && l.owner === me) {
    l.count++;
    return true;
  }
  if (!l.locked) {
    l.locked = true;
    l.owner = me;
    l.count = count;
    threads.lockTaken(l, timeoutNs !== 0);
    return true;
  }
  if (timeoutNs === 0) return false;
  return threads.blockOnLock(l, timeoutNs, count);
}

function release(vm: Vm, h: number, reentrant: boolean): void {
  const l = lockOf(vm, h);
  const threads = interpOf(vm).threads;
  if (reentrant) {
    if (!l.locked || l.owner !== threads.currentIdent)
      throw raiseString(vm, E.RuntimeError, 'cannot release un-acquired lock');
    if (--l.count > 0) return;
  } else if (!l.locked) throw raiseString(vm, E.RuntimeError, 'release unlocked lock');
  l.owner = 0;
  l.count = 0;
  threads.release(l);
}

function lockMethods(reentrant: boolean): Record<string, MethodDef> {
  // METH_VARARGS | METH_KEYWORDS in 3.11's _threadmodule.c: acquire(False) builds a 1-tuple of
  // arguments (measured: Condition._is_owned's first acquire(False) makes a 48-byte block)
  const acq = def('acquire', Meth.Varargs | Meth.Keywords, (vm, self, a, kw) =>
    vm.s.bool(acquire(vm, self, parseAcquire(vm, a, kw), reentrant)),
  );
  const rel = def('release', Meth.NoArgs, (vm, self) => (release(vm, self, reentrant), vm.s.None));
  const methods: MethodDef[] = [
    acq,
    rel,
    { ...acq, name: '__enter__' },
    def('__exit__', Meth.Varargs, (vm, self) => (release(vm, self, reentrant), vm.s.None)),
  ];
  if (reentrant)
    methods.push(
      def('_is_owned', Meth.NoArgs, (vm, self) => {
        const l = lockOf(vm, self);
        return vm.s.bool(l.locked && l.owner === interpOf(vm).threads.currentIdent);
      }),
      // Condition.wait releases an RLock whatever its count, then restores it
      def('_release_save', Meth.NoArgs, (vm, self) => {
        const l = lockOf(vm, self);
        if (!l.locked) throw raiseString(vm, E.RuntimeError, 'cannot release un-acquired lock');
        const saved = tupleFromItems(vm, [fromLong(vm, l.count), fromLong(vm, l.owner)]);
        l.count = 1;
        release(vm, self, true);
        return saved;
      }),
      def('_acquire_restore', Meth.O, (vm, self, a) => {
        const [count] = tupleItems(vm, a[0]).map((x) => Number(intValue(vm, x)));
        acquire(vm, self, null, false, count);
        return vm.s.None;
      }),
    );
  else
    methods.push(
      { ...acq, name: 'acquire_lock' },
      { ...rel, name: 'release_lock' },
      def('locked', Meth.NoArgs, (vm, self) => vm.s.bool(lockOf(vm, self).locked)),
    );
  return Object.fromEntries(methods.map((m) => [m.name, m]));
}

function lockType(vm: Vm, name: string, reentrant: boolean): TypeSlots {
  const id = vm.newTypeId();
  return defineType({
    id,
    name,
    qualname: name,
    module: '_thread',
    basicsize: reentrant ? RLOCK_BYTES : LOCK_BYTES,
    flags: TpFlags.HaveGc,
    dealloc: lockDealloc,
    // lock_traverse visits only the type (a heap type's reference): nothing the simulator tracks
    traverse: () => {},
    methods: lockMethods(reentrant),
    reprText: (vm2, h) => {
      const l = lockOf(vm2, h);
      return reentrant
        ? `<${l.locked ? 'locked' : 'unlocked'} _thread.RLock object owner=${l.owner} count=${l.count} at 0x${vm2.id(h).toString(16)}>`
        : `<${l.locked ? 'locked' : 'unlocked'} _thread.lock object at 0x${vm2.id(h).toString(16)}>`;
    },
    new: reentrant ? (vm2) => newLock(vm2, id, RLOCK_BYTES) : null,
  });
}

/** _thread, made on first import (the recorder's process has it already: no import footprint). */
export const threadModule: ModuleSpec = {
  name: '_thread',
  load: (vm) => {
    const lock = lockType(vm, 'lock', false);
    readyStaticType(vm, lock);
    const rlock = lockType(vm, 'RLock', true);
    readyStaticType(vm, rlock);
    const threads = () => interpOf(vm).threads;
    const allocate = def('allocate_lock', Meth.NoArgs, (vm2) => newLock(vm2, lock.id, LOCK_BYTES));
    const start = def('start_new_thread', Meth.Varargs, (vm2, _s, a) => {
      if (a.length < 2 || a.length > 3) throw typeError(vm2, 'start_new_thread expected 2 or 3 arguments');
      if (vm2.table.type[a[1]] !== T.Tuple) throw typeError(vm2, '2nd arg must be a tuple');
      let kw: Map<string, number> | null = null;
      if (a.length === 3 && a[2] !== vm2.s.None) {
        if (vm2.table.type[a[2]] !== T.Dict) throw typeError(vm2, 'optional 3rd arg must be a dictionary');
        kw = dictToMap(vm2, a[2]);
      }
      return fromLong(vm2, threads().startThread(a[0], Array.from(tupleItems(vm2, a[1])), kw));
    });
    const m = staticModule(vm, '_thread', [
      start,
      { ...start, name: 'start_new' },
      allocate,
      { ...allocate, name: 'allocate' },
      def('get_ident', Meth.NoArgs, (vm2) => fromLong(vm2, threads().currentIdent)),
      def('get_native_id', Meth.NoArgs, (vm2) => fromLong(vm2, threads().currentNativeId)),
      def('_count', Meth.NoArgs, (vm2) => fromLong(vm2, threads().count)),
      def('stack_size', Meth.Varargs, (vm2, _s, a) => {
        if (a.length && Number(intValue(vm2, a[0])) !== 0)
          throw new NotSupported('_thread.stack_size() other than the default 8 MiB');
        return fromLong(vm2, 0);
      }),
      // thread__set_sentinel: the lock released when the calling thread's state is deleted (Thread.join
      // waits on it). The thread state holds it only through a weak reference (PyWeakref_NewRef, made
      // here in the new thread; release_sentinel drops it at the thread's end), so the lock lives as
      // long as Thread._tstate_lock: join sets that to None and the lock goes. Held strongly, every
      // thread's sentinel outlived its join and pinned its pool (h12_threads_lock_counts: the lock,
      // made while a worker's split strs filled a fresh arena, kept that arena after the joins).
      def('_set_sentinel', Meth.NoArgs, (vm2) => {
        const h = newLock(vm2, lock.id, LOCK_BYTES);
        threads().addSentinel(lockOf(vm2, h), weakrefNew(vm2, h));
        return h;
      }),
      // threading's excepthook: "Exception in thread NAME:" and the error, on stderr
      def('_excepthook', Meth.Varargs, (vm2, _s, a) => {
        const name = strValue(vm2, a[0]);
        const exc = a[1];
        const text = exceptionText(vm2, exc);
        interpOf(vm2).writeStderr(
          `Exception in thread ${name}:\n${vm2.typeOf(exc).name}${text ? `: ${text}` : ''}\n`,
        );
        return vm2.s.None;
      }),
    ]);
    const attrs = moduleData(vm, m).attrs;
    attrs.set('LockType', lock.typeObject);
    attrs.set('RLock', rlock.typeObject);
    attrs.set('_local', localType(vm).typeObject);
    attrs.set('error', vm.types[E.RuntimeError].typeObject);
    attrs.set('TIMEOUT_MAX', fromDouble(vm, TIMEOUT_MAX));
    return m;
  },
};

function dictToMap(vm: Vm, d: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of dictEntriesOf(vm, d)) out.set(strValue(vm, k), v);
  return out;
}
