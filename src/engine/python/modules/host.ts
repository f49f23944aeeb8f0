import type { Vm } from '../runtime/vm';

/**
 * What a module needs from the process it runs in, beyond the object layer: the C library
 * (ctypes' malloc_trim), the thread's recursion limit (sys), a running frame (sys._getframe).
 * The interpreter (eval/interpreter.ts) provides it as `vm.eval`.
 */
export interface HostServices {
  /** glibc's malloc_trim(pad) in the simulated process: 1 when memory was given back. */
  mallocTrim(pad: number): number;
  /** glibc's malloc_stats() text for this process (modules/mallocstats.ts). */
  mallocStats(): string;
  /** Text a C function writes to stderr, shown with the output. */
  writeCStderr(text: string): void;
  readonly recursionLimit: number;
  /** sys.setrecursionlimit (raises as CPython does when the limit is below the current depth). */
  setRecursionLimit(n: number): void;
  /** sys._getframe(depth): a frame object (borrowed), or 0 when the stack is not that deep. */
  frameAt(depth: number): number;
  /** tracemalloc: the innermost `limit` frames' (filename, line) into `out`; returns the stack's depth. */
  tracebackFrames(limit: number, out: [string, number][]): number;
  /** super() with no arguments: the running function's __class__ cell and first argument (borrowed). */
  zeroArgSuper(): { type: number; obj: number };
  /**
   * exec(compile(source, filename, 'exec'), globals, locals): a library module's Python code run to
   * its end in `globals` (a dict, borrowed), as the import runs the module's body; `locals` (borrowed,
   * default the globals) is where its top-level names go (dataclasses' `exec(txt, globals, ns)`).
   */
  execSource(source: string, filename: string, globals: number, locals?: number): void;
}

/** A _thread lock's state (the sem_t behind it): whether some thread holds it. */
export interface LockState {
  locked: boolean;
  /** The holder's ident (RLock; 0: none) and its recursion count, set by whoever takes it. */
  owner: number;
  count: number;
}

/** The threads of the process (eval/threads.ts) as _thread, threading and time reach them. */
export interface ThreadServices {
  readonly currentIdent: number;
  readonly currentNativeId: number;
  /** Threads started and not ended (_thread._count). */
  readonly count: number;
  /** Threads the kernel has (/proc's Threads:), those still exiting after their Python part included. */
  readonly osThreads: number;
  /** PyThreadState_GetDict: the running thread's state dict, made on first use (borrowed). */
  stateDict(): number;
  /** The state dicts of the live threads that have one. */
  stateDicts(): number[];
  /** _thread.start_new_thread: the new thread's ident. */
  startThread(fn: number, args: readonly number[], kwargs: Map<string, number> | null): number;
  /** The current thread waits for `lock` (null: forever): the call's value (see threads.ts). */
  blockOnLock(lock: LockState, timeoutNs: number | null, count: number): boolean;
  release(lock: LockState): void;
  /** The current thread took `lock` (`blocking`: it would have waited): a 3.13 join of an exiting thread. */
  lockTaken(lock: LockState, blocking: boolean): void;
  /** _thread._set_sentinel: `lock` is released when the current thread ends; `ref` is the thread state's weak reference to it (owned). */
  addSentinel(lock: LockState, ref: number): void;
  /** time.sleep. */
  sleep(ns: number): void;
  /** CLOCK_MONOTONIC of the simulated process, in ns. */
  now(): number;
  /** sys.setswitchinterval. */
  setSwitchInterval(seconds: number): void;
  switchIntervalNs: number;
}

/** What only the interpreter can do for a module: threads, a module written in Python. */
export interface InterpreterServices extends HostServices {
  readonly threads: ThreadServices;
  /** Run `source` as the module `name` (its own globals): the module object, a new reference. */
  execSourceModule(name: string, source: string): number;
  /** A module object (borrowed: sys.modules holds it), imported on first use. */
  loadModule(name: string): number;
  /** What the process writes to stderr. */
  writeStderr(text: string): void;
  /** A running frame's co_filename, co_name and line (depth 0: the innermost), or null. */
  frameInfo(depth: number): { filename: string; name: string; line: number; globals: number } | null;
  /** A file's source text (the script's), or null. */
  sourceOf(filename: string): string | null;
  /** The script's module globals (`sys.modules['__main__'].__dict__`), borrowed. */
  readonly globals: number;
  /** The modules loaded so far, by name (the import system's own table). */
  readonly modules: Map<string, number>;
  /** sys.modules as a dict, once a script has read it (0 before: modules/sysmodules.ts). */
  sysModules: number;
}

export const interpOf = (vm: Vm): InterpreterServices => vm.eval as unknown as InterpreterServices;

/** The host of a Vm: its interpreter. */
export const hostOf = (vm: Vm): HostServices => vm.eval as unknown as HostServices;
