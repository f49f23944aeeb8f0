import { useEffect } from 'react';
import { useRun } from '../../client/runStore';
import { EVENT_STRIDES, usePlayhead, type EventStride } from '../../store/playhead';
import { cancelRun, playTick, reset, runToEnd, stepBy, togglePlay } from '../shell/actions';
import { reachedStatements } from '../shell/sync';
import { EventScrubber } from './EventScrubber';

const SPEEDS = [1, 2, 5, 10];

/** Run, Step back, Step forward, Play, Reset, the step counter and the fine event mode. */
export function Controls(): React.JSX.Element {
  const mode = usePlayhead((s) => s.mode);
  const statement = usePlayhead((s) => s.statement);
  const playing = usePlayhead((s) => s.playing);
  const speed = usePlayhead((s) => s.speed);
  const stride = usePlayhead((s) => s.stride);
  const status = useRun((s) => s.status);
  const progress = useRun((s) => s.progress);
  const statements = useRun((s) => s.statements);
  const hasRun = useRun((s) => s.statementEnd !== null);
  const n = hasRun ? reachedStatements() : statements.length;
  const shownStatement = useRun((s) => s.snapshot?.statement ?? 0);
  const k = mode === 'statement' ? Math.min(statement, n) : shownStatement;

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(playTick, 1000 / speed);
    return () => window.clearInterval(id);
  }, [playing, speed]);

  return (
    <div className="controls" role="toolbar" aria-label="Run controls">
      <button type="button" className="primary" onClick={runToEnd}>
        Run
      </button>
      <button type="button" onClick={() => stepBy(-1)} aria-label="Step back" title="Step back (←)">
        ◀ Step back
      </button>
      <button type="button" onClick={() => stepBy(1)} aria-label="Step forward" title="Step forward (→)">
        Step forward ▶
      </button>
      <button
        type="button"
        onClick={togglePlay}
        aria-label="Play"
        aria-pressed={playing}
        title="Play / pause (space)"
      >
        {playing ? '❚❚ Pause' : '▶▶ Play'}
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
      <button type="button" onClick={reset}>
        Reset
      </button>
      <span className="counter" aria-live="polite" data-testid="step-counter">
        step {k} of {n}
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
          onClick={() => usePlayhead.getState().setEvent(useRun.getState().snapshot?.event ?? 0)}
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
      {status !== 'idle' && (
        <span className="progress" role="status">
          {status === 'running' ? 'running' : 'seeking'} · statement {progress?.statement ?? 0} ·{' '}
          {(progress?.events ?? 0).toLocaleString('en-US')} events
          <button type="button" onClick={cancelRun}>
            Cancel
          </button>
        </span>
      )}
      {mode === 'event' && <EventScrubber />}
    </div>
  );
}
