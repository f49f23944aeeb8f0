import { useEffect, useRef, useState } from 'react';
import { useRun } from '../../client/runStore';
import { sizeClassColor } from '../../derive/palette';
import { refRange } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { requestDraw } from '../frame/scheduler';
import { context2d } from '../frame/useCanvas';
import { fmtBytes } from '../format';
import { drawArenas, GRID, hitPool } from './drawArenas';
import { PoolPanel } from './PoolPanel';

const LEGEND_CLASSES = [0, 1, 3, 7, 15, 31];

/** pymalloc: one row per arena, one cell per 16 KiB pool, coloured by size class, filled by use. */
export function PymallocView(): React.JSX.Element {
  const snap = useRun((s) => s.snapshot);
  const selected = useSelection((s) => s.selected);
  const openPool = useViewport((s) => s.openPool);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const arenas = snap?.arenas ?? null;
  const rows = arenas ? arenas.count : 0;
  const height = Math.max(GRID.rowH, rows * GRID.rowH);

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvasRef.current;
    if (!c || width === 0) return;
    const range = refRange(selected);
    requestDraw('pymalloc', () => {
      if (arenas) drawArenas(c, arenas, width, height, range, openPool);
      else context2d(c, width, height);
    });
  });

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    if (!arenas) return;
    const r = e.currentTarget.getBoundingClientRect();
    const hit = hitPool(arenas, width, e.clientX - r.left, e.clientY - r.top);
    if (!hit) return;
    const address = arenas.firstPool[hit.row] + hit.col * 16384;
    useViewport.getState().setOpenPool(address);
    useSelection.getState().select({ kind: 'pool', address });
  };

  const stats = snap?.pymallocStats;
  return (
    <section className="panel pymalloc" aria-label="pymalloc">
      <header>
        <h2>pymalloc arenas</h2>
        <span className="figures" data-testid="pymalloc-figures">
          {arenas
            ? `${arenas.count} arenas (${fmtBytes(arenas.count * 1048576)})`
            : 'not modelled in this run'}
          {stats && stats.arenas_reclaimed !== undefined && ` · ${stats.arenas_reclaimed} reclaimed`}
        </span>
      </header>
      <ul className="legend">
        {LEGEND_CLASSES.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: sizeClassColor(c) }} aria-hidden="true" />
            {(c + 1) * 16} B
          </li>
        ))}
        <li>fill = blocks in use · grey outline = empty pool · dot = not carved · click a pool</li>
      </ul>
      <div className="arena-scroll" ref={boxRef}>
        <canvas
          ref={canvasRef}
          style={{ width: '100%', height }}
          onClick={onClick}
          aria-label="Arenas and pools"
        />
      </div>
      <PoolPanel />
    </section>
  );
}
