import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAll } from '../testing';
import { dictDelItem, dictEntries, dictGetItem, dictNew, dictSetItem } from './dict';
import { dictData } from './dictkeys';
import { fromDouble } from './float';
import { fromLong } from './int';
import { strNew } from './str';
import { tupleFromItems } from './tuple';

/**
 * The dict's open-addressing index (dictindex.ts) against a JS Map keyed by Python equality:
 * 1 == 1.0 == True, equal strs and tuples are one key, NaN only equals itself (the same object).
 */
describe('dict lookups through the Int32Array index', () => {
  const p = runAll('pass');
  const vm = p.vm;
  // A pool of keys: [handle, Python-equality name]
  const pool: [number, string][] = [];
  for (let i = -10; i < 400; i += 7) pool.push([fromLong(vm, i), `n${i}`]);
  for (const v of [2 ** 40, -(2 ** 33), 2 ** 53 - 1]) pool.push([fromLong(vm, v), `n${v}`]);
  pool.push([fromLong(vm, 2n ** 70n), `n${2n ** 70n}`]);
  for (const v of [1, 4, 2.5, -0.5, 1e300]) pool.push([fromDouble(vm, v), `n${v}`]);
  const nan = fromDouble(vm, NaN);
  pool.push([nan, 'nan-object']);
  pool.push([vm.s.True, 'n1'], [vm.s.False, 'n0']);
  for (const s of ['a', 'b', 'key', 'n1', 'é', 'x'.repeat(40), '\u20ac', ''])
    pool.push([strNew(vm, s), `s${s}`]);
  pool.push([strNew(vm, 'key'), 'skey']); // an equal str, another object
  pool.push([tupleFromItems(vm, [pool[0][0], pool[3][0]]), `t(${pool[0][1]},${pool[3][1]})`]);
  pool.push([tupleFromItems(vm, [fromLong(vm, -10), fromLong(vm, 11)]), `t(${pool[0][1]},${pool[3][1]})`]);
  const values = Array.from({ length: 8 }, (_, i) => fromLong(vm, 1000 + i));

  const op = fc.record({
    kind: fc.constantFrom('set', 'set', 'set', 'del', 'get'),
    key: fc.integer({ min: 0, max: pool.length - 1 }),
    value: fc.integer({ min: 0, max: values.length - 1 }),
  });

  it('finds, replaces and deletes as Python does, in insertion order, across resizes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const d = dictNew(vm);
        const ref = new Map<string, number>();
        for (const o of ops) {
          const [k, name] = pool[o.key];
          if (o.kind === 'set') {
            dictSetItem(vm, d, k, values[o.value]);
            ref.set(name, values[o.value]);
          } else if (o.kind === 'del') {
            if (!ref.has(name)) continue;
            dictDelItem(vm, d, k);
            ref.delete(name);
          } else expect(dictGetItem(vm, d, k)).toBe(ref.get(name) ?? 0);
          expect(vm.table.n[d]).toBe(ref.size);
        }
        const names = new Map(pool.map(([h, name]) => [h, name]));
        const got = [...dictEntries(vm, d)].map(([k, v]) => [names.get(k), v]);
        expect(got).toEqual([...ref]);
        for (const [k, name] of pool) expect(dictGetItem(vm, d, k)).toBe(ref.get(name) ?? 0);
        vm.decref(d);
      }),
      { numRuns: 150 },
    );
  });

  it('grows a table of 100,000 int keys and finds each, and no other', () => {
    const d = dictNew(vm);
    const keys: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const k = fromLong(vm, i * 3);
      keys.push(k);
      dictSetItem(vm, d, k, k);
      vm.decref(k);
    }
    let wrong = 0;
    for (let i = 0; i < 100_000; i++) if (dictGetItem(vm, d, keys[i]) !== keys[i]) wrong++;
    for (let i = 0; i < 1000; i++) {
      const probe = fromLong(vm, i * 3 + 1);
      if (dictGetItem(vm, d, probe) !== 0) wrong++;
      vm.decref(probe);
    }
    expect(wrong).toBe(0);
    expect(vm.table.n[d]).toBe(100_000);
    vm.decref(d);
  });

  it('moves from a slab block to a block of its own past 128 indices, keeping hashes, order and deletions', () => {
    // floats give the table its me_hash column, so every column crosses the boundary
    const d = dictNew(vm);
    const keys: number[] = [];
    let sawSmall = false;
    for (let i = 0; i < 300; i++) {
      const k = i % 3 === 0 ? fromDouble(vm, i + 0.5) : fromLong(vm, i);
      keys.push(k);
      dictSetItem(vm, d, k, k);
      const data = dictData(vm, d);
      // a slab (dicttables.ts: 2^16 + 1 slots, shared) up to 2^7 indices, then the table's own array
      if (data.mask + 1 <= 128) {
        sawSmall = true;
        expect(data.buf.length).toBe((1 << 16) + 1);
      } else expect(data.buf.length).toBe(data.mask + 1 + 2 * (data.vo - data.ko));
      if (i % 7 === 6) dictDelItem(vm, d, keys[i - 3]);
    }
    expect(sawSmall).toBe(true);
    expect(dictData(vm, d).hashes).toBeInstanceOf(Int32Array);
    const kept = keys.filter((_, i) => !(i % 7 === 3 && i + 3 < 300));
    expect([...dictEntries(vm, d)].map(([k]) => k)).toEqual(kept);
    for (const k of kept) expect(dictGetItem(vm, d, k)).toBe(k);
    vm.decref(d);
  });
});
