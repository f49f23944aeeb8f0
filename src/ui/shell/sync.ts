import { engineClient } from '../../client/engineClient';
import { useRun } from '../../client/runStore';
import { DEFAULT_ENV, envKey, sameEnv, type EnvSpec } from '../../protocol/environment';
import { DEFAULT_RUN_SECONDS, type Position } from '../../protocol/messages';
import { completedAt } from '../../protocol/statementCount';
import { useComparison } from '../../store/comparison';
import { useEditor } from '../../store/editor';
import { useOptions } from '../../store/options';
import { usePlayhead, type PlayheadState } from '../../store/playhead';

/** Past any script's end: the worker clamps it to the last statement reached. */
export const END = 1e9;

/**
 * Names a run: the script, the tunables and the environment. The environment is left out while it is
 * the default, so the counts remembered for runs made before environments existed still apply.
 */
export const runKeyOf = (source: string, tunables: object, env: EnvSpec = DEFAULT_ENV): string =>
  JSON.stringify(sameEnv(env, DEFAULT_ENV) ? [source, tunables] : [source, tunables, envKey(env)]);

export const currentKey = (): string =>
  runKeyOf(useEditor.getState().source, useOptions.getState().tunables, useOptions.getState().env);

/** Does the worker hold a run of the current script and options? */
export const runIsCurrent = (): boolean => useRun.getState().runKey === currentKey();

/**
 * The time budget of each run the page starts now. The page's worker measures its budget in wall
 * time (a worker has no CPU clock: budget.ts), so runs started together share the cores: the page's
 * run and a comparison's other environments run at once, and each gets the budget once per run
 * (the whole comparison may take as long as the runs one after another). With one budget each, a
 * typed lru_cache loop of 30,000 calls compared in four environments on 2 loaded cores stopped in
 * all four at 60 s on its loop (line 10), which looked like a comparison stuck there.
 */
export function runSeconds(): number {
  const envs = useComparison.getState().envs;
  const pageEnv = useOptions.getState().env;
  const others = envs ? envs.filter((e) => !sameEnv(e, pageEnv)).length : 0;
  return DEFAULT_RUN_SECONDS * (1 + others);
}

function budgetOption(): { maxSeconds?: number } {
  const s = runSeconds();
  return s === DEFAULT_RUN_SECONDS ? {} : { maxSeconds: s };
}

/** Start a run of the current script if none is current; returns true when one was started. */
export function ensureRun(target: Position): boolean {
  if (runIsCurrent()) return false;
  startRun(target);
  return true;
}

/** Start a run of the current script (a new one even when the worker holds a run of it). */
export function startRun(target: Position): void {
  engineClient().run(
    currentKey(),
    useEditor.getState().source,
    // the run's options name a budget only when it is not the default one (they go into the report)
    { tunables: useOptions.getState().tunables, env: useOptions.getState().env, ...budgetOption() },
    target,
  );
}

/** Statements completed after e events, counted as the worker counts them. */
export function statementOfEvent(e: number): number {
  const ends = useRun.getState().statementEnd;
  return ends ? completedAt(ends, e) : 0;
}

export function positionOf(p: Pick<PlayheadState, 'mode' | 'statement' | 'event'>): Position {
  return p.mode === 'statement'
    ? { statement: p.statement, event: null }
    : { statement: statementOfEvent(p.event), event: p.event };
}

export const samePosition = (a: Position | null, b: Position | null): boolean =>
  a !== null && b !== null && a.statement === b.statement && a.event === b.event;

/** Statements the run reached (N in "step K of N"; fewer when a statement raised). */
export function reachedStatements(): number {
  const r = useRun.getState();
  return r.statementEnd ? r.statementEnd.length : r.statements.length;
}

let snap: 'down' | 'up' = 'down';
/** The next playhead move is a step forward: an event no replay stops at moves up, not back. */
export function snapNext(s: 'down' | 'up'): void {
  snap = s;
}

/**
 * Keep the worker's position in step with the playhead; returns the unsubscribe function. The
 * client drops requests equal to the newest one, so ← → ← settles on the last key's position.
 */
export function startSync(): () => void {
  const unsubPlayhead = usePlayhead.subscribe((p, prev) => {
    if (p.mode === prev.mode && p.statement === prev.statement && p.event === prev.event) return;
    const target = positionOf(p);
    const way = snap;
    snap = 'down';
    // Only the user's actions (Run, Step, Play, a safe link) start a run; a stale view just waits.
    if (!runIsCurrent()) return;
    engineClient().goto(target, way);
  });
  // The worker clamps a position that does not fit the run (past the end, before the start, a
  // crafted link): once nothing else is asked, the playhead follows what is shown.
  const unsubRun = useRun.subscribe((r, prev) => {
    // (a position's views come before its sentences: the client is positioning until they do; a
    // question to the worker, such as the start-up peek after a run, does not hold the playhead)
    if (r.shown === null || engineClient().positioning) return;
    if (r.shown === prev.shown && r.explaining === prev.explaining) return;
    const p = usePlayhead.getState();
    if (samePosition(positionOf(p), r.shown)) return;
    if (r.shown.event === null) usePlayhead.setState({ mode: 'statement', statement: r.shown.statement });
    else usePlayhead.setState({ mode: 'event', event: r.shown.event, statement: r.shown.statement });
  });
  return () => {
    unsubPlayhead();
    unsubRun();
  };
}
