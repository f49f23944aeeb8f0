import { indexError } from '../python/abstract/errors';
import { sliceIndices } from '../python/objects/slice';
import type { Vm } from '../python/runtime/vm';
import { valueAt } from './elements';
import { shapeText, size, type Arrays } from './ndarray';
import type { IndexItem } from './views';

/** One output-producing part of an index, in order. */
type Part =
  | { kind: 'slice'; axis: number; start: number; step: number; len: number }
  | { kind: 'newaxis' }
  | { kind: 'advanced'; axis: number; values: (b: number) => number; shape: number[] };

/**
 * What a mixed advanced index selects (mapping.c prepare_index + mapiter, NumPy's rules): an
 * Ellipsis stands for the axes nobody names; a boolean array of k dimensions is its k coordinate
 * arrays (nonzero); integers among index arrays are 0-d index arrays; the index arrays broadcast
 * together to one shape B, placed where the first of them stood when they are adjacent, else
 * first; slices and None keep their axes. Returns the result's shape and, for each of its
 * elements in C order, the flat C-order position of the element it copies; and the shape of the
 * subspace (what the slices and None keep), which mapiter views.
 */
export function selectMixed(
  vm: Vm,
  A: Arrays,
  h: number,
  items: IndexItem[],
): { shape: number[]; picks: number[]; subspace: number[]; bDims: number; bAt: number } {
  const shape = A.shape(h);
  const nd = shape.length;
  const named = items.reduce(
    (n, it) =>
      n + (it.kind === 'int' || it.kind === 'slice' ? 1 : it.kind === 'fancy' ? fancyDims(A, it.h) : 0),
    0,
  );
  if (named > nd)
    throw indexError(vm, `too many indices for array: array is ${nd}-dimensional, but ${named} were indexed`);
  const parts: Part[] = [];
  const advancedAt: number[] = [];
  let axis = 0;
  const fullSlice = (ax: number): Part => ({ kind: 'slice', axis: ax, start: 0, step: 1, len: shape[ax] });
  items.forEach((it) => {
    if (it.kind === 'ellipsis') for (let k = 0; k < nd - named; k++) parts.push(fullSlice(axis++));
    else if (it.kind === 'newaxis') parts.push({ kind: 'newaxis' });
    else if (it.kind === 'slice') {
      const s = sliceIndices(vm, it.h, shape[axis]);
      parts.push({ kind: 'slice', axis: axis++, start: s.start, step: s.step, len: s.length });
    } else if (it.kind === 'int') {
      advancedAt.push(parts.length);
      parts.push({ kind: 'advanced', axis: axis++, values: () => it.i, shape: [] });
    } else if (A.dtype(it.h).kind === 'b') {
      // a boolean array: the coordinates of its True elements, one index array per dimension
      const bshape = A.shape(it.h);
      bshape.forEach((d, i) => {
        if (d !== shape[axis + i])
          throw indexError(
            vm,
            `boolean index did not match indexed array along dimension ${axis + i}; dimension is ${shape[axis + i]} but corresponding boolean dimension is ${d}`,
          );
      });
      const hits: number[] = [];
      const n = size(bshape);
      for (let k = 0; k < n; k++) if (valueAt(A, it.h, k)) hits.push(k);
      bshape.forEach((_, dim) => {
        const inner = size(bshape.slice(dim + 1));
        const coord = hits.map((k) => Math.floor(k / inner) % bshape[dim]);
        advancedAt.push(parts.length);
        parts.push({ kind: 'advanced', axis: axis++, values: (b) => coord[b], shape: [hits.length] });
      });
    } else {
      const ix = it.h;
      advancedAt.push(parts.length);
      parts.push({ kind: 'advanced', axis: axis++, values: (b) => valueAt(A, ix, b), shape: A.shape(ix) });
    }
  });
  while (axis < nd) parts.push(fullSlice(axis++));
  const adv = parts.filter((p): p is Extract<Part, { kind: 'advanced' }> => p.kind === 'advanced');
  const B = broadcastShapes(
    vm,
    adv.map((p) => p.shape),
  );
  const adjacent = advancedAt.every((p, i) => i === 0 || p === advancedAt[i - 1] + 1);
  // output axes: each slice/newaxis its own, the advanced block as B
  const blocks: ('B' | Part)[] = [];
  parts.forEach((p, i) => {
    if (p.kind !== 'advanced') blocks.push(p);
    else if (adjacent && i === advancedAt[0]) blocks.push('B');
  });
  if (!adjacent) blocks.unshift('B');
  const outShape: number[] = [];
  for (const b of blocks)
    if (b === 'B') outShape.push(...B);
    else outShape.push(b.kind === 'slice' ? b.len : 1);
  // each advanced index read through B's broadcast: its own flat position for a B position
  const advPos = adv.map((p) => broadcastIndexer(p.shape, B));
  const srcStrides = shape.map((_, i) => size(shape.slice(i + 1)));
  const picks: number[] = [];
  const total = size(outShape);
  const idx = new Array<number>(outShape.length).fill(0);
  const bSize = size(B);
  for (let k = 0; k < total; k++) {
    let pos = 0;
    let o = 0;
    let bFlat = 0;
    for (const b of blocks) {
      if (b === 'B') {
        bFlat = 0;
        for (let j = 0; j < B.length; j++) bFlat = bFlat * B[j] + idx[o + j];
        o += B.length;
      } else {
        if (b.kind === 'slice') pos += (b.start + b.step * idx[o]) * srcStrides[b.axis];
        o++;
      }
    }
    if (bSize > 0)
      adv.forEach((p, j) => {
        const len = shape[p.axis];
        let i = p.values(advPos[j](bFlat));
        if (i < -len || i >= len)
          throw indexError(vm, `index ${i} is out of bounds for axis ${p.axis} with size ${len}`);
        if (i < 0) i += len;
        pos += i * srcStrides[p.axis];
      });
    picks.push(pos);
    for (let ax = outShape.length - 1; ax >= 0; ax--) {
      if (++idx[ax] < outShape[ax]) break;
      idx[ax] = 0;
    }
  }
  const subspace: number[] = [];
  for (const b of blocks) if (b !== 'B') subspace.push(b.kind === 'slice' ? b.len : 1);
  let bAt = 0;
  for (const b of blocks) {
    if (b === 'B') break;
    bAt++;
  }
  return { shape: outShape, picks, subspace, bDims: B.length, bAt };
}

function fancyDims(A: Arrays, h: number): number {
  return A.isArray(h) && A.dtype(h).kind === 'b' ? Math.max(A.nd(h), 1) : 1;
}

/** The broadcast of the index arrays' shapes, or NumPy's shape-mismatch IndexError. */
function broadcastShapes(vm: Vm, shapes: number[][]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes)
    s.forEach((d, i) => {
      const j = nd - s.length + i;
      if (d === out[j] || d === 1) return;
      if (out[j] === 1) out[j] = d;
      else
        throw indexError(
          vm,
          `shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes
            .map((x) => shapeText(x))
            .join(' ')} `,
        );
    });
  return out;
}

/** For an array of `shape` broadcast to `to`: the array's flat position for a flat position of `to`. */
function broadcastIndexer(shape: readonly number[], to: readonly number[]): (flat: number) => number {
  const off = to.length - shape.length;
  return (flat) => {
    let rem = flat;
    let pos = 0;
    let mul = 1;
    for (let ax = to.length - 1; ax >= 0; ax--) {
      const c = rem % to[ax];
      rem = Math.floor(rem / to[ax]);
      const a = ax - off;
      if (a >= 0) {
        if (shape[a] !== 1) pos += c * mul;
        mul *= shape[a];
      }
    }
    return pos;
  };
}
