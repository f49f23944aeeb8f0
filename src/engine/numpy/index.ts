/** NumPy 1.24.2 over the simulated CPython 3.11 (see README.md). */
export { installNumpy, runScriptWithNumpy, NUMPY_VERSION, type NumpyHandle } from './install';
export { NumpyRuntime } from './module';
export { NpyAlloc, libcOf, rawMalloc } from './alloc';
export { Arrays, type ArrayState } from './ndarray';
export { importFootprint, type ImportReport } from './importFootprint';
export * from './dtypes';
export * from './constants';
