import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

/**
 * Python highlighting in colours that keep 4.5:1 contrast on the editor's background in both
 * themes (the colours are CSS variables, set in styles.css for light and dark).
 */
export const pythonHighlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword],
    color: 'var(--hl-keyword)',
  },
  { tag: [t.number, t.integer, t.float], color: 'var(--hl-number)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--hl-string)' },
  { tag: [t.comment, t.lineComment], color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: [t.bool, t.null, t.atom, t.self], color: 'var(--hl-atom)' },
  {
    tag: [t.definition(t.variableName), t.function(t.definition(t.variableName)), t.className],
    color: 'var(--hl-def)',
  },
]);
