import { useEffect, useId, useRef, useState } from 'react';
import { pageAt } from '../../derive/mimallocPages';
import { refRange } from '../../derive/selection';
import { MI_SLICE, type MimallocSection } from '../../engine/libc/section';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { fmtBytes, hex } from '../format';
import { requestDraw } from '../frame/scheduler';
import { useChanges } from '../shell/useChanges';
import { SEG, cellToPx, drawSegments, hitCell, type SegmentView } from './drawSegments';

const ROWS = [8, 12, 16, 24, 32];
const KIND = ['segment header', 'page', 'free span', 'huge block'];

/** A slice cell in words: what it is, committed or not, and a page's blocks. */
export function cellText(m: MimallocSection, row: number, cell: number): string {
  const s = m.segments;
  const b = m.slices[row * SEG.cells + cell];
  const at = s.address[row] + (cell * s.size[row]) / SEG.cells;
  const kind = KIND[(b >> MI_SLICE.KindShift) & 3];
  const state =
    (b & MI_SLICE.Committed) === 0
      ? 'decommitted'
      : (b & MI_SLICE.DecommitPending) !== 0
        ? `committed, decommit pending (after ${s.decommitExpireMs[row].toFixed(0)} ms)`
        : 'committed';
  const i = pageAt(m, at);
  const page =
    i >= 0 && m.pages.segment[i] === row
      ? `: ${m.pages.blockSize[i].toLocaleString('en-US')}-byte blocks, ${m.pages.used[i]} of ${m.pages.reserved[i]} in use`
      : '';
  return `${kind} at ${hex(at)} (${fmtBytes(s.size[row] / SEG.cells)}), ${state}${page}${s.cached[row] ? ', segment in the cache' : ''}`;
}

/**
 * mimalloc's segments, one row each (its 512 slices across), in address order: pages, free spans,
 * committed or not, and what waits for decommit. Focused: ← → move slice by slice, ↑ ↓ segment by
 * segment, Enter opens the page under the cursor, + − zoom across, 0 fits.
 */
export function SegmentRows({ m, blockSize }: { m: MimallocSection; blockSize: number }): React.JSX.Element {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const rowH = useViewport((s) => s.segmentRowH);
  const [zoom, setZoom] = useState({ k: 1, x: 0 });
  const [cursor, setCursor] = useState<{ row: number; cell: number } | null>(null);
  const selected = useSelection((s) => s.selected);
  const changes = useChanges();
  const descId = useId();
  const rows = m.segments.address.length;
  const height = Math.max(rowH, rows * rowH);
  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const view = (full = false): SegmentView => ({
    m,
    width,
    rowH,
    k: full ? 1 : zoom.k,
    x: full ? 0 : zoom.x,
    selected: full ? null : refRange(selected),
    blockSize: full ? 0 : blockSize,
    cursor: full ? null : cursor,
    changes: full ? null : (changes?.units ?? null),
  });
  useEffect(() => {
    const c = canvasRef.current;
    if (!c || width === 0) return;
    const v = view();
    requestDraw(`mimalloc-segments${descId}`, () => drawSegments(c, v, height));
  });

  const plot = Math.max(1, width - SEG.labelW);
  const setK = (k: number, aroundCell: number): void => {
    const kk = Math.max(1, Math.min(64, k));
    // Keep the cell at the middle of the plot (or the cursor) where it is.
    const px = cellToPx({ width, ...zoom }, aroundCell) - SEG.labelW;
    const x = Math.min(0, Math.max(plot - kk * plot, px - (aroundCell * plot * kk) / SEG.cells));
    setZoom({ k: kk, x });
  };
  const reveal = (cell: number): void => {
    const px = cellToPx({ width, ...zoom }, cell) - SEG.labelW;
    if (px >= 0 && px < plot - 8) return;
    setZoom({
      k: zoom.k,
      x: Math.min(0, Math.max(plot - zoom.k * plot, plot / 2 - (cell * plot * zoom.k) / SEG.cells)),
    });
  };
  const open = (row: number, cell: number): void => {
    const s = m.segments;
    const at = s.address[row] + (cell * s.size[row]) / SEG.cells;
    const i = pageAt(m, at);
    if (i >= 0 && m.pages.segment[i] === row) {
      const start = m.pages.address[i] - (m.pages.address[i] % 65536);
      useSelection.getState().select({ kind: 'miPage', address: start, size: m.pages.size[i] });
      useViewport.getState().setOpenUnit(m.pages.address[i]);
    } else useSelection.getState().select({ kind: 'segment', address: s.address[row], size: s.size[row] });
  };
  const onKey = (e: React.KeyboardEvent): void => {
    if (rows === 0) return;
    const cur = cursor ?? { row: 0, cell: 0 };
    let next: { row: number; cell: number } | null = null;
    if (e.key === 'ArrowRight') next = { row: cur.row, cell: Math.min(SEG.cells - 1, cur.cell + 1) };
    else if (e.key === 'ArrowLeft') next = { row: cur.row, cell: Math.max(0, cur.cell - 1) };
    else if (e.key === 'ArrowDown') next = { row: Math.min(rows - 1, cur.row + 1), cell: cur.cell };
    else if (e.key === 'ArrowUp') next = { row: Math.max(0, cur.row - 1), cell: cur.cell };
    else if (e.key === 'Enter') open(cur.row, cur.cell);
    else if (e.key === '+' || e.key === '=') setK(zoom.k * 2, cur.cell);
    else if (e.key === '-' || e.key === '_') setK(zoom.k / 2, cur.cell);
    else if (e.key === '0') setZoom({ k: 1, x: 0 });
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (next) {
      setCursor(next);
      reveal(next.cell);
      boxRef.current?.scrollTo({ top: Math.max(0, next.row * rowH - 60) });
    }
  };
  const desc =
    `${rows} segments, ${fmtBytes(m.commit.current)} committed.` +
    (cursor ? ` ${cellText(m, cursor.row, cursor.cell)}.` : '') +
    (zoom.k > 1 ? ` Zoomed ${zoom.k}×.` : '');
  return (
    <>
      <div className="row segment-tools">
        <button
          type="button"
          onClick={() => setK(zoom.k * 2, cursor?.cell ?? 256)}
          aria-label="Zoom in across"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => setK(zoom.k / 2, cursor?.cell ?? 256)}
          disabled={zoom.k <= 1}
          aria-label="Zoom out across"
        >
          −
        </button>
        <label>
          row height{' '}
          <select
            value={rowH}
            onChange={(e) => useViewport.getState().setSegmentRowH(Number(e.target.value))}
          >
            {ROWS.map((h) => (
              <option key={h} value={h}>
                {h} px
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="arena-scroll segment-scroll" ref={boxRef}>
        <canvas
          ref={canvasRef}
          className="view-canvas segment-rows"
          style={{ width: '100%', height }}
          tabIndex={0}
          role="application"
          aria-roledescription="mimalloc segments"
          aria-label="Segments and slices: arrows move slice by slice and segment by segment, Enter opens a page, + − zoom, 0 fit"
          aria-describedby={descId}
          onKeyDown={onKey}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            const hit = hitCell(view(), e.clientX - r.left, e.clientY - r.top);
            if (!hit) return;
            setCursor(hit);
            open(hit.row, hit.cell);
          }}
          onWheel={(e) => {
            if (!e.shiftKey || zoom.k <= 1) return;
            setZoom({ k: zoom.k, x: Math.min(0, Math.max(plot - zoom.k * plot, zoom.x - e.deltaY)) });
          }}
        />
      </div>
      <p id={descId} className="sr-only" aria-live="polite">
        {desc}
      </p>
    </>
  );
}

/** The rows as an export figure (no zoom, nothing selected). */
export function segmentFigure(m: MimallocSection, width: number, rowH: number): SegmentView {
  return { m, width, rowH, k: 1, x: 0, selected: null, blockSize: 0, cursor: null, changes: null };
}
