import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import recorded from '../testdata/meta_behaviour.json';

/**
 * Issue 7's class machinery as scripts see it: each script's printed output against what CPython
 * 3.11.7 printed for the same script (recorded with `python3 -c SOURCE` into meta_behaviour.json):
 * metaclasses, enum, typing.NamedTuple/TypedDict, abc and collections.abc, types, copy, exec/eval,
 * dir(), threading.local, __class__ assignment.
 */
describe('metaclasses and what stands on them: output as CPython 3.11.7 prints it', () => {
  for (const c of recorded.cases) {
    it(c.title, () => {
      const report = runScript(c.source);
      expect(report.error ?? null).toBeNull();
      expect(report.output ?? '').toBe(c.output);
    });
  }
});
