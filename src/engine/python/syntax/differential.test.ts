import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithReference, isSymtableError } from './fuzz/compare';
import { corpus } from './fuzz/mutate';
import { cpythonReference } from './fuzz/oracle';
import { TRICKY } from './fuzz/tricky';

/**
 * The parser against the real CPython 3.11 (`python3`, one process per batch through
 * tools/parser/cpython_ast.py): accept/reject, on reject (type, message, line, offset, end), on
 * accept the syntax tree with every position, then the compile-time checks. The corpus is seeded:
 * programs generated from the grammar, mutations of them and of the fidelity scenarios, and
 * hand-written corners. `npm run fuzz:parser` runs the same comparison on longer corpora.
 */
const SEED = 20261205;
const N = 3000;

const scenarioDir = new URL('../../../../tests/fidelity/scenarios/', import.meta.url);
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((f) => readFileSync(new URL(f, scenarioDir), 'utf8'));

function disagreements(programs: string[]): { diffs: string[]; accepted: number; compileErrors: number } {
  const refs = cpythonReference(programs);
  const diffs: string[] = [];
  let accepted = 0;
  let compileErrors = 0;
  programs.forEach((src, i) => {
    const ref = refs[i];
    if (ref.ok) accepted++;
    if (ref.ok && ref.compile && !isSymtableError(ref.compile.msg)) compileErrors++;
    const d = compareWithReference(src, ref);
    if (d) diffs.push(`${JSON.stringify(src.slice(0, 300))}\n  ${d}`);
  });
  return { diffs, accepted, compileErrors };
}

describe('differential test against CPython 3.11', () => {
  it(`agrees on ${N} seeded generated and mutated programs`, () => {
    const programs = corpus(SEED, N, scenarios);
    const { diffs, accepted, compileErrors } = disagreements(programs);
    expect(diffs.slice(0, 10)).toEqual([]);
    // The corpus must exercise all three outcomes (a fixed seed could drift into one).
    expect(accepted).toBeGreaterThan(N * 0.25);
    expect(N - accepted).toBeGreaterThan(N * 0.25);
    expect(compileErrors).toBeGreaterThan(50);
  });

  it(`agrees on ${TRICKY.length} hand-written corners`, () => {
    expect(disagreements(TRICKY).diffs).toEqual([]);
  });

  it('parses a sample of the standard library to the same trees, positions included', () => {
    const lib = execFileSync(
      process.env.HW_PYTHON ?? 'python3',
      ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
      {
        encoding: 'utf8',
      },
    ).trim();
    const files = readdirSync(lib)
      .filter((f) => f.endsWith('.py'))
      .sort()
      .filter((_, i) => i % 4 === 0)
      .map((f) => readFileSync(`${lib}/${f}`, 'utf8'));
    expect(files.length).toBeGreaterThan(30);
    expect(disagreements(files).diffs).toEqual([]);
  });
});
