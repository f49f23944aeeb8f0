import { describe, expect, it } from 'vitest';
import { parseModule } from '../parse/parser';
import { PythonProcess } from '../process';
import expected from '../testdata/stdlib_expected.json';

/**
 * json, io, random, math, string, pprint, time, tracemalloc, pickle … allocator call by allocator
 * call against CPython 3.11.7 (tools/allocations/record_allocations.py stdlib --clear-type-cache):
 * after `setup`, gc.collect() empties the free lists, then the statement runs traced. Modules the
 * recorder's process has not loaded are imported in the setup (untraced).
 */
function simulate(setup: string, statement: string): string[] {
  const p = new PythonProcess();
  const nSetup = parseModule(setup).length;
  const stmts = p.load(`${setup}\n${statement}\n`);
  for (let i = 0; i < nSetup; i++) p.runStatement(i);
  p.vm.gc.collectFull();
  p.vm.mem.log = [];
  for (let i = nSetup; i < stmts.length; i++) p.runStatement(i);
  return p.vm.mem.log;
}

describe('standard-library modules (json, io, …): allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(simulate(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
