import type { Vm } from '../runtime/vm';

/**
 * What a module needs from the process it runs in, beyond the object layer: the C library
 * (ctypes' malloc_trim), the thread's recursion limit (sys), a running frame (sys._getframe).
 * The interpreter (eval/interpreter.ts) provides it as `vm.eval`.
 */
export interface HostServices {
  /** glibc's malloc_trim(pad) in the simulated process: 1 when memory was given back. */
  mallocTrim(pad: number): number;
  readonly recursionLimit: number;
  /** sys.setrecursionlimit (raises as CPython does when the limit is below the current depth). */
  setRecursionLimit(n: number): void;
  /** sys._getframe(depth): a frame object (borrowed), or 0 when the stack is not that deep. */
  frameAt(depth: number): number;
  /** super() with no arguments: the running function's __class__ cell and first argument (borrowed). */
  zeroArgSuper(): { type: number; obj: number };
}

/** The host of a Vm: its interpreter. */
export const hostOf = (vm: Vm): HostServices => vm.eval as unknown as HostServices;
