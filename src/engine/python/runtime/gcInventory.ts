/**
 * The collector's counted population: the tracked objects of the start-up and of each imported
 * module's footprint, which the simulator does not model one by one (11,653 at the recorder's
 * `<start>` on 3.11.7) but which a real gc.get_objects() lists. The collector keeps them as
 * counts in its generation sizes (Gc.size, beside the modelled objects of each list); this
 * records what they are: one segment per source, oldest first, each a type-name histogram
 * measured on the real interpreter (tools/gc/record_inventory.py) and how many of its objects
 * the counters hold.
 *
 * Generations age oldest first (a collection merges a younger list onto the tail of the older
 * one; gc.freeze moves everything into the permanent generation), so the population in the
 * counters is ordered: the permanent generation's share is its oldest objects, then generation
 * 2's, 1's, 0's. Phantom i (0 = oldest) is the i-th object of the segments laid end to end, each
 * segment's types in the order the real list first met them (so Counter's ties fall as they do).
 */
export type TypeHistogram = readonly (readonly [string, number])[];

interface Segment {
  readonly source: string;
  /**
   * Type names, one per object, in order (expanded once: at most some 10^4 entries); null for
   * one the model now holds as a modelled object (adopt): it keeps its place, so the others stay
   * in their generations.
   */
  readonly names: (string | null)[];
}

export class GcInventory {
  private readonly segments: Segment[] = [];
  private total = 0;

  /** A source's objects joined the counters (`n` of them, net): its histogram, cut to `n`. */
  add(source: string, histogram: TypeHistogram | undefined, n: number): void {
    if (histogram === undefined || n <= 0) return;
    const names: string[] = [];
    // biggest types first when the counters hold fewer than the histogram (an import's net count
    // is below the sum of its positive per-type changes when it also freed start-up objects)
    for (const [name, count] of histogram) {
      if (count <= 0) continue;
      for (let i = 0; i < count && names.length < n; i++) names.push(name);
    }
    this.segments.push({ source, names });
    this.total += names.length;
  }

  /**
   * A modelled module made `count` tracked objects of type `name` that the counted population
   * already holds (a start-up module's functions and classes, made when the script first imports
   * its model): they leave the inventory, the source's newest first, then any other source's.
   * Returns how many were found.
   */
  adopt(source: string, name: string, count: number): number {
    let left = count;
    const order = [...this.segments].reverse().sort((a, b) => +(b.source === source) - +(a.source === source));
    for (const seg of order)
      for (let i = seg.names.length - 1; i >= 0 && left > 0; i--)
        if (seg.names[i] === name) {
          seg.names[i] = null;
          this.adopted++;
          left--;
        }
    return count - left;
  }

  /**
   * `count` of a source's objects were garbage and are freed (an import's cycles: modules/
   * importGarbage.ts): its newest ones leave the inventory.
   */
  drop(source: string, count: number): void {
    const seg = this.segments.find((s) => s.source === source);
    if (seg === undefined) return;
    const n = Math.min(count, seg.names.length);
    for (const name of seg.names.splice(seg.names.length - n, n)) if (name === null) this.adopted--;
    this.total -= n;
  }

  /** How many counted objects are modelled ones now (adopt). */
  adopted = 0;

  /** How many phantoms have a known type (adopted ones included: they keep their places). */
  get known(): number {
    return this.total;
  }

  /** The type name of phantom `i` (oldest first); null past what the recordings know, or adopted. */
  typeName(i: number): string | null {
    for (const s of this.segments) {
      if (i < s.names.length) return s.names[i];
      i -= s.names.length;
    }
    return null;
  }

  /** The sources, oldest first (the start-up, then each import). */
  get sources(): string[] {
    return this.segments.map((s) => s.source);
  }
}
