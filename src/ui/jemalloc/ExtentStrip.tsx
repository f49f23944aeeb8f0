import { useEffect, useId, useState } from 'react';
import { extentAt, extentAtLayout, extentLayout, extentText } from '../../derive/extentLayout';
import { refRange } from '../../derive/selection';
import type { JemallocSection } from '../../engine/libc/section';
import type { Snapshot } from '../../engine/trace/snapshot';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { requestDraw } from '../frame/scheduler';
import { useCanvasBox } from '../frame/useCanvas';
import { useZoom1D } from '../frame/useZoom1D';
import { useChanges } from '../shell/useChanges';
import { EXT, drawExtents, layoutToPx, plotW, pxToLayout, type ExtentView } from './drawExtents';

/**
 * jemalloc's extents in address order (gaps between mappings shrunk): wheel or drag to zoom down to
 * single slabs. Focused: ← → select the previous or next extent, + − zoom, 0 fits, Enter opens a
 * slab's regions. Changes since the last position shown are marked above.
 */
export function ExtentStrip({
  snap,
  j,
  bin,
}: {
  snap: Snapshot;
  j: JemallocSection;
  bin: number;
}): React.JSX.Element {
  const { ref, width, height } = useCanvasBox();
  const z = useViewport((s) => s.extentZoom);
  const selected = useSelection((s) => s.selected);
  const changes = useChanges();
  const [hover, setHover] = useState<{ x: number; text: string } | null>(null);
  const descId = useId();
  const e = j.extents;
  const layout = extentLayout(e, 0);
  // Deep enough that a 4 KiB page is ~16 CSS pixels wide.
  const maxK = Math.max(2, (16 * layout.total) / (4096 * plotW(width)));
  const zoomer = useZoom1D(
    ref,
    { width, height, left: EXT.left, right: EXT.right, maxK },
    () => useViewport.getState().extentZoom,
    (t) => useViewport.getState().setExtentZoom(t),
    [layout.total],
  );

  const view = (w: number, h: number, full = false): ExtentView => ({
    extents: e,
    layout,
    mappings: snap.mappings,
    width: w,
    height: h,
    k: full ? 1 : z.k,
    x: full ? 0 : z.x,
    selected: full ? null : refRange(selected),
    bin: full ? -1 : bin,
    changes: full ? null : (changes?.units ?? null),
  });

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || width === 0) return;
    const v = view(width, height);
    requestDraw(`jemalloc-extents${descId}`, () => drawExtents(canvas, v));
  });

  const selectedIndex = (): number => (selected?.kind === 'extent' ? extentAt(e, selected.address) : -1);

  const select = (i: number, reveal: boolean): void => {
    const address = e.address[i];
    const size = e.size[i];
    useSelection.getState().select({ kind: 'extent', address, size });
    if (e.state[i] === 0) useViewport.getState().setOpenUnit(address);
    if (!reveal) return;
    const v = view(width, height);
    const a = layoutToPx(v, layout.u[i]);
    const b = layoutToPx(v, layout.u[i] + size);
    if (a < EXT.left || b > width - EXT.right || b - a < 2) {
      const k = Math.min(maxK, Math.max(1, layout.total / Math.max(4096, size * 10)));
      const centre = EXT.left + ((layout.u[i] + size / 2) / layout.total) * plotW(width);
      zoomer.zoomTo(k, width / 2 - k * centre);
    }
  };

  const onKey = (ev: React.KeyboardEvent): void => {
    if (e.address.length === 0) return;
    const i = selectedIndex();
    if (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') {
      const d = ev.key === 'ArrowRight' ? 1 : -1;
      select(i < 0 ? 0 : Math.max(0, Math.min(e.address.length - 1, i + d)), true);
    } else if (ev.key === 'Home') select(0, true);
    else if (ev.key === 'End') select(e.address.length - 1, true);
    else if (ev.key === '+' || ev.key === '=') zoomer.zoomBy(2);
    else if (ev.key === '-' || ev.key === '_') zoomer.zoomBy(0.5);
    else if (ev.key === '0') zoomer.fit();
    else if (ev.key === 'Enter') {
      if (i < 0) select(0, true);
      else document.querySelector<HTMLElement>('[data-testid="unit-panel"]')?.focus();
    } else return;
    ev.preventDefault();
    ev.stopPropagation();
  };

  const at = (ev: React.MouseEvent<HTMLCanvasElement>): number => {
    const r = ev.currentTarget.getBoundingClientRect();
    const u = pxToLayout(view(width, height), ev.clientX - r.left);
    const i = extentAtLayout(e, layout, u);
    return u >= 0 && i < e.address.length && layout.u[i] <= u ? i : -1;
  };

  const si = selectedIndex();
  const st = j.stats;
  const desc =
    `${e.address.length.toLocaleString('en-US')} extents: ${fmt(st.active)} active, ${fmt(j.arenas.reduce((n, a) => n + a.dirtyPages, 0) * 4096)} dirty, ${fmt(st.retained)} retained.` +
    (si >= 0 ? ` Selected: ${extentText(e, si)}.` : '') +
    (z.k > 1 ? ` Zoomed ${z.k.toFixed(1)}×.` : '');
  return (
    <div className="heap-strip-box">
      <canvas
        ref={ref}
        className="extent-strip view-canvas"
        tabIndex={0}
        role="application"
        aria-roledescription="extent strip"
        aria-label="jemalloc extents: ← → select an extent, + − zoom, 0 fit, Enter for a slab's regions"
        aria-describedby={descId}
        onKeyDown={onKey}
        onClick={(ev) => {
          const i = at(ev);
          if (i >= 0) select(i, false);
        }}
        onMouseMove={(ev) => {
          const i = at(ev);
          if (i < 0) return setHover(null);
          setHover({ x: ev.clientX - ev.currentTarget.getBoundingClientRect().left, text: extentText(e, i) });
        }}
        onMouseLeave={() => setHover(null)}
      />
      <p id={descId} className="sr-only" aria-live="polite">
        {desc}
      </p>
      {hover && (
        <span className="hover-tip" style={{ left: Math.max(0, Math.min(hover.x + 10, width - 300)) }}>
          {hover.text}
        </span>
      )}
    </div>
  );
}

const fmt = (n: number): string =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`;

/** The strip as an export figure (the whole axis, nothing selected). */
export function extentFigure(snap: Snapshot, j: JemallocSection, width: number, height: number): ExtentView {
  const z = useViewport.getState().extentZoom;
  return {
    extents: j.extents,
    layout: extentLayout(j.extents, 0),
    mappings: snap.mappings,
    width,
    height,
    k: z.k,
    x: z.x,
    selected: null,
    bin: -1,
    changes: null,
  };
}
