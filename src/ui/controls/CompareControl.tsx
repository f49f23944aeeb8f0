import { useEffect } from 'react';
import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { useCompare } from '../../store/compare';
import { fmtBytes } from '../format';
import { changesNow, useChanges } from '../shell/useChanges';

export const CHANGE_COLORS = { new: '#009E73', freed: '#CC79A7', released: '#E69F00' } as const;

/**
 * What changed, in figures, and what the views colour it against: the position shown before (the
 * default) or a step picked here ("compare with step N").
 */
export function CompareControl(): React.JSX.Element | null {
  const n = useRun((s) => s.statementEnd?.length ?? null);
  const runKey = useRun((s) => s.runKey);
  const previous = useRun((s) => s.previous?.position ?? null);
  const position = useCompare((s) => s.position);
  useChanges();
  const now = changesNow();
  // A new run forgets the comparison.
  useEffect(() => useCompare.getState().set(null), [runKey]);
  if (n === null) return null;
  const pick = (v: string): void => {
    if (v === '') return useCompare.getState().set(null);
    const target = { statement: Number(v), event: null };
    useCompare.getState().set(target);
    void engineClient()
      .peek(target)
      .then((r) => {
        if (r && useCompare.getState().position === target) useCompare.getState().set(target, r.snapshot);
      });
  };
  const b = now?.changes.bytes;
  const baseText =
    position !== null
      ? `step ${position.statement}`
      : previous
        ? previous.event === null
          ? `step ${previous.statement}`
          : `event ${previous.event.toLocaleString('en-US')}`
        : null;
  return (
    <div className="compare" data-testid="changes">
      <label>
        Colour changes since{' '}
        <select
          value={position === null ? '' : String(position.statement)}
          onChange={(e) => pick(e.target.value)}
        >
          <option value="">the last position shown</option>
          {Array.from({ length: n + 1 }, (_, k) => (
            <option key={k} value={k}>
              step {k}
            </option>
          ))}
        </select>
      </label>
      {b && baseText && (
        <span className="change-figures" role="status">
          since {baseText}: <span className="chg new">{fmtBytes(b.allocated)} newly in use</span> ·{' '}
          <span className="chg freed">{fmtBytes(b.freed)} freed</span> ·{' '}
          <span className="chg released">{fmtBytes(b.released)} given back to the kernel</span>
        </span>
      )}
    </div>
  );
}
