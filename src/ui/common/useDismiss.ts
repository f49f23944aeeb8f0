import { useEffect } from 'react';

/** Close a popover on Esc or on a pointer press outside `root` (the control that opened it included). */
export function useDismiss(
  open: boolean,
  root: React.RefObject<HTMLElement | null>,
  close: () => void,
  /** A second element that counts as inside (a panel rendered elsewhere, in the drawer). */
  also?: React.RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close();
      }
    };
    const onDown = (e: PointerEvent): void => {
      const t = e.target as Node;
      if (root.current && !root.current.contains(t) && !also?.current?.contains(t)) close();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown, true);
    };
  }, [open, root, close, also]);
}
