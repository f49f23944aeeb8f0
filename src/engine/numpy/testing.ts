import { PythonProcess } from '../python/process';
import { EventKind } from '../trace/events';
import { installNumpy } from './install';
import type { NumpyRuntime } from './module';

/**
 * A Debian 3.11.2 process that has run `import numpy as np` (for tests and benchmarks); `sizes`
 * learns the request size of every block the import allocated (for glibcCalls).
 */
export function numpyProcess(sizes = new Map<number, number>()): { p: PythonProcess; np: NumpyRuntime } {
  const p = new PythonProcess({ profile: 'debian-3.11.2' });
  p.load('import numpy as np\n');
  const h = installNumpy(p);
  glibcCalls(p, () => p.runStatement(0), sizes);
  return { p, np: h.runtime! };
}

/**
 * The glibc calls made while `fn` runs, as m<request> c<bytes> r<old>><new> f<request> (the
 * shape of the fixtures' *.glibc.json, recorded under tools/native/alloc_shim.c).
 */
export function glibcCalls(p: PythonProcess, fn: () => void, sizes = new Map<number, number>()): string[] {
  const seq: string[] = [];
  const prev = p.libc.sink;
  p.libc.sink = {
    record(kind, addr, size, aux) {
      if (kind === EventKind.Malloc) {
        sizes.set(addr, size);
        seq.push(`m${size}`);
      } else if (kind === EventKind.Calloc) {
        sizes.set(addr, size);
        seq.push(`c${size}`);
      } else if (kind === EventKind.Realloc) {
        seq.push(`r${sizes.get(aux) ?? '?'}>${size}`);
        sizes.delete(aux);
        sizes.set(addr, size);
      } else if (kind === EventKind.Free && addr) {
        seq.push(`f${sizes.get(addr) ?? '?'}`);
        sizes.delete(addr);
      }
    },
  };
  try {
    fn();
  } finally {
    p.libc.sink = prev;
  }
  return seq;
}

// allocatorCalls moved to python/testing.ts (the python layer's tests use it too)
export { allocatorCalls } from '../python/testing';
