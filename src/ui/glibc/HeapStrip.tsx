import { useEffect, useId, useState } from 'react';
import { useRun } from '../../client/runStore';
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
  const snap = useRun((s) => s.snapshot);
  const z = useViewport((s) => s.heapZoom);
  const selected = useSelection((s) => s.selected);
  const focus = useViewport((s) => s.heapFocus);
  const changes = useChanges();
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);
  const descId = useId();
  const heapBytes = snap ? Math.max(1, snap.scalars.brk - snap.scalars.heapStart) : 1;
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
    snap
      ? {
          heap: snap.heap,
          lod: heapLod(snap.heap, 0),
          width: w,
          height: h,
          k: z.k,
          x: z.x,
          selected: (() => {
            const r = refRange(selected);
            return r ? [r[0] - snap.scalars.heapStart, r[1] - snap.scalars.heapStart] : null;
          })(),
          binMatch: binMatcher(selected),
          pin: heapPin(snap.heap, 0),
          changes: changes?.heap ?? null,
        }
      : null;

  useEffect(() => {
    const canvas = ref.current;
    const v = view(width, height);
    if (!canvas || width === 0 || !v) return;
    requestDraw('heap-strip', () => drawHeapStrip(canvas, v));
  });

  // Bring a focused range into view: it fills about a tenth of the plot, so its neighbours show too.
  useEffect(() => {
    if (!focus || !snap || width === 0) return;
    const from = focus.from - snap.scalars.heapStart;
    const to = focus.to - snap.scalars.heapStart;
    const k = Math.min(maxK, Math.max(1, heapBytes / Math.max(64, (to - from) * 10)));
    const centre = STRIP.left + ((from + to) / 2 / heapBytes) * plotWidth(width);
    zoomer.zoomTo(k, width / 2 - k * centre);
  }, [focus?.seq]);

  const selectChunk = (i: number, reveal: boolean): void => {
    if (!snap) return;
    const address = snap.scalars.heapStart + snap.heap.gran[i] * 16;
    const size = snap.heap.sizeG[i] * 16;
    useSelection.getState().select({ kind: 'chunk', address, size });
    if (!reveal) return;
    const v = view(width, height)!;
    const a = offsetToPx(v, snap.heap.gran[i] * 16);
    const b = offsetToPx(v, (snap.heap.gran[i] + snap.heap.sizeG[i]) * 16);
    if (a < STRIP.left || b > width - STRIP.right || b - a < 2)
      useViewport.getState().focusHeap(address, address + size);
  };

  const selectedIndex = (): number => {
    if (!snap || selected?.kind !== 'chunk') return -1;
    const g = (selected.address - snap.scalars.heapStart) / 16;
    const i = chunkAtOrAfter(snap.heap, g);
    return i < snap.heap.count && snap.heap.gran[i] === g ? i : -1;
  };

  const onKey = (e: React.KeyboardEvent): void => {
    if (!snap || snap.heap.count === 0) return;
    const i = selectedIndex();
    const start = i >= 0 ? i : Math.max(0, heapPin(snap.heap, 0));
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const d = e.key === 'ArrowRight' ? 1 : -1;
      selectChunk(i < 0 ? start : Math.max(0, Math.min(snap.heap.count - 1, i + d)), true);
    } else if (e.key === 'Home') selectChunk(0, true);
    else if (e.key === 'End') selectChunk(snap.heap.count - 1, true);
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
    if (!snap) return -1;
    const rect = e.currentTarget.getBoundingClientRect();
    const off = pxToOffset({ width, k: z.k, x: z.x, lod: heapLod(snap.heap, 0) }, e.clientX - rect.left);
    const i = chunkAtOrAfter(snap.heap, Math.floor(off / 16));
    return off >= 0 && i < snap.heap.count ? i : -1;
  };

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const i = chunkAt(e);
    if (i < 0 || !snap) return setHover(null);
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setHover({ x, text: chunkText(snap.heap.state[i], snap.heap.sizeG[i] * 16, snap.heap.gran[i] * 16) });
  };

  const si = selectedIndex();
  const pin = snap ? heapPin(snap.heap, 0) : -1;
  const desc = snap
    ? `Heap of ${fmtBytes(heapBytes)} in ${snap.heap.count.toLocaleString('en-US')} chunks: in use ${fmtBytes(snap.mallinfo.uordblks)}, free ${fmtBytes(snap.mallinfo.fordblks)}, top ${fmtBytes(snap.mallinfo.keepcost)}.` +
      (pin >= 0
        ? ` The highest chunk not free, which the heap cannot shrink below: ${chunkText(snap.heap.state[pin], snap.heap.sizeG[pin] * 16, snap.heap.gran[pin] * 16)}.`
        : '') +
      (si >= 0
        ? ` Selected: chunk ${si + 1} of ${snap.heap.count}, ${chunkText(snap.heap.state[si], snap.heap.sizeG[si] * 16, snap.heap.gran[si] * 16)}.`
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
export function heapStripFigure(
  snap: NonNullable<ReturnType<typeof useRun.getState>['snapshot']>,
  width: number,
  height: number,
): StripView {
  const z = useViewport.getState().heapZoom;
  return {
    heap: snap.heap,
    lod: heapLod(snap.heap, 0),
    width,
    height,
    k: z.k,
    x: z.x,
    selected: null,
    binMatch: null,
    pin: heapPin(snap.heap, 0),
    changes: null,
  };
}
