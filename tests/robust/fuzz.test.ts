import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRun, cleanTrace, cpython, sameAsCPython, simulate } from './fuzzing';
import { randomProgram } from './programs';

/**
 * Fuzzing in the suite, seeded and short (tools/fuzz/main.ts runs the same properties long):
 * random programs from a grammar (tests/robust/programs.ts) never get a JS error or an internal
 * error, never run past their budget, and where the real python3 runs them to the same end the
 * output and the exception type agree; random trace text never breaks the trace reader.
 */
const SEED = 20261205;

describe('the interpreter under random programs', () => {
  it('never shows a JS error and never outlives its time budget (60 programs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const problem = cleanRun(simulate(randomProgram(seed), 2), 2);
        if (problem) throw new Error(`${problem}\n--- program (seed ${seed}):\n${randomProgram(seed)}`);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('agrees with python3 on output and exception type (a differential sample of 25)', () => {
    const diffs: string[] = [];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const src = randomProgram(seed);
        const py = cpython(src);
        if (py === null) return;
        const d = sameAsCPython(simulate(src, 10), py);
        if (d) diffs.push(`seed ${seed}: ${d}\n${src}`);
      }),
      { seed: SEED + 1, numRuns: 25 },
    );
    expect(diffs).toEqual([]);
  });
});

describe('the malloc-trace reader under random text', () => {
  it('answers a result or a line-numbered TraceError, its quotes escaped and short (500 texts)', () => {
    const op = fc.constantFrom('m', 'c', 'r', 'f', 't', 'T', 'X', 'x', '\x1b[2J', 'malloc', '');
    const num = fc.oneof(
      fc.nat().map(String),
      fc.constantFrom('-1', '1.5', '0x10', '99999999999999999999', '١٢', 'q'.repeat(500)),
    );
    const line = fc.oneof(
      fc.tuple(op, fc.array(num, { maxLength: 4 })).map(([o, ns]) => [o, ...ns].join(' ')),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const problem = cleanTrace(lines.join('\n'));
        if (problem) throw new Error(problem);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
