import { reprText } from './abstract/repr';
import { EventKind } from '../trace/events';
import { PythonProcess } from './process';
import { type ProcessOptions } from './processoptions';

/** Test helper: a booted process that has run every statement of `source`. */
export function runAll(source: string, opts: ProcessOptions = {}): PythonProcess {
  const p = new PythonProcess(opts);
  const n = p.load(source).length;
  for (let i = 0; i < n; i++) p.runStatement(i);
  return p;
}

/**
 * The PyObject_/PyMem_ calls ("m 56", "c 1 8", "r 32 new", "f 800") that `source` makes after
 * `setup` ran and a full collection emptied the free lists (as testdata/record_allocations.py).
 */
export function callsOf(setup: string, source: string): string[] {
  const p = new PythonProcess({ recorderNamespace: true });
  p.load('');
  if (setup.trim()) p.exec(setup);
  const run = p.prepare(source);
  p.vm.gc.collectFull();
  p.vm.mem.log = [];
  run();
  const log = p.vm.mem.log;
  p.vm.mem.log = null;
  return log;
}

/**
 * callsOf with the C-library calls made outside PyObject_/PyMem_ as well (allocatorCalls' format):
 * the setup run, the collector run, then only the statement's calls.
 */
export function allocatorCallsOf(setup: string, statement: string): string[] {
  const p = new PythonProcess({ recorderNamespace: true });
  p.load('');
  if (setup.trim()) p.exec(setup);
  const run = p.prepare(statement);
  p.vm.gc.collectFull();
  return allocatorCalls(p, run);
}

/** repr() of a module-level name. */
export function valueOf(p: PythonProcess, name: string): string {
  const h = p.globalValue(name);
  if (h === 0) throw new Error(`${name} is not defined`);
  return reprText(p.vm, h);
}

/**
 * Every allocator call `fn` makes, in the recorder's format (tools/allocations/record_numpy.py):
 * CPython's PyObject_/PyMem_ calls as "m SIZE" / "c N SIZE" / "r SIZE" / "f SIZE", and the
 * C-library calls made outside them as "L m SIZE" & co. (a libc call pymalloc makes inside a
 * PyObject_Malloc is part of that call, as under hwnumpy.c's hooks).
 */
export function allocatorCalls(p: PythonProcess, fn: () => void): string[] {
  const out: string[] = [];
  const mem = p.vm.mem;
  const dom = new Map<number, number>();
  const lib = new Map<number, number>();
  let depth = 0;
  const orig = { malloc: mem.malloc, calloc: mem.calloc, realloc: mem.realloc, free: mem.free };
  const wrap = <A extends unknown[], R>(
    f: (...a: A) => R,
    log: (r: R, ...a: A) => void,
    before?: (...a: A) => void,
  ) =>
    function (this: unknown, ...a: A): R {
      if (depth === 0 && before) before(...a);
      depth++;
      try {
        const r = f.apply(mem, a);
        if (depth === 1) log(r, ...a);
        return r;
      } finally {
        depth--;
      }
    };
  mem.malloc = wrap(orig.malloc, (r, n) => {
    out.push(`m ${n}`);
    dom.set(r, n);
  });
  mem.calloc = wrap(orig.calloc, (r, a, b) => {
    out.push(`c ${a} ${b}`);
    dom.set(r, a * b);
  });
  mem.realloc = wrap(orig.realloc, (r, p0, n) => {
    out.push(`r ${n}${p0 === 0 ? ' new' : ''}`);
    dom.delete(p0);
    dom.set(r, n);
  });
  mem.free = wrap(
    orig.free,
    () => undefined,
    (p0) => {
      if (p0 === 0) return;
      out.push(`f ${dom.get(p0) ?? '?'}`);
      dom.delete(p0);
    },
  );
  const prev = p.libc.sink;
  p.libc.sink = {
    record(kind, addr, size, aux) {
      if (depth > 0) return;
      if (kind === EventKind.Malloc) {
        lib.set(addr, size);
        out.push(`L m ${size}`);
      } else if (kind === EventKind.Calloc) {
        lib.set(addr, size);
        // the sink has the product only; NumPy's one C-library calloc is calloc(nbytes, 1)
        out.push(`L c ${size} 1`);
      } else if (kind === EventKind.Realloc) {
        out.push(`L r ${size}`);
        lib.delete(aux);
        lib.set(addr, size);
      } else if (kind === EventKind.Free && addr) {
        out.push(`L f ${lib.get(addr) ?? '?'}`);
        lib.delete(addr);
      }
    },
  };
  try {
    fn();
  } finally {
    Object.assign(mem, orig);
    delete (mem as unknown as Record<string, unknown>).malloc;
    delete (mem as unknown as Record<string, unknown>).calloc;
    delete (mem as unknown as Record<string, unknown>).realloc;
    delete (mem as unknown as Record<string, unknown>).free;
    p.libc.sink = prev;
  }
  return out;
}
