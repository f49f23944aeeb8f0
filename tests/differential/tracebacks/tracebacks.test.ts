import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/engine/python/runscript';

/**
 * Traceback text per release: tb_carets.py raises 23 shapes of statement (calls that are the whole
 * line, `return f()`, `x = f()`, binary operations, subscripts, instructions over several lines,
 * wide characters) and prints each with traceback.print_exc, then dies of an uncaught IndexError.
 * tb_carets.3.1x.stderr/.stdout are what the real 3.11.7, 3.12.1 and 3.13.0 wrote
 * (`PYTHONHASHSEED=0 python3.1x tb_carets.py`, the script's directory in each File line replaced
 * by /tests/): 3.11 and 3.12 print through traceback.c's rules, 3.13 through traceback.py's.
 * tb_deep.py dies 3,000 calls deep (3.11/3.12 print the newest 1,000 frames, 3.13 all of them);
 * tb_limit.py and tb_limit0.py set sys.tracebacklimit (the uncaught printer keeps the newest frames,
 * traceback.print_exc the oldest; 0 prints no Traceback block at all).
 */
const here = __dirname;

describe('tracebacks as each release prints them', () => {
  for (const name of ['tb_carets', 'tb_deep', 'tb_limit', 'tb_limit0'])
    for (const python of ['3.11', '3.12', '3.13'] as const) {
      it(`${name}.py's stderr and stdout equal ${python}'s`, () => {
        const source = readFileSync(join(here, `${name}.py`), 'utf8');
        const r = runScript(source, { python, filename: `/tests/${name}.py` });
        const stderr = (r.stderr ?? '') + (r.error && 'text' in r.error ? r.error.text : '');
        expect(stderr.split('\n')).toEqual(
          readFileSync(join(here, `${name}.${python}.stderr`), 'utf8').split('\n'),
        );
        expect((r.output ?? '').split('\n')).toEqual(
          readFileSync(join(here, `${name}.${python}.stdout`), 'utf8').split('\n'),
        );
      });
    }
});
