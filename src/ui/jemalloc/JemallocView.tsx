import { useEffect, useState } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import { EXTENT_CATEGORIES } from '../../derive/palette';
import type { JemallocSection } from '../../engine/libc/section';
import { useViewport } from '../../store/viewport';
import { registerFigure } from '../export/figures';
import { fmtBytes } from '../format';
import { Term } from '../help/Term';
import { UnitPanel } from '../units/UnitPanel';
import { DecayPanel } from './DecayPanel';
import { drawExtents } from './drawExtents';
import { ExtentStrip, extentFigure } from './ExtentStrip';
import { SlabBins } from './SlabBins';

const TERM: Record<string, string> = {
  slabUsed: 'slab',
  slabFree: 'slab',
  large: 'extent',
  dirty: 'dirty',
  muzzy: 'muzzy',
  retained: 'retained',
};

/**
 * jemalloc 5.3.0: its extents on one strip (slabs, large blocks, dirty, muzzy and retained pages,
 * with the kernel's residency beneath), the slabs per size class, the decay of each arena on the
 * simulated clock, and a slab's regions when one is opened.
 */
export function JemallocView(): React.JSX.Element {
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const status = useRunData((s) => s.status);
  const zoomed = useViewport((s) => s.extentZoom.k > 1);
  const [bin, setBin] = useState(-1);
  const j: JemallocSection | null = snap && snap.libc.kind === 'jemalloc' ? snap.libc : null;
  useEffect(() =>
    !src.main
      ? undefined
      : registerFigure('jemalloc', () => {
          const s = src.store.getState().snapshot;
          const canvas = document.querySelector<HTMLCanvasElement>('.extent-strip');
          if (!s || s.libc.kind !== 'jemalloc' || !canvas) return null;
          const v = extentFigure(s, s.libc, canvas.clientWidth, canvas.clientHeight);
          return {
            width: v.width,
            height: v.height,
            draw: (ctx) => drawExtents(ctx, v),
            legend: [
              ...EXTENT_CATEGORIES.map((c) => ({ label: c.label, color: c.color, pattern: c.pattern })),
              { label: 'resident page (below the extents)', color: '#333' },
            ],
          };
        }),
  );
  const dirty = j ? j.arenas.reduce((n, a) => n + a.dirtyPages, 0) * 4096 : 0;
  const muzzy = j ? j.arenas.reduce((n, a) => n + a.muzzyPages, 0) * 4096 : 0;
  return (
    <section className="panel glibc jemalloc" aria-label="jemalloc">
      <header>
        <h2>jemalloc</h2>
        {j && (
          <span className="figures" data-testid="jemalloc-figures">
            allocated {fmtBytes(j.stats.allocated)} · active {fmtBytes(j.stats.active)} · dirty{' '}
            {fmtBytes(dirty)}
            {muzzy > 0 ? ` · muzzy ${fmtBytes(muzzy)}` : ''} · retained {fmtBytes(j.stats.retained)} ·
            resident {fmtBytes(j.stats.resident)} · {j.extents.address.length.toLocaleString('en-US')} extents
          </span>
        )}
        <button
          type="button"
          className="fit"
          disabled={!zoomed}
          onClick={() => useViewport.getState().setExtentZoom({ k: 1, x: 0 })}
          aria-label="Fit all extents"
        >
          Fit
        </button>
      </header>
      <ul className="legend">
        {EXTENT_CATEGORIES.map((c) => (
          <li key={c.key}>
            <span className={`swatch pat-${c.pattern}`} style={{ background: c.color }} aria-hidden="true" />
            <Term word={TERM[c.key]}>{c.label}</Term>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: 'var(--ink)' }} aria-hidden="true" />{' '}
          <Term word="resident">resident page</Term>
        </li>
      </ul>
      {!j && (
        <p className="placeholder">
          {status === 'running'
            ? 'Simulating… the extents are drawn when the run ends.'
            : 'The extents appear once the script has run.'}
        </p>
      )}
      {snap && j && <ExtentStrip snap={snap} j={j} bin={bin} />}
      {j && (
        <div className="glibc-lists">
          <SlabBins j={j} bin={bin} setBin={setBin} />
          <DecayPanel j={j} />
        </div>
      )}
      <UnitPanel />
    </section>
  );
}
