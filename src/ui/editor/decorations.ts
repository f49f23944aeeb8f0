import { StateEffect, StateField, type Extension, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';

/** What the editor marks: the current statement's lines and an error (line, optional column). */
export interface Marks {
  current: { line: number; endLine: number } | null;
  error: { line: number; col: number | null; message: string } | null;
}

export const setMarks = StateEffect.define<Marks>();

class ErrorWidget extends WidgetType {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: ErrorWidget): boolean {
    return other.message === this.message;
  }
  toDOM(): HTMLElement {
    const el = document.createElement('div');
    el.className = 'cm-error-message';
    el.setAttribute('role', 'alert');
    el.textContent = this.message;
    return el;
  }
}

const currentLine = Decoration.line({ class: 'cm-current-step' });
const errorLine = Decoration.line({ class: 'cm-error-line' });
const errorMark = Decoration.mark({ class: 'cm-error-underline' });

function build(view: { doc: EditorView['state']['doc'] }, m: Marks): DecorationSet {
  const doc = view.doc;
  const b = new RangeSetBuilder<Decoration>();
  const items: { from: number; to: number; deco: Decoration }[] = [];
  if (m.current) {
    for (let l = m.current.line; l <= Math.min(m.current.endLine, doc.lines); l++) {
      const line = doc.line(l);
      items.push({ from: line.from, to: line.from, deco: currentLine });
    }
  }
  if (m.error && m.error.line >= 1 && m.error.line <= doc.lines) {
    const line = doc.line(m.error.line);
    items.push({ from: line.from, to: line.from, deco: errorLine });
    const from =
      m.error.col !== null ? Math.min(line.to, line.from + Math.max(0, m.error.col - 1)) : line.from;
    if (line.to > from) items.push({ from, to: line.to, deco: errorMark });
    items.push({
      from: line.to,
      to: line.to,
      deco: Decoration.widget({ widget: new ErrorWidget(m.error.message), block: true, side: 1 }),
    });
  }
  items.sort((a, b2) => a.from - b2.from || (a.deco === currentLine || a.deco === errorLine ? -1 : 1));
  for (const it of items) b.add(it.from, it.to, it.deco);
  return b.finish();
}

/** A field holding the marks; the page dispatches setMarks whenever the step or the error changes. */
export function marksField(): Extension {
  let lastMarks: Marks = { current: null, error: null };
  return StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(deco, tr) {
      for (const e of tr.effects) if (e.is(setMarks)) lastMarks = e.value;
      if (tr.docChanged) lastMarks = { current: null, error: null };
      if (tr.docChanged || tr.effects.some((e) => e.is(setMarks))) return build(tr.state, lastMarks);
      return deco.map(tr.changes);
    },
    provide: (f) => EditorView.decorations.from(f),
  });
}
