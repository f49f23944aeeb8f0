import { describe, expect, it } from 'vitest';
import { createProcess, simulateScript } from '../../simulate';
import { Layout } from '../objects/table';
import { ROW_BYTES, SCALAR_ROW_BYTES } from './hostmem';

const MB = 2 ** 20;

describe("the simulator's memory budget charges each row by its layout", () => {
  it('charges an int block at the scalar row size and a tuple block at the full row size', () => {
    const p = createProcess({});
    const statements = p.load('a = [(i, i) for i in range(100_000)]\n');
    const vm = p.vm;
    const before = vm.hostMem.used(vm.table, vm.pool);
    const scalar0 = vm.table.rowsOf(Layout.Scalar);
    const rows0 = vm.table.end;
    for (let i = 0; i < statements.length; i++) p.runStatement(i);
    const scalars = vm.table.rowsOf(Layout.Scalar) - scalar0;
    const others = vm.table.end - rows0 - scalars;
    // 100,000 ints and 100,000 tuples: at least six blocks of 16,384 handles each
    expect(scalars).toBeGreaterThanOrEqual(6 * 16_384);
    expect(others).toBeGreaterThanOrEqual(6 * 16_384);
    const grown = vm.hostMem.used(vm.table, vm.pool) - before;
    const pool = vm.pool.data.byteLength;
    expect(grown).toBeLessThanOrEqual(scalars * SCALAR_ROW_BYTES + others * ROW_BYTES + pool);
    expect(grown).toBeGreaterThanOrEqual(scalars * SCALAR_ROW_BYTES + others * ROW_BYTES);
  });

  it('lets ints and tuples run where a flat 100 bytes a row would have stopped them', () => {
    // 300,000 tuples of two new ints: ~61 MB at 100 bytes a row for both, ~40 MB by layout
    const source = 'a = [(i, i) for i in range(300_000)]\n';
    expect(simulateScript(source, { memoryBudget: 56 * MB }).error).toBeUndefined();
    const r = simulateScript(source, { memoryBudget: 24 * MB });
    expect(r.error?.type).toBe('MemoryError');
    expect(r.error?.message).toMatch(/simulator's memory budget \(24 MB\) ran out/);
  });
});

describe('the typed arrays get a budget of their own when the host gives one (the CLI)', () => {
  // 300,000 tuples of two new ints: ~25 MB of columns and pool, ~10 MB of side slots charged to the heap
  const source = 'a = [(i, i) for i in range(300_000)]\n';
  it('runs where one budget of the same size would stop it', () => {
    expect(simulateScript(source, { memoryBudget: 24 * MB }).error?.type).toBe('MemoryError');
    const r = simulateScript(source, { memoryBudget: 24 * MB, memoryExternalBudget: 64 * MB });
    expect(r.error).toBeUndefined();
  });
  it('stops at the typed-array budget and names it', () => {
    const r = simulateScript(source, { memoryBudget: 64 * MB, memoryExternalBudget: 16 * MB });
    expect(r.error?.type).toBe('MemoryError');
    expect(r.error?.message).toMatch(/simulator's memory budget \(16 MB\) ran out/);
  });
  it('splits the figure into the columns, pool and slabs and the rest', () => {
    const p = createProcess({});
    const statements = p.load(source);
    for (let i = 0; i < statements.length; i++) p.runStatement(i);
    const { hostMem, table, pool } = p.vm;
    const ext = hostMem.external(table, pool);
    // every non-scalar row is at least a tuple's 44 bytes of columns, every scalar row 24
    const scalars = table.rowsOf(Layout.Scalar);
    expect(ext).toBeGreaterThanOrEqual(scalars * 24 + (table.end - scalars) * 44 + pool.data.byteLength);
    expect(ext).toBeLessThan(hostMem.used(table, pool));
  });
});
