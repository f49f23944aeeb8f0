import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import expected from '../testdata/setops_expected.json';

/**
 * The set operators and set_update_internal's set/dict path, call by call as CPython 3.11.7
 * makes them (tools/allocations/record_allocations.py setops: `c = a | b` is the new set, the
 * copy of a's table resized once up front, the update with b resized once more, a's copy freed).
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

describe('set operators, call by call as CPython 3.11.7 allocates them', () => {
  for (const c of expected.cases) {
    it(`${c.setup.split('\n').join('; ')} ⟶ ${c.statement}`, () => {
      expect(simulate(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});
