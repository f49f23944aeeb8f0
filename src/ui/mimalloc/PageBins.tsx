import { mimallocPages } from '../../derive/mimallocPages';
import type { MimallocSection } from '../../engine/libc/section';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { rovingIndex, rovingKeys } from '../common/roving';
import { fmtBytes, hex } from '../format';
import { Term } from '../help/Term';

const PAGES_SHOWN = 48;

/**
 * mimalloc's pages by block size (its size bins): blocks in use of those carved and of all, and how
 * many free blocks sit on each of a page's three lists (free, local_free, thread_free). Picking a
 * size marks its pages on the rows and lists them; a page opens its blocks.
 */
export function PageBins({
  m,
  blockSize,
  setBlockSize,
}: {
  m: MimallocSection;
  blockSize: number;
  setBlockSize: (b: number) => void;
}): React.JSX.Element {
  const { rows } = mimallocPages(m, 0);
  const openUnit = useViewport((s) => s.openUnit);
  const active = rows.findIndex((r) => r.blockSize === blockSize);
  const open = active >= 0 ? rows[active] : null;
  const p = m.pages;
  return (
    <div className="bins mimalloc-bins">
      <h3 id="mbins-title">
        <Term word="mimalloc page">Pages</Term> by block size
      </h3>
      {rows.length === 0 && <p className="muted">No pages.</p>}
      <table aria-labelledby="mbins-title">
        <thead>
          <tr>
            <th scope="col">block</th>
            <th scope="col">pages</th>
            <th scope="col">in use / carved / all</th>
            <th scope="col">free lists</th>
          </tr>
        </thead>
        <tbody onKeyDown={(e) => rovingKeys(e, 'button')}>
          {rows.map((r, i) => (
            <tr key={r.blockSize} className={i === active ? 'selected' : ''}>
              <td>
                <button
                  type="button"
                  className="link"
                  tabIndex={rovingIndex(i, active)}
                  aria-pressed={i === active}
                  onClick={() => setBlockSize(i === active ? 0 : r.blockSize)}
                >
                  {fmtBytes(r.blockSize)}
                </button>
              </td>
              <td>
                {r.pages.toLocaleString('en-US')} ({fmtBytes(r.bytes)})
              </td>
              <td>
                {r.used.toLocaleString('en-US')} / {r.capacity.toLocaleString('en-US')} /{' '}
                {r.reserved.toLocaleString('en-US')}
              </td>
              <td className="muted">
                {r.free.toLocaleString('en-US')} · {r.localFree.toLocaleString('en-US')} ·{' '}
                {r.threadFree.toLocaleString('en-US')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        free lists: free · local_free (freed here, reused once free runs dry) · thread_free (freed by other
        threads)
      </p>
      {open && (
        <div className="slab-list" role="group" aria-label={`Pages of ${open.blockSize}-byte blocks`}>
          <h4>
            {open.pages.toLocaleString('en-US')} pages of {fmtBytes(open.blockSize)} blocks
            {open.pages > PAGES_SHOWN ? `, the first ${PAGES_SHOWN}` : ''}:
          </h4>
          <div className="slabs" onKeyDown={(e) => rovingKeys(e, 'button', true)}>
            {open.pages_.slice(0, PAGES_SHOWN).map((x, k) => {
              const isOpen = openUnit === p.address[x];
              const f = p.reserved[x] > 0 ? p.used[x] / p.reserved[x] : 0;
              return (
                <button
                  type="button"
                  key={x}
                  className={`slab${isOpen ? ' selected' : ''}`}
                  tabIndex={rovingIndex(
                    k,
                    open.pages_.findIndex((y) => p.address[y] === openUnit),
                  )}
                  aria-pressed={isOpen}
                  aria-label={`page at ${hex(p.address[x])}: ${p.used[x]} of ${p.reserved[x]} blocks in use`}
                  title={`page at ${hex(p.address[x])}: ${p.used[x]} of ${p.reserved[x]} in use`}
                  onClick={() => {
                    const start = p.address[x] - (p.address[x] % 65536);
                    useSelection.getState().select({ kind: 'miPage', address: start, size: p.size[x] });
                    useViewport.getState().setOpenUnit(p.address[x]);
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
