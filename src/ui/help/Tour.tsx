import { useHelp } from './helpStore';

const STEPS: { title: string; text: string }[] = [
  {
    title: 'Step through your script',
    text: 'Press Step forward ▶ (or →): each step runs one statement, and every view shows the memory after it.',
  },
  {
    title: 'Read why',
    text: 'The panel on the left says why RSS went up, went down or stayed, naming the chunk, arena or mapping that holds it. Click a linked word to see that memory in every view.',
  },
  {
    title: 'Four layers',
    text: 'Timeline: RSS over the run. Address space: every mapping. glibc heap: chunk by chunk, with its bins. pymalloc: arenas and pools. Click, or Tab in and use the arrow keys.',
  },
  {
    title: 'Make it yours',
    text: 'Edit the script (it is kept in this browser), pick another scenario, change glibc’s tunables, and Share the exact state as a link. Press ? for the keys.',
  },
];

/** A short non-modal tour on the first visit: it covers no control and Skip ends it for good. */
export function Tour(): React.JSX.Element | null {
  const step = useHelp((s) => s.tour);
  if (step === null) return null;
  const s = STEPS[step];
  const last = step === STEPS.length - 1;
  return (
    <aside className="tour" aria-label="Tour" aria-live="polite">
      <p className="tour-count muted">
        {step + 1} of {STEPS.length}
      </p>
      <h2>{s.title}</h2>
      <p>{s.text}</p>
      <div className="row">
        <button type="button" onClick={() => useHelp.getState().setTour(null)}>
          {last ? 'Done' : 'Skip'}
        </button>
        {!last && (
          <button type="button" className="primary" onClick={() => useHelp.getState().setTour(step + 1)}>
            Next
          </button>
        )}
      </div>
    </aside>
  );
}
