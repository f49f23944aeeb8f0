import { useEffect, useId, useState } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import { addressLayout, type LayoutRegion } from '../../derive/addressLayout';
import { Change } from '../../derive/diff';
import { REGION_COLORS } from '../../derive/palette';
import { refRange } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { registerFigure } from '../export/figures';
import { fmtBytes, hex } from '../format';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { useZoom1D } from '../frame/useZoom1D';
import { Term } from '../help/Term';
import { useChanges } from '../shell/useChanges';
import { MAP, drawAddressMap, hitRegion, layoutToPx, type MapView } from './drawAddressMap';

const LEGEND = [
  ['interpreter', 'interpreter (outside the model)', null],
  ['heap', '[heap] (brk)', 'heap'],
  ['glibc-mmap', 'glibc mmapped chunk', 'mmapped chunk'],
  ['pymalloc-arena', 'pymalloc arena', 'pymalloc arena'],
  ['numpy', 'numpy', null],
] as const;

const regionText = (r: LayoutRegion): string =>
  `${r.label.split(' (')[0]} at ${hex(r.start)}: ${fmtBytes(r.length)} mapped, ${fmtBytes(r.residentBytes)} resident`;

/**
 * Every region of the address space on one axis, shaded by resident (solid) vs reserved (tint).
 * Wheel or drag to zoom, double-click or Fit to see it all. Focused: ← → move region by region,
 * + − zoom, 0 fits, Enter selects.
 */
export function AddressMap(): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const status = useRunData((s) => s.status);
  const z = useViewport((s) => s.mapZoom);
  const selected = useSelection((s) => s.selected);
  const changes = useChanges();
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);
  const [cursor, setCursor] = useState(-1);
  const descId = useId();
  const zoomer = useZoom1D(
    ref,
    { width, height, left: MAP.left, right: MAP.right, maxK: 5000 },
    () => useViewport.getState().mapZoom,
    (t) => useViewport.getState().setMapZoom(t),
    [],
  );

  const view = (w: number, h: number, sel = true): MapView | null =>
    snap
      ? {
          layout: addressLayout(snap, 0),
          width: w,
          height: h,
          k: sel ? z.k : 1,
          x: sel ? z.x : 0,
          selected: sel ? refRange(selected) : null,
          changed: sel && changes ? changes.regions.filter((r) => r.kind === Change.New) : [],
        }
      : null;

  useEffect(() => {
    const canvas = ref.current;
    const v = view(width, height);
    if (!canvas || width === 0 || !v) return;
    requestDraw('address-map', () => drawAddressMap(canvas, v));
  });

  useEffect(() =>
    !src.main
      ? undefined
      : registerFigure('address-map', () => {
          const v = view(width, height, false);
          return v
            ? {
                width,
                height,
                draw: (ctx) => drawAddressMap(ctx, v),
                legend: [
                  ...LEGEND.map(([k, label]) => ({ label, color: REGION_COLORS[k] })),
                  {
                    label: 'solid = resident, tint = reserved only; widths ∝ √size, gaps shrunk',
                    color: '#ffffff',
                  },
                ],
              }
            : null;
        }),
  );

  const selectRegion = (i: number): void => {
    const v = view(width, height);
    if (!v) return;
    const r = v.layout.regions[i];
    setCursor(i);
    if (r.kind === 'pymalloc-arena') useSelection.getState().select({ kind: 'arena', address: r.start });
    else if (r.kind !== 'interpreter')
      useSelection.getState().select({ kind: 'region', start: r.start, length: r.length });
    else useSelection.getState().select(null);
    // Keep the region in view when zoomed.
    const a = layoutToPx(v, r.x);
    const b = layoutToPx(v, r.x + r.w);
    if (a < MAP.left || b > width - MAP.right) zoomer.zoomTo(z.k, z.x + (width / 2 - (a + b) / 2));
  };

  const onKey = (e: React.KeyboardEvent): void => {
    const v = view(width, height);
    if (!v) return;
    const n = v.layout.regions.length;
    if (e.key === 'ArrowRight') selectRegion(Math.min(n - 1, cursor + 1));
    else if (e.key === 'ArrowLeft') selectRegion(Math.max(0, cursor < 0 ? 0 : cursor - 1));
    else if (e.key === 'Home') selectRegion(0);
    else if (e.key === 'End') selectRegion(n - 1);
    else if (e.key === 'Enter') selectRegion(Math.max(0, cursor));
    else if (e.key === '+' || e.key === '=') zoomer.zoomBy(2);
    else if (e.key === '-' || e.key === '_') zoomer.zoomBy(0.5);
    else if (e.key === '0') zoomer.fit();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const at = (e: React.MouseEvent<HTMLCanvasElement>): number => {
    const v = view(width, height);
    if (!v) return -1;
    return hitRegion(v, e.clientX - e.currentTarget.getBoundingClientRect().left)?.index ?? -1;
  };

  const layout = snap ? addressLayout(snap, 0) : null;
  const released = changes?.regions.filter((r) => r.kind === Change.Released) ?? [];
  const rss = snap ? fmtBytes(snap.scalars.rss) : '–';
  const desc = layout
    ? `${layout.regions.length} regions. ${layout.regions.map(regionText).slice(0, 12).join('; ')}${layout.regions.length > 12 ? `; and ${layout.regions.length - 12} more` : ''}.` +
      (cursor >= 0 && layout.regions[cursor] ? ` Current: ${regionText(layout.regions[cursor])}.` : '')
    : 'No run yet.';
  return (
    <section className="panel address-map" aria-label="Address space">
      <header>
        <h2>Address space</h2>
        <span className="figures" data-testid="rss">
          <Term word="RSS" /> {rss}
          {snap &&
            ` · peak ${fmtBytes(snap.scalars.peakRss)} · heap ${fmtBytes(snap.scalars.brk - snap.scalars.heapStart)} · mmapped ${fmtBytes(snap.scalars.anonMmap)}`}
        </span>
        {released.length > 0 && (
          <span className="figures chg released" data-testid="unmapped">
            unmapped: {released.length} mapping{released.length > 1 ? 's' : ''} (
            {fmtBytes(released.reduce((a, r) => a + r.length, 0))})
          </span>
        )}
        <button
          type="button"
          className="fit"
          disabled={z.k <= 1}
          onClick={zoomer.fit}
          aria-label="Fit the whole address space"
        >
          Fit
        </button>
        <ul className="legend">
          {LEGEND.map(([k, label, term]) => (
            <li key={k}>
              <span className="swatch" style={{ background: REGION_COLORS[k] }} aria-hidden="true" />
              {term ? <Term word={term}>{label}</Term> : label}
            </li>
          ))}
          <li>
            solid = <Term word="resident" /> · tint = <Term word="reserved">reserved only</Term> · widths ∝
            √size, gaps ⋯ shrunk
          </li>
        </ul>
      </header>
      {!snap && (
        <p className="placeholder">
          {status === 'running' ? 'Simulating…' : 'The mappings appear once the script has run.'}
        </p>
      )}
      <div className="map-box">
        <canvas
          ref={ref}
          className="map-canvas view-canvas"
          tabIndex={0}
          role="application"
          aria-roledescription="address-space map"
          aria-label="Address-space map: ← → move between regions, Enter selects, + − zoom, 0 fit"
          aria-describedby={descId}
          onKeyDown={onKey}
          onClick={(e) => {
            const i = at(e);
            if (i >= 0) selectRegion(i);
          }}
          onMouseMove={(e) => {
            const i = at(e);
            setHover(
              i >= 0 && layout
                ? {
                    x: e.clientX - e.currentTarget.getBoundingClientRect().left,
                    text: regionText(layout.regions[i]),
                  }
                : null,
            );
          }}
          onMouseLeave={() => setHover(null)}
        />
        {hover && (
          <span className="hover-tip" style={{ left: Math.max(0, Math.min(hover.x + 10, width - 320)) }}>
            {hover.text}
          </span>
        )}
      </div>
      <p id={descId} className="sr-only">
        {desc}
      </p>
    </section>
  );
}
