import { useMemo } from 'react';
import { comparedColumns } from '../../client/compareRuns';
import { RunProvider } from '../../client/runContext';
import { envLabel, type EnvSpec } from '../../protocol/environment';
import { useComparison } from '../../store/comparison';
import { useOptions } from '../../store/options';
import { CompareColumn } from './CompareColumn';
import { CompareExplain } from './CompareExplain';
import { CompareTimeline } from './CompareTimeline';
import { useColumnRuns } from './useColumnRuns';

/**
 * The comparison (issue 9): one script in two to four environments, the playheads linked by
 * statement. RSS of each on one timeline, the answer ("which gives the memory back, and why"), then
 * each environment's C library view side by side.
 */
export function CompareView({ envs }: { envs: EnvSpec[] }): React.JSX.Element {
  const pageEnv = useOptions((s) => s.env);
  const cols = useMemo(() => comparedColumns(envs, pageEnv), [envs, pageEnv]);
  const runs = useColumnRuns(cols);
  const labels = envs.map((e) => envLabel(e, envs));
  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="panel compare-head">
        <header>
          <h2>Compared: {labels.join(' · ')}</h2>
          <button type="button" onClick={() => useComparison.getState().setEnvs(null)}>
            Stop comparing
          </button>
        </header>
        <CompareTimeline runs={runs} labels={labels} />
      </div>
      <CompareExplain runs={runs} labels={labels} />
      <div className={`compare-columns n${cols.length}`}>
        {cols.map((c, i) => (
          <RunProvider key={labels[i]} value={c.source}>
            <CompareColumn env={c.env} index={i} envs={envs} />
          </RunProvider>
        ))}
      </div>
    </div>
  );
}
