import { reprText } from './abstract/repr';
import { PythonProcess, type ProcessOptions } from './process';

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
  const p = new PythonProcess();
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

/** repr() of a module-level name. */
export function valueOf(p: PythonProcess, name: string): string {
  const h = p.globalValue(name);
  if (h === 0) throw new Error(`${name} is not defined`);
  return reprText(p.vm, h);
}
