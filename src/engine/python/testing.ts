import { reprText } from './abstract/repr';
import { parseModule } from './parse/parser';
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
  const nSetup = setup.trim() ? parseModule(setup).length : 0;
  const total = p.load(`${setup}\n${source}\n`).length;
  for (let i = 0; i < nSetup; i++) p.runStatement(i);
  p.vm.gc.collectFull();
  p.vm.mem.log = [];
  for (let i = nSetup; i < total; i++) p.runStatement(i);
  const log = p.vm.mem.log;
  p.vm.mem.log = null;
  return log;
}

/** repr() of a module-level name. */
export function valueOf(p: PythonProcess, name: string): string {
  const h = p.interpreter!.loadGlobal(name);
  const text = reprText(p.vm, h);
  p.vm.decref(h);
  return text;
}
