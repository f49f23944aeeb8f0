import { useRun } from '../../client/runStore';
import type { MemoryRef } from '../../engine/explain/types';
import { scenarioById } from '../../scenarios';
import { useEditor } from '../../store/editor';
import { useSelection } from '../../store/selection';
import { useViewport } from '../../store/viewport';
import { SelectionInfo } from './SelectionInfo';

const sameRef = (a: MemoryRef | null, b: MemoryRef): boolean =>
  a !== null && JSON.stringify(a) === JSON.stringify(b);

/** "Why did RSS (not) go down?" in sentences computed engine-side; linked words select memory. */
export function ExplainPanel(): React.JSX.Element {
  const snap = useRun((s) => s.snapshot);
  const error = useRun((s) => s.error);
  const statements = useRun((s) => s.statements);
  const selected = useSelection((s) => s.selected);
  const scenario = scenarioById(useEditor((s) => s.scenarioId));
  const k = snap?.statement ?? 0;
  const st = k > 0 ? statements[k - 1] : null;
  const pick = (r: MemoryRef): void => {
    useSelection.getState().select(r);
    if (r.kind === 'pool') useViewport.getState().setOpenPool(r.address);
    if (r.kind === 'chunk') useViewport.getState().focusHeap(r.address, r.address + r.size);
    if (r.kind === 'heapRange') useViewport.getState().focusHeap(r.from, r.to);
  };
  return (
    <section className="panel explain" aria-label="Explanation" data-testid="explain">
      <h2>Why did RSS (not) go down?</h2>
      {!snap && <p className="muted">Press Run or Step forward.</p>}
      {snap && (
        <p className="where">
          {st ? (
            <>
              After line {st.line}: <code>{st.code.trim()}</code>
            </>
          ) : (
            'Before the first statement (interpreter started).'
          )}
          {snap.event > 0 && <span className="muted"> · event {snap.event.toLocaleString('en-US')}</span>}
        </p>
      )}
      {error && error.statement !== null && k > error.statement && (
        <p className="error" role="alert">
          {error.pyType}: {error.message} (line {error.line})
        </p>
      )}
      {error && error.kind === 'syntax' && (
        <p className="error" role="alert">
          {error.pyType}: {error.message} (line {error.line})
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
      <ul>
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
