import { useEffect } from 'react';
import { useRun } from '../../client/runStore';
import { EVENT_STRIDES, usePlayhead, type EventStride } from '../../store/playhead';
import { bounds, playTick, reset, runToEnd, stepBy, togglePlay } from '../shell/actions';
import { useStale } from '../shell/useStale';
import { reachedStatements } from '../shell/sync';
import { EventScrubber } from './EventScrubber';
import { RunProgress } from './RunProgress';

const SPEEDS = [1, 2, 5, 10];

/** Run, Step back, Step forward, Play, Reset, the step counter, the fine event mode and progress. */
export function Controls(): React.JSX.Element {
  const mode = usePlayhead((s) => s.mode);
  const statement = usePlayhead((s) => s.statement);
  const event = usePlayhead((s) => s.event);
  const playing = usePlayhead((s) => s.playing);
  const speed = usePlayhead((s) => s.speed);
  const stride = usePlayhead((s) => s.stride);
  const status = useRun((s) => s.status);
  const hasRun = useRun((s) => s.statementEnd !== null);
  const statements = useRun((s) => s.statements);
  const runKey = useRun((s) => s.runKey);
  const shownStatement = useRun((s) => s.snapshot?.statement ?? 0);
  const shownEvent = useRun((s) => s.shown?.event ?? null);
  const statementEnd = useRun((s) => s.statementEnd);
  const loadEvents = useRun((s) => s.loadEvents);
  const stale = useStale();
  // Re-read the bounds whenever anything they depend on changes.
  void event;
  void runKey;
  const b = hasRun && !stale ? bounds() : null;
  const n = hasRun ? reachedStatements() : statements.length;
  const k = mode === 'statement' ? Math.min(statement, n) : shownStatement;

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(playTick, 1000 / speed);
    return () => window.clearInterval(id);
  }, [playing, speed]);

  const atStart = b !== null && b.at <= b.first;
  const atEnd = b !== null && b.at >= b.last;
  let counter: string;
  if (status === 'running')
    counter = statements.length ? `running: ${statements.length} statements` : 'running…';
  else if (!hasRun) counter = 'not run yet';
  else if (
    mode === 'event' &&
    shownEvent !== null &&
    statementEnd &&
    shownEvent < (k < statementEnd.length ? statementEnd[k] : -1) &&
    shownEvent > (k === 0 ? loadEvents : statementEnd[k - 1])
  )
    counter = `in step ${k + 1} of ${n}`;
  else counter = `step ${k} of ${n}`;
  return (
    <div className="controls" role="toolbar" aria-label="Run controls" id="controls" tabIndex={-1}>
      <div className="buttons">
        <button type="button" className={`primary${stale || !hasRun ? ' attention' : ''}`} onClick={runToEnd}>
          Run
        </button>
        <button
          type="button"
          onClick={() => stepBy(-1)}
          aria-label="Step back"
          title="Step back (←)"
          disabled={atStart}
        >
          ◀ Step back
        </button>
        <button type="button" onClick={() => stepBy(1)} title="Step forward (→)" disabled={atEnd}>
          Step forward<span aria-hidden="true"> ▶</span>
        </button>
        <button
          type="button"
          onClick={togglePlay}
          aria-pressed={playing}
          data-testid="play"
          title={atEnd ? 'Play from the start (space)' : 'Play / pause (space)'}
        >
          <span aria-hidden="true">{playing ? '❚❚ ' : atEnd ? '↻ ' : '▶▶ '}</span>
          {playing ? 'Pause' : atEnd ? 'Play again' : 'Play'}
        </button>
        <label className="speed">
          speed
          <select
            value={speed}
            onChange={(e) => usePlayhead.getState().setSpeed(Number(e.target.value))}
            aria-label="Play speed (steps per second)"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}/s
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reset} disabled={atStart} title="Back to the start (Home)">
          Reset
        </button>
        <span className="counter" aria-live="polite" data-testid="step-counter">
          {counter}
        </span>
        <span className="mode" role="group" aria-label="Step mode">
          <button
            type="button"
            aria-pressed={mode === 'statement'}
            onClick={() => usePlayhead.getState().setMode('statement')}
          >
            statements
          </button>
          <button
            type="button"
            aria-pressed={mode === 'event'}
            onClick={() =>
              usePlayhead
                .getState()
                .setEvent(useRun.getState().shown?.event ?? useRun.getState().snapshot?.event ?? 0)
            }
          >
            events
          </button>
          <select
            value={stride}
            aria-label="Events per step"
            onChange={(e) => usePlayhead.getState().setStride(Number(e.target.value) as EventStride)}
            disabled={mode !== 'event'}
          >
            {EVENT_STRIDES.map((s) => (
              <option key={s} value={s}>
                ±{s.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </span>
        <RunProgress stale={stale} />
      </div>
      {mode === 'event' && <EventScrubber />}
    </div>
  );
}
