import { useRun } from '../../client/runStore';
import type { MemoryRef } from '../../engine/explain/types';
import { errorLine } from '../../protocol/errorText';
import { scenarioById } from '../../scenarios';
import { useEditor } from '../../store/editor';
import { useSelection } from '../../store/selection';
import { pick } from './pick';
import { SelectionInfo } from './SelectionInfo';
import { headingFor, whereIs } from './where';

const sameRef = (a: MemoryRef | null, b: MemoryRef): boolean =>
  a !== null && JSON.stringify(a) === JSON.stringify(b);

/** Why RSS went up, down or stayed, in sentences computed engine-side; linked words select memory. */
export function ExplainPanel(): React.JSX.Element {
  const snap = useRun((s) => s.snapshot);
  const status = useRun((s) => s.status);
  const explaining = useRun((s) => s.explaining);
  const error = useRun((s) => s.error);
  const statements = useRun((s) => s.statements);
  const statementEnd = useRun((s) => s.statementEnd);
  const loadEvents = useRun((s) => s.loadEvents);
  const shown = useRun((s) => s.shown);
  const selected = useSelection((s) => s.selected);
  const scenario = scenarioById(useEditor((s) => s.scenarioId));
  const k = snap?.statement ?? 0;
  const where = snap ? whereIs(statements, statementEnd, loadEvents, shown, k, snap.event) : null;
  const code = where?.statement?.code.trim().split('\n')[0] ?? '';
  const showError = error && (error.kind === 'syntax' || (error.statement !== null && k > error.statement));
  return (
    <section
      className={explaining ? 'panel explain explaining' : 'panel explain'}
      aria-busy={explaining}
      aria-label="Explanation"
      data-testid="explain"
      id="explain"
      tabIndex={-1}
    >
      <h2 aria-live="polite">
        {snap ? headingFor(snap.explain[0]?.id) : 'Why does a Python process keep its memory?'}
      </h2>
      {!snap && (
        <p className="muted">
          {status === 'running'
            ? 'Simulating: the explanation of the first step appears when the run is done.'
            : 'Press Run, or Step forward ▶ to go one statement at a time.'}
        </p>
      )}
      {where && (
        <p className="where" data-testid="where">
          {where.kind === 'start' && 'Before the first statement (the interpreter has started).'}
          {where.kind === 'after' && where.statement && (
            <>
              After line {where.statement.line}: <code>{code}</code>
            </>
          )}
          {where.kind === 'during' && where.statement && (
            <>
              During line {where.statement.line}: <code>{code}</code>{' '}
              <span className="muted">
                (event {where.done.toLocaleString('en-US')} of {where.of.toLocaleString('en-US')})
              </span>
            </>
          )}
        </p>
      )}
      {showError && (
        <p className="error" role="alert">
          {errorLine(error)} (line {error.line})
        </p>
      )}
      {scenario && (!snap || k === 0) && (
        <div className="story-full">
          <h3>{scenario.title}</h3>
          {scenario.story.split('\n\n').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      <ul className="sentences">
        {snap?.explain.map((s) => (
          <li key={s.id} data-sentence={s.id}>
            {s.parts.map((p, i) =>
              typeof p === 'string' ? (
                <span key={i}>{p}</span>
              ) : (
                <button
                  key={i}
                  type="button"
                  className={`ref${sameRef(selected, p.ref) ? ' selected' : ''}`}
                  onClick={() => pick(p.ref)}
                >
                  {p.text}
                </button>
              ),
            )}
          </li>
        ))}
      </ul>
      <SelectionInfo />
    </section>
  );
}
