import { jemallocBins } from '../../derive/jemallocBins';
import { BIN_INFO } from '../../engine/jemalloc/sizeClasses';
import type { JemallocSection } from '../../engine/libc/section';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { rovingIndex, rovingKeys } from '../common/roving';
import { fmtBytes, hex } from '../format';
import { Term } from '../help/Term';

/** Slabs listed under an open bin (the rest are on the strip). */
const SLABS_SHOWN = 48;

/**
 * jemalloc's small size classes: each bin's slabs, regions in use of all, and what the main
 * thread's cache holds. Picking a bin marks its slabs on the strip and lists them; a slab opens
 * its regions. One Tab stop: ↑ ↓ move between rows.
 */
export function SlabBins({
  j,
  bin,
  setBin,
}: {
  j: JemallocSection;
  bin: number;
  setBin: (b: number) => void;
}): React.JSX.Element {
  const { rows, large } = jemallocBins(j, 0);
  const openUnit = useViewport((s) => s.openUnit);
  const active = rows.findIndex((r) => r.bin === bin);
  const open = active >= 0 ? rows[active] : null;
  const e = j.extents;
  const cachedTotal = [...j.tcacheCounts].reduce((n, c) => n + c, 0);
  return (
    <div className="bins jemalloc-bins">
      <h3 id="jbins-title">
        <Term word="slab">Slabs</Term> by size class
      </h3>
      {rows.length === 0 && <p className="muted">No slabs.</p>}
      <table aria-labelledby="jbins-title">
        <thead>
          <tr>
            <th scope="col">size</th>
            <th scope="col">slabs</th>
            <th scope="col">regions in use</th>
            <th scope="col">bytes</th>
          </tr>
        </thead>
        <tbody onKeyDown={(ev) => rovingKeys(ev, 'button')}>
          {rows.map((r, i) => (
            <tr key={r.bin} className={i === active ? 'selected' : ''}>
              <td>
                <button
                  type="button"
                  className="link"
                  tabIndex={rovingIndex(i, active)}
                  aria-pressed={i === active}
                  onClick={() => setBin(i === active ? -1 : r.bin)}
                >
                  {r.regSize.toLocaleString('en-US')} B
                </button>
              </td>
              <td>{r.slabs.toLocaleString('en-US')}</td>
              <td>
                {r.used.toLocaleString('en-US')} / {r.regions.toLocaleString('en-US')}
                {r.cached > 0 && <span className="muted"> ({r.cached} cached)</span>}
              </td>
              <td>{fmtBytes(r.bytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {large.count > 0 && (
        <p className="muted">
          Large blocks: {large.count.toLocaleString('en-US')} extents, {fmtBytes(large.bytes)}.
        </p>
      )}
      <p className="muted">
        <Term word="thread cache">Thread cache</Term> (main thread): {cachedTotal.toLocaleString('en-US')}{' '}
        regions held, counted as allocated until the cache flushes them.
      </p>
      {open && (
        <div className="slab-list" role="group" aria-label={`Slabs of ${open.regSize}-byte regions`}>
          <h4>
            {open.slabs.toLocaleString('en-US')} slabs of {open.regSize} B ({BIN_INFO[open.bin].nregs} regions
            each){open.slabs > SLABS_SHOWN ? `, the first ${SLABS_SHOWN} by address` : ''}:
          </h4>
          <div className="slabs" onKeyDown={(ev) => rovingKeys(ev, 'button', true)}>
            {open.extents.slice(0, SLABS_SHOWN).map((x, k) => {
              const f = e.used[x] / BIN_INFO[open.bin].nregs;
              const isOpen = openUnit === e.address[x];
              return (
                <button
                  type="button"
                  key={x}
                  className={`slab${isOpen ? ' selected' : ''}`}
                  tabIndex={rovingIndex(
                    k,
                    open.extents.findIndex((y) => e.address[y] === openUnit),
                  )}
                  aria-pressed={isOpen}
                  aria-label={`slab at ${hex(e.address[x])}: ${e.used[x]} of ${BIN_INFO[open.bin].nregs} regions in use`}
                  title={`slab at ${hex(e.address[x])}: ${e.used[x]} of ${BIN_INFO[open.bin].nregs} in use`}
                  onClick={() => {
                    useSelection
                      .getState()
                      .select({ kind: 'extent', address: e.address[x], size: e.size[x] });
                    useViewport.getState().setOpenUnit(e.address[x]);
                  }}
                >
                  <span className="slab-fill" style={{ height: `${Math.round(f * 100)}%` }} />
                </button>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
