import { useRunData, useRunSource } from '../../client/runContext';
import { useRun, type RunStore } from '../../client/runStore';
import { diffSnapshots, type Changes } from '../../derive/diff';
import type { Snapshot } from '../../engine/trace/snapshot';
import { useCompare } from '../../store/compare';

/**
 * Keyed on the snapshots' `scalars` (their layers): the copy the page makes when a landing's sentences
 * arrive shares them, so the diff (two passes over a million chunks on the seed) is not redone then.
 */
const memo = new WeakMap<Snapshot['scalars'], { a: Snapshot['scalars']; r: Changes }>();

/**
 * The changes the views mark: against the compared step (the page's own run), else against the
 * position shown before.
 */
export function changesNow(
  store: RunStore = useRun,
): { changes: Changes; base: 'compare' | 'previous' } | null {
  const r = store.getState();
  const cmp = useCompare.getState();
  const cur = r.snapshot;
  const against = store === useRun && cmp.position !== null;
  const base = against ? cmp.snapshot : (r.previous?.snapshot ?? null);
  if (!cur || !base || base.scalars === cur.scalars) return null;
  let hit = memo.get(cur.scalars);
  if (!hit || hit.a !== base.scalars) {
    hit = { a: base.scalars, r: diffSnapshots(base, cur) };
    memo.set(cur.scalars, hit);
  }
  return { changes: hit.r, base: against ? 'compare' : 'previous' };
}

export function useChanges(): Changes | null {
  const src = useRunSource();
  useRunData((s) => s.snapshot);
  useRunData((s) => s.previous);
  useCompare((s) => s.snapshot);
  useCompare((s) => s.position);
  return changesNow(src.store)?.changes ?? null;
}
