/**
 * A map from non-negative int32 keys to int32 values in two typed arrays (open addressing, linear
 * probing, deletion by backward shift). Used for the large bins' nextsize links: a JS Map there
 * made a third of the model's time garbage collection.
 */
export class IntMap {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 64) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(8, capacity)));
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> 0;
  }

  has(key: number): boolean {
    return this.indexOf(key) >= 0;
  }

  /** The value, or -1 when absent (values here are slots, never negative). */
  get(key: number): number {
    const i = this.indexOf(key);
    return i < 0 ? -1 : this.vals[i];
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const keys = this.keys;
    let i = this.slot(key) & this.mask;
    for (;;) {
      const k = keys[i];
      if (k === key) {
        this.vals[i] = value;
        return;
      }
      if (k < 0) {
        keys[i] = key;
        this.vals[i] = value;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  delete(key: number): void {
    let i = this.indexOf(key);
    if (i < 0) return;
    const keys = this.keys;
    const vals = this.vals;
    const mask = this.mask;
    // Backward-shift: pull later entries of the probe run into the hole.
    for (let j = (i + 1) & mask; keys[j] >= 0; j = (j + 1) & mask) {
      const home = this.slot(keys[j]) & mask;
      if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
        keys[i] = keys[j];
        vals[i] = vals[j];
        i = j;
      }
    }
    keys[i] = -1;
    this.size--;
  }

  private indexOf(key: number): number {
    // Often empty (no large-bin chunk, so no nextsize links), yet asked on every free of a chunk
    // past the small bins: three probes each time before this check.
    if (this.size === 0) return -1;
    const keys = this.keys;
    let i = this.slot(key) & this.mask;
    for (;;) {
      const k = keys[i];
      if (k === key) return i;
      if (k < 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  private rehash(cap: number): void {
    const oldK = this.keys;
    const oldV = this.vals;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] >= 0) this.set(oldK[i], oldV[i]);
  }
}
