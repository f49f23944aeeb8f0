import { Extent } from './extent';

/**
 * The extent map (emap.c over rtree.c): page → extent, as jemalloc registers them. Every extent has
 * its first and last page registered (emap_register_boundary); an active slab has every page
 * (emap_register_interior), so a free of any region finds its slab. Coalescing asks for the extent
 * whose last page is just below, or whose first page is just above.
 */
export class ExtentMap {
  private readonly pages = new Map<number, Extent>();
  /** Called for each page entry written (rtree_leaf_elm_write): the rtree's leaves live in base memory. */
  onWrite: ((page: number) => void) | null = null;

  private set(page: number, e: Extent): void {
    this.pages.set(page, e);
    if (this.onWrite) this.onWrite(page);
  }

  registerBoundary(e: Extent): void {
    this.set(e.addr / 4096, e);
    this.set(e.end / 4096 - 1, e);
  }
  deregisterBoundary(e: Extent): void {
    this.clear(e.addr / 4096, e);
    this.clear(e.end / 4096 - 1, e);
  }
  /** A slab's inner pages (first and last are the boundary). */
  registerInterior(e: Extent): void {
    const first = e.addr / 4096;
    const last = e.end / 4096 - 1;
    for (let p = first + 1; p < last; p++) this.set(p, e);
  }
  deregisterInterior(e: Extent): void {
    const first = e.addr / 4096;
    const last = e.end / 4096 - 1;
    for (let p = first + 1; p < last; p++) this.clear(p, e);
  }
  /** The extent a pointer belongs to (emap_edata_lookup), or undefined. */
  lookup(ptr: number): Extent | undefined {
    return this.pages.get(Math.floor(ptr / 4096));
  }
  /** The extent starting right at `e`'s end. */
  after(e: Extent): Extent | undefined {
    const n = this.pages.get(e.end / 4096);
    return n && n.addr === e.end ? n : undefined;
  }
  /** The extent ending right at `e`'s start. */
  before(e: Extent): Extent | undefined {
    const n = this.pages.get(e.addr / 4096 - 1);
    return n && n.end === e.addr ? n : undefined;
  }
  private clear(page: number, e: Extent): void {
    if (this.pages.get(page) === e) this.pages.delete(page);
  }
}
