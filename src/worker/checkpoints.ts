import type { Snapshot } from '../engine/trace/snapshot';
import { snapshotBytes } from './transfer';

/**
 * Snapshots at statement ends, so stepping between statements costs a copy, not a re-run. A
 * million-chunk heap makes a 9 MB snapshot, so the store keeps at most BUDGET bytes and evicts the
 * least recently used (never the first or last); a miss re-runs the script to that statement.
 */
const BUDGET = 400 * 1024 * 1024;

export class Checkpoints {
  private map = new Map<number, Snapshot>();
  private bytes = 0;
  last = -1;

  get(k: number): Snapshot | undefined {
    const s = this.map.get(k);
    if (s) {
      // Map keeps insertion order: re-insert to mark it recently used.
      this.map.delete(k);
      this.map.set(k, s);
    }
    return s;
  }

  /** Forget statement k's snapshot (as an eviction does): the next landing there replays. */
  delete(k: number): void {
    const s = this.map.get(k);
    if (!s) return;
    this.bytes -= snapshotBytes(s);
    this.map.delete(k);
  }

  put(k: number, s: Snapshot): void {
    const old = this.map.get(k);
    if (old) this.bytes -= snapshotBytes(old);
    this.map.delete(k);
    this.map.set(k, s);
    this.bytes += snapshotBytes(s);
    this.last = Math.max(this.last, k);
    for (const key of this.map.keys()) {
      if (this.bytes <= BUDGET) break;
      if (key === 0 || key === this.last) continue;
      this.bytes -= snapshotBytes(this.map.get(key)!);
      this.map.delete(key);
    }
  }
}
