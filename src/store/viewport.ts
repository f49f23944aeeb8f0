import { create } from 'zustand';

/** A 1-D zoom: visible = (layout - x) / k, as d3-zoom's transform restricted to x. */
export interface Zoom1D {
  k: number;
  x: number;
}
export const IDENTITY: Zoom1D = { k: 1, x: 0 };

export interface ViewportState {
  /** Timeline's visible event range, or null for the whole run. */
  timelineDomain: [number, number] | null;
  heapZoom: Zoom1D;
  mapZoom: Zoom1D;
  /** The jemalloc extent strip's zoom. */
  extentZoom: Zoom1D;
  /** mimalloc's segment rows: pixels per row. */
  segmentRowH: number;
  /** The timeline's x axis: equal width per statement, or proportional to allocator events. */
  timelineAxis: 'statement' | 'events';
  /** Shrink `import` statements on the timeline to a sliver. */
  collapseImports: boolean;
  /** The pool whose blocks are listed: its address. */
  openPool: number | null;
  /** The C library's slab or page whose blocks are listed (jemalloc, mimalloc): its address. */
  openUnit: number | null;
  /** A request to bring an address range into the heap strip's view (bumped by explanation links). */
  heapFocus: { from: number; to: number; seq: number } | null;
  focusHeap: (from: number, to: number) => void;
  setTimelineDomain: (d: [number, number] | null) => void;
  setHeapZoom: (z: Zoom1D) => void;
  setMapZoom: (z: Zoom1D) => void;
  setOpenPool: (p: number | null) => void;
  setExtentZoom: (z: Zoom1D) => void;
  setSegmentRowH: (h: number) => void;
  setOpenUnit: (u: number | null) => void;
}

export const useViewport = create<ViewportState>((set) => ({
  timelineDomain: null,
  timelineAxis: 'statement',
  collapseImports: false,
  heapZoom: IDENTITY,
  mapZoom: IDENTITY,
  extentZoom: IDENTITY,
  segmentRowH: 16,
  openPool: null,
  openUnit: null,
  heapFocus: null,
  focusHeap: (from, to) => set((s) => ({ heapFocus: { from, to, seq: (s.heapFocus?.seq ?? 0) + 1 } })),
  setTimelineDomain: (timelineDomain) => set({ timelineDomain }),
  setHeapZoom: (heapZoom) => set({ heapZoom }),
  setMapZoom: (mapZoom) => set({ mapZoom }),
  setOpenPool: (openPool) => set({ openPool }),
  setExtentZoom: (extentZoom) => set({ extentZoom }),
  setSegmentRowH: (segmentRowH) => set({ segmentRowH }),
  setOpenUnit: (openUnit) => set({ openUnit }),
}));
