import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKET_BYTES, type HeapColumns } from '../engine/trace/snapshot';
import { categoryBytes, chunkAtOrAfter, heapLod } from './heapLod';

/** A heap of random chunks tiling [0, end), built the way snapshot.ts builds its columns. */
function heapOf(chunks: { sizeG: number; state: number }[]): HeapColumns {
  const n = chunks.length;
  const gran = new Int32Array(n);
  const sizeG = new Int32Array(n);
  const state = new Uint8Array(n);
  let g = 0;
  chunks.forEach((c, i) => {
    gran[i] = g;
    sizeG[i] = c.sizeG;
    state[i] = c.state;
    g += c.sizeG;
  });
  const bucketG = BUCKET_BYTES / 16;
  const buckets = new Float32Array(Math.max(1, Math.ceil(g / bucketG)) * 8);
  for (let i = 0; i < n; i++)
    for (let x = gran[i]; x < gran[i] + sizeG[i]; x++) buckets[Math.floor(x / bucketG) * 8 + state[i]] += 16;
  return { count: n, gran, sizeG, state, residentWords: new Uint32Array(1), buckets };
}

const chunk = fc.record({ sizeG: fc.integer({ min: 2, max: 9000 }), state: fc.integer({ min: 1, max: 7 }) });

describe('heap level of detail', () => {
  it('sums to the bytes of each state over any range, from buckets or from chunks', () => {
    fc.assert(
      fc.property(
        fc.array(chunk, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cs, a, b) => {
          const heap = heapOf(cs);
          const lod = heapLod(heap, 0);
          const from = Math.floor(Math.min(a, b) * lod.heapBytes);
          const to = Math.ceil(Math.max(a, b) * lod.heapBytes);
          const got = new Float64Array(8);
          categoryBytes(lod, heap, from, to, got);
          const total = got.reduce((x, y) => x + y, 0);
          // From buckets, the two edge buckets are split in proportion: off by at most a bucket each,
          // and the level is chosen so a bucket is at most half the range.
          expect(Math.abs(total - (to - from))).toBeLessThanOrEqual((to - from) / 2 + 1);
          // Exact per state when read from chunks (ranges narrower than two buckets).
          if (to - from < 2 * BUCKET_BYTES) {
            const want = new Float64Array(8);
            for (
              let i = chunkAtOrAfter(heap, Math.floor(from / 16));
              i < heap.count && heap.gran[i] * 16 < to;
              i++
            )
              want[heap.state[i]] +=
                Math.min(to, (heap.gran[i] + heap.sizeG[i]) * 16) - Math.max(from, heap.gran[i] * 16);
            expect(Array.from(got)).toEqual(Array.from(want));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
