import { useEffect, useRef } from 'react';
import { GLOSSARY } from './glossary';
import { useHelp } from './helpStore';

export const KEYS: [string, string][] = [
  ['→ / ←', 'step forward / back (a statement, or events in the fine mode)'],
  ['Space', 'play / pause'],
  ['Home / End', 'the start / the end of the run'],
  ['e', 'switch between statements and events'],
  ['?', 'this sheet'],
  ['Tab', 'move between controls and views; every view takes focus'],
  ['In a view: ← → ↑ ↓', 'move the selection chunk by chunk, pool by pool, region by region'],
  ['In a view: + / −', 'zoom in / out'],
  ['In a view: 0', 'fit the whole view'],
  ['In a view: Enter', 'open the selected pool, or select what is under the cursor'],
  ['Esc', 'close a menu, popover or this sheet'],
];

/** The "?" sheet: keys and the words the views use. A modal dialog; Esc closes it. */
export function HelpSheet(): React.JSX.Element | null {
  const open = useHelp((s) => s.sheet);
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const back = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('button')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') useHelp.getState().setSheet(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      back?.focus();
    };
  }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => useHelp.getState().setSheet(false)}>
      <div
        className="modal help-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        ref={ref}
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h2 id="help-title">Keys and words</h2>
          <button type="button" onClick={() => useHelp.getState().setSheet(false)}>
            Close
          </button>
        </header>
        <table className="keys">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Words</h3>
        <dl className="glossary">
          {Object.entries(GLOSSARY)
            .filter(([w]) => !['pymalloc arena', 'mmapped chunk'].includes(w))
            .map(([w, d]) => (
              <div key={w}>
                <dt>{w}</dt>
                <dd>{d}</dd>
              </div>
            ))}
        </dl>
        <p>
          <button type="button" className="link" onClick={() => useHelp.getState().setTour(0)}>
            Take the short tour again
          </button>
        </p>
      </div>
    </div>
  );
}
