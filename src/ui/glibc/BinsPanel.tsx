import { useEffect, useRef } from 'react';
import { useRunData } from '../../client/runContext';
import { glibcOf } from '../../engine/trace/snapshot';
import { binKeyOf, orderBins, rowKey } from '../../derive/binOf';
import { binRows } from '../../derive/bins';
import { CHUNK_CATEGORIES } from '../../derive/palette';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { rovingIndex, rovingKeys } from '../common/roving';
import { fmtBytes } from '../format';
import { binMatcher } from './binMatch';

const CAT = Object.fromEntries(CHUNK_CATEGORIES.map((c) => [c.key, c]));

/** Plain words for a row: "tcache, 816 B chunks, 7 held". */
function rowText(label: string, count: number): string {
  return `${label}, ${count.toLocaleString('en-US')} chunk${count === 1 ? '' : 's'}`;
}

/**
 * glibc's bins as a list: which free chunks wait where (tcache and fastbin chunks count as in use
 * for glibc). The bins the script changed come first, then by bytes. The selected chunk's bin is
 * highlighted and scrolled to; picking a bin marks its chunks on the strip and zooms to them. One
 * Tab stop: ↑ ↓ move between rows.
 */
export function BinsPanel(): React.JSX.Element {
  const snap = useRunData((s) => s.snapshot);
  const start = useRunData((s) => s.start);
  const selected = useSelection((s) => s.selected);
  const box = useRef<HTMLDivElement | null>(null);
  const rows = snap ? orderBins(binRows(snap, 0), start ? binRows(start, 0) : null) : [];
  // The bin the selected chunk sits in, when it is free (or cached).
  const g = snap ? glibcOf(snap) : null;
  let chunkBin: string | null = null;
  if (snap && g && selected?.kind === 'chunk') {
    const gran = (selected.address - snap.scalars.heapStart) / 16;
    const i = g.heap.gran.indexOf(gran);
    if (i >= 0) chunkBin = binKeyOf(g.heap.state[i], g.heap.sizeG[i] * 16);
  }
  const active = rows.findIndex(
    ({ row }) =>
      (selected?.kind === 'bin' && selected.bin === row.bin && selected.index === row.index) ||
      rowKey(row) === chunkBin,
  );
  useEffect(() => {
    if (active < 0) return;
    box.current?.querySelectorAll('tr')[active]?.scrollIntoView({ block: 'nearest' });
  }, [active, snap]);
  const pickBin = (bin: Exclude<(typeof rows)[number]['row']['bin'], 'top'>, index: number): void => {
    useSelection.getState().select({ kind: 'bin', bin, index });
    // Zoom the strip to where the bin's chunks are.
    if (!snap || !g) return;
    const match = binMatcher({ kind: 'bin', bin, index })!;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < g.heap.count; i++) {
      if (!match(g.heap.state[i], g.heap.sizeG[i] * 16)) continue;
      lo = Math.min(lo, g.heap.gran[i] * 16);
      hi = Math.max(hi, (g.heap.gran[i] + g.heap.sizeG[i]) * 16);
    }
    if (hi > lo) useViewport.getState().focusHeap(snap.scalars.heapStart + lo, snap.scalars.heapStart + hi);
  };
  return (
    <div className="bins" ref={box}>
      <h3 id="bins-title">Bins {start && <span className="muted">(your script’s first, marked ▍)</span>}</h3>
      {rows.length === 0 && <p className="muted">No free chunks.</p>}
      <table aria-labelledby="bins-title">
        <tbody onKeyDown={(e) => rovingKeys(e, 'button')}>
          {rows.map(({ row: r, mine }, i) => {
            const cat = CAT[r.bin] ?? CAT.inuse;
            const isSel = i === active;
            return (
              <tr key={rowKey(r)} className={`${isSel ? 'selected' : ''}${mine ? ' mine' : ''}`}>
                <td>
                  <span
                    className={`swatch pat-${cat.pattern}`}
                    style={{ background: cat.color }}
                    aria-hidden="true"
                  />
                </td>
                <td>
                  {r.bin === 'top' ? (
                    <span>{r.label}</span>
                  ) : (
                    <button
                      type="button"
                      className="link"
                      tabIndex={rovingIndex(i, active)}
                      aria-pressed={isSel}
                      aria-label={`${rowText(r.label, r.count)}, ${fmtBytes(r.bytes)}${mine ? ', changed by your script' : ''}`}
                      onClick={() => pickBin(r.bin as Exclude<typeof r.bin, 'top'>, r.index)}
                    >
                      {r.label}
                    </button>
                  )}
                </td>
                <td className="num">{r.count.toLocaleString('en-US')}×</td>
                <td className="num">{fmtBytes(r.bytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
