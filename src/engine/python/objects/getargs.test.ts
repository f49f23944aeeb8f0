import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * A builtin's unknown keyword (getargs.c's error_unexpected_keyword_arg), as python3.11.7, 3.12.1 and
 * 3.13.0 printed this script: 3.11 and 3.12 name the keyword first, 3.13 the function.
 */
const SCRIPT = [
  'for f in (lambda: open("x", bogus=1), lambda: "a".split(bogus=1), lambda: sorted([], bogus=1)):',
  '    try:',
  '        f()',
  '    except TypeError as e:',
  '        print(e)',
  '',
].join('\n');

describe('unknown keyword arguments of builtins', () => {
  it('words the TypeError as each release does', () => {
    const old =
      "'bogus' is an invalid keyword argument for open()\n'bogus' is an invalid keyword argument for split()\n'bogus' is an invalid keyword argument for sort()\n";
    expect(runScript(SCRIPT).output).toBe(old);
    expect(runScript(SCRIPT, { python: '3.12' }).output).toBe(old);
    expect(runScript(SCRIPT, { python: '3.13' }).output).toBe(
      "open() got an unexpected keyword argument 'bogus'\nsplit() got an unexpected keyword argument 'bogus'\nsort() got an unexpected keyword argument 'bogus'\n",
    );
  });
});
