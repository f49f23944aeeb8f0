import type { MemoryRef } from './types';

/**
 * What the layers above the allocators (the interpreter, NumPy) can say about memory, so a
 * sentence names "the item buffer of a list of 1,000,000 items" rather than "a chunk of 8 MB".
 * explain/ only sees this interface: the worker passes in an implementation (src/engine/python/
 * owners), so explain never imports the interpreter.
 */

/** How a holder refers to the object it keeps alive. */
export type HolderRole =
  /** a module-level name is bound to it */
  | 'name'
  /** an ndarray view's base */
  | 'base'
  /** an item, value or member of a container */
  | 'item'
  /** any other reference */
  | 'ref';

/** Someone who keeps an object alive. */
export interface Holder {
  role: HolderRole;
  /** The name for role 'name' ("a"); otherwise the holder itself: "the view v", "the list keep", "a list of 10 items". */
  text: string;
  /** The holder's own memory (or, for a name, the object's). */
  ref?: MemoryRef;
}

/** Who owns one allocation, and who keeps that owner alive. */
export interface Owner {
  /** What the memory is: "the item buffer of a list of 1,000,000 items", "pymalloc's arenas[] vector (6,144 B for 128 arenas)". */
  what: string;
  /** Why it is where it is, when that explains it: "realloc'd while the 65th arena was made". */
  note?: string;
  /** Why it is never given back, for memory no object owns: "pymalloc never frees it". */
  kept?: string;
  /** The Python object the memory belongs to (its own block or chunk), when it is an object's. */
  object?: MemoryRef;
  /** Who keeps the object alive, nearest first; empty for interpreter bookkeeping (kept for good). */
  holders: Holder[];
}

/** A count of objects (or buffers) of one kind, with both forms of its noun. */
export interface NounCount {
  one: string;
  many: string;
  count: number;
}

/** The live blocks in a set of arenas, as Python objects. */
export interface ArenaResidents {
  /** Blocks matched to an object (headers and buffers), by kind, most first. */
  groups: NounCount[];
  /** Blocks matched, the sum of the groups. */
  blocks: number;
  /** The residents referenced from outside these arenas (by a name or another object), by kind. */
  roots: NounCount | null;
  /** Who holds the roots. */
  holders: Holder[];
  /** One surviving block to link to: a root's when there are roots. */
  example: MemoryRef | null;
}

/** A module-level name the step deleted or rebound whose object is still alive. */
export interface Unbound {
  name: string;
  /** The name now refers to another object (an assignment) rather than to nothing (del). */
  rebound: boolean;
  /** "an ndarray of 10,000,000 int64" */
  what: string;
  object: MemoryRef | null;
  /** The object's biggest allocation: its role ("data buffer"), bytes, and where (the ref's kind). */
  memory: { role: string; bytes: number; ref: MemoryRef } | null;
  holders: Holder[];
  /** The object's reference count (what a sentence can still say when no holder was found). */
  refcnt: number;
}

export interface OwnerQuery {
  /** User pointers of allocations: glibc chunks (chunk address + 16) and pymalloc blocks. */
  pointers: readonly number[];
  /** Base addresses of arenas whose survivors to describe. */
  arenas: readonly number[];
}

/** Objects kept alive only by reference cycles: what the cycle collector would free now. */
export interface CycleGarbage {
  objects: number;
  /** The most common kind among them ("list") and how many of them are of it. */
  noun: string;
  nounCount: number;
  /** Their memory: own blocks and buffers. */
  bytes: number;
  /** gc.isenabled(): false after gc.disable(), when only gc.collect() frees them. */
  gcEnabled: boolean;
  example: MemoryRef | null;
}

export interface OwnerAnswer {
  /** By pointer; a pointer nobody is known to own is absent. */
  owners: Map<number, Owner>;
  /** The residents of all the asked arenas together, or null when none were asked. */
  arenas: ArenaResidents | null;
  /** Names deleted or rebound in the step whose objects live on. */
  unbound: Unbound[];
  /** Cyclic garbage now, when the interpreter can tell (absent: not looked for). */
  cycles?: CycleGarbage | null;
}

/**
 * Asked once per explanation, with every address the sentences will name: an implementation
 * may scan every object once (a million handles is fine once, not once per sentence).
 */
export type OwnerLookup = (q: OwnerQuery) => OwnerAnswer;
