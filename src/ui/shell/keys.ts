import { useRun } from '../../client/runStore';
import { usePlayhead } from '../../store/playhead';
import { useHelp } from '../help/helpStore';
import { reset, runToEnd, stepBy, togglePlay } from './actions';

/**
 * The page's keys (listed in the "?" sheet): ← → step, Space plays, Home/End go to the ends, e
 * switches the step mode, ? opens the sheet. Not while typing, nor inside a menu or a view that
 * handles its own keys (it stops the event).
 */
export function installKeys(): () => void {
  const onKey = (e: KeyboardEvent): void => {
    const t = e.target as HTMLElement | null;
    if (
      t &&
      (t.closest('.cm-editor, [role="menu"], [role="dialog"], [role="alertdialog"]') ||
        /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))
    )
      return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight') stepBy(1);
    else if (e.key === 'ArrowLeft') stepBy(-1);
    else if (e.key === ' ' && !(t instanceof HTMLButtonElement)) togglePlay();
    else if (e.key === 'Home') reset();
    else if (e.key === 'End') runToEnd();
    else if (e.key === '?') useHelp.getState().setSheet(true);
    else if (e.key === 'e') {
      const p = usePlayhead.getState();
      if (p.mode === 'event') p.setMode('statement');
      else p.setEvent(useRun.getState().snapshot?.event ?? 0);
    } else return;
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
