import type { RunData } from '../../client/runStore';
import { rssAtStatement } from '../../derive/compareSeries';
import { compareSentences, type ComparedRun } from '../../engine/explain/compare';
import { sentenceText } from '../../engine/explain/types';
import { usePlayhead } from '../../store/playhead';
import { positionOf } from '../shell/sync';
import { COLUMN_STYLE } from './useColumnRuns';

/** "After line 2 (`del a`)", or the start. */
function whereText(runs: RunData[], k: number): string {
  if (k === 0) return 'At the start (the interpreter has started)';
  const st = runs.find((r) => r.statements[k - 1])?.statements[k - 1];
  return st ? `After line ${st.line} (${st.code.trim().split('\n')[0]})` : `After statement ${k}`;
}

/**
 * "Which of these gives the memory back, and why", at the playhead's statement: the engine's
 * comparison sentences (src/engine/explain/compare.ts) from each run's snapshot, once every run
 * shows that statement.
 */
export function CompareExplain({ runs, labels }: { runs: RunData[]; labels: string[] }): React.JSX.Element {
  const k = usePlayhead((p) => positionOf(p).statement);
  const ready = runs.filter((r) => r.snapshot !== null);
  const waiting = runs.some((r) => r.status !== 'idle');
  const stoppedAt = (r: RunData): boolean => r.error !== null && r.error.statement !== null && k > r.error.statement;
  // The simulator's own time budget is no error of the script: say which it was.
  const outOfTime = (r: RunData): boolean => r.error?.pyType === 'TimeBudgetExceeded';
  const failed = labels.filter((_, i) => stoppedAt(runs[i]) && !outOfTime(runs[i]));
  const timedOut = labels.filter((_, i) => stoppedAt(runs[i]) && outOfTime(runs[i]));
  const at: ComparedRun[] = [];
  runs.forEach((r, i) => {
    if (!r.snapshot) return;
    const outline =
      r.timeline && r.statementEnd
        ? { timeline: r.timeline, statementEnd: r.statementEnd, loadEvents: r.loadEvents }
        : null;
    const s = r.snapshot.statement;
    at.push({
      label: labels[i],
      snapshot: r.snapshot,
      rssBefore: s > 0 && outline ? rssAtStatement(outline, s - 1) : null,
    });
  });
  const shownK = ready[0]?.snapshot?.statement ?? k;
  const sentences = ready.length === runs.length ? compareSentences(at, whereText(runs, shownK)) : [];
  return (
    <section
      className="panel explain compare-explain"
      aria-label="Which environment gives the memory back"
      data-testid="compare-explain"
    >
      <h2 aria-live="polite">Which of these gives the memory back?</h2>
      {sentences.length === 0 && (
        <p className="muted" role="status">
          {runs.every((r) => r.runKey === null)
            ? 'Press Run: the script runs in every environment, and the answer appears here step by step.'
            : waiting
              ? `Simulating in ${runs.filter((r) => r.status !== 'idle').length} of ${runs.length} environments…`
              : 'Some environments have nothing to show yet.'}
        </p>
      )}
      <ul className="sentences">
        {sentences.map((s, i) => {
          // The environments' sentences come last, one per column, in the columns' order.
          const col = s.id === 'compare-env' ? i - sentences.findIndex((x) => x.id === 'compare-env') : -1;
          return (
            <li key={i} data-sentence={s.id}>
              {col >= 0 && (
                <svg width="18" height="8" aria-hidden="true" className="env-mark">
                  <line
                    x1="0"
                    x2="18"
                    y1="4"
                    y2="4"
                    stroke={COLUMN_STYLE[col].color}
                    strokeDasharray={COLUMN_STYLE[col].dash}
                    strokeWidth={2}
                  />
                </svg>
              )}
              {sentenceText(s)}
            </li>
          );
        })}
      </ul>
      {failed.length > 0 && (
        <p className="error" role="alert">
          The script stopped with an error under {failed.join(', ')}: the figures are those of the last
          statement it finished.
        </p>
      )}
      {timedOut.length > 0 && (
        <p className="error" role="alert">
          The simulation’s time budget ran out under {timedOut.join(', ')} (the runs share this
          machine’s cores): the figures are those of the last statement it finished.
        </p>
      )}
    </section>
  );
}
