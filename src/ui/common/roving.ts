/**
 * Roving tabindex for a long list (WAI-ARIA practice): the list is one Tab stop; ↑ ↓ (and ← →
 * where `horizontal`) move focus between its items, Home and End to the ends.
 */
export function rovingKeys(e: React.KeyboardEvent<HTMLElement>, selector: string, horizontal = false): void {
  const items = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(selector));
  const i = items.indexOf(document.activeElement as HTMLElement);
  if (i < 0) return;
  let j: number;
  if (e.key === 'ArrowDown' || (horizontal && e.key === 'ArrowRight')) j = Math.min(items.length - 1, i + 1);
  else if (e.key === 'ArrowUp' || (horizontal && e.key === 'ArrowLeft')) j = Math.max(0, i - 1);
  else if (e.key === 'Home') j = 0;
  else if (e.key === 'End') j = items.length - 1;
  else return;
  e.preventDefault();
  e.stopPropagation();
  items[i].tabIndex = -1;
  items[j].tabIndex = 0;
  items[j].focus();
}

/** The tabIndex of item i when `active` is the one that takes Tab (the selected one, else the first). */
export const rovingIndex = (i: number, active: number): 0 | -1 => (i === Math.max(0, active) ? 0 : -1);
