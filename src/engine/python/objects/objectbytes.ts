import type { Vm } from '../runtime/vm';

/**
 * PyObject_Bytes as int.from_bytes calls it, set by bytesnew.ts when it loads. A module of its
 * own with no imports: intbytes.ts importing bytesnew.ts would close an import cycle through
 * memoryview and the bytes methods, which read `Meth` before types.ts is initialised.
 */
export const objectBytesHook: { f: ((vm: Vm, a: number) => number) | null } = { f: null };
