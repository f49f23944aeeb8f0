import { describe, it } from 'vitest';
import { checkLessons } from './lessons';

/** NumPy: big arrays are mappings, untouched pages are not resident, views keep bases, the data cache. */
describe('lessons of the NumPy scenarios', () => {
  it('numpy_empty_zeros_ones: pages never written are not resident', () =>
    checkLessons('numpy_empty_zeros_ones', [
      {
        step: 2,
        says: [/RSS stayed/, /76 MiB block .* its pages were never written, so they are not resident/],
        first: /never written/,
      },
      { step: 3, says: [/never written/] },
      { step: 4, says: [/RSS went up by 76 MiB/, /its pages were written/] },
      { step: 7, says: [/free\(\) unmapped the 76 MiB block at once/] },
    ]));
  it('numpy_big_arrays: each array a mapping, unmapped by del', () =>
    checkLessons('numpy_big_arrays', [
      { step: 2, says: [/got a mapping of its own .* its pages were written/] },
      { step: 4, says: [/free\(\) unmapped the 76 MiB block at once/], first: /free\(\) unmapped/ },
      { step: 5, says: [/free\(\) unmapped the 76 MiB block at once/] },
    ]));
  it('numpy_threshold_heap: after one big free, big arrays come from the heap', () =>
    checkLessons('numpy_threshold_heap', [
      { step: 2, says: [/never written/] },
      { step: 3, says: [/raised the dynamic mmap threshold/] },
      { step: 4, says: [/20 blocks of up to 7\.63 MiB came from the heap/] },
      { step: 6, says: [/kept alive by the name s/] },
    ]));
  it('numpy_view_keeps_base and concatenate: a view keeps its base', () => {
    checkLessons('numpy_view_keeps_base', [
      {
        step: 4,
        says: [
          /del a freed nothing: a \(an ndarray of 10,000,000 int64\) is still referenced as the base of the view v/,
        ],
      },
    ]);
    checkLessons('numpy_arange_concatenate', [
      { step: 7, says: [/free\(\) unmapped 99 blocks/] },
      { step: 9, says: [/del whole freed nothing/] },
    ]);
  });
  it('numpy_many_small and numpy_import: the data cache, the import', () => {
    checkLessons('numpy_many_small', [{ step: 4, says: [/NumPy's data cache/] }]);
    checkLessons('numpy_import', [{ step: 1, says: [/pymalloc mapped 6 new 1 MiB arenas/] }]);
  });
});
