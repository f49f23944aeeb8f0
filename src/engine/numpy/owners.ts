import type { OwnerProvider } from '../python/owners';
import { NCACHE } from './constants';
import type { NumpyRuntime } from './module';
import { size } from './ndarray';

const n = (k: number): string => k.toLocaleString('en-US');

/**
 * What NumPy tells the owner lookup (src/engine/python/owners): an array's data buffer and its
 * shape-and-strides block, the base a view keeps alive (PyArray_SetBaseObject collapses it to the
 * array that owns the data), and the buffers NumPy's allocation caches hold for reuse.
 */
export function numpyOwnerProvider(rt: NumpyRuntime): OwnerProvider {
  const A = rt.arrays;
  return {
    types: [rt.arrays.typeId],
    describe(h) {
      const st = A.state(h);
      const shape = st.shape.length > 1 ? ` (${st.shape.map(n).join(' × ')})` : '';
      return `${st.own ? 'an ndarray' : 'a view'} of ${n(size(st.shape))} ${st.dtype.name}${shape}`;
    },
    noun: (h) => (A.state(h).own ? 'ndarray' : 'view'),
    buffers(h, each) {
      const st = A.state(h);
      if (st.own && st.data) each(st.data, 'data buffer');
      if (st.dims) each(st.dims, 'shape and strides');
    },
    references(h, visit) {
      const base = A.state(h).base;
      if (base) visit(base, 'base');
    },
    internals(each) {
      const data = rt.alloc.datacache;
      for (let nbytes = 0; nbytes < data.length; nbytes++) {
        const bucket = data[nbytes];
        for (const p of bucket)
          each(
            p,
            `NumPy's data cache (${n(bucket.length)} buffer${bucket.length === 1 ? '' : 's'} of ${n(nbytes)} B)`,
            `NumPy keeps up to ${NCACHE} freed buffers of each size below 1 KiB for the next array`,
          );
      }
      const dims = rt.alloc.dimcache;
      for (let k = 0; k < dims.length; k++)
        for (const p of dims[k])
          each(
            p,
            `NumPy's shape-and-strides cache (${n(dims[k].length)} of ${n(8 * k)} B)`,
            `NumPy keeps up to ${NCACHE} freed blocks of each size for the next array`,
          );
    },
  };
}
