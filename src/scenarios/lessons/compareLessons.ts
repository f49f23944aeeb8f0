import { compareSentences, type ComparedRun } from '../../engine/explain/compare';
import { sentenceText } from '../../engine/explain/types';
import type { Snapshot } from '../../engine/trace/snapshot';
import { envLabel, type EnvSpec } from '../../protocol/environment';
import type { FromWorker, StatementInfo } from '../../protocol/messages';
import { Session } from '../../worker/session';

/** Every statement's snapshot of one run (index k: after k statements), as the page's worker makes them. */
export function snapshotsOf(
  source: string,
  env: EnvSpec,
): { snaps: Snapshot[]; statements: StatementInfo[] } {
  const snaps: Snapshot[] = [];
  let n = 0;
  let last: Snapshot | null = null;
  let statements: StatementInfo[] = [];
  const s = new Session((m: FromWorker) => {
    if (m.type === 'snapshot') last = m.snapshot;
    if (m.type === 'loaded') statements = m.statements;
    if (m.type === 'runDone') {
      n = m.statementEnd.length;
      if (m.error) throw new Error(`${m.error.message} (line ${m.error.line})`);
    }
    if (m.type === 'failed') throw new Error(m.error.message);
  });
  s.start(1, source, { tunables: {}, env }, { statement: 0, event: null });
  for (let k = 0; k <= n; k++) {
    s.goto(1, k + 1, { statement: k, event: null });
    if (last) snaps.push(last);
  }
  return { snaps, statements };
}

/** The comparison's sentences after each statement (index k: after k statements), as the page says them. */
export function compareSteps(source: string, envs: EnvSpec[]): string[][] {
  const runs = envs.map((e) => ({ label: envLabel(e, envs), ...snapshotsOf(source, e) }));
  const n = Math.min(...runs.map((r) => r.snaps.length));
  const out: string[][] = [];
  for (let k = 0; k < n; k++) {
    const at: ComparedRun[] = runs.map((r) => ({
      label: r.label,
      snapshot: r.snaps[k],
      rssBefore: k > 0 ? r.snaps[k - 1].scalars.rss : null,
    }));
    const st = runs[0].statements[k - 1];
    const where = k === 0 ? 'At the start' : `After line ${st.line}`;
    out.push(compareSentences(at, where).map(sentenceText));
  }
  return out;
}
