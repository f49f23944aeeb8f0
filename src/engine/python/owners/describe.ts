import type { MemoryRef } from '../../explain/types';
import { typeName } from '../abstract/object';
import { dictData } from '../objects/dictkeys';
import { heapInstanceState } from '../objects/instance';
import { setData } from '../objects/set';
import { F_FREELISTED, F_IMMORTAL } from '../objects/table';
import { T } from '../objects/types';
import type { PythonProcess } from '../process';
import type { Vm } from '../runtime/vm';
import type { OwnerProvider } from './providers';

/** What the owner lookup reads: the process, and the providers by extension type id. */
export interface OwnerContext {
  p: PythonProcess;
  vm: Vm;
  byType: (OwnerProvider | undefined)[];
}

export const count = (n: number, one: string, many = one + 's'): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export const withArticle = (noun: string): string => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

/** ordinal(65) = "65th". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** The object's kind as a user calls it: "list", "view" (a NumPy array that borrows its data). */
export function objectNoun(ctx: OwnerContext, h: number): string {
  const type = ctx.vm.table.type[h];
  return ctx.byType[type]?.noun(h) ?? typeName(ctx.vm, h);
}

/** A noun phrase for a live object: "a list of 1,000,000 items", "an ndarray of 10,000,000 int64". */
export function describeObject(ctx: OwnerContext, h: number): string {
  const t = ctx.vm.table;
  const type = t.type[h];
  const name = typeName(ctx.vm, h);
  if (t.flags[h] & F_FREELISTED) return `a dead ${name} kept on CPython's ${name} free list`;
  const n = t.n[h];
  switch (type) {
    case T.List:
    case T.Tuple:
    case T.Dict:
    case T.Set:
    case T.FrozenSet:
      return `${withArticle(name)} of ${count(n, 'item')}`;
    case T.Str:
      return `a str of ${count(n, 'character')}`;
    case T.Bytes:
      return `a bytes object of ${count(n, 'byte')}`;
    case T.ByteArray:
      return `a bytearray of ${count(n, 'byte')}`;
    default:
      return ctx.byType[type]?.describe(h) ?? instancePhrase(ctx.vm, h) ?? withArticle(name);
  }
}

/**
 * A class's instance, in the words of its version's layout: on 3.13 the attributes live inline
 * in the object (one block); before, a managed dict's values are an array of their own.
 */
function instancePhrase(vm: Vm, h: number): string | null {
  const st = heapInstanceState(vm, h);
  if (st === null || st.dict !== 0 || st.values === null) return null;
  const name = typeName(vm, h);
  const n = count(st.values.size, 'attribute slot');
  return st.values.addr === 0
    ? `${withArticle(name)} instance with its ${n} inline in its own block (CPython ${vm.py.name}: one allocation)`
    : `${withArticle(name)} instance whose ${n} sit in a separate values array (CPython ${vm.py.name}: two allocations)`;
}

/** The role of the one buffer a built-in type owns besides its own block, by type id. */
export const BUFFER_ROLE: Partial<Record<number, string>> = {
  [T.List]: 'item buffer',
  [T.ByteArray]: 'buffer',
  [T.Dict]: 'hash table',
  [T.Set]: 'hash table',
  [T.FrozenSet]: 'hash table',
};

/** Where that buffer's address is kept, by type id: 1 the `ptr` column, 2 a dict's keys, 3 a set's table. */
export const BUFFER_AT = new Uint8Array(T.FirstDynamic);
BUFFER_AT[T.List] = 1;
BUFFER_AT[T.ByteArray] = 1;
BUFFER_AT[T.Dict] = 2;
BUFFER_AT[T.Set] = 3;
BUFFER_AT[T.FrozenSet] = 3;

/** The buffer a built-in object owns (list ob_item, bytearray ob_bytes, dict keys, set table), or 0. */
export function builtinBuffer(vm: Vm, h: number, type: number): number {
  switch (BUFFER_AT[type]) {
    case 1:
      return vm.table.ptr[h];
    case 2:
      return dictData(vm, h)?.keysAddr ?? 0;
    case 3:
      return setData(vm, h)?.tableAddr ?? 0;
    default:
      return 0;
  }
}

/** The allocations an object owns besides its own block (whose address is the table's `addr`). */
export function eachBuffer(ctx: OwnerContext, h: number, each: (ptr: number, role: string) => void): void {
  const type = ctx.vm.table.type[h];
  const provider = ctx.byType[type];
  if (provider !== undefined) {
    provider.buffers(h, each);
    return;
  }
  const ptr = builtinBuffer(ctx.vm, h, type);
  if (ptr) each(ptr, BUFFER_ROLE[type]!);
  // a class instance's values array (3.11, 3.12; 3.13 keeps the values inline: no buffer)
  const values = heapInstanceState(ctx.vm, h)?.values;
  if (values && values.addr !== 0) each(values.addr, 'attribute values array');
}

/** An object that was never allocated (static: in the binary) or is never freed. */
export const isStatic = (vm: Vm, h: number): boolean => (vm.table.flags[h] & F_IMMORTAL) !== 0;

/**
 * The memory behind an allocator pointer, as the views select it: a pymalloc block, a heap
 * chunk or an mmapped chunk (chunk addresses are the pointer − 16), with its size in bytes.
 */
export function allocationRef(p: PythonProcess, ptr: number): { ref: MemoryRef; bytes: number } | null {
  if (ptr <= 0) return null;
  const bs = p.pymalloc.blockSize(ptr);
  if (bs > 0) return { ref: { kind: 'block', address: ptr, size: bs }, bytes: bs };
  const a = p.libc.allocationAt(ptr);
  if (a === null) return null;
  return a.kind === 'mapped'
    ? { ref: { kind: 'mmappedChunk', address: a.start, size: a.size }, bytes: a.size }
    : { ref: { kind: 'chunk', address: a.start, size: a.size }, bytes: a.size };
}
