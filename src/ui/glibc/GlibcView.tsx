import { useEffect } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import { glibcOf } from '../../engine/trace/snapshot';
import { CHUNK_CATEGORIES } from '../../derive/palette';
import { useViewport } from '../../store/viewport';
import { registerFigure } from '../export/figures';
import { fmtBytes } from '../format';
import { Term } from '../help/Term';
import { BinsPanel } from './BinsPanel';
import { drawHeapStrip } from './drawHeapStrip';
import { HeapStrip, heapStripFigure } from './HeapStrip';
import { MmapList } from './MmapList';
import { ThreadArenas } from './ThreadArenas';

/** The legend word for each chunk category, as the glossary names it. */
const TERM: Record<string, string> = {
  inuse: 'in use',
  tcache: 'tcache',
  fastbin: 'fastbin',
  unsorted: 'unsorted',
  smallbin: 'small bin',
  largebin: 'large bin',
  top: 'top',
};

/** glibc malloc: the brk heap chunk by chunk, the bins and the mmapped chunks. */
export function GlibcView(): React.JSX.Element {
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const g = snap ? glibcOf(snap) : null;
  const status = useRunData((s) => s.status);
  const zoomed = useViewport((s) => s.heapZoom.k > 1);
  const mi = g?.mallinfo;
  useEffect(() =>
    !src.main
      ? undefined
      : registerFigure('glibc', () => {
          const s = src.store.getState().snapshot;
          const canvas = document.querySelector<HTMLCanvasElement>('.heap-strip');
          if (!s || !canvas) return null;
          const w = canvas.clientWidth;
          const h = canvas.clientHeight;
          const v = heapStripFigure(s, w, h);
          if (!v) return null;
          return {
            width: w,
            height: h,
            draw: (ctx) => drawHeapStrip(ctx, v),
            legend: [
              ...CHUNK_CATEGORIES.map((c) => ({ label: c.label, color: c.color, pattern: c.pattern })),
              { label: 'resident page (below the chunks)', color: '#333' },
            ],
          };
        }),
  );
  return (
    <section className="panel glibc" aria-label="glibc malloc">
      <header>
        <h2>glibc heap</h2>
        {snap && mi && (
          <span className="figures" data-testid="glibc-figures">
            heap {fmtBytes(snap.scalars.brk - snap.scalars.heapStart)} · in use {fmtBytes(mi.uordblks)} · free{' '}
            {fmtBytes(mi.fordblks)} · top {fmtBytes(mi.keepcost)} · {g!.heap.count.toLocaleString('en-US')}{' '}
            chunks
          </span>
        )}
        <button
          type="button"
          className="fit"
          disabled={!zoomed}
          onClick={() => useViewport.getState().setHeapZoom({ k: 1, x: 0 })}
          aria-label="Fit the whole heap"
        >
          Fit
        </button>
      </header>
      <ul className="legend">
        {CHUNK_CATEGORIES.map((c) => (
          <li key={c.key}>
            <span className={`swatch pat-${c.pattern}`} style={{ background: c.color }} aria-hidden="true" />
            {c.label.startsWith('free: ') ? (
              <>
                free: <Term word={TERM[c.key]} />
              </>
            ) : (
              <Term word={TERM[c.key]}>{c.label}</Term>
            )}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: 'var(--ink)' }} aria-hidden="true" />{' '}
          <Term word="resident">resident page</Term>
        </li>
      </ul>
      {!snap && (
        <p className="placeholder">
          {status === 'running'
            ? 'Simulating… the heap is drawn when the run ends.'
            : 'The heap appears once the script has run.'}
        </p>
      )}
      <HeapStrip />
      {g && <ThreadArenas g={g} />}
      <div className="glibc-lists">
        <BinsPanel />
        <MmapList />
      </div>
    </section>
  );
}
