import { useRunData } from '../../client/runContext';
import { envLabel, envWords, type EnvSpec } from '../../protocol/environment';
import { errorLine } from '../../protocol/errorText';
import { fmtBytes } from '../format';
import { viewsFor } from '../views';
import { COLUMN_STYLE } from './useColumnRuns';

/**
 * One environment of the comparison: what it runs on, its figures at the playhead's statement, and
 * its C library's view (the registry's, chosen by the snapshot's C library), drawn from its own run.
 */
export function CompareColumn({
  env,
  index,
  envs,
}: {
  env: EnvSpec;
  index: number;
  envs: EnvSpec[];
}): React.JSX.Element {
  const snap = useRunData((s) => s.snapshot);
  const status = useRunData((s) => s.status);
  const progress = useRunData((s) => s.progress);
  const environment = useRunData((s) => s.environment);
  const error = useRunData((s) => s.error);
  const crashed = useRunData((s) => s.crashed);
  const words = envWords(env.vars);
  const label = envLabel(env, envs);
  const views = snap ? viewsFor({ libc: snap.libc.kind, snapshot: snap }, 'libc') : [];
  const s = snap?.scalars;
  return (
    <section className="compare-column" aria-label={label} data-testid="compare-column">
      <header style={{ borderTopColor: COLUMN_STYLE[index].color }}>
        <h3 className="env-label">
          <svg width="22" height="8" aria-hidden="true">
            <line
              x1="0"
              x2="22"
              y1="4"
              y2="4"
              stroke={COLUMN_STYLE[index].color}
              strokeDasharray={COLUMN_STYLE[index].dash}
              strokeWidth={2}
            />
          </svg>{' '}
          {label}
        </h3>
        <p className="muted env-words">
          {environment ? `${environment.python} · ${environment.libc}` : `CPython ${env.python}`}
          {words.length > 0 && (
            <>
              {' · '}
              <code>{words.join(' ')}</code>
            </>
          )}
        </p>
        {s && (
          <p className="figures" data-testid="compare-figures">
            RSS <strong>{fmtBytes(s.rss)}</strong> · peak {fmtBytes(s.peakRss)}
            {snap.arenas
              ? ` · ${snap.arenas.count} pymalloc arenas (${fmtBytes(s.pymallocArenaBytes)})`
              : ' · no pymalloc'}
          </p>
        )}
        {status !== 'idle' && (
          <p className="muted" role="status">
            {status === 'running'
              ? `Simulating${progress && progress.statements ? ` statement ${progress.statement + 1} of ${progress.statements}` : ''}…`
              : 'Going to the statement…'}
          </p>
        )}
        {crashed && (
          <p className="error" role="alert">
            {crashed}
          </p>
        )}
        {error && !snap && (
          <p className="error" role="alert">
            {errorLine(error)}
          </p>
        )}
        {environment && environment.warnings.length > 0 && (
          <ul className="warnings muted">
            {environment.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </header>
      {views.map((v) => (
        <v.component key={v.id} />
      ))}
    </section>
  );
}
