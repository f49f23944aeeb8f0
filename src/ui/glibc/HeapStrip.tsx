import { useEffect, useId, useState } from 'react';
import { useRunData } from '../../client/runContext';
import { glibcOf, type Snapshot } from '../../engine/trace/snapshot';
import { chunkAtOrAfter, heapLod } from '../../derive/heapLod';
import { heapPin } from '../../derive/heapPin';
import { CHUNK_CATEGORIES } from '../../derive/palette';
import { refRange } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { fmtBytes } from '../format';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { useZoom1D } from '../frame/useZoom1D';
import { useChanges } from '../shell/useChanges';
import { binMatcher } from './binMatch';
import { STRIP, drawHeapStrip, offsetToPx, plotWidth, pxToOffset, type StripView } from './drawHeapStrip';

/** A chunk's words for the hover, the selection and screen readers. */
export function chunkText(state: number, size: number, offset: number): string {
  const cat = CHUNK_CATEGORIES[state - 1];
  return `${fmtBytes(size)} ${cat ? cat.label : ''} at +${fmtBytes(offset)}`;
}

/**
 * The brk heap as a strip of chunks: wheel or drag to zoom from the whole heap to single chunks.
 * Focused: ← → select the previous or next chunk, + − zoom, 0 fits, Enter goes to the selection's
 * details. Changes since the last position shown are marked above the chunks.
 */
export function HeapStrip(): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const snap = useRunData((s) => s.snapshot);
  // The main arena's brk heap (null under another allocator: this view is glibc's).
  const g = snap ? glibcOf(snap) : null;
  const z = useViewport((s) => s.heapZoom);
  const selected = useSelection((s) => s.selected);
  const focus = useViewport((s) => s.heapFocus);
  const changes = useChanges();
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);
  const descId = useId();
  const heapBytes = snap && g ? Math.max(1, snap.scalars.brk - snap.scalars.heapStart) : 1;
  // Deep enough that a 32-byte chunk is ~24 CSS pixels wide.
  const maxK = Math.max(2, (24 * heapBytes) / (32 * plotWidth(width)));
  const zoomer = useZoom1D(
    ref,
    { width, height, left: STRIP.left, right: STRIP.right, maxK },
    () => useViewport.getState().heapZoom,
    (t) => useViewport.getState().setHeapZoom(t),
    [snap === null, heapBytes],
  );

  const view = (w: number, h: number): StripView | null =>
    snap && g
      ? {
          heap: g!.heap,
          lod: heapLod(g!.heap, 0),
          width: w,
          height: h,
          k: z.k,
          x: z.x,
          selected: (() => {
            const r = refRange(selected);
            return r ? [r[0] - snap.scalars.heapStart, r[1] - snap.scalars.heapStart] : null;
          })(),
          binMatch: binMatcher(selected),
          pin: heapPin(g!.heap, 0),
          changes: changes?.heap ?? null,
        }
      : null;

  useEffect(() => {
    const canvas = ref.current;
    const v = view(width, height);
    if (!canvas || width === 0 || !v) return;
    requestDraw(`heap-strip${descId}`, () => drawHeapStrip(canvas, v));
  });

  // Bring a focused range into view: it fills about a tenth of the plot, so its neighbours show too.
  useEffect(() => {
    if (!focus || !snap || !g || width === 0) return;
    const from = focus.from - snap.scalars.heapStart;
    const to = focus.to - snap.scalars.heapStart;
    const k = Math.min(maxK, Math.max(1, heapBytes / Math.max(64, (to - from) * 10)));
    const centre = STRIP.left + ((from + to) / 2 / heapBytes) * plotWidth(width);
    zoomer.zoomTo(k, width / 2 - k * centre);
  }, [focus?.seq]);

  const selectChunk = (i: number, reveal: boolean): void => {
    if (!snap || !g) return;
    const address = snap.scalars.heapStart + g.heap.gran[i] * 16;
    const size = g!.heap.sizeG[i] * 16;
    useSelection.getState().select({ kind: 'chunk', address, size });
    if (!reveal) return;
    const v = view(width, height)!;
    const a = offsetToPx(v, g!.heap.gran[i] * 16);
    const b = offsetToPx(v, (g!.heap.gran[i] + g!.heap.sizeG[i]) * 16);
    if (a < STRIP.left || b > width - STRIP.right || b - a < 2)
      useViewport.getState().focusHeap(address, address + size);
  };

  const selectedIndex = (): number => {
    if (!snap || !g || selected?.kind !== 'chunk') return -1;
    const gran = (selected.address - snap.scalars.heapStart) / 16;
    const i = chunkAtOrAfter(g.heap, gran);
    return i < g.heap.count && g.heap.gran[i] === gran ? i : -1;
  };

  const onKey = (e: React.KeyboardEvent): void => {
    if (!snap || !g || g.heap.count === 0) return;
    const i = selectedIndex();
    const start = i >= 0 ? i : Math.max(0, heapPin(g!.heap, 0));
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const d = e.key === 'ArrowRight' ? 1 : -1;
      selectChunk(i < 0 ? start : Math.max(0, Math.min(g!.heap.count - 1, i + d)), true);
    } else if (e.key === 'Home') selectChunk(0, true);
    else if (e.key === 'End') selectChunk(g!.heap.count - 1, true);
    else if (e.key === '+' || e.key === '=') zoomer.zoomBy(2);
    else if (e.key === '-' || e.key === '_') zoomer.zoomBy(0.5);
    else if (e.key === '0') zoomer.fit();
    else if (e.key === 'Enter') {
      if (i < 0) selectChunk(start, true);
      else document.querySelector<HTMLElement>('[data-testid="selection"]')?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  /** The chunk under the pointer, as its index, or -1. */
  const chunkAt = (e: React.MouseEvent<HTMLCanvasElement>): number => {
    if (!snap || !g) return -1;
    const rect = e.currentTarget.getBoundingClientRect();
    const off = pxToOffset({ width, k: z.k, x: z.x, lod: heapLod(g!.heap, 0) }, e.clientX - rect.left);
    const i = chunkAtOrAfter(g!.heap, Math.floor(off / 16));
    return off >= 0 && i < g!.heap.count ? i : -1;
  };

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const i = chunkAt(e);
    if (i < 0 || !snap || !g) return setHover(null);
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setHover({ x, text: chunkText(g!.heap.state[i], g!.heap.sizeG[i] * 16, g!.heap.gran[i] * 16) });
  };

  const si = selectedIndex();
  const pin = g ? heapPin(g.heap, 0) : -1;
  const desc =
    snap && g
      ? `Heap of ${fmtBytes(heapBytes)} in ${g!.heap.count.toLocaleString('en-US')} chunks: in use ${fmtBytes(g!.mallinfo.uordblks)}, free ${fmtBytes(g!.mallinfo.fordblks)}, top ${fmtBytes(g!.mallinfo.keepcost)}.` +
        (pin >= 0
          ? ` The highest chunk not free, which the heap cannot shrink below: ${chunkText(g!.heap.state[pin], g!.heap.sizeG[pin] * 16, g!.heap.gran[pin] * 16)}.`
          : '') +
        (si >= 0
          ? ` Selected: chunk ${si + 1} of ${g!.heap.count}, ${chunkText(g!.heap.state[si], g!.heap.sizeG[si] * 16, g!.heap.gran[si] * 16)}.`
          : '') +
        (z.k > 1 ? ` Zoomed ${z.k.toFixed(1)}×.` : '')
      : 'No run yet.';
  return (
    <div className="heap-strip-box">
      <canvas
        ref={ref}
        className="heap-strip view-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="heap strip"
        aria-label="glibc heap chunks: ← → select a chunk, + − zoom, 0 fit, Enter for details"
        aria-describedby={descId}
        onKeyDown={onKey}
        onClick={(e) => {
          const i = chunkAt(e);
          if (i >= 0) selectChunk(i, false);
        }}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
      />
      <p id={descId} className="sr-only" aria-live="polite">
        {desc}
      </p>
      {hover && (
        <span className="hover-tip" style={{ left: Math.max(0, Math.min(hover.x + 10, width - 240)) }}>
          {hover.text}
        </span>
      )}
    </div>
  );
}

/** The strip's drawing for an export figure (the same view, drawn into the figure's context). */
export function heapStripFigure(snap: Snapshot, width: number, height: number): StripView | null {
  const g = glibcOf(snap);
  if (!g) return null;
  const z = useViewport.getState().heapZoom;
  return {
    heap: g!.heap,
    lod: heapLod(g!.heap, 0),
    width,
    height,
    k: z.k,
    x: z.x,
    selected: null,
    binMatch: null,
    pin: heapPin(g!.heap, 0),
    changes: null,
  };
}
