import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { callsOf } from '../testing';
import expected from '../testdata/setops_expected.json';
import algebra from '../testdata/setalgebra_expected.json';

/**
 * The set algebra call by call as CPython 3.11.7 makes it (tools/allocations/record_allocations.py
 * setops, PYTHONHASHSEED=0): which set is copied or walked, when a table is presized, and the order
 * the members are released in (slot order, so str members go in their hash order).
 */

describe('set operations, call by call as CPython 3.11.7 allocates them', () => {
  for (const c of [...expected.cases, ...algebra.cases]) {
    it(`${c.setup.split('\n').slice(-1)[0]} ⟶ ${c.statement.split('\n')[0]}`, () => {
      expect(callsOf(c.setup, c.statement)).toEqual(c.calls);
    });
  }
});

/**
 * How much of an iterable the set methods read, as python3.11.7, 3.12.1 and 3.13.0 printed it (a
 * generator of 1,000 counting what it yields): set_intersection stops once every member of so is
 * found (all three); issubset of a non-set reads it all on 3.11 (a set made of it) and stops with
 * the intersection on 3.12+; an empty so never stops early.
 */
const READS = [
  'n = 0',
  'def g():',
  '    global n',
  '    for i in range(1000):',
  '        n += 1',
  '        yield i',
  'a = set(range(100))',
  'r = a.intersection(g()); print(n, len(r)); n = 0',
  'print(a.issubset(g()), n); n = 0',
  'print(a.issuperset(g()), n); n = 0',
  'print(a.isdisjoint(g()), n); n = 0',
  'print(len(a.intersection(g(), g())), n); n = 0',
  'fs = frozenset(range(100))',
  'print(fs.issubset(g()), n); n = 0',
  'print(set().issubset(g()), n); n = 0',
  'print(a.issubset([0, 1, 2]), n)',
  '',
].join('\n');

describe('what the set methods read of an iterable', () => {
  const common = 'False 101\nFalse 1\n100 200\n';
  for (const [python, subset] of [
    ['3.11', '1000'],
    ['3.12', '100'],
    ['3.13', '100'],
  ] as const)
    it(python, () => {
      expect(runScript(READS, { python }).output).toBe(
        `100 100\nTrue ${subset}\n${common}True ${subset}\nTrue 1000\nFalse 0\n`,
      );
    });
});
