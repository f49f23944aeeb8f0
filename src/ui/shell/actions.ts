import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { usePlayhead } from '../../store/playhead';
import { END, ensureRun, reachedStatements, runIsCurrent, statementOfEvent } from './sync';

/** What the control buttons and keys do; shared by buttons, keyboard and Play. */

export function runToEnd(): void {
  usePlayhead.setState({ playing: false });
  // While the first pass still runs, the last statement is not known yet: aim past the end, and
  // the playhead is clamped when the run finishes (sync.ts).
  if (ensureRun({ statement: END, event: null }) || !useRun.getState().statementEnd) {
    usePlayhead.setState({ mode: 'statement', statement: END });
    return;
  }
  usePlayhead.getState().setStatement(reachedStatements());
}

export function stepBy(dir: 1 | -1): void {
  const p = usePlayhead.getState();
  if (!runIsCurrent()) {
    const target = dir > 0 ? 1 : 0;
    ensureRun({ statement: target, event: null });
    usePlayhead.setState({ mode: 'statement', statement: target });
    return;
  }
  if (p.mode === 'statement') {
    const n = reachedStatements();
    p.setStatement(Math.max(0, Math.min(n, p.statement + dir)));
  } else {
    const r = useRun.getState();
    p.setEvent(Math.max(r.loadEvents, Math.min(r.totalEvents, p.event + dir * p.stride)));
  }
}

export function reset(): void {
  usePlayhead.setState({ playing: false });
  if (ensureRun({ statement: 0, event: null })) {
    usePlayhead.setState({ mode: 'statement', statement: 0 });
    return;
  }
  usePlayhead.getState().setStatement(0);
}

export function togglePlay(): void {
  const p = usePlayhead.getState();
  if (!p.playing && !runIsCurrent()) ensureRun({ statement: p.statement, event: null });
  usePlayhead.setState({ playing: !p.playing });
}

export function jumpToEvent(e: number): void {
  if (!runIsCurrent()) return;
  const r = useRun.getState();
  usePlayhead.getState().setEvent(Math.max(r.loadEvents, Math.min(r.totalEvents, Math.round(e))));
}

export function cancelRun(): void {
  usePlayhead.setState({ playing: false });
  engineClient().cancel();
}

/** One tick of Play: a step forward unless the end is reached (then stop). */
export function playTick(): void {
  const p = usePlayhead.getState();
  const r = useRun.getState();
  if (r.status !== 'idle' || !r.statementEnd) return;
  const atEnd = p.mode === 'statement' ? p.statement >= reachedStatements() : p.event >= r.totalEvents;
  if (atEnd) usePlayhead.setState({ playing: false });
  else stepBy(1);
}

export { statementOfEvent };
