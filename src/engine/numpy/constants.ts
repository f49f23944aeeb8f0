/**
 * NumPy 1.24.2's numbers, as Debian's python3-numpy on /usr/bin/python3 3.11.2 (x86-64) uses them.
 * Sources: numpy/core/src/multiarray/alloc.c, ctors.c, arrayobject.c, temp_elide.c and
 * numpy/core/include/numpy/ndarraytypes.h at tag v1.24.2.
 */

/** alloc.c: NBUCKETS, the data cache's exact-size buckets (nbytes 0..1023 are cached). */
export const NBUCKETS = 1024;
/** alloc.c: NBUCKETS_DIM, the dims/strides cache's buckets (element counts 0..15). */
export const NBUCKETS_DIM = 16;
/** alloc.c: NCACHE, pointers kept per bucket. */
export const NCACHE = 7;
/** alloc.c _npy_alloc_cache: madvise(MADV_HUGEPAGE) for allocations of at least 1 << 22 bytes. */
export const HUGEPAGE_MIN_BYTES = 1 << 22;
/** alloc.c: the page size the madvise offset is computed with (4096u). */
export const PAGE = 4096;
/** x86-64 PMD size: what a transparent huge page covers. */
export const HUGE_PAGE = 2 * 1024 * 1024;

/**
 * sizeof(PyArrayObject_fields): head 16, data 8, nd 4 + pad, dimensions, strides, base, descr,
 * flags 4 + pad, weakreflist, _buffer_info, mem_handler = 96 (np.ndarray.__basicsize__).
 */
export const ARRAY_OBJECT_SIZE = 96;

/** temp_elide.c: NPY_MIN_ELIDE_BYTES (256 KiB) without Py_DEBUG. */
export const NPY_MIN_ELIDE_BYTES = 256 * 1024;
/** ndarraytypes.h: NPY_BUFSIZE, the iterator's buffer length in elements. */
export const NPY_BUFSIZE = 8192;
/** ndarraytypes.h: NPY_MAXDIMS. */
export const NPY_MAXDIMS = 32;

/** The NumPy version modelled (Debian bookworm's python3-numpy). */
export const NUMPY_VERSION = '1.24.2';
