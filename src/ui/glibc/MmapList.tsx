import { useRunData } from '../../client/runContext';
import { glibcOf } from '../../engine/trace/snapshot';
import { refRange, overlaps } from '../../derive/selection';
import { useSelection } from '../../store/selection';
import { fmtBytes, hex } from '../format';

/** Chunks glibc gave their own mmap (≥ the mmap threshold): each is unmapped as soon as it is freed. */
export function MmapList(): React.JSX.Element {
  const snap = useRunData((s) => s.snapshot);
  const selected = useSelection((s) => s.selected);
  const range = refRange(selected);
  const g = snap ? glibcOf(snap) : null;
  const mm = g?.mmappedChunks;
  const n = mm ? mm.address.length : 0;
  return (
    <div className="mmaps" aria-label="mmapped chunks">
      <h3>mmapped chunks {g && <span className="muted">(threshold {fmtBytes(g.mp.mmapThreshold)})</span>}</h3>
      {n === 0 && <p className="muted">None.</p>}
      <ul>
        {Array.from({ length: Math.min(n, 50) }, (_, i) => {
          const address = mm!.address[i];
          const size = mm!.size[i];
          return (
            <li key={address} className={overlaps(range, address, address + size) ? 'selected' : ''}>
              <button
                type="button"
                className="link"
                onClick={() => useSelection.getState().select({ kind: 'mmappedChunk', address, size })}
              >
                {hex(address)}
              </button>{' '}
              {fmtBytes(size)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
