import { useEffect, useState } from 'react';
import { useRunData, useRunSource } from '../../client/runContext';
import { SLICE_CATEGORIES } from '../../derive/palette';
import type { MimallocSection } from '../../engine/libc/section';
import { useViewport } from '../../store/viewport';
import { registerFigure } from '../export/figures';
import { fmtBytes } from '../format';
import { Term } from '../help/Term';
import { UnitPanel } from '../units/UnitPanel';
import { DelayPanel } from './DelayPanel';
import { drawSegments } from './drawSegments';
import { PageBins } from './PageBins';
import { SegmentRows, segmentFigure } from './SegmentRows';

const TERM: Record<string, string> = {
  info: 'segment',
  page: 'mimalloc page',
  free: 'segment',
  huge: 'segment',
  pending: 'decommit delay',
};

/**
 * mimalloc 2.0.9: its segments slice by slice (pages, free spans, committed or decommitted, and
 * what waits for decommit), the pages per block size with their free lists, the delays on the
 * simulated clock, and a page's blocks when one is opened.
 */
export function MimallocView(): React.JSX.Element {
  const src = useRunSource();
  const snap = useRunData((s) => s.snapshot);
  const status = useRunData((s) => s.status);
  const [blockSize, setBlockSize] = useState(0);
  const m: MimallocSection | null = snap && snap.libc.kind === 'mimalloc' ? snap.libc : null;
  useEffect(() =>
    !src.main
      ? undefined
      : registerFigure('mimalloc', () => {
          const s = src.store.getState().snapshot;
          const canvas = document.querySelector<HTMLCanvasElement>('.segment-rows');
          if (!s || s.libc.kind !== 'mimalloc' || !canvas) return null;
          const rowH = useViewport.getState().segmentRowH;
          const v = segmentFigure(s.libc, canvas.clientWidth, rowH);
          const height = Math.max(rowH, s.libc.segments.address.length * rowH);
          return {
            width: v.width,
            height,
            draw: (ctx) => drawSegments(ctx, v, height),
            legend: [
              ...SLICE_CATEGORIES.map((c) => ({ label: c.label, color: c.color, pattern: c.pattern })),
              { label: 'outline only = decommitted', color: '#ffffff' },
            ],
          };
        }),
  );
  return (
    <section className="panel glibc mimalloc" aria-label="mimalloc">
      <header>
        <h2>mimalloc</h2>
        {m && (
          <span className="figures" data-testid="mimalloc-figures">
            committed {fmtBytes(m.commit.current)} · peak {fmtBytes(m.commit.peak)} ·{' '}
            {m.segments.address.length} segments{m.cachedSegments > 0 ? ` (${m.cachedSegments} cached)` : ''}{' '}
            · {m.pages.address.length.toLocaleString('en-US')} pages
          </span>
        )}
      </header>
      <ul className="legend">
        {SLICE_CATEGORIES.map((c) => (
          <li key={c.key}>
            <span className={`swatch pat-${c.pattern}`} style={{ background: c.color }} aria-hidden="true" />
            <Term word={TERM[c.key]}>{c.label}</Term>
          </li>
        ))}
        <li>
          outline only = <Term word="committed">decommitted</Term>
        </li>
      </ul>
      {!m && (
        <p className="placeholder">
          {status === 'running'
            ? 'Simulating… the segments are drawn when the run ends.'
            : 'The segments appear once the script has run.'}
        </p>
      )}
      {m && <SegmentRows m={m} blockSize={blockSize} />}
      {m && (
        <div className="glibc-lists">
          <PageBins m={m} blockSize={blockSize} setBlockSize={setBlockSize} />
          <DelayPanel m={m} />
        </div>
      )}
      <UnitPanel />
    </section>
  );
}
