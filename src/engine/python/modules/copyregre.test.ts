import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * re's import registers Pattern's reducer in copyreg (re/__init__.py: copyreg.pickle(Pattern,
 * _pickle, _pickle)). 3.11.7 loads re at start-up, so copyreg has 3 entries from the start;
 * 3.12.1 and 3.13.0 load neither, so the table has 2 until the script imports re. What each
 * release printed (PYTHONHASHSEED=0, python3.X script.py).
 */
const COPYREG_FIRST =
  'import copyreg\nprint(len(copyreg.dispatch_table))\nimport re\nprint(len(copyreg.dispatch_table), sorted(t.__name__ for t in copyreg.dispatch_table))\nprint(re._pickle(re.compile("a+b", re.I)), copyreg.dispatch_table[re.Pattern] is re._pickle, re._pickle.__module__)\n';
const RE_FIRST =
  'import re\nimport copyreg\nprint(len(copyreg.dispatch_table), copyreg.dispatch_table[re.Pattern].__name__)\n';
const TAIL = "3 ['Pattern', 'UnionType', 'complex']\n(<function _compile at ADDR>, ('a+b', 34)) True re\n";

describe("re registers Pattern's reducer in copyreg", () => {
  const out = (src: string, python?: '3.12' | '3.13') =>
    (runScript(src, python ? { python } : {}).output ?? '').replace(/0x[0-9a-f]+/g, 'ADDR');
  it('3.11.7: copyreg has it from the start', () => {
    expect(out(COPYREG_FIRST)).toBe(`3\n${TAIL}`);
    expect(out(RE_FIRST)).toBe('3 _pickle\n');
  });
  for (const python of ['3.12', '3.13'] as const)
    it(`${python}: a script's import re adds it`, () => {
      expect(out(COPYREG_FIRST, python)).toBe(`2\n${TAIL}`);
      expect(out(RE_FIRST, python)).toBe('3 _pickle\n');
    });
});
