import type { Kernel } from '../../kernel/kernel';
import type { Libc } from '../../libc/libc';
import { memoryError } from '../errors';
import { DATA_STACK_CHUNK_SIZE } from '../runtime/datastack';
import type { Vm } from '../runtime/vm';

/**
 * What a Python thread costs the process, beyond what its Python code allocates (CPython 3.11
 * Modules/_threadmodule.c and Python/pystate.c, glibc 2.36 nptl/allocatestack.c):
 *
 * - in the creating thread: the bootstate (PyMem_Malloc(48): pymalloc), the new PyThreadState
 *   (_PyThreadState_Prealloc → PyMem_RawCalloc(1, 360): sizeof(PyThreadState) on 3.11.7 here,
 *   in the creator's glibc arena), and pthread_create's stack: a cached one when glibc has one
 *   big enough (get_cached_stack), else mmap(8 MiB + 4 KiB guard, PROT_NONE) with all but the
 *   guard page mprotected read-write, plus the new DTV (_dl_allocate_tls: calloc(16, 16) in the
 *   creator: ld.so's 2 TLS modules + DTV_SURPLUS 14);
 * - in the new thread: its first data-stack chunk (16 KiB, mmap'd by _PyObject_VirtualAlloc),
 *   and its stack pages. Measured here: a thread's stack holds 8 KiB resident while it runs
 *   (the struct pthread + TLS page and the C frames' page), and still 8 KiB once cached;
 *   pthread_self() is 2,368 bytes below the stack's top.
 * - at exit: PyThreadState_Clear unmaps the data stack, the thread state and the bootstate are
 *   freed (from the exiting thread: into its tcache, which tcache_thread_shutdown then flushes),
 *   advise_stack_range drops the stack below sp − 16 KiB (MADV_DONTNEED), and the stack goes to
 *   glibc's stack cache; past 40 MiB of cached stacks the oldest are unmapped (free_stacks), their
 *   DTV freed. threads.ts calls stackReleased when the OS thread has exited, THREAD_EXIT_NS after
 *   its Python part (the GIL dropped): a thread started before that gets a stack of its own.
 */
const BOOTSTATE_BYTES = 48;
const THREADSTATE_BYTES = 360;
/** pythread_callback: a function pointer and its argument. */
const PYTHREAD_CALLBACK_BYTES = 16;
const STACK_BYTES = 8 * 1024 * 1024;
const GUARD_BYTES = 4096;
const STACK_RESIDENT_BYTES = 8192;
const IDENT_BELOW_TOP = 2368;
const DTV_COUNT = 16;
const DTV_ENTRY = 16;
const STACK_CACHE_MAX = 40 * 1024 * 1024;
/** advise_stack_range keeps PTHREAD_STACK_MIN below sp. */
const PTHREAD_STACK_MIN = 16384;

interface ThreadStack {
  addr: number;
  size: number;
  dtv: number;
  inUse: boolean;
}

export interface ThreadMemory {
  /** pthread_self(): the thread's struct pthread, near its stack's top. */
  ident: number;
  stack: ThreadStack;
  dataStack: number;
  tstate: number;
  boot: number;
}

export class ThreadCosts {
  /** glibc's stack_cache, most recently used first. */
  private readonly cache: ThreadStack[] = [];
  private cachedBytes = 0;

  constructor(
    private readonly kernel: Kernel,
    private readonly vm: Vm,
    private readonly libc: Libc,
  ) {}

  /**
   * thread_PyThread_start_new_thread up to pthread_create's return, in the creating thread
   * (`creatorTid`), then the new OS thread's first C-library call (`tid`), which it makes at once,
   * before it waits for the GIL: pythread_wrapper's PyMem_RawFree of the 16-byte pythread_callback
   * that do_start_joinable_thread malloc'd for it. That free runs MAYBE_INIT_TCACHE, so the thread
   * takes its glibc arena (arena_get2: one on the free list, else a new one) when it starts, not
   * when it first gets the GIL: a thread started while others run gets an arena of its own even if
   * one of them ends before it runs any Python code.
   */
  threadCreated(tid: number, creatorTid: number): ThreadMemory {
    const mem = this.vm.mem;
    const boot = mem.malloc(BOOTSTATE_BYTES);
    if (boot === 0) throw memoryError();
    mem.touch(boot, BOOTSTATE_BYTES);
    const tstate = mem.pymalloc.rawCalloc(1, THREADSTATE_BYTES);
    if (tstate === 0) throw memoryError();
    mem.touch(tstate, THREADSTATE_BYTES);
    const callback = mem.rawMalloc(PYTHREAD_CALLBACK_BYTES);
    if (callback === 0) throw memoryError();
    mem.touch(callback, PYTHREAD_CALLBACK_BYTES);
    const stack = this.cachedStack() ?? this.newStack();
    const top = stack.addr + stack.size;
    // the struct pthread and TLS page, then the page the thread's C frames use
    this.kernel.touch(top - STACK_RESIDENT_BYTES, STACK_RESIDENT_BYTES);
    const dataStack = this.kernel.mmap(DATA_STACK_CHUNK_SIZE, 'interpreter', 'thread data stack');
    if (dataStack < 0) throw memoryError();
    this.kernel.touch(dataStack, 24);
    // pythread_wrapper in the new thread
    this.libc.setThread(tid);
    mem.rawFree(callback);
    this.libc.setThread(creatorTid);
    return { ident: top - IDENT_BELOW_TOP, stack, dataStack, tstate, boot };
  }

  /** allocate_stack: the best-fitting unused cached stack (get_cached_stack). */
  private cachedStack(): ThreadStack | null {
    let best: ThreadStack | null = null;
    for (const s of this.cache)
      if (!s.inUse && s.size >= STACK_BYTES + GUARD_BYTES && (!best || s.size < best.size)) best = s;
    if (best === null) return null;
    best.inUse = true;
    this.cache.splice(this.cache.indexOf(best), 1);
    this.cachedBytes -= best.size;
    return best;
  }

  private newStack(): ThreadStack {
    const size = STACK_BYTES + GUARD_BYTES;
    const addr = this.kernel.mmap(size, 'thread stack', 'pthread stack', { prot: 'none' });
    if (addr < 0) throw memoryError();
    this.kernel.mprotect(addr + GUARD_BYTES, STACK_BYTES, 'rw');
    const dtv = this.libc.calloc(DTV_COUNT, DTV_ENTRY);
    if (dtv !== 0) this.kernel.touch(dtv, DTV_COUNT * DTV_ENTRY);
    return { addr, size, dtv, inUse: true };
  }

  /** PyThreadState_Clear and the frees at the end of t_bootstrap, in the exiting thread. */
  threadEnds(m: ThreadMemory): void {
    const mem = this.vm.mem;
    this.kernel.munmap(m.dataStack, DATA_STACK_CHUNK_SIZE);
    mem.rawFree(m.tstate);
    mem.free(m.boot);
  }

  /** After glibc's exit path (tcache and arena released): the stack trimmed and cached. */
  stackReleased(m: ThreadMemory): void {
    this.stackTrimmed(m);
    this.stackCached(m);
  }

  /** start_thread's advise_stack_range, in the exiting thread, joinable or detached. */
  stackTrimmed(m: ThreadMemory): void {
    const s = m.stack;
    const top = s.addr + s.size;
    const keepFrom = top - STACK_RESIDENT_BYTES - PTHREAD_STACK_MIN;
    if (keepFrom > s.addr + GUARD_BYTES)
      this.kernel.madviseDontneed(s.addr + GUARD_BYTES, keepFrom - s.addr - GUARD_BYTES);
  }

  /**
   * __nptl_free_tcb → queue_stack: by the exiting thread itself when it is detached, by
   * pthread_join for a joinable one (3.13): until then no new thread can take the stack.
   */
  stackCached(m: ThreadMemory): void {
    const s = m.stack;
    s.inUse = false;
    this.cache.unshift(s);
    this.cachedBytes += s.size;
    // queue_stack → free_stacks(stack_cache_maxsize): the oldest unused ones go
    for (let i = this.cache.length - 1; i >= 0 && this.cachedBytes > STACK_CACHE_MAX; i--) {
      const old = this.cache[i];
      if (old.inUse) continue;
      this.cache.splice(i, 1);
      this.cachedBytes -= old.size;
      if (old.dtv !== 0) this.libc.free(old.dtv);
      this.kernel.munmap(old.addr, old.size);
    }
  }
}
