import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VersionName } from '../../src/engine/python/versions';

/**
 * Recursion accounting as CPython counts it (issue 7): recursion-probes.py run by the real
 * 3.11.7 / 3.12.1 / 3.13.0 (recorded/recursion-*.txt) and by the simulator. Python frames and C-level
 * sites (_PyObject_MakeTpCall, PyObject_Repr/Str, rich compare, METH_O builtins, the JSON encoder
 * and decoder, pickle's save) share one counter on 3.11; 3.12 counts C on its own (limit 1500,
 * 2 units per entry of the eval loop). The CLI runs the script as `python3 script.py` does (no
 * recorder frame below it: thread.ts RECORDER_FRAMES), so every level count and every message (which
 * check fails first: the frame push's or a C site's " while calling a Python object") is the same
 * as the real run's. Run through the CLI, which gives the engine the deeper JS stack
 * (src/cli/deepstack.ts) that 500 levels of C → Python calls need beyond V8's default.
 */
const here = __dirname;
const probes = join(here, 'recursion-probes.py');

/** The CLI's printed output of the probes under `version`, and its exit status. */
function simulate(version: VersionName): { output: string; code: number } {
  const r = spawnSync(
    process.execPath,
    [resolve('scripts/run-ts.mjs'), resolve('src/cli/main.ts'), probes, '--python', version],
    { encoding: 'utf8', timeout: 400_000 },
  );
  // the printed lines, `  | ` in front of each, after the table
  const printed = r.stdout.split('\n').filter((l) => l.startsWith('  | '));
  return { output: printed.map((l) => l.slice(4)).join('\n'), code: r.status ?? -1 };
}

function parse(text: string): Map<string, { levels: string; message: string }> {
  const out = new Map<string, { levels: string; message: string }>();
  for (const line of text.trim().split('\n')) {
    const [name, levels, ...rest] = line.split(' ');
    out.set(name, { levels, message: rest.join(' ') });
  }
  return out;
}

/**
 * 3.13.0's probes up to the first container: its C counter allows 10,000 levels, deeper than the
 * CLI's JavaScript stack takes a nested compare (`eq_list` stops with the simulator's own "stack
 * ran out" RecursionError, as it did before CALL_ALLOC_AND_ENTER_INIT was modelled); the frames'
 * probes before it hold the shim frame (instantiate 333, not 498).
 */
/**
 * Probes the simulator is known to miss, expected to fail until fixed (it.fails flags the fix).
 * 3.13/instantiate: the CALL_ALLOC_AND_ENTER_INIT shim frame's count is one level off when the
 * class is made inside a function and instantiated through a closure (sim 334, real 333 as
 * `python3 script.py`); at module level the sim is equal (make 334, make inside a function 333),
 * and a class instantiating itself directly is 503 against 504 real: when 3.13 specializes the
 * call site is not modelled exactly (versions/README.md).
 */
const KNOWN_OFF = new Set(['3.13/instantiate']);

const FRAME_PROBES_ONLY: Partial<Record<VersionName, string>> = { '3.13': 'eq_list' };

for (const [version, release] of [
  ['3.11', '3.11.7'],
  ['3.12', '3.12.1'],
  ['3.13', '3.13.0'],
] as [VersionName, string][]) {
  describe(`recursion depths as ${release} reaches them`, () => {
    const recorded = parse(readFileSync(join(here, 'recorded', `recursion-${release}.txt`), 'utf8'));
    const stop = FRAME_PROBES_ONLY[version];
    const names = [...recorded.keys()];
    const real = new Map([...recorded].slice(0, stop === undefined ? names.length : names.indexOf(stop)));
    const r = simulate(version);
    const sim = parse(r.output);
    if (stop === undefined)
      it('runs every probe to its end', () => {
        expect(r.code).toBe(0);
        expect([...sim.keys()]).toEqual([...real.keys()]);
      });
    else
      it(`runs the probes before ${stop}, then stops on the simulator's own stack`, () => {
        expect([...sim.keys()]).toEqual([...real.keys()]);
        expect(r.code).not.toBe(0);
      });
    for (const [name, want] of real) {
      const test = KNOWN_OFF.has(`${version}/${name}`) ? it.fails : it;
      test(`${name}: ${want.levels} levels`, () => {
        const got = sim.get(name) ?? { levels: 'missing', message: '' };
        if (want.levels === 'True' || name === 'limit_10000') return expect(got.levels).toBe(want.levels);
        expect(got).toEqual(want);
      });
    }
  });
}
