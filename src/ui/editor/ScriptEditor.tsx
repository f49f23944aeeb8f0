import { useEffect, useRef } from 'react';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useRun } from '../../client/runStore';
import { errorLine } from '../../protocol/errorText';
import { useEditor } from '../../store/editor';
import { usePlayhead } from '../../store/playhead';
import { marksField, setMarks, type Marks } from './decorations';
import { pythonHighlight } from './highlight';

/** The script editor: CodeMirror 6 with Python highlighting, the current step and the error marked. */
export function ScriptEditor(): React.JSX.Element {
  const host = useRef<HTMLDivElement | null>(null);
  const view = useRef<EditorView | null>(null);
  const source = useEditor((s) => s.source);
  const statements = useRun((s) => s.statements);
  const error = useRun((s) => s.error);
  const shownStatement = useRun((s) => s.snapshot?.statement ?? null);
  const mode = usePlayhead((s) => s.mode);
  const fresh = useRun((s) => s.runKey !== null);

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: useEditor.getState().source,
        extensions: [
          lineNumbers(),
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          python(),
          syntaxHighlighting(pythonHighlight),
          marksField(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Python script' }),
          EditorView.updateListener.of((u) => {
            // Only the user's edits detach the text from its scenario; loading one replaces the doc too.
            if (!u.docChanged) return;
            const text = u.state.doc.toString();
            if (text !== useEditor.getState().source) useEditor.getState().typed(text);
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
  }, []);

  // The store changed the text (a scenario or a share link): replace the document.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== source)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: source } });
  }, [source]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    // In statement mode the last statement run is marked; in event mode the one the event is in.
    let current: Marks['current'] = null;
    if (fresh && shownStatement !== null) {
      const idx = mode === 'statement' ? shownStatement - 1 : Math.min(shownStatement, statements.length - 1);
      const st = statements[idx];
      if (st) current = { line: st.line, endLine: st.endLine };
    }
    // The same line the explain panel shows: CPython's last traceback line for a Python error,
    // our own sentence (no made-up type) for a cut run or what Highwater does not run yet.
    const err = error ? { line: error.line, col: error.col, message: errorLine(error) } : null;
    v.dispatch({ effects: setMarks.of({ current, error: err }) });
  }, [statements, error, shownStatement, mode, fresh, source]);

  return <div className="editor" ref={host} />;
}
