import { describe, expect, it } from 'vitest';
import { runScriptWithNumpy } from './install';

/**
 * _new_argsortlike / _new_sortlike's `needcopy` buffer (sort.ts Sorting.valueBuffer): a field of
 * a 14-byte record (stride 14, offset 4: unaligned) is copied into a contiguous N·8 buffer before
 * it is sorted; the contiguous column is sorted where it is. Measured on 1.24.2
 * (numpy_s16_structured_sort_cumsum): argsort(kind='stable') of the 200,000-row float64 field
 * grows the brk heap by 4,194,304 B and leaves 2,917 KiB free in it (the buffer and timsort's
 * merge buffer, freed); the simulation without the buffer left 1,354 KiB.
 */
describe('sorting a strided or unaligned view copies its values into a buffer first', () => {
  const run = (expr: string) => {
    const src = [
      'import numpy as np',
      'dt = np.dtype([("id", np.int32), ("price", np.float64), ("qty", np.int16)])',
      'orders = np.zeros(200000, dtype=dt)',
      'orders["price"] = (np.arange(200000) * 37 % 1000) / 10',
      'col = orders["price"].copy()',
      `order = ${expr}`,
      '',
    ].join('\n');
    const r = runScriptWithNumpy(src, { profile: 'debian-3.11.2' });
    expect(r.error).toBeUndefined();
    const [before, after] = r.steps.slice(-2);
    return { freeAfter: after.mallinfo2.fordblks - before.mallinfo2.fordblks };
  };

  it('argsort of the field leaves its 1.6 MB copy free in the heap; of the contiguous column, none', () => {
    const field = run('np.argsort(orders["price"], kind="stable")');
    const column = run('np.argsort(col, kind="stable")');
    // the 1,600,000-byte buffer, coalesced with its neighbours (page-rounded heap growth aside)
    expect(field.freeAfter - column.freeAfter).toBeGreaterThanOrEqual(1_500_000);
    expect(field.freeAfter - column.freeAfter).toBeLessThan(1_800_000);
  });

  it('the default (quicksort) argsort and an in-place sort of a stepped view copy too', () => {
    const field = run('np.argsort(orders["price"])');
    const column = run('np.argsort(col)');
    expect(field.freeAfter - column.freeAfter).toBeGreaterThanOrEqual(1_500_000);
    const stepped = run('col[::2].sort()');
    const whole = run('col[:100000].sort()');
    expect(stepped.freeAfter - whole.freeAfter).toBeGreaterThanOrEqual(700_000);
  });
});
