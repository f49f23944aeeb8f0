import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/** textwrap.TextWrapper as python3.11.7 printed this script: max_lines and placeholder, fill, a changed width, indents. */
const SCRIPT =
  'import textwrap\nw = textwrap.TextWrapper(width=20, max_lines=2, placeholder="\u2026")\nprint(w.wrap("one two three four five six seven eight nine ten"))\nprint(w.fill("alpha beta gamma delta epsilon"))\nw.width = 12\nprint(w.wrap("alpha beta gamma delta"), w.initial_indent == "", w.tabsize)\nprint(textwrap.TextWrapper(subsequent_indent="> ").fill("x " * 50)[:80])\n';
const PRINTED_BY_CPYTHON =
  "['one two three four', 'five six seven\u2026']\nalpha beta gamma\ndelta epsilon\n['alpha beta', 'gamma delta'] True 8\nx x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x\n> x x x x \n";

describe('textwrap.TextWrapper', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });
});
