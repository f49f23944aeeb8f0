import { dictNew } from '../objects/dict';
import { weakData } from '../objects/weaklist';
import type { Clock } from '../../kernel/clock';
import type { Kernel } from '../../kernel/kernel';
import type { Libc } from '../../libc/libc';
import { NotSupported, PyError } from '../errors';
import type { ThreadServices, LockState } from '../modules/host';
import { ThreadState as ExcState } from '../runtime/threadstate';
import { DataStack, DATA_STACK_CHUNK_SIZE } from '../runtime/datastack';
import { callFromCFrame, clearAndPop, isStop } from './calls';
import type { Frame } from './frame';
import type { Interpreter } from './interpreter';
import { evalFrame, PAUSED } from './loop';
import { EVAL_C_STACK_UNITS, ThreadState } from './thread';
import {
  MAIN_IDENT,
  MAIN_NATIVE_ID,
  PyThread,
  SWITCH_INTERVAL_NS,
  THREAD_EXIT_NS,
  THREAD_START_NS,
  type Wait,
} from './pythread';
import { MIN_TICK_NS } from './opcosts';
import { ThreadCosts, type ThreadMemory } from './threadCosts';
import { endWait, waitCanEnd } from './threadWaits';

/**
 * Python threads on the simulated process: one runs at a time (the GIL), as CPython 3.11's
 * ceval_gil.h hands it over. Everything is deterministic (simulated time, the condvar's order):
 *
 * - A thread runs until it blocks (lock.acquire, time.sleep, join, Event.wait and Queue.get all
 *   end in lock.acquire or sleep) or until another thread has waited for the GIL for the switch
 *   interval (5 ms, sys.setswitchinterval) with no switch meanwhile: take_gil's timed wait sets
 *   gil_drop_request, the running thread drops the GIL at its next eval-breaker check (RESUME,
 *   a backward jump) and the condvar's front waiter takes it (expireGilWaits).
 * - Releasing a lock does not drop the GIL: the woken waiter queues for it.
 * - Time: the clock advances by each instruction's CPU (opcosts.ts: 0.4 ns for a LOAD_FAST to
 *   ~11 for a store into a big dict, measured on CPython 3.11.7 here) and each C loop item's, by
 *   time.sleep, and by the allocators' own call costs (kernel/clock.ts).
 * - When every thread is blocked the clock jumps to the earliest deadline (a sleep, a timeout).
 *   With no deadline the real process would hang: the run stops with a message instead.
 *
 * A thread can hand over only from its own loop (its frames stay as they are, as a generator's
 * at a yield). A thread that blocks inside a call from C code (a generator's body run by
 * for, a __exit__ written in Python) keeps its JS stack: the other threads then run nested
 * inside its wait until it can go on (never the main thread there; if only the main thread
 * could unblock it, the run stops with "not supported").
 *
 * pythread.ts holds a thread's state and the clock's constants, threadWaits.ts how a wait ends.
 */
export interface ThreadsHost {
  kernel: Kernel;
  libc: Libc;
  clock: Clock;
}

export class Threads implements ThreadServices {
  readonly main: PyThread;
  current: PyThread;
  readonly all: PyThread[] = [];
  private readonly ready: PyThread[] = [];
  private nextTid = 1;
  /** The thread that has the GIL took it at (simulated ns). */
  private sliceStart = 0;
  /** Breaker ticks of the slice not yet charged to the clock. */
  private chargedSpan: number;
  switchIntervalNs = SWITCH_INTERVAL_NS;
  readonly costs: ThreadCosts;

  constructor(
    private readonly it: Interpreter,
    readonly host: ThreadsHost,
    private readonly breakerInterval: number,
  ) {
    this.main = new PyThread(MAIN_IDENT, MAIN_NATIVE_ID, 0, it.thread, it.vm.thread);
    this.main.started = true;
    this.current = this.main;
    this.all.push(this.main);
    this.chargedSpan = breakerInterval;
    this.costs = new ThreadCosts(host.kernel, it.vm, host.libc);
    this.lastChargeAt = host.clock.now();
  }

  get clock(): Clock {
    return this.host.clock;
  }

  // ---- the GIL ------------------------------------------------------------------------------

  /** eval_frame_handle_pending: charge the ticks run, and drop the GIL if a waiter asked long enough. */
  onBreaker(): void {
    const it = this.it;
    this.charge();
    if (this.exiting.length > 0) this.settleExits();
    // a sleep that ended, a lock that came free: that thread now asks for the GIL
    if (this.all.length > 1) this.wakeWaiters();
    let next = this.breakerInterval;
    if (this.ready.length > 0) {
      const now = this.clock.now();
      this.expireGilWaits(now, true);
      const due = this.ready[0].readySince + this.heldIntervalNs();
      if (this.dropRequest && this.canYield()) {
        it.yielding = true;
        this.requeue = true;
      } else {
        // check again about when it is due, at the pace the loop has just run: the clock's own
        // advance over the span (ticks, page faults, the C work of the statements, allocator
        // calls, all scaled to wall time) per tick, the span at most 4 times the one measured (a
        // thread's first span, its bootstrap, is no guide to its loop). Ticks alone (35 ns) put
        // the next check 16,384 ticks out where a tick is a 0.3 µs loop body: the holder ran
        // ~6 ms of CPU before the main thread's 5 ms request took effect whatever the machine's
        // load (h12_threads_build_then_drop: 16,434 iterations at wallPerCpu 1 and at 44)
        const span = Math.max(1, this.chargedSpan);
        const nsPerTick = Math.max(MIN_TICK_NS * this.clock.wallPerCpu, this.lastChargeNs / span);
        next = Math.max(64, Math.min(next, 4 * span, Math.ceil((due - now) / nsPerTick)));
      }
    }
    it.breaker = next;
    this.chargedSpan = next;
  }

  /**
   * The clock moves by the instructions run since the last charge (opcosts.ts: Interpreter.opNs;
   * the page faults moved it as they happened: Kernel.onWork, kernel/costs.ts); lastChargeNs paces
   * the next breaker check and counts both.
   */
  private charge(): void {
    this.it.vm.mem.spend(0); // the reference counting done since the last charge (runtime/cwork.ts)
    const ns = this.it.opNs;
    this.it.opNs = 0;
    this.clock.advance(ns);
    const now = this.clock.now();
    this.lastChargeNs = now - this.lastChargeAt;
    this.lastChargeAt = now;
  }
  /** The clock at the last charge: what moved it since (faults, C work, calls) is the loop's pace. */
  private lastChargeAt = 0;
  private lastChargeNs = 0;

  /** Simulated time, with the work done since the last breaker check. */
  now(): number {
    const it = this.it;
    this.charge();
    this.chargedSpan = it.breaker;
    return this.clock.now();
  }

  /** The running thread may hand over here: no call from C code between its loop and now. */
  private canYield(): boolean {
    let entries = 0;
    for (let f = this.it.thread.current; f; f = f.previous) if (f.isEntry) entries++;
    return entries === 1;
  }

  /** A replay may pause here (Interpreter.pauseHere): the main thread runs, from its own loop. */
  mayPause(): boolean {
    return this.current === this.main && this.canYield();
  }

  /** The current thread hands over at the GIL (a switch, not a wait): it goes to the back. */
  private requeue = false;
  /** gil->switch_number: every take of the GIL counts. */
  private switches = 0;
  /** gil_drop_request: a waiter's timed wait ran out with no switch during it. */
  private dropRequest = false;
  /** When the pending gil_drop_request was set (the deadline of the wait that set it). */
  private requestAt = 0;

  /**
   * take_gil's timed waits (ceval_gil.h, 3.11): each waiter waits on the condvar for the switch
   * interval; when its wait runs out and no switch happened during it, it sets gil_drop_request;
   * either way it waits again, entering the condvar anew: the back of the queue drop_gil's signal
   * wakes from the front. So a busy thread that keeps being handed the GIL by others' requests
   * restarts the main thread's interval each time (measured: the main thread of threads_worker_pool
   * got the GIL back 11 to 80 ms after each start, not 5). `ready` is that condvar queue, oldest
   * (re)entry first; readySince is when the waiter's current wait began.
   *
   * The timeouts run in the order of their deadlines, up to `now`. But the real holder checks its
   * eval breaker every few hundred ns in a Python loop, so it drops the GIL right after the first
   * wait that sets gil_drop_request, before the later deadlines: `holderChecks` (a breaker check)
   * stops there, and pick() after that drop expires waits only up to when it was requested
   * (requestAt). A waiter whose deadline the simulated check passed late is still in its first
   * wait when the drop's signal comes: it is the front (the main thread woken by a started
   * thread's `_started` event, 4 µs behind a worker that was switched out: with all timeouts run
   * at once it lost every turn to that worker, and a start loop overlapped two workers at most;
   * real runs overlap up to four).
   */
  private expireGilWaits(now: number, holderChecks = false): void {
    const interval = this.heldIntervalNs();
    while (this.ready.length > 0 && this.ready[0].readySince + interval <= now) {
      const t = this.ready.shift()!;
      const request = t.armedSwitch === this.switches && !this.dropRequest;
      if (request) this.requestAt = t.readySince + interval;
      if (t.armedSwitch === this.switches) this.dropRequest = true;
      t.readySince += interval;
      t.armedSwitch = this.switches;
      this.ready.push(t);
      if (request && holderChecks) break;
    }
  }

  /**
   * The switch interval on the clock: 5 ms of the holder's real CPU, not of wall time. On a loaded
   * machine the waiter's timed wait ends after 5 ms of wall time, but it sets gil_drop_request only
   * once it gets a CPU again, and meanwhile the holder runs its scheduler slices: measured here
   * (tools/threads/handover_cpu.py: a worker building h12's lists, the main thread in `t.start()`, 3.11.7, 12 runs
   * at load 30, the process at 2-29 wall per CPU second) the worker had 2-26 ms of CPU, median 4.6,
   * when `start()` returned; on an idle machine 5 ms of wall is 5 ms of CPU. The clock runs at
   * wallPerCpu per modelled CPU ns, the holder's real CPU at cpuPerModelCpu.
   */
  private heldIntervalNs(): number {
    const c = this.clock;
    // wallPerCpu / cpuPerModelCpu is exactly 1 where the two are equal (recordings without CPU columns)
    return this.switchIntervalNs * (c.wallPerCpu / c.cpuPerModelCpu);
  }

  private switchTo(th: PyThread): void {
    const it = this.it;
    if (th !== this.current) {
      this.switches++;
      this.dropRequest = false;
      // FORCE_SWITCHING: the thread that dropped the GIL waits for this switch before it queues
      for (const t of this.ready) if (t.armedSwitch < 0) t.armedSwitch = this.switches;
    }
    this.current = th;
    it.thread = th.ts;
    it.vm.thread = th.exc;
    this.host.libc.setThread(th.tid);
    this.sliceStart = this.clock.now();
    this.lastChargeAt = this.sliceStart;
    void this.sliceStart;
  }

  // ---- running ------------------------------------------------------------------------------

  /**
   * Run the main thread's module frame to its next step marker (PAUSED) or its end (its value),
   * the other threads in between as the GIL passes.
   */
  runMain(frame: Frame): number {
    const main = this.main;
    if (this.current !== main) this.switchTo(main);
    let r = this.slice(main, frame);
    for (;;) {
      if (r !== YIELDED) {
        // a step's end (not a replay's pause at an event: the run goes on from there unchanged)
        if (!this.it.eventPaused) this.settleExits(true);
        return r;
      }
      const next = this.pick(null, true);
      this.switchTo(next);
      r = this.slice(next, null);
      if (next !== main) {
        if (r !== YIELDED) this.finish(next, r);
        r = YIELDED;
      }
    }
  }

  /**
   * One turn of `th` until it hands over (YIELDED), reaches a step marker / ends (main: the
   * loop's value), or ends (another thread).
   */
  private slice(th: PyThread, moduleFrame: Frame | null): number {
    const it = this.it;
    it.yielding = false;
    let r: number;
    try {
      if (th === this.main && th.resume === null) r = evalFrame(it, moduleFrame!);
      else if (!th.started) r = this.begin(th);
      else {
        const f = th.resume!;
        th.resume = null;
        r = evalFrame(it, f, null, true);
      }
    } catch (e) {
      if (th === this.main || isStop(e)) throw e;
      this.uncaught(th, e as PyError);
      return 0;
    }
    if (it.yielding) {
      it.yielding = false;
      th.resume = th.ts.current;
      // a replay's pause: the main thread stops where it is, nobody else runs until it resumes
      if (it.eventPaused) return PAUSED;
      if (this.requeue || th.wait === null) this.enqueue(th);
      this.requeue = false;
      return YIELDED;
    }
    return r;
  }

  /** t_bootstrap: the thread's first frame runs (its value dropped), or a C callable is called. */
  private begin(th: PyThread): number {
    const it = this.it;
    th.started = true;
    if (th.startCall) {
      const { fn, args } = th.startCall;
      th.startCall = null;
      const v = it.callObject(fn, args);
      it.vm.decref(v);
      return 0;
    }
    return evalFrame(it, th.base!);
  }

  /** The thread's function raised: threading's excepthook prints it (stderr), the thread ends. */
  private uncaught(th: PyThread, e: PyError): void {
    this.it.writeUnraisable(e, `Exception in thread started by ${th.ident}:`);
  }

  /** The thread's base frame returned: PyThreadState_Clear, the sentinel locks, glibc's exit path. */
  private finish(th: PyThread, value: number): void {
    const it = this.it;
    if (value > 0) it.vm.decref(value);
    const f = th.base;
    th.base = null;
    if (f !== null && f.chunk >= 0) clearAndPop(it, f);
    th.done = true;
    // PyThreadState_Clear: Py_CLEAR(tstate->dict) (a threading.local's per-thread dicts go with it)
    const dict = th.dict;
    th.dict = 0;
    if (dict) it.vm.decref(dict);
    // release_sentinel (tstate_delete_common, the GIL still held): the lock, if its weak reference
    // still reaches it, is released; then the weak reference goes (Py_DECREF(wr))
    const sentinels = [...th.sentinels];
    th.sentinels.forEach((lock, k) => {
      const ref = th.sentinelRefs[k];
      if (weakData(it.vm, ref).referent !== 0) this.release(lock);
      it.vm.decref(ref);
    });
    th.sentinels.length = 0;
    th.sentinelRefs.length = 0;
    this.costs.threadEnds(th.memory!);
    // _PyThreadState_DeleteCurrent drops the GIL here; the OS thread's exit runs on without it
    // (now(): the ticks the thread ran since the last breaker check are its own, charged first)
    const joinable = this.it.vm.py.threadJoin === 'pthread_join';
    this.exiting.push({
      tid: th.tid,
      memory: th.memory!,
      at: this.now() + THREAD_EXIT_NS,
      joinedBy: joinable ? sentinels : [],
    });
  }

  /**
   * A thread took `lock` waiting for it (`blocking`). On a version whose join is pthread_join
   * (3.13's ThreadHandle_join), taking an exiting thread's sentinel is that join: it returns only
   * once the OS thread has exited (the kernel cleared its tid), so that exit runs now, the clock
   * moved to when it ends if it was still due.
   */
  lockTaken(lock: LockState, blocking: boolean): void {
    if (!blocking) return;
    const i = this.exiting.findIndex((e) => e.joinedBy.includes(lock));
    if (i >= 0) {
      const [e] = this.exiting.splice(i, 1);
      const now = this.now();
      if (e.at > now) this.clock.sleep(e.at - now);
      this.exitOs(e);
    }
    const j = this.unjoined.findIndex((e) => e.joinedBy.includes(lock));
    if (j >= 0) this.costs.stackCached(this.unjoined.splice(j, 1)[0].memory);
  }

  /**
   * The OS thread's exit: __libc_thread_freeres (the tcache flushed, the arena to the free list),
   * advise_stack_range, and for a detached thread queue_stack; a joinable one (3.13) keeps its
   * stack out of the cache until pthread_join (lockTaken).
   */
  private exitOs(e: ExitingThread): void {
    this.host.libc.threadExit(e.tid);
    if (e.joinedBy.length === 0) {
      this.costs.stackReleased(e.memory);
      return;
    }
    this.costs.stackTrimmed(e.memory);
    this.unjoined.push(e);
  }

  /** Joinable threads (3.13) that have exited and not been joined: their stacks are not reusable. */
  private readonly unjoined: ExitingThread[] = [];

  /**
   * OS threads past their Python part (the GIL dropped, `t.join()` may have returned) whose exit
   * has not run yet: pthread_exit's unwinding, __libc_thread_freeres (tcache_thread_shutdown, the
   * arena to the free list), advise_stack_range, queue_stack, and the kernel clearing the tid
   * (CLONE_CHILD_CLEARTID) that lets get_cached_stack take the stack (FREE_P). Oldest first.
   */
  private readonly exiting: ExitingThread[] = [];

  /**
   * The exits due by now run, in the order the threads ended. `all`: every pending one (a step's
   * reading: the recorder's /proc and mallinfo reads take longer than THREAD_EXIT_NS).
   */
  settleExits(all = false): void {
    const now = this.clock.now();
    while (this.exiting.length > 0 && (all || this.exiting[0].at <= now)) {
      this.exitOs(this.exiting.shift()!);
    }
  }

  /** Threads the kernel still has (/proc's Threads:): the live ones and those still exiting. */
  get osThreads(): number {
    return 1 + this.count + this.exiting.length;
  }

  /** PyThreadState_GetDict: the running thread's state dict, made on first use (borrowed). */
  stateDict(): number {
    const th = this.current;
    if (th.dict === 0) th.dict = dictNew(this.it.vm);
    return th.dict;
  }

  /** The state dicts of the threads alive (local_clear walks every thread state). */
  stateDicts(): number[] {
    return this.all.filter((th) => !th.done && th.dict !== 0).map((th) => th.dict);
  }

  private enqueue(th: PyThread): void {
    th.readySince = this.now();
    th.armedSwitch = this.requeue && th === this.current ? -1 : this.switches;
    this.ready.push(th);
    // the running thread checks soon when the switch is due (onBreaker then paces the checks)
    if (this.it.breaker > 64) {
      this.it.breaker = 64;
      this.chargedSpan = 64;
    }
  }

  /**
   * The next thread to take the GIL: the one waiting longest, after the waits that ended are
   * woken. `nested`: the thread whose wait runs the others (never the main thread then).
   */
  private pick(nested: PyThread | null, allowMain: boolean): PyThread {
    for (;;) {
      if (nested !== null && this.satisfied(nested)) return nested;
      this.wakeWaiters();
      const now = this.clock.now();
      this.expireGilWaits(this.dropRequest ? Math.min(now, this.requestAt) : now);
      for (let i = 0; i < this.ready.length; i++) {
        const t = this.ready[i];
        if (t.onStack || (!allowMain && t === this.main)) continue;
        this.ready.splice(i--, 1);
        // woken, but another thread took the lock first: still waiting
        if (t.wait !== null && !this.satisfied(t)) continue;
        return t;
      }
      // nobody can run: time passes to the earliest deadline
      let deadline = Infinity;
      for (const t of this.all)
        if (!t.done && t.wait !== null && t.wait.deadline !== null)
          deadline = Math.min(deadline, t.wait.deadline);
      if (deadline === Infinity) throw this.deadlock(nested);
      if (deadline > now) this.clock.sleep(deadline - now);
      this.settleExits();
    }
  }

  private deadlock(nested: PyThread | null): NotSupported {
    const blocked = this.all.filter((t) => !t.done && t.wait !== null).length;
    return new NotSupported(
      nested !== null && nested !== this.main
        ? 'a thread waiting inside a call from C code (a generator, a method called by `with`) for the main thread'
        : `every thread is blocked (${blocked} waiting, none can go on): the real process would hang here`,
    );
  }

  /** Threads whose wait can end now go to the ready queue (their lock is free, or time is up). */
  private wakeWaiters(): void {
    for (const t of this.all) {
      if (t.done || t.wait === null || t.onStack || this.ready.includes(t)) continue;
      if (this.satisfiable(t.wait)) this.enqueue(t);
    }
  }

  private satisfiable(w: Wait): boolean {
    return waitCanEnd(w, this.clock.now());
  }

  /** Ends `th`'s wait if it can: takes the lock, or times out. Sets the call's value. */
  private satisfied(th: PyThread): boolean {
    const w = th.wait;
    if (!endWait(th, this.clock.now(), this.it.vm)) return false;
    if (w !== null && w.kind === 'lock' && th.got) this.lockTaken(w.lock, true);
    return true;
  }

  // ---- ThreadServices (the _thread and time modules) ---------------------------------------

  get currentIdent(): number {
    return this.current.ident;
  }
  get currentNativeId(): number {
    return this.current.nativeId;
  }
  get count(): number {
    return this.all.filter((t) => t !== this.main && !t.done).length;
  }

  /** _thread.start_new_thread: the thread's costs in the caller, then it waits for the GIL. */
  startThread(fn: number, args: readonly number[], kwargs: Map<string, number> | null): number {
    const it = this.it;
    const tid = this.nextTid++;
    this.now();
    // allocate_stack → get_cached_stack sees only the stacks of threads that have fully exited
    this.settleExits();
    const mem = this.costs.threadCreated(tid, this.current.tid);
    this.clock.advance(THREAD_START_NS);
    const ds = new DataStack(this.host.kernel, {
      addr: mem.dataStack,
      size: DATA_STACK_CHUNK_SIZE,
      used: 24,
    });
    const exc = new ExcState();
    exc.excInfo.push(0);
    const ts = new ThreadState(it.vm, ds);
    ts.depth = 0;
    // new_threadstate: recursion_limit from interp->ceval.recursion_limit (sys.setrecursionlimit)
    ts.recursionLimit = it.thread.recursionLimit;
    // t_bootstrap calls the function from C: one loop entry on the C counter (3.12+)
    ts.cDepth = ts.cLimit === 0 ? 0 : EVAL_C_STACK_UNITS;
    const th = new PyThread(mem.ident, MAIN_NATIVE_ID + tid, tid, ts, exc);
    th.memory = mem;
    // the frame is made on the new thread's data stack
    const saved = it.thread;
    it.thread = ts;
    try {
      const f = callFromCFrame(it, fn, args, kwargs);
      if (f === null) {
        it.vm.incref(fn);
        for (const a of args) it.vm.incref(a);
        th.startCall = { fn, args: [...args] };
      } else th.base = f;
    } finally {
      it.thread = saved;
    }
    this.all.push(th);
    this.enqueue(th);
    return th.ident;
  }

  addSentinel(lock: LockState, ref: number): void {
    this.current.sentinels.push(lock);
    this.current.sentinelRefs.push(ref);
  }

  /**
   * lock.acquire(blocking, timeout) that must wait: the current thread blocks. Returns the value
   * the call gives now (True: replaced by False if the wait times out), or, for a wait that keeps
   * its JS stack, the real outcome.
   */
  blockOnLock(lock: LockState, timeoutNs: number | null, count: number): boolean {
    const now = this.now();
    const deadline = timeoutNs === null ? null : now + timeoutNs;
    return this.block({ kind: 'lock', lock, deadline, count });
  }

  /** time.sleep: other threads run meanwhile; alone, time just passes. */
  sleep(ns: number): void {
    if (this.all.length === 1 || this.all.every((t) => t === this.current || t.done)) {
      this.now();
      this.clock.sleep(ns);
      this.settleExits();
      return;
    }
    const now = this.now();
    this.block({ kind: 'sleep', deadline: now + ns });
  }

  private block(w: Wait): boolean {
    const it = this.it;
    const th = this.current;
    th.wait = w;
    if (this.canYield()) {
      it.yielding = true;
      return true;
    }
    return this.blockNested(th);
  }

  /** A wait inside a call from C: the others run nested here until it can go on. */
  private blockNested(th: PyThread): boolean {
    th.onStack = true;
    try {
      while (!this.satisfied(th)) {
        const next = this.pick(th, false);
        if (next === th) break;
        this.switchTo(next);
        const r = this.slice(next, null);
        if (r !== YIELDED) this.finish(next, r);
      }
    } finally {
      th.onStack = false;
      this.switchTo(th);
    }
    return th.got;
  }

  /** The lock is free: a thread waiting on it wakes and asks for the GIL (the releaser keeps it). */
  release(lock: LockState): void {
    lock.locked = false;
    if (this.all.length > 1) this.wakeWaiters();
  }

  setSwitchInterval(seconds: number): void {
    this.switchIntervalNs = Math.round(seconds * 1e9);
  }
}

/** A thread past its Python part; `joinedBy`: its sentinel locks when its join is pthread_join (3.13). */
interface ExitingThread {
  tid: number;
  memory: ThreadMemory;
  at: number;
  joinedBy: LockState[];
}

/** What slice() returns when the thread handed over. */
const YIELDED = -2;
void PAUSED;
