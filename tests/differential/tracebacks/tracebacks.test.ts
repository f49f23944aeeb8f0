import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/engine/python/process';

/**
 * Traceback text per release: tb_carets.py raises 23 shapes of statement (calls that are the whole
 * line, `return f()`, `x = f()`, binary operations, subscripts, instructions over several lines,
 * wide characters) and prints each with traceback.print_exc, then dies of an uncaught IndexError.
 * tb_carets.3.1x.stderr/.stdout are what the real 3.11.7, 3.12.1 and 3.13.0 wrote
 * (`PYTHONHASHSEED=0 python3.1x tb_carets.py`, the script's directory in each File line replaced
 * by /tests/): 3.11 and 3.12 print through traceback.c's rules, 3.13 through traceback.py's.
 */
const here = __dirname;
const source = readFileSync(join(here, 'tb_carets.py'), 'utf8');

describe('tracebacks as each release prints them', () => {
  for (const python of ['3.11', '3.12', '3.13'] as const) {
    it(`tb_carets.py's stderr and stdout equal ${python}'s`, () => {
      const r = runScript(source, { python, filename: '/tests/tb_carets.py' });
      const stderr = (r.stderr ?? '') + (r.error && 'text' in r.error ? r.error.text : '');
      expect(stderr.split('\n')).toEqual(readFileSync(join(here, `tb_carets.${python}.stderr`), 'utf8').split('\n'));
      expect((r.output ?? '').split('\n')).toEqual(
        readFileSync(join(here, `tb_carets.${python}.stdout`), 'utf8').split('\n'),
      );
    });
  }
});
