import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from './useDismiss';

export interface MenuItem {
  id: string;
  label: string;
  group?: string;
  /** The item standing for the current choice (a radio menu). */
  checked?: boolean;
}

/**
 * A button that opens a menu (WAI-ARIA menu button): arrows move between items, Enter or Space
 * picks one, Esc or a click outside closes it. Unlike a <select>, nothing happens until an item is
 * picked, so walking through the choices with the arrow keys starts no work.
 */
export function MenuButton(props: {
  label: string;
  text: React.ReactNode;
  items: MenuItem[];
  onSelect: (id: string) => void;
  className?: string;
  testId?: string;
}): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  const menuId = useId();
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  useDismiss(open, root, () => setOpen(false));
  const items = () => Array.from(root.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? []);
  const focusItem = (i: number): void => {
    const all = items();
    if (all.length) all[(i + all.length) % all.length].focus();
  };
  const openAt = (which: 'first' | 'last' | 'checked'): void => {
    setOpen(true);
    requestAnimationFrame(() => {
      const all = items();
      const checked = all.findIndex((el) => el.getAttribute('aria-checked') === 'true');
      focusItem(which === 'last' ? all.length - 1 : which === 'checked' && checked >= 0 ? checked : 0);
    });
  };
  const onMenuKey = (e: React.KeyboardEvent): void => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') focusItem(i + 1);
    else if (e.key === 'ArrowUp') focusItem(i - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(all.length - 1);
    else if (e.key === 'Tab') setOpen(false);
    else if (e.key === 'Escape') close();
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };
  const pick = (id: string): void => {
    close();
    props.onSelect(id);
  };
  const groups: { name: string | undefined; items: MenuItem[] }[] = [];
  for (const it of props.items) {
    const g = groups[groups.length - 1];
    if (g && g.name === it.group) g.items.push(it);
    else groups.push({ name: it.group, items: [it] });
  }
  const radio = props.items.some((it) => it.checked !== undefined);
  return (
    <div className={`menu-button ${props.className ?? ''}`} ref={root}>
      <button
        type="button"
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={props.label}
        data-testid={props.testId}
        onClick={() => (open ? setOpen(false) : openAt('checked'))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            e.stopPropagation();
            openAt(e.key === 'ArrowUp' ? 'last' : 'checked');
          }
        }}
      >
        {props.text} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu" role="menu" id={menuId} aria-label={props.label} onKeyDown={onMenuKey}>
          {groups.map((g, gi) => (
            <div key={gi} role="group" aria-label={g.name}>
              {g.name && (
                <div className="menu-group" aria-hidden="true">
                  {g.name}
                </div>
              )}
              {g.items.map((it) => (
                <button
                  key={it.id}
                  type="button"
                  role={radio ? 'menuitemradio' : 'menuitem'}
                  aria-checked={radio ? Boolean(it.checked) : undefined}
                  tabIndex={-1}
                  data-id={it.id}
                  className="menu-item"
                  onClick={() => pick(it.id)}
                >
                  {it.label}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
