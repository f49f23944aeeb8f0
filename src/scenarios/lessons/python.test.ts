import { describe, it } from 'vitest';
import { checkLessons } from './lessons';

/** pymalloc and Python objects: arenas, survivors, cycles. */
describe('lessons of the pymalloc and Python-object scenarios', () => {
  it('survivors_pin_arenas: one survivor per arena keeps the arena', () =>
    checkLessons('survivors_pin_arenas', [
      { step: 3, says: [/10\d arenas are kept alive by 99\d surviving lists/, /items of the list keep/] },
      { step: 4, says: [/arenas were unmapped as their last block was freed/] },
    ]));
  it('ints, small strings, floats, pairs: arenas go back once empty', () => {
    for (const id of ['ints_range_list', 'small_strings', 'floats_list', 'tuples_pairs'])
      checkLessons(id, [
        {
          step: 3,
          says: [/arenas were unmapped as their last block was freed/],
          first: /free\(\) unmapped|arenas were unmapped/,
        },
      ]);
  });
  it('gc_cycles: the lists wait for the cycle collector, switched off by gc.disable()', () =>
    checkLessons('gc_cycles', [
      {
        step: 5,
        says: [
          /99,999 lists \(\d+ MiB\) are garbage held in reference cycles/,
          /gc\.disable\(\) has switched it off/,
        ],
        first: /reference cycles/,
      },
      { step: 6, says: [/arenas were unmapped|the heap shrank/], not: [/reference cycles/] },
    ]));
  it('list_insert_extend and join_split: what slices and split leave', () => {
    checkLessons('list_insert_extend', [{ step: 5, says: [/arenas were unmapped/] }]);
    checkLessons('join_split', [{ step: 2, says: [/below the trim threshold/] }]);
  });
});
