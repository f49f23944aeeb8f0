import { useId, useState } from 'react';
import { GLOSSARY } from './glossary';

/** A legend word with its definition on hover or keyboard focus (WCAG 1.4.13: Esc hides it). */
export function Term(props: { word: string; children?: React.ReactNode }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const id = useId();
  const text = GLOSSARY[props.word];
  if (!text) return <>{props.children ?? props.word}</>;
  return (
    <span
      className="term"
      tabIndex={0}
      aria-describedby={id}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
    >
      {props.children ?? props.word}
      <span role="tooltip" id={id} className={`tip${open ? ' open' : ''}`}>
        {text}
      </span>
    </span>
  );
}
