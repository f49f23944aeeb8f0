import { useEffect, useRef } from 'react';
import { useDialog } from '../../store/dialog';

/** The page's yes/no question (before the user's text is replaced). Esc and a click outside say no. */
export function ConfirmDialog(): React.JSX.Element | null {
  const q = useDialog((s) => s.question);
  const ref = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!q) return;
    const back = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLButtonElement>('button.no')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') q.answer(false);
      // Keep Tab inside the two buttons.
      if (e.key === 'Tab') {
        const b = Array.from(ref.current?.querySelectorAll('button') ?? []);
        const i = b.indexOf(document.activeElement as HTMLButtonElement);
        b[(i + (e.shiftKey ? b.length - 1 : 1)) % b.length]?.focus();
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      back?.focus();
    };
  }, [q]);
  if (!q) return null;
  return (
    <div className="modal-backdrop" onClick={() => q.answer(false)}>
      <div
        className="modal confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        ref={ref}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="confirm-title">{q.title}</h2>
        <p id="confirm-body">{q.body}</p>
        <div className="row">
          <button type="button" className="no" onClick={() => q.answer(false)}>
            {q.no}
          </button>
          <button type="button" className="primary yes" onClick={() => q.answer(true)}>
            {q.yes}
          </button>
        </div>
      </div>
    </div>
  );
}
