import type { Extent } from './extent';
import type { JemallocMalloc } from './jemalloc';
import { BIN_INFO, PAGE } from './sizeClasses';

/**
 * The jemalloc model's structural invariants, for property tests: returns what is wrong (empty when
 * all hold). `held` is every pointer the program holds.
 *  - every region of every slab is in exactly one of: held by the program, in a thread cache, free in
 *    its slab's bitmap; large blocks are held or cached;
 *  - each arena's extents (slabs, large, dirty, muzzy, retained) tile the mappings it grew, with no
 *    gap and no overlap;
 *  - pages: active + dirty + muzzy = the mapped counter, and with retained they make the mappings;
 *  - each slab's nfree and the bins' curregs agree with the bitmaps; free slabs are never cached whole.
 */
export function checkJemalloc(je: JemallocMalloc, held: ReadonlySet<number>): string[] {
  const errs: string[] = [];
  const cached = new Set<number>();
  for (const t of je.threads.values())
    if (t.tcache)
      for (const b of t.tcache.bins)
        for (const p of b.items) {
          if (cached.has(p)) errs.push(`pointer ${p} cached twice`);
          cached.add(p);
        }
  for (const p of held) if (cached.has(p)) errs.push(`pointer ${p} both held and cached`);
  const accounted = new Set<number>();
  for (const a of je.arenas) {
    if (!a) continue;
    const extents: Extent[] = [];
    const curregs = new Array<number>(BIN_INFO.length).fill(0);
    for (const s of a.slabs) {
      extents.push(s);
      const info = BIN_INFO[s.binIndex];
      const bm = s.bitmap as Uint8Array;
      let used = 0;
      for (let r = 0; r < info.nregs; r++) {
        const p = s.addr + r * info.regSize;
        const inUse = held.has(p) || cached.has(p);
        if (bm[r] === 1) {
          used++;
          if (!inUse) errs.push(`region ${p} allocated in its bitmap but neither held nor cached`);
          accounted.add(p);
        } else if (inUse) errs.push(`region ${p} free in its bitmap but held or cached`);
      }
      if (info.nregs - used !== s.nfree)
        errs.push(`slab ${s.addr}: nfree ${s.nfree}, bitmap says ${info.nregs - used}`);
      if (used === 0) errs.push(`slab ${s.addr} is empty but still a slab`);
      curregs[s.binIndex] += used;
    }
    for (let i = 0; i < BIN_INFO.length; i++)
      if (curregs[i] !== a.curregs[i])
        errs.push(`arena ${a.index} bin ${i}: curregs ${a.curregs[i]}, slabs say ${curregs[i]}`);
    for (const e of a.large) {
      extents.push(e);
      const p = e.addr + e.randomOffset;
      if (!held.has(p) && !cached.has(p)) errs.push(`large block ${p} neither held nor cached`);
      accounted.add(p);
    }
    const pac = a.pac;
    for (const e of pac.inactiveExtents()) extents.push(e);
    extents.sort((x, y) => x.addr - y.addr);
    const maps = [...pac.mappings].sort((x, y) => x[0] - y[0]);
    let mapped = 0;
    for (const [, size] of maps) mapped += size;
    let i = 0;
    for (const [start, size] of maps) {
      let at = start;
      while (i < extents.length && extents[i].addr < start + size) {
        if (extents[i].addr !== at)
          errs.push(`arena ${a.index}: extents leave a gap or overlap at ${at} (next at ${extents[i].addr})`);
        at = extents[i].end;
        i++;
      }
      if (at !== start + size)
        errs.push(`arena ${a.index}: mapping [${start}, ${start + size}) covered to ${at} only`);
    }
    if (i !== extents.length)
      errs.push(`arena ${a.index}: ${extents.length - i} extents outside its mappings`);
    const active = pac.nactive;
    const dirty = pac.dirty.npages;
    const muzzy = pac.muzzy.npages;
    const retained = pac.retained.npages;
    if ((active + dirty + muzzy) * PAGE !== pac.mappedBytes)
      errs.push(
        `arena ${a.index}: active+dirty+muzzy ${(active + dirty + muzzy) * PAGE} ≠ mapped counter ${pac.mappedBytes}`,
      );
    if ((active + dirty + muzzy + retained) * PAGE !== mapped)
      errs.push(
        `arena ${a.index}: pages of all states ${(active + dirty + muzzy + retained) * PAGE} ≠ its mappings ${mapped}`,
      );
    let activePages = 0;
    for (const e of a.slabs) activePages += e.size / PAGE;
    for (const e of a.large) activePages += e.size / PAGE;
    if (activePages !== active) errs.push(`arena ${a.index}: nactive ${active}, slabs+large ${activePages}`);
  }
  for (const p of held) if (!accounted.has(p)) errs.push(`held pointer ${p} is in no slab or large extent`);
  const st = je.readStats();
  if (st.allocated > st.active) errs.push(`allocated ${st.allocated} > active ${st.active}`);
  return errs;
}
