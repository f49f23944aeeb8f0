import { useRun } from '../../client/runStore';
import { tracebackText } from '../../protocol/errorText';
import { useEditor } from '../../store/editor';
import type { StderrWrite } from '../../protocol/messages';

/** A statement's stdout cut where its stderr writes landed: the order a terminal shows them in. */
export function interleave(out: string, errs: readonly StderrWrite[]): { text: string; err: boolean }[] {
  const parts: { text: string; err: boolean }[] = [];
  let pos = 0;
  for (const e of errs) {
    const at = Math.min(Math.max(e.at, pos), out.length);
    if (at > pos) parts.push({ text: out.slice(pos, at), err: false });
    parts.push({ text: e.text, err: true });
    pos = at;
  }
  if (pos < out.length) parts.push({ text: out.slice(pos), err: false });
  return parts;
}

/**
 * What print() and sys.stderr got (warnings, logging, print(file=sys.stderr)), statement by statement
 * up to the step shown, in a terminal's order, and the error as CPython prints it.
 */
export function OutputPanel(): React.JSX.Element {
  const output = useRun((s) => s.output);
  const stderr = useRun((s) => s.stderr);
  const statements = useRun((s) => s.statements);
  const error = useRun((s) => s.error);
  const k = useRun((s) => s.snapshot?.statement ?? 0);
  const source = useEditor((s) => s.source);
  const lines = source.split('\n');
  const shown = Array.from({ length: Math.min(k, Math.max(output.length, stderr.length)) }, (_, i) => ({
    parts: interleave(output[i] ?? '', stderr[i] ?? []),
    i,
  })).filter((o) => o.parts.length > 0);
  const showError =
    error !== null && (error.kind === 'syntax' || (error.statement !== null && k > error.statement));
  return (
    <section className="panel output" aria-label="Output" data-testid="output" tabIndex={0}>
      <h2>Output</h2>
      {shown.length === 0 && !showError && <p className="muted">Nothing printed{k > 0 ? ' so far' : ''}.</p>}
      {shown.map(({ parts, i }) => (
        <div key={i} className={`out${i === k - 1 ? ' last' : ''}`}>
          <span className="muted">line {statements[i]?.line ?? i + 1}</span>
          {parts.map((p, j) =>
            p.err ? (
              <pre key={j} className="stderr" data-testid="stderr" title="written to sys.stderr">
                {p.text}
              </pre>
            ) : (
              <pre key={j}>{p.text}</pre>
            ),
          )}
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
