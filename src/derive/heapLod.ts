import { BUCKET_BYTES, BUCKET_STATES, type HeapColumns } from '../engine/trace/snapshot';
import { memoByObject } from './memo';

/**
 * Level of detail for the heap strip. The snapshot carries level 0: bytes of each chunk state per
 * 64 KiB bucket (built in the worker). Each next level sums pairs, so a view reads a handful of
 * buckets per pixel at any zoom; where a pixel covers less than a bucket, the strip reads the
 * chunks themselves (then few enough are visible).
 */
export interface HeapLod {
  levels: Float32Array[];
  heapBytes: number;
}

function build(heap: HeapColumns): HeapLod {
  const levels = [heap.buckets];
  let prev = heap.buckets;
  let count = prev.length / BUCKET_STATES;
  while (count > 1) {
    const next = Math.ceil(count / 2);
    const lv = new Float32Array(next * BUCKET_STATES);
    for (let b = 0; b < count; b++) {
      const to = (b >> 1) * BUCKET_STATES;
      const from = b * BUCKET_STATES;
      for (let c = 0; c < BUCKET_STATES; c++) lv[to + c] += prev[from + c];
    }
    levels.push(lv);
    prev = lv;
    count = next;
  }
  const n = heap.count;
  return { levels, heapBytes: n > 0 ? (heap.gran[n - 1] + heap.sizeG[n - 1]) * 16 : 0 };
}

export const heapLod = memoByObject((heap: HeapColumns, _k: 0) => build(heap));

/** Index of the first chunk ending after granule g (binary search on the address-ordered columns). */
export function chunkAtOrAfter(heap: HeapColumns, g: number): number {
  let lo = 0;
  let hi = heap.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (heap.gran[mid] + heap.sizeG[mid] <= g) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Bytes per state in [fromByte, toByte). Wide ranges read the coarsest level whose buckets still
 * fit the range (edge buckets counted in proportion); ranges under a bucket read the chunks.
 */
export function categoryBytes(
  lod: HeapLod,
  heap: HeapColumns,
  fromByte: number,
  toByte: number,
  out: Float64Array,
): void {
  out.fill(0);
  const span = toByte - fromByte;
  if (span <= 0) return;
  if (span < BUCKET_BYTES * 2) {
    const g0 = fromByte / 16;
    const g1 = toByte / 16;
    for (let i = chunkAtOrAfter(heap, Math.floor(g0)); i < heap.count && heap.gran[i] < g1; i++) {
      const a = Math.max(g0, heap.gran[i]);
      const b = Math.min(g1, heap.gran[i] + heap.sizeG[i]);
      if (b > a) out[heap.state[i]] += (b - a) * 16;
    }
    return;
  }
  const level = Math.max(0, Math.min(lod.levels.length - 1, Math.floor(Math.log2(span / BUCKET_BYTES)) - 1));
  const bucketBytes = BUCKET_BYTES * 2 ** level;
  const arr = lod.levels[level];
  const nb = arr.length / BUCKET_STATES;
  const b1 = Math.min(nb, Math.ceil(toByte / bucketBytes));
  for (let b = Math.max(0, Math.floor(fromByte / bucketBytes)); b < b1; b++) {
    const w = (Math.min(toByte, (b + 1) * bucketBytes) - Math.max(fromByte, b * bucketBytes)) / bucketBytes;
    if (w <= 0) continue;
    for (let c = 0; c < BUCKET_STATES; c++) out[c] += arr[b * BUCKET_STATES + c] * w;
  }
}
