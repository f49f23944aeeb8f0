import { useRun } from '../../client/runStore';
import { fmtCount } from '../format';
import { cancelRun, runToEnd } from '../shell/actions';
import { CompareControl } from './CompareControl';

/**
 * The line under the buttons, always the same height so nothing below moves: progress while the
 * worker simulates (a bar with a percentage when the goal is known), else why the views are out of
 * date, else nothing.
 */
export function RunProgress(props: { stale: boolean }): React.JSX.Element {
  const status = useRun((s) => s.status);
  const p = useRun((s) => s.progress);
  const hasRun = useRun((s) => s.snapshot !== null);
  const error = useRun((s) => s.error);
  if (status !== 'idle' && p) {
    const pct = p.expectedEvents
      ? Math.min(99, Math.floor((100 * p.events) / Math.max(1, p.expectedEvents)))
      : null;
    const what =
      p.phase === 'run'
        ? `Simulating statement ${Math.min(p.statement + 1, Math.max(1, p.statements))}${p.statements ? ` of ${p.statements}` : ''}`
        : `Re-running to the position asked (statement ${p.statement + 1})`;
    const events = p.expectedEvents
      ? `${fmtCount(p.events)} of ${p.phase === 'run' ? '~' : ''}${fmtCount(p.expectedEvents)} allocator events`
      : `${fmtCount(p.events)} allocator events so far`;
    return (
      <div className="progress-line" data-testid="progress">
        <div
          className={`bar${pct === null ? ' indeterminate' : ''}`}
          role="progressbar"
          aria-label={p.phase === 'run' ? 'Simulation progress' : 'Seek progress'}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct ?? undefined}
          aria-valuetext={`${what}: ${events}`}
        >
          <span style={{ width: pct === null ? undefined : `${pct}%` }} />
        </div>
        <span role="status" className="progress-text">
          {what} · {events}
          {pct !== null && ` · ${pct}%`}
        </span>
        <button type="button" onClick={cancelRun}>
          Cancel
        </button>
      </div>
    );
  }
  // a run cut by Cancel (its error, worker/errors.ts cancelledError, says where and what is shown)
  if (!props.stale && hasRun && error?.kind === 'cancelled')
    return (
      <div className="progress-line stale-line" data-testid="cancelled">
        <span role="status">{error.message.charAt(0).toUpperCase() + error.message.slice(1)}.</span>
        <button type="button" className="primary" onClick={runToEnd}>
          Run it to the end
        </button>
      </div>
    );
  if (props.stale || !hasRun)
    return (
      <div className="progress-line stale-line" data-testid="stale">
        <span role="status">
          {hasRun
            ? 'The script or its settings changed: the views show the last run until you press Run.'
            : 'This script has not been simulated yet.'}
        </span>
        <button type="button" className="primary" onClick={runToEnd}>
          Run it
        </button>
      </div>
    );
  // Idle and current: the same line holds "colour changes since", so nothing below moves.
  return (
    <div className="progress-line">
      <CompareControl />
    </div>
  );
}
