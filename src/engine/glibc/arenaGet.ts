import type { Kernel } from '../kernel/kernel';
import { Arena } from './arena';
import { HEAP_INFO_SIZE, HeapInfo, MALLOC_STATE_SIZE, type Heaps } from './heap';
import { ChunkState } from './chunkStore';
import type { MallocPar } from './par';
import type { Tcache } from './tcache';

/** NARENAS_FROM_NCORES(n) on 64-bit. */
const narenasFromNcores = (n: number): number => n * 8;

/** One thread as malloc sees it: thread_arena, tcache and tcache_shutting_down (all __thread in glibc). */
export class MallocThread {
  arena: Arena | null = null;
  tcache: Tcache | null = null;
  shuttingDown = false;
  constructor(readonly tid: number) {}
}

/**
 * The arenas of a process and how threads get one (malloc/arena.c): the list from main_arena.next
 * (newest first), narenas, the cap narenas_limit, the free list of arenas whose threads all exited,
 * and reused_arena's round-robin cursor.
 */
export class Arenas {
  readonly main: Arena;
  /** Every arena by index (creation order; main is 0). */
  readonly all: Arena[] = [];
  narenas = 1;
  /** 0 until computed (once narenas passes arena_test, or at once when arena_max is set). */
  private narenasLimit = 0;
  private freeList: Arena | null = null;
  private nextToUse: Arena | null = null;

  constructor(
    readonly kernel: Kernel,
    readonly mp: MallocPar,
    readonly heaps: Heaps,
    /** __get_nprocs_sched(): the CPUs the process may run on. */
    readonly cpus: number,
  ) {
    this.main = new Arena(kernel, mp, heaps, 0);
    this.main.attachedThreads = 1; // main_arena's static initializer: the thread ptmalloc_init runs in
    this.all.push(this.main);
  }

  /**
   * arena_get2(size, avoid_arena): an arena for a thread that has none (or whose arena failed): one
   * from the free list (left by exited threads), else a new one while fewer than narenas_limit
   * exist, else reused_arena.
   */
  arenaGet2(t: MallocThread, size: number): Arena | null {
    let a = this.getFreeList(t);
    if (a !== null) return a;
    if (this.narenasLimit === 0) {
      if (this.mp.arenaMax !== 0) this.narenasLimit = this.mp.arenaMax;
      else if (this.narenas > this.mp.arenaTest)
        this.narenasLimit = narenasFromNcores(this.cpus >= 1 ? this.cpus : 2);
    }
    // (size_t)0 - 1 is the largest number: with no limit yet, a new arena is always made.
    if (this.narenasLimit === 0 || this.narenas <= this.narenasLimit - 1) {
      this.narenas++;
      a = this.newArena(t, size);
      if (a === null) this.narenas--;
      return a;
    }
    return this.reusedArena(t);
  }

  /** get_free_list: the arena an exited thread left, most recent first. */
  private getFreeList(t: MallocThread): Arena | null {
    const a = this.freeList;
    if (a === null) return null;
    this.freeList = a.nextFree;
    a.attachedThreads = 1;
    this.detach(t.arena);
    t.arena = a;
    return a;
  }

  /**
   * reused_arena: the next arena round-robin from the last one handed out (main first), the first
   * whose lock is free. One thread runs at a time here and no lock is held between calls, so the
   * cursor's arena is free (avoid_arena matters only when every lock is taken: never here).
   */
  private reusedArena(t: MallocThread): Arena {
    if (this.nextToUse === null) this.nextToUse = this.main;
    const result = this.nextToUse;
    this.detach(t.arena);
    this.removeFromFreeList(result);
    result.attachedThreads++;
    t.arena = result;
    this.nextToUse = result.next ?? this.main;
    return result;
  }

  /**
   * _int_new_arena(size): a heap big enough for the malloc_state and `size` (plus top_pad), or a
   * minimal one; the malloc_state right after heap_info, top after it (16-byte aligned: heap + 2256).
   */
  private newArena(t: MallocThread, size: number): Arena | null {
    const index = this.all.length;
    const label = `glibc arena ${index} heap 0`;
    const overhead = HEAP_INFO_SIZE + MALLOC_STATE_SIZE + 16;
    const got =
      this.heaps.newHeap(size + overhead, this.mp.topPad, label) ??
      this.heaps.newHeap(overhead, this.mp.topPad, label);
    if (got === null) return null;
    const a = new Arena(this.kernel, this.mp, this.heaps, index);
    const h = new HeapInfo(got.addr, got.size, got.size, a, null);
    this.heaps.register(h);
    h.g0 = a.addHeap(h);
    a.attachedThreads = 1;
    a.systemMem = a.maxSystemMem = h.size;
    // malloc_init_state writes every bin's fd/bk: the malloc_state's bytes become resident.
    this.kernel.touch(h.addr + HEAP_INFO_SIZE, MALLOC_STATE_SIZE);
    // Top at the first 16-byte aligned chunk2mem after the malloc_state.
    let ptr = HEAP_INFO_SIZE + MALLOC_STATE_SIZE;
    if ((ptr + 16) % 16 !== 0) ptr += 16 - ((ptr + 16) % 16);
    const st = a.store;
    const top = st.alloc(h.g0 + ptr / 16, (h.size - ptr) / 16, ChunkState.Top, true);
    st.linkAfter(-1, top);
    a.top = top;
    a.w(top, 8);
    this.all.push(a);
    this.detach(t.arena);
    t.arena = a;
    a.next = this.main.next;
    this.main.next = a;
    return a;
  }

  /** detach_arena: the thread leaves its arena (attached_threads only; it is not put on the free list). */
  private detach(a: Arena | null): void {
    if (a !== null) a.attachedThreads--;
  }

  private removeFromFreeList(a: Arena): void {
    let prev: Arena | null = null;
    for (let p = this.freeList; p !== null; prev = p, p = p.nextFree) {
      if (p !== a) continue;
      if (prev === null) this.freeList = p.nextFree;
      else prev.nextFree = p.nextFree;
      return;
    }
  }

  /** __malloc_arena_thread_freeres, after tcache_thread_shutdown: the arena goes on the free list when its last thread leaves. */
  threadFreeres(t: MallocThread): void {
    const a = t.arena;
    t.arena = null;
    if (a === null) return;
    if (--a.attachedThreads === 0) {
      a.nextFree = this.freeList;
      this.freeList = a;
    }
  }

  /** The arenas in the order malloc_trim and mallinfo2 walk them: main, then main.next onwards. */
  *walk(): Generator<Arena> {
    let a: Arena | null = this.main;
    do {
      yield a;
      a = a.next;
    } while (a !== null);
  }
}
