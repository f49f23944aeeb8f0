import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { usePlayhead } from '../../store/playhead';
import { END, ensureRun, reachedStatements, runIsCurrent, snapNext, startRun, statementOfEvent } from './sync';

/** What the control buttons and keys do; shared by buttons, keyboard and Play. */

export function runToEnd(): void {
  usePlayhead.setState({ playing: false });
  // A run the user cancelled shows the statements before the cut: Run runs the whole script again.
  if (useRun.getState().cancelled && runIsCurrent()) {
    startRun({ statement: END, event: null });
    usePlayhead.setState({ mode: 'statement', statement: END });
    return;
  }
  // While the first pass still runs, the last statement is not known yet: aim past the end, and
  // the playhead follows the position the worker shows (sync.ts).
  if (ensureRun({ statement: END, event: null }) || !useRun.getState().statementEnd) {
    usePlayhead.setState({ mode: 'statement', statement: END });
    return;
  }
  usePlayhead.getState().setStatement(reachedStatements());
}

/** Where the playhead can go: [first, last] in the current mode (null while nothing has run). */
export function bounds(): { at: number; first: number; last: number } | null {
  const r = useRun.getState();
  const p = usePlayhead.getState();
  if (!r.statementEnd || !runIsCurrent()) return null;
  return p.mode === 'statement'
    ? { at: Math.min(p.statement, reachedStatements()), first: 0, last: reachedStatements() }
    : { at: p.event, first: r.loadEvents, last: r.totalEvents };
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
    // From the newest position asked for (a key held down moves one stride a press, even while
    // seeks are under way), else the one on screen (the worker may have moved it to a stop point).
    const from = engineClient().requested?.event ?? useRun.getState().shown?.event ?? p.event;
    const e = Math.max(r.loadEvents, Math.min(r.totalEvents, from + dir * p.stride));
    snapNext(dir > 0 ? 'up' : 'down');
    usePlayhead.setState({ mode: 'event', event: e });
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

/** Play from here; at the end, Play starts again from the beginning. */
export function togglePlay(): void {
  const p = usePlayhead.getState();
  if (p.playing) {
    usePlayhead.setState({ playing: false });
    return;
  }
  if (!runIsCurrent()) ensureRun({ statement: p.statement, event: null });
  const b = bounds();
  if (b && b.at >= b.last) {
    if (p.mode === 'statement') p.setStatement(0);
    else usePlayhead.setState({ event: b.first });
  }
  usePlayhead.setState({ playing: true });
}

export function jumpToEvent(e: number): void {
  if (!runIsCurrent()) return;
  const r = useRun.getState();
  usePlayhead.getState().setEvent(Math.max(r.loadEvents, Math.min(r.totalEvents, Math.round(e))));
}

export function cancelRun(): void {
  usePlayhead.setState({ playing: false });
  engineClient().cancelKeepingDone();
  // the cut run ends at the statement that was running: the playhead goes to its end
  usePlayhead.setState({ mode: 'statement', statement: END });
}

/** One tick of Play: a step forward unless the end is reached (then stop). */
export function playTick(): void {
  const r = useRun.getState();
  if (r.crashed) usePlayhead.setState({ playing: false });
  if (r.status !== 'idle' || !r.statementEnd) return;
  const b = bounds();
  if (!b || b.at >= b.last) usePlayhead.setState({ playing: false });
  else stepBy(1);
}

export { statementOfEvent };
