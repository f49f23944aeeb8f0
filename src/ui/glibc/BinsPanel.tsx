import { useRun } from '../../client/runStore';
import { binRows } from '../../derive/bins';
import { CHUNK_CATEGORIES } from '../../derive/palette';
import { useSelection } from '../../store/selection';
import { fmtBytes } from '../format';

const CAT = Object.fromEntries(CHUNK_CATEGORIES.map((c) => [c.key, c]));

/** glibc's bins as lists: which free chunks are waiting where (tcache and fastbins count as in use). */
export function BinsPanel(): React.JSX.Element {
  const snap = useRun((s) => s.snapshot);
  const selected = useSelection((s) => s.selected);
  const rows = snap ? binRows(snap, 0) : [];
  return (
    <div className="bins" aria-label="Bins">
      <h3>Bins</h3>
      {rows.length === 0 && <p className="muted">No free chunks.</p>}
      <table>
        <tbody>
          {rows.map((r) => {
            const cat = CAT[r.bin === 'top' ? 'top' : r.bin] ?? CAT.inuse;
            const isSel = selected?.kind === 'bin' && selected.bin === r.bin && selected.index === r.index;
            return (
              <tr key={`${r.bin}${r.index}`} className={isSel ? 'selected' : ''}>
                <td>
                  <span
                    className={`swatch pat-${cat.pattern}`}
                    style={{ background: cat.color }}
                    aria-hidden="true"
                  />
                </td>
                <td>
                  {r.bin === 'top' ? (
                    r.label
                  ) : (
                    <button
                      type="button"
                      className="link"
                      onClick={() =>
                        useSelection
                          .getState()
                          .select({ kind: 'bin', bin: r.bin as 'tcache', index: r.index })
                      }
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
