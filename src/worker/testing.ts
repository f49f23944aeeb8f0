import { createHash } from 'node:crypto';
import type { Snapshot } from '../engine/trace/snapshot';

/** Every field of a snapshot, typed arrays as their contents, in one digest (the landing tests' equality). */
export function snapshotDigest(s: Snapshot): string {
  const json = JSON.stringify(s, (_k, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
  );
  return createHash('sha256').update(json).digest('hex');
}
