import { describe, it } from 'vitest';
import { checkLessons } from './lessons';

/** The seed and its variants: tcache and pymalloc's arenas[] vector pin 778 MiB. */
describe('lessons of the seed scenarios', () => {
  it('seed_small_lists: tcache chunks and the arenas[] vector pin the heap; malloc_trim would release it', () =>
    checkLessons('seed_small_lists', [
      { step: 1, says: [/the heap grew by 778 MiB/, /pymalloc mapped 62 new 1 MiB arenas/] },
      {
        step: 2,
        says: [
          /778 MiB of the heap is free, but the highest in-use chunk \(816 B, held in tcache\)/,
          /arenas\[\] vector/,
          /malloc_trim\(0\) would release 778 MiB/,
        ],
      },
    ]));
  it('malloc_trim: the pages go back, the address range stays', () =>
    checkLessons('malloc_trim', [
      { step: 3, says: [/RSS stayed at 794 MiB \(67 MiB below its peak of 861 MiB\)/] },
      {
        step: 4,
        says: [/malloc_trim\(0\) gave the whole free pages .* back/, /address space only/],
        first: /malloc_trim\(0\) gave/,
      },
    ]));
  it('seed_small_lists_tcache_off: the arenas[] vector alone still pins it', () =>
    checkLessons('seed_small_lists_tcache_off', [
      { step: 2, says: [/That chunk is pymalloc's arenas\[\] vector/] },
    ]));
});
