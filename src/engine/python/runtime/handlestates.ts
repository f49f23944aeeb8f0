/**
 * Per-handle JS state for the objects that need one (a class instance's __dict__ or values
 * array, its __slots__ members), keyed by handle like the table's columns. A Map of a million
 * instances cost 36% of `[P(i) for i in range(10**6)]` (measured: 6.4 s of 17.4 s, its hash probes
 * cache-missing in every full collection's traversal); this is a two-level dense array instead:
 * pages of 16,384 handles (the object table's block), made only for the blocks that hold such
 * objects, so the ints' and strs' blocks cost nothing here.
 */
const SHIFT = 14;
const MASK = (1 << SHIFT) - 1;

export class HandleStates<T> {
  private pages: (T | undefined)[][] = [];

  get(h: number): T | undefined {
    const p = this.pages[h >>> SHIFT];
    return p === undefined ? undefined : p[h & MASK];
  }

  set(h: number, v: T): void {
    const i = h >>> SHIFT;
    while (this.pages.length <= i) this.pages.push(undefined as unknown as (T | undefined)[]);
    let p = this.pages[i];
    // filled with undefined up front: a packed array, never V8's dictionary elements
    if (p === undefined) this.pages[i] = p = new Array<T | undefined>(MASK + 1).fill(undefined);
    p[h & MASK] = v;
  }

  delete(h: number): void {
    const p = this.pages[h >>> SHIFT];
    if (p !== undefined) p[h & MASK] = undefined;
  }
}
