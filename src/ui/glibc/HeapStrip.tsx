import { useEffect, useRef, useState } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';
import { useRun } from '../../client/runStore';
import { glibcOf } from '../../engine/trace/snapshot';
import { chunkAtOrAfter, heapLod } from '../../derive/heapLod';
import { heapPin } from '../../derive/heapPin';
import { CHUNK_CATEGORIES } from '../../derive/palette';
import { fmtBytes } from '../format';
import { refRange } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { STRIP, drawHeapStrip, plotWidth, pxToOffset, type StripView } from './drawHeapStrip';
import { binMatcher } from './binMatch';

/** The brk heap as a strip of chunks: wheel or drag to zoom from the whole heap to single chunks. */
export function HeapStrip(): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const snap = useRun((s) => s.snapshot);
  // The main arena's brk heap (null under another allocator: this view is glibc's).
  const heap = snap ? (glibcOf(snap)?.heap ?? null) : null;
  const z = useViewport((s) => s.heapZoom);
  const selected = useSelection((s) => s.selected);
  const focus = useViewport((s) => s.heapFocus);
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);
  const behaviourRef = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const heapBytes = snap ? Math.max(1, snap.scalars.brk - snap.scalars.heapStart) : 1;
    // Deep enough that a 32-byte chunk is ~24 CSS pixels wide.
    const maxK = Math.max(2, (24 * heapBytes) / (32 * plotWidth(width)));
    const behaviour = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, maxK])
      .translateExtent([
        [STRIP.left, 0],
        [width - STRIP.right, height],
      ])
      .extent([
        [STRIP.left, 0],
        [width - STRIP.right, height],
      ])
      .on('zoom', (e: { transform: { k: number; x: number } }) =>
        useViewport.getState().setHeapZoom({ k: e.transform.k, x: e.transform.x }),
      );
    behaviourRef.current = behaviour;
    const sel = select(canvas);
    sel.call(behaviour);
    const cur = useViewport.getState().heapZoom;
    sel.call(behaviour.transform, zoomIdentity.translate(cur.x, 0).scale(cur.k));
    return () => void sel.on('.zoom', null);
  }, [width, height, snap === null, snap ? snap.scalars.brk : 0]);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0 || !snap || !heap) return;
    const heapStart = snap.scalars.heapStart;
    const range = refRange(selected);
    const view: StripView = {
      heap,
      lod: heapLod(heap, 0),
      width,
      height,
      k: z.k,
      x: z.x,
      selected: range ? [range[0] - heapStart, range[1] - heapStart] : null,
      binMatch: binMatcher(selected),
      pin: heapPin(heap, 0),
    };
    requestDraw('heap-strip', () => drawHeapStrip(canvas, view));
  });

  // Bring a focused range into view: it fills about a tenth of the plot, so its neighbours show too.
  useEffect(() => {
    const canvas = ref.current;
    const b = behaviourRef.current;
    if (!canvas || !b || !focus || !snap || width === 0) return;
    const heapBytes = Math.max(1, snap.scalars.brk - snap.scalars.heapStart);
    const from = focus.from - snap.scalars.heapStart;
    const to = focus.to - snap.scalars.heapStart;
    const plotW = plotWidth(width);
    const k = Math.max(1, heapBytes / Math.max(64, (to - from) * 10));
    const centre = STRIP.left + ((from + to) / 2 / heapBytes) * plotW;
    select(canvas).call(b.transform, zoomIdentity.translate(width / 2 - k * centre, 0).scale(k));
  }, [focus?.seq]);

  /** The chunk under the pointer, as its index, or -1. */
  const chunkAt = (e: React.MouseEvent<HTMLCanvasElement>): number => {
    if (!snap || !heap) return -1;
    const rect = e.currentTarget.getBoundingClientRect();
    const off = pxToOffset({ width, k: z.k, x: z.x, lod: heapLod(heap, 0) }, e.clientX - rect.left);
    const i = chunkAtOrAfter(heap, Math.floor(off / 16));
    return off >= 0 && i < heap.count ? i : -1;
  };

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const i = chunkAt(e);
    if (i < 0 || !snap || !heap) return setHover(null);
    const size = heap.sizeG[i] * 16;
    const cat = CHUNK_CATEGORIES[heap.state[i] - 1];
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    setHover({
      x,
      text: `${fmtBytes(size)} ${cat ? cat.label : ''} at +${fmtBytes(heap.gran[i] * 16)}`,
    });
  };

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const i = chunkAt(e);
    if (i < 0 || !snap || !heap) return;
    const address = snap.scalars.heapStart + heap.gran[i] * 16;
    useSelection.getState().select({ kind: 'chunk', address, size: heap.sizeG[i] * 16 });
  };

  return (
    <div className="heap-strip-box">
      <canvas
        ref={ref}
        className="heap-strip"
        onClick={onClick}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
        aria-label="Heap chunks (wheel or drag to zoom)"
      />
      {hover && (
        <span className="hover-tip" style={{ left: Math.min(hover.x + 10, width - 220) }}>
          {hover.text}
        </span>
      )}
    </div>
  );
}
