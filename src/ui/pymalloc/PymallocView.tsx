import { useEffect, useId, useRef, useState } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import { Change } from '../../derive/diff';
import { sizeClassColor } from '../../derive/palette';
import { refRange } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { registerFigure } from '../export/figures';
import { fmtBytes, hex } from '../format';
import { requestDraw } from '../frame/scheduler';
import { context2d } from '../frame/useCanvas';
import { Term } from '../help/Term';
import { useChanges } from '../shell/useChanges';
import { drawArenas, GRID, hitPool, type ArenaView } from './drawArenas';
import { PoolPanel } from './PoolPanel';

const LEGEND_CLASSES = [0, 1, 3, 7, 15, 31];
const ZOOMS = [8, 14, 24, 40];

/**
 * pymalloc: one row per arena, one cell per 16 KiB pool, coloured by size class, filled by use.
 * Focused: arrows move pool by pool, Enter opens the pool, + − change the row height, 0 fits all
 * arenas in the box.
 */
export function PymallocView(): React.JSX.Element {
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const status = useRunData((s) => s.status);
  const selected = useSelection((s) => s.selected);
  const openPool = useViewport((s) => s.openPool);
  const changes = useChanges();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [rowH, setRowH] = useState(GRID.rowH);
  const [cursor, setCursor] = useState<{ row: number; col: number } | null>(null);
  const descId = useId();
  const arenas = snap?.arenas ?? null;
  const rows = arenas ? arenas.count : 0;
  const height = Math.max(rowH, rows * rowH);
  const width = size.width;

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() =>
      setSize({ width: Math.floor(el.clientWidth), height: Math.floor(el.clientHeight) }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const view = (w: number): ArenaView | null =>
    arenas
      ? {
          arenas,
          width: w,
          height,
          rowH,
          selected: refRange(selected),
          openPool,
          cursor,
          pools: changes?.pools ?? null,
          newArenas: changes
            ? new Set([...changes.arenas].filter(([, k]) => k === Change.New).map(([a]) => a))
            : null,
        }
      : null;

  useEffect(() => {
    const c = canvasRef.current;
    if (!c || width === 0) return;
    const v = view(width);
    requestDraw('pymalloc', () => {
      if (v) drawArenas(c, v);
      else context2d(c, width, height);
    });
  });

  useEffect(() =>
    !src.main
      ? undefined
      : registerFigure('pymalloc', () => {
          const v = view(width);
          return v
            ? {
                width,
                height,
                draw: (ctx) =>
                  drawArenas(ctx, {
                    ...v,
                    selected: null,
                    openPool: null,
                    cursor: null,
                    pools: null,
                    newArenas: null,
                  }),
                legend: [
                  ...LEGEND_CLASSES.map((k) => ({
                    label: `${(k + 1) * 16} B blocks`,
                    color: sizeClassColor(k),
                  })),
                  {
                    label: 'fill = blocks in use; grey outline = empty pool; dot = not carved',
                    color: '#ffffff',
                  },
                ],
              }
            : null;
        }),
  );

  const openAt = (row: number, col: number): void => {
    if (!arenas) return;
    const address = arenas.firstPool[row] + col * 16384;
    setCursor({ row, col });
    useViewport.getState().setOpenPool(address);
    useSelection.getState().select({ kind: 'pool', address });
  };

  const onKey = (e: React.KeyboardEvent): void => {
    if (!arenas || arenas.count === 0) return;
    const cur = cursor ?? { row: 0, col: 0 };
    const clampCol = (row: number, col: number): number =>
      Math.max(0, Math.min(arenas.poolCount[row] - 1, col));
    let next: { row: number; col: number } | null = null;
    if (e.key === 'ArrowRight') next = { row: cur.row, col: clampCol(cur.row, cur.col + 1) };
    else if (e.key === 'ArrowLeft') next = { row: cur.row, col: clampCol(cur.row, cur.col - 1) };
    else if (e.key === 'ArrowDown') next = { row: Math.min(arenas.count - 1, cur.row + 1), col: cur.col };
    else if (e.key === 'ArrowUp') next = { row: Math.max(0, cur.row - 1), col: cur.col };
    else if (e.key === 'Enter') openAt(cur.row, clampCol(cur.row, cur.col));
    else if (e.key === '+' || e.key === '=') setRowH(ZOOMS.find((z) => z > rowH) ?? rowH);
    else if (e.key === '-' || e.key === '_') setRowH([...ZOOMS].reverse().find((z) => z < rowH) ?? rowH);
    else if (e.key === '0') fit();
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (next) {
      next.col = clampCol(next.row, next.col);
      setCursor(next);
      boxRef.current?.scrollTo({ top: Math.max(0, next.row * rowH - size.height / 2) });
    }
  };
  const fit = (): void => setRowH(Math.max(4, Math.min(40, Math.floor(size.height / Math.max(1, rows)))));

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    if (!arenas) return;
    const r = e.currentTarget.getBoundingClientRect();
    const hit = hitPool(arenas, width, rowH, e.clientX - r.left, e.clientY - r.top);
    if (hit) openAt(hit.row, hit.col);
  };

  const stats = snap?.pymallocStats;
  const curPool = arenas && cursor ? arenas.firstPool[cursor.row] + cursor.col * 16384 : null;
  const curIdx = arenas && cursor ? cursor.row * 64 + cursor.col : -1;
  const desc = arenas
    ? `${arenas.count} arenas of 64 pools.` +
      (curPool !== null
        ? ` Pool ${hex(curPool)} in arena ${cursor!.row + 1}: ${arenas.poolState[curIdx] === 0 ? 'never carved' : `${(arenas.poolClass[curIdx] + 1) * 16} B blocks, ${arenas.poolUsed[curIdx]} in use`}.`
        : '')
    : 'No pymalloc arenas.';
  return (
    <section className="panel pymalloc" aria-label="pymalloc">
      <header>
        <h2>
          pymalloc <Term word="arena">arenas</Term>
        </h2>
        <span className="figures" data-testid="pymalloc-figures">
          {arenas
            ? `${arenas.count} arenas (${fmtBytes(arenas.count * 1048576)})`
            : status === 'running'
              ? 'simulating…'
              : ''}
          {stats && stats.arenas_reclaimed !== undefined && (
            <>
              {' '}
              · {stats.arenas_reclaimed} <Term word="reclaimed" />
            </>
          )}
        </span>
        <button
          type="button"
          className="fit"
          onClick={fit}
          disabled={!arenas}
          aria-label="Fit all arenas in the view"
        >
          Fit
        </button>
      </header>
      <ul className="legend">
        {LEGEND_CLASSES.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: sizeClassColor(c) }} aria-hidden="true" />
            {(c + 1) * 16} B
          </li>
        ))}
        <li>
          fill = blocks in use · grey outline = empty <Term word="pool" /> · dot = not <Term word="carved" />
        </li>
      </ul>
      <div className="arena-scroll" ref={boxRef}>
        <canvas
          ref={canvasRef}
          className="view-canvas"
          style={{ width: '100%', height }}
          onClick={onClick}
          tabIndex={0}
          role="application"
          aria-roledescription="pymalloc arenas"
          aria-label="Arenas and pools: arrows move pool by pool, Enter opens a pool, + − zoom, 0 fit"
          aria-describedby={descId}
          onKeyDown={onKey}
        />
      </div>
      <p id={descId} className="sr-only" aria-live="polite">
        {desc}
      </p>
      <PoolPanel />
    </section>
  );
}
