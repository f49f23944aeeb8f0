import { useEffect } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { useRun } from '../../client/runStore';
import { addressLayout } from '../../derive/addressLayout';
import { REGION_COLORS } from '../../derive/palette';
import { refRange } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { fmtBytes } from '../format';
import { MAP, drawAddressMap, hitRegion, type MapView } from './drawAddressMap';

const LEGEND = [
  ['interpreter', 'interpreter (outside the model)'],
  ['heap', '[heap] (brk)'],
  ['glibc-mmap', 'glibc mmapped chunk'],
  ['pymalloc-arena', 'pymalloc arena'],
  ['numpy', 'numpy'],
] as const;

/** Every region of the address space on one axis, shaded by resident (solid) vs reserved (tint). */
export function AddressMap(): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const snap = useRun((s) => s.snapshot);
  const z = useViewport((s) => s.mapZoom);
  const selected = useSelection((s) => s.selected);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const b = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([1, 5000])
      .translateExtent([
        [MAP.left, 0],
        [width - MAP.right, height],
      ])
      .extent([
        [MAP.left, 0],
        [width - MAP.right, height],
      ])
      .on('zoom', (e: { transform: { k: number; x: number } }) =>
        useViewport.getState().setMapZoom({ k: e.transform.k, x: e.transform.x }),
      );
    const sel = select(canvas);
    sel.call(b);
    const cur = useViewport.getState().mapZoom;
    sel.call(b.transform, zoomIdentity.translate(cur.x, 0).scale(cur.k));
    return () => void sel.on('.zoom', null);
  }, [width, height]);

  const view = (): MapView | null =>
    snap
      ? { layout: addressLayout(snap, 0), width, height, k: z.k, x: z.x, selected: refRange(selected) }
      : null;

  useEffect(() => {
    const canvas = ref.current;
    const v = view();
    if (!canvas || width === 0 || !v) return;
    requestDraw('address-map', () => drawAddressMap(canvas, v));
  });

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>): void => {
    const v = view();
    if (!v) return;
    const hit = hitRegion(v, e.clientX - e.currentTarget.getBoundingClientRect().left);
    if (!hit) return;
    const r = v.layout.regions[hit.index];
    if (r.kind === 'pymalloc-arena') useSelection.getState().select({ kind: 'arena', address: r.start });
    else if (r.kind !== 'interpreter')
      useSelection.getState().select({ kind: 'region', start: r.start, length: r.length });
  };

  const rss = snap ? fmtBytes(snap.scalars.rss) : '–';
  return (
    <section className="panel address-map" aria-label="Address space">
      <header>
        <h2>Address space</h2>
        <span className="figures" data-testid="rss">
          RSS {rss}
          {snap &&
            ` · peak ${fmtBytes(snap.scalars.peakRss)} · heap ${fmtBytes(snap.scalars.brk - snap.scalars.heapStart)} · mmapped ${fmtBytes(snap.scalars.anonMmap)}`}
        </span>
        <ul className="legend">
          {LEGEND.map(([k, label]) => (
            <li key={k}>
              <span className="swatch" style={{ background: REGION_COLORS[k] }} aria-hidden="true" />
              {label}
            </li>
          ))}
          <li>solid = resident · tint = reserved only · widths ∝ √size, gaps ⋯ shrunk</li>
        </ul>
      </header>
      <canvas ref={ref} className="map-canvas" onClick={onClick} aria-label="Address-space map (zoomable)" />
    </section>
  );
}
