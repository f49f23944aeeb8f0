import type { Owner } from '../../explain/owners';
import { bytes } from '../../explain/format';
import {
  ARENA_OBJECT_SIZE,
  INITIAL_ARENA_OBJECTS,
  MAP_BOT_BYTES,
  MAP_MID_BYTES,
} from '../../pymalloc/constants';
import { count, ordinal, type OwnerContext } from './describe';
import { ownerProviders } from './providers';

const RADIX_KEPT = 'pymalloc never frees its radix-tree nodes';

/**
 * Owners of the memory that belongs to no Python object: pymalloc's own bookkeeping on the glibc
 * heap, the interpreter's free lists of raw blocks, the layers' caches and what the start-up
 * (or an imported library) allocated for itself. Only the asked pointers are looked at.
 */
export function interpreterOwners(
  ctx: OwnerContext,
  asked: ReadonlySet<number>,
  out: Map<number, Owner>,
): void {
  const put = (ptr: number, owner: Owner): void => {
    if (asked.has(ptr) && !out.has(ptr)) out.set(ptr, owner);
  };
  const st = ctx.p.pymalloc.st;
  if (st.vectorPtr) {
    const n = st.maxarenas;
    put(st.vectorPtr, {
      what: `pymalloc's arenas[] vector (${bytes(n * ARENA_OBJECT_SIZE)} for ${count(n, 'arena')})`,
      // new_arena doubles the vector when every arena object is taken: the one after the last
      // doubling's old size was being made when realloc moved it here.
      note:
        n > INITIAL_ARENA_OBJECTS
          ? `realloc'd while the ${ordinal(n / 2 + 1)} arena was made`
          : 'allocated with the first arena',
      kept: 'pymalloc only ever grows that vector, never frees it',
      holders: [],
    });
  }
  const radix = st.radix;
  for (const node of radix.mid.values())
    put(node, {
      what: `a pymalloc radix-tree node (mid level, ${bytes(MAP_MID_BYTES)})`,
      kept: RADIX_KEPT,
      holders: [],
    });
  for (const node of radix.bot.values())
    put(node, {
      what: `a pymalloc radix-tree node (bottom level, ${bytes(MAP_BOT_BYTES)})`,
      kept: RADIX_KEPT,
      holders: [],
    });
  for (const node of radix.adopted)
    put(node.address, {
      what: `a pymalloc radix-tree node the start-up calloc'd ahead of use`,
      kept: RADIX_KEPT,
      holders: [],
    });

  const dictKeys = ctx.vm.free.dictKeys;
  for (const ptr of dictKeys)
    put(ptr, {
      what: `a dead dict's hash table on CPython's dict-keys free list (${count(dictKeys.length, 'table')})`,
      kept: 'CPython reuses it for the next small dict',
      holders: [],
    });

  for (const prov of ownerProviders(ctx.vm))
    prov.internals?.((ptr, what, kept) => put(ptr, { what, kept, holders: [] }));

  // Last: the start-up's trace ids also name blocks an import replayed later, so this is the
  // least specific answer and never overrides one above.
  for (const ptr of ctx.p.boot.liveIds.values())
    put(ptr, { what: 'a block the interpreter (or a library it loaded) allocated for itself', holders: [] });
}
