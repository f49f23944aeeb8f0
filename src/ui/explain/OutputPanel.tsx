import { useRun } from '../../client/runStore';
import { tracebackText } from '../../protocol/errorText';
import { useEditor } from '../../store/editor';

/** What print() wrote, statement by statement up to the step shown, and the error as CPython prints it. */
export function OutputPanel(): React.JSX.Element {
  const output = useRun((s) => s.output);
  const statements = useRun((s) => s.statements);
  const error = useRun((s) => s.error);
  const k = useRun((s) => s.snapshot?.statement ?? 0);
  const source = useEditor((s) => s.source);
  const lines = source.split('\n');
  const shown = output
    .slice(0, k)
    .map((text, i) => ({ text, i }))
    .filter((o) => o.text !== '');
  const showError =
    error !== null && (error.kind === 'syntax' || (error.statement !== null && k > error.statement));
  return (
    <section className="panel output" aria-label="Output" data-testid="output" tabIndex={0}>
      <h2>Output</h2>
      {shown.length === 0 && !showError && <p className="muted">Nothing printed{k > 0 ? ' so far' : ''}.</p>}
      {shown.map(({ text, i }) => (
        <div key={i} className={`out${i === k - 1 ? ' last' : ''}`}>
          <span className="muted">line {statements[i]?.line ?? i + 1}</span>
          <pre>{text}</pre>
        </div>
      ))}
      {showError && (
        <pre className="traceback" data-testid="traceback">
          {tracebackText(error, (n) => lines[n - 1] ?? null)}
        </pre>
      )}
    </section>
  );
}
