import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHeap } from '../compiler/cheap/heap';
import { EnsuredArray } from '../compiler/cheap/sequenceCost';
import { versionInstrSizes } from '../compiler/cheap/versionCode';
import { compileModule } from '../compiler';
import { parse } from '../syntax';
import { PythonProcess } from '../process';
import { cpythonVersion, type VersionName } from '../versions';
import { recordedTails } from '../../../../tests/startup/recordedTails';
import { compileTail } from './compileTail';
import { canonical, heapAfter, logLines, logTrace, parsedLines, tailStart, traceLines } from './tailCheck';

const root = join(__dirname, '../../../..');

describe('3.12 and 3.13 compile structures', () => {
  it('grows an array as _PyCompile_EnsureArrayLargeEnough does (the recorded label maps 528, 640 → 1280 → 2560)', () => {
    const h = new CHeap(0);
    // cfg_to_instr_sequence's label map jumping from label 0 to the offset 122: 132 ints
    const a = new EnsuredArray(h, 10, 4);
    a.ensure(0);
    a.ensure(122);
    // the code generator's: 10, 20, 40, 80 ints in pymalloc, then 160 (640 bytes) and doubling
    const b = new EnsuredArray(h, 10, 4);
    for (let label = 0; label < 321; label++) b.ensure(label);
    expect(logLines(h.log)).toEqual(['m 0 528', 'm 1 640', 'r 1 1280', 'r 1 2560']);
  });

  it("sizes code in the release's instructions (dis on 3.12.1 and 3.13.0)", () => {
    // `x = f(a)` at module level: 3.11 RESUME, PUSH_NULL, LOAD_NAME, LOAD_NAME, PRECALL, CALL,
    // STORE_NAME, LOAD_CONST, RETURN_VALUE = 14 code units; 3.12 no PRECALL, CALL's 3 caches,
    // RETURN_CONST: 10; 3.13 the same (len(co_code) // 2 on 3.11.7, 3.12.1, 3.13.0)
    const code = compileModule(parse('x = f(a)\n'), { filename: 's.py' }).code.code;
    expect(code.length).toBe(14);
    const units = (v: VersionName): number =>
      versionInstrSizes(code, cpythonVersion(v).compileTail.instructions).reduce((a, b) => a + b, 0);
    expect([units('3.11'), units('3.12'), units('3.13')]).toEqual([14, 10, 10]);
  });
});

for (const python of ['3.12', '3.13'] as const) {
  const py = cpythonVersion(python);
  // The recorded compile tails were captured by recorder child 961cb490 (the start-up before the one
  // versions-14 made the default, child 626117f6): the heap each compile starts from is that child's.
  const passFile =
    python === '3.12' ? '3.12.1/cpython-3.12.1-child-961cb490.trace.gz' : '3.13.0/cpython-3.13.0-child-961cb490.trace.gz';
  const passTrace = traceLines(gunzipSync(readFileSync(join(__dirname, passFile))).toString('utf8'));
  const prefix = parsedLines(passTrace.slice(0, tailStart(passTrace)));
  const passTail = parsedLines(passTrace.slice(tailStart(passTrace)));
  const unitCall = ` 1 ${py.compileTail.compilerUnit}`;
  const fromCompile = (lines: string[]): string => {
    const i = lines.findIndex((l) => l.startsWith('c ') && l.endsWith(unitCall));
    return canonical(lines.slice(i)).join('\n');
  };

  describe(`the recorder's compile of a script on ${py.release}, generated against recorded ones`, () => {
    const all = recordedTails(python);
    let results: { name: string; compilerExact: boolean; heapSame: boolean; passSame: boolean }[] | null =
      null;
    const compared = (): NonNullable<typeof results> =>
      (results ??= all.map((c) => {
        const log = compileTail(c.source, 'scenario.py', py).log;
        const real = heapAfter(prefix, parsedLines(c.real)).chunks.join();
        return {
          name: c.name,
          compilerExact: fromCompile(logLines(log)) === fromCompile(c.real),
          heapSame: real === heapAfter(prefix, logTrace(log)).chunks.join(),
          passSame: real === heapAfter(prefix, passTail).chunks.join(),
        };
      }));

    it('covers our 67 scripts and the corpus recorded on the release', () => {
      expect(all.length).toBeGreaterThanOrEqual(123);
    });

    it('leaves the heap after <start> as the real compile left it far more often than the captured `pass` did', () => {
      const r = compared();
      const same = r.filter((x) => x.heapSame).length;
      const passSame = r.filter((x) => x.passSame).length;
      const compiler = r.filter((x) => x.compilerExact).length;
      // when written: 3.12 64 of 123 (the `pass` tail 1), the compiler part call for call in 27;
      // 3.13 56 of 123 (the `pass` tail 10), 18
      expect(
        same,
        r
          .filter((x) => !x.heapSame)
          .map((x) => x.name)
          .join(', '),
      ).toBeGreaterThanOrEqual(python === '3.12' ? 58 : 51);
      expect(same).toBeGreaterThan(3 * passSame);
      expect(compiler).toBeGreaterThanOrEqual(python === '3.12' ? 24 : 16);
    });

    it('gives the recorded <start> glibc state for scripts whose compile it makes exactly', () => {
      for (const name of ['append_then_slice', 'dict_cache_manual', 'memoize_decorator']) {
        const rec = JSON.parse(
          readFileSync(join(root, 'tests/corpus/recorded', python, name + '.json'), 'utf8'),
        );
        const src = readFileSync(join(root, 'tests/corpus/snippets', name + '.py'), 'utf8');
        // booted from its own recorder child's start-up, as the corpus compares it
        const p = new PythonProcess({ filename: name + '.py', python, recorderChild: rec.recorder.child_sha256 });
        p.load(src);
        const sim = p.measure();
        const real = rec.steps[0];
        expect(sim.heap, name).toBe(real.heap);
        for (const k of ['arena', 'ordblks', 'fordblks', 'uordblks', 'keepcost'] as const)
          expect(sim.mallinfo2[k], `${name} ${k}`).toBe(real.mallinfo2[k]);
      }
    }, 60_000);
  });
}
