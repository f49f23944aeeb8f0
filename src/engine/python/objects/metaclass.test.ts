import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import expected from '../testdata/meta_expected.json';

/**
 * Metaclasses and the class machinery on them (issue 7), allocator call by allocator call against
 * CPython 3.11.7 (tools/allocations/record_allocations.py meta --clear-type-cache): after `setup`,
 * gc.collect() empties the free lists, then the statement runs traced.
 */
function simulate(setup: string, statement: string): string[] {
  const p = new PythonProcess();
  p.load('');
  p.exec(setup);
  const run = p.prepare(statement);
  p.vm.gc.collectFull();
  p.vm.mem.log = [];
  run();
  return p.vm.mem.log;
}

describe('metaclasses: allocator calls as CPython 3.11.7 makes them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.replace(/\n/g, '; ')} ⟶ ${c.statement.replace(/\n/g, '; ')}`, () => {
      expect(simulate(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
