import type { Sentence } from '../engine/explain/types';

/**
 * The sentences already written for positions inside statements, by position. A run is
 * deterministic (every replay that reaches event E of statement S stands in the state the first run
 * had there), so a landing where one has already been — a step back and forth, ← → ←, a click on
 * the same place — takes its sentences from here instead of an interpreter replay and explainStep
 * (on the first seed: a replay from the copy 2^17 events behind, 70–130 ms, and explainStep's scan
 * of a million objects, ~45 ms CPU). Least recently used out first; a seed sentence list is ~2 KB,
 * so the bound holds well under a megabyte.
 */
export class SentenceCache {
  private readonly kept = new Map<string, Sentence[]>();

  constructor(private readonly max = 256) {}

  get(statement: number, event: number): Sentence[] | null {
    const key = `${statement}:${event}`;
    const said = this.kept.get(key);
    if (!said) return null;
    // most recently used last (a Map keeps insertion order)
    this.kept.delete(key);
    this.kept.set(key, said);
    return said;
  }

  put(statement: number, event: number, said: Sentence[]): void {
    const key = `${statement}:${event}`;
    this.kept.delete(key);
    this.kept.set(key, said);
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
  }

  get size(): number {
    return this.kept.size;
  }
}
