import { useRun } from '../../client/runStore';
import { diffSnapshots, type Changes } from '../../derive/diff';
import type { Snapshot } from '../../engine/trace/snapshot';
import { useCompare } from '../../store/compare';

let memo: { a: Snapshot; b: Snapshot; r: Changes } | null = null;

/** The changes the views mark: against the compared step, else against the position shown before. */
export function changesNow(): { changes: Changes; base: 'compare' | 'previous' } | null {
  const r = useRun.getState();
  const cmp = useCompare.getState();
  const cur = r.snapshot;
  const base = cmp.position ? cmp.snapshot : (r.previous?.snapshot ?? null);
  if (!cur || !base || base === cur) return null;
  if (!memo || memo.a !== base || memo.b !== cur) memo = { a: base, b: cur, r: diffSnapshots(base, cur) };
  return { changes: memo.r, base: cmp.position ? 'compare' : 'previous' };
}

export function useChanges(): Changes | null {
  useRun((s) => s.snapshot);
  useRun((s) => s.previous);
  useCompare((s) => s.snapshot);
  useCompare((s) => s.position);
  return changesNow()?.changes ?? null;
}
