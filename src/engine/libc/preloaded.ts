import { EventKind, type EventSink } from '../trace/events';
import type { Mallinfo2 } from './libc';

/** What an LD_PRELOADed allocator's own class implements: the C API calls that replace glibc's. */
export interface PreloadedCore {
  malloc(n: number): number;
  calloc(nmemb: number, size: number): number;
  realloc(p: number, n: number): number;
  free(p: number): void;
  trim(pad: number): number;
}

// TypeScript's mixin rule: a mixin's base must be constructible with any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/**
 * glibc's mallinfo2() in a process whose malloc is another library's: glibc's main arena was never
 * used (jemalloc and mimalloc export no mallinfo2), so the recorder's ctypes call reads an empty arena.
 */
export const UNTOUCHED_GLIBC_MALLINFO2: Readonly<Mallinfo2> = Object.freeze({
  arena: 0,
  ordblks: 1,
  smblks: 0,
  hblks: 0,
  hblkhd: 0,
  usmblks: 0,
  fsmblks: 0,
  uordblks: 0,
  fordblks: 0,
  keepcost: 0,
});

/**
 * The part of the C-library seam every preloaded allocator shares (jemalloc/model.ts and
 * mimalloc/model.ts extend it): each call reported to the event sink; `trim` is what `malloc_trim(0)`
 * does in such a process (neither library exports malloc_trim, so glibc's own runs on its empty heap,
 * releases nothing and returns 0: measured under CPython 3.11 with ctypes), while the library's own
 * "give memory back" stays reachable as `purge()` (jemalloc's arena.<all>.purge, mimalloc's
 * mi_collect(true), which their classes implement as `trim`).
 */
export function Preloaded<TBase extends Constructor<PreloadedCore>>(Base: TBase) {
  return class PreloadedLibc extends Base {
    sink: EventSink | null = null;

    override malloc(n: number): number {
      const p = super.malloc(n);
      if (this.sink) this.sink.record(EventKind.Malloc, p, n, 0);
      return p;
    }
    override calloc(nmemb: number, size: number): number {
      const p = super.calloc(nmemb, size);
      if (this.sink) this.sink.record(EventKind.Calloc, p, nmemb * size, 0);
      return p;
    }
    override realloc(p: number, n: number): number {
      const q = super.realloc(p, n);
      if (this.sink) this.sink.record(EventKind.Realloc, q, n, p);
      return q;
    }
    override free(p: number): void {
      super.free(p);
      if (this.sink) this.sink.record(EventKind.Free, p, 0, 0);
    }
    override trim(pad: number): number {
      if (this.sink) this.sink.record(EventKind.MallocTrim, 0, pad, 0);
      return 0;
    }
    /** The library's own purge (its class's `trim`). */
    purge(): number {
      return super.trim(0);
    }
    mallinfo2(): Mallinfo2 {
      return { ...UNTOUCHED_GLIBC_MALLINFO2 };
    }
  };
}
