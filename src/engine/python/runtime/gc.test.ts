import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';
import { callsOf, runAll, valueOf } from '../testing';

describe('the cyclic collector and the free lists (Modules/gcmodule.c, 3.11)', () => {
  it('collects 1,300 gen-0, 118 gen-1 and 8 gen-2 times while building a million lists', () => {
    const p = new PythonProcess();
    p.load('a = [[0] * 100 for _ in range(1000000)]');
    const before = [...p.vm.gc.collections];
    p.runStatement(0);
    const ran = p.vm.gc.collections.map((c, i) => c - before[i]);
    expect(ran[0]).toBeGreaterThanOrEqual(1299);
    expect(ran[0]).toBeLessThanOrEqual(1301);
    expect([118, 119]).toContain(ran[1]);
    expect(ran[2]).toBe(8);
  });

  it('counts GC allocations, not free-list reuse: one per new list', () => {
    const p = new PythonProcess();
    p.load('a = [[0] * 3 for _ in range(10)]');
    const c0 = p.vm.gc.count[0];
    p.runStatement(0);
    // the comprehension's function, the result list and ten new inner lists; the temporary [0]
    // is a free-list header after the first round, the function is freed again
    expect(p.vm.gc.count[0] - c0).toBe(1 + 1 + 10 + 1 - 1);
  });

  it('frees self-referencing lists only when collected, and says how many', () => {
    const p = runAll('import gc\ngc.disable()\na = [[0] * 10 for _ in range(1000)]\nfor x in a:\n    x.append(x)\ndel a\ndel x');
    const arenasBefore = p.pymalloc.stats().arenas_allocated_current;
    const liveBefore = p.vm.table.live;
    const it = p.interpreter!;
    const n = p.vm.gc.collectFull();
    expect(n).toBe(1000);
    expect(p.vm.table.live).toBeLessThan(liveBefore - 900);
    expect(p.pymalloc.stats().arenas_allocated_current).toBeLessThanOrEqual(arenasBefore);
    expect(it.loadGlobal('gc')).toBeGreaterThan(0);
  });

  it('empties the free lists on a full collection (clear_freelists)', () => {
    const p = runAll('a = [[] for _ in range(50)]\nb = [float(i) for i in range(50)]\nt = [(i, i) for i in range(50)]\ndel a\ndel b\ndel t');
    expect(p.vm.free.lists.length).toBeGreaterThan(0);
    expect(p.vm.free.floats.length).toBeGreaterThan(0);
    expect(p.vm.free.tuples[1].length).toBeGreaterThan(0);
    p.vm.gc.collectFull();
    expect([p.vm.free.lists.length, p.vm.free.floats.length, p.vm.free.tuples[1].length, p.vm.free.dicts.length]).toEqual([0, 0, 0, 0]);
  });

  it('keeps 100 dead floats at most', () => {
    const p = runAll('b = [float(i) for i in range(500)]\ndel b');
    expect(p.vm.free.floats.length).toBe(100);
  });

  it('pushes dead 20-tuples on their free list but never reuses them (3.11: size < 20 pops)', () => {
    const lastCalls = (n: number) => {
      const p = new PythonProcess();
      const count = p.load(`x = 1000\nt = (x,) * ${n}\ndel t\nu = (x,) * ${n}`).length;
      for (let i = 0; i < count - 1; i++) p.runStatement(i);
      p.vm.mem.log = [];
      p.runStatement(count - 1);
      return { calls: p.vm.mem.log, parked: p.vm.free.tuples[n - 1].length };
    };
    expect(lastCalls(20)).toEqual({ calls: ['m 200'], parked: 1 });
    expect(lastCalls(19)).toEqual({ calls: [], parked: 0 });
  });

  it('reuses the slice cache for a[i:j]', () => {
    expect(callsOf('a = list(range(10))', 'b = a[1:3]')).toEqual(['m 56', 'm 16']);
  });

  it('gc.collect() returns the number of unreachable objects', () => {
    const p = runAll('import gc\na = []\na.append(a)\ndel a\nn = gc.collect()');
    expect(valueOf(p, 'n')).toBe('1');
  });
});
