import { comparedColumns, dropColumns, syncColumn, type ComparedColumn } from '../../client/compareRuns';
import { useRun } from '../../client/runStore';
import { useComparison } from '../../store/comparison';
import { useEditor } from '../../store/editor';
import { useOptions } from '../../store/options';
import { usePlayhead } from '../../store/playhead';
import { positionOf, runIsCurrent, runKeyOf, runSeconds } from '../shell/sync';

/** The comparison's columns now (none while the page shows one run). */
export function currentColumns(): ComparedColumn[] {
  const envs = useComparison.getState().envs;
  return envs ? comparedColumns(envs, useOptions.getState().env) : [];
}

/**
 * Keep every compared run in step with the page: when the page runs its script, each environment
 * runs the same script with the same tunables; when the playhead moves, each goes to the same
 * statement (the runs make different events, so statements are what line up). A column whose
 * environment is the page's own is the page's run. Returns the unsubscribe function.
 */
export function startCompareSync(): () => void {
  const sync = (): void => {
    const envs = useComparison.getState().envs;
    dropColumns(envs ?? []);
    if (!envs || !runIsCurrent()) return;
    const source = useEditor.getState().source;
    const { tunables } = useOptions.getState();
    const target = { statement: positionOf(usePlayhead.getState()).statement, event: null };
    const maxSeconds = runSeconds();
    for (const col of currentColumns())
      syncColumn(col, runKeyOf(source, tunables, col.env), source, { tunables, env: col.env, maxSeconds }, target);
  };
  const unsubs = [
    useComparison.subscribe(sync),
    useRun.subscribe((r, prev) => {
      if (r.runKey !== prev.runKey || r.statementEnd !== prev.statementEnd) sync();
    }),
    usePlayhead.subscribe((p, prev) => {
      if (p.statement !== prev.statement || p.event !== prev.event || p.mode !== prev.mode) sync();
    }),
  ];
  sync();
  return () => unsubs.forEach((u) => u());
}
