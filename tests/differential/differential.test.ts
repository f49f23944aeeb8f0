import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../src/engine/python/runscript';

/**
 * Behaviour differentials: each NAME.py evaluates one expression (or `statements; r = value`) a
 * line and prints its repr or `Type: message`; NAME.expected.txt is what
 * `PYTHONHASHSEED=0 python3.11 NAME.py` (3.11.7) printed on stdout. The simulator must print the
 * same, line for line: a wrong value, a fake Python error or a "not supported" that stops the
 * script all show here as the first differing line.
 */
const here = __dirname;
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.py'))
  .sort();

describe('differentials against python3.11', () => {
  it('has scripts with recorded output', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(3);
  });

  for (const file of scripts) {
    it(`${file} prints what python3.11 printed`, () => {
      const source = readFileSync(join(here, file), 'utf8');
      const expected = readFileSync(join(here, file.replace(/\.py$/, '.expected.txt')), 'utf8');
      const r = runScript(source);
      expect(r.error ?? null).toBeNull();
      expect((r.output ?? '').split('\n')).toEqual(expected.split('\n'));
    });
  }
});
