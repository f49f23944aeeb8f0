import { useRun } from '../../client/runStore';
import { glibcOf } from '../../engine/trace/snapshot';
import { CHUNK_CATEGORIES } from '../../derive/palette';
import { fmtBytes } from '../format';
import { BinsPanel } from './BinsPanel';
import { HeapStrip } from './HeapStrip';
import { MmapList } from './MmapList';

/** glibc malloc: the brk heap chunk by chunk, the bins and the mmapped chunks. */
export function GlibcView(): React.JSX.Element {
  const snap = useRun((s) => s.snapshot);
  const g = snap ? glibcOf(snap) : null;
  const mi = g?.mallinfo;
  return (
    <section className="panel glibc" aria-label="glibc malloc">
      <header>
        <h2>glibc heap</h2>
        {snap && g && mi && (
          <span className="figures" data-testid="glibc-figures">
            heap {fmtBytes(snap.scalars.brk - snap.scalars.heapStart)} · in use {fmtBytes(mi.uordblks)} · free{' '}
            {fmtBytes(mi.fordblks)} · top {fmtBytes(mi.keepcost)} · {g.heap.count.toLocaleString('en-US')}{' '}
            chunks
          </span>
        )}
      </header>
      <ul className="legend">
        {CHUNK_CATEGORIES.map((c) => (
          <li key={c.key}>
            <span className={`swatch pat-${c.pattern}`} style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: '#333' }} aria-hidden="true" /> resident page
        </li>
      </ul>
      <HeapStrip />
      <div className="glibc-lists">
        <BinsPanel />
        <MmapList />
      </div>
    </section>
  );
}
