import walks3117 from './gcInventory/walks-cpython-3.11.7.json';
import walks3121 from './gcInventory/walks-cpython-3.12.1.json';
import walks3130 from './gcInventory/walks-cpython-3.13.0.json';
import type { FreeLists } from './freelists';

/**
 * What an import does to generation 0's count, given how full the free lists are when it starts
 * (tools/gc/record_import_walks.py). A tuple, list or dict taken from its free list is not linked
 * (no _PyObject_GC_Link), and one freed onto a free list with room is not deleted (no
 * PyObject_GC_Del), so the count an import adds depends on the lists: `import textwrap` in the
 * recorder's child (lists emptied by its start-up collection) adds 278, with every list half full
 * 61, with every list full 32. A footprint's captured count is the first figure; a script that
 * imports a second module finds the lists the first one filled (13 modules on one line: 524 links
 * over the real run when each added its captured count).
 *
 * Per free list the import is a walk of the list's level: `net` its change, `fall` its deepest
 * fall below the start (allocations that find the list empty link), `rise` its highest rise
 * (frees that find it full delete). From level L with capacity M it links `base` + Σ max(0, fall
 * − L) − max(0, L + rise − M) and leaves the list at L + net + (empty hits) − (full hits).
 */
export interface ImportWalk {
  /** The count's change with no list ever empty or full. */
  readonly base: number;
  /** Per free list as the recorder names it ("PyListObjects", "2-sized PyTupleObjects"): [net, fall, rise]. */
  readonly lists: Record<string, readonly number[]>;
}

interface WalkRecording {
  python: string;
  walks: Record<string, ImportWalk>;
  alone: Record<string, ImportWalk>;
}

const RECORDINGS: Record<string, WalkRecording> = {
  '3.11.7': walks3117 as WalkRecording,
  // the same modules' walks on pyenv's 3.12.1 and 3.13.0 (those with a capture there: 78 and 76 of
  // 3.11.7's 90); the free lists' capacities are 3.11's on both (80 lists, 80 dicts, 2000 tuples)
  '3.12.1': walks3121 as WalkRecording,
  '3.13.0': walks3130 as WalkRecording,
};

/** The walk of `import name` (after its dependencies, or `alone`: them nested inside it), if recorded. */
export function importWalk(version: string | null, name: string, alone: boolean): ImportWalk | undefined {
  const r = version === null ? undefined : RECORDINGS[version];
  return alone ? r?.alone[name] : r?.walks[name];
}

export interface FreeListCapacity {
  readonly list: number;
  readonly dict: number;
  readonly tuple: number;
}

/** The modelled handles on the free list the recorder names `list`, and its capacity. */
function modelled(free: FreeLists, cap: FreeListCapacity, list: string): [number, number] | null {
  if (list === 'PyListObjects') return [free.lists.length, cap.list];
  if (list === 'PyDictObjects') return [free.dicts.length, cap.dict];
  const m = /^(\d+)-sized PyTupleObjects$/.exec(list);
  if (m === null) return null;
  const stack = free.tuples[Number(m[1]) - 1];
  return stack === undefined ? null : [stack.length, cap.tuple];
}

/**
 * Play the import's walk on the process's free lists: how many objects it links net of those it
 * deletes, and each list's level after it. The objects a replayed import leaves on a real free
 * list have no handle here (their blocks are the footprint's live blocks): FreeLists.imported
 * counts them, so the next import finds the list as full as the real one does.
 */
export function playWalk(walk: ImportWalk, free: FreeLists, cap: FreeListCapacity): number {
  let links = walk.base;
  for (const [list, [net, fall, rise]] of Object.entries(walk.lists)) {
    const m = modelled(free, cap, list);
    if (m === null) continue;
    const [handles, capacity] = m;
    const level = Math.min(capacity, Math.max(0, handles + (free.imported.get(list) ?? 0)));
    const empty = Math.max(0, fall - level);
    const full = Math.max(0, level + rise - capacity);
    links += empty - full;
    const after = Math.min(capacity, Math.max(0, level + net + empty - full));
    free.imported.set(list, after - handles);
  }
  return links;
}
