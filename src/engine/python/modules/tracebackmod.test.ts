import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { tracebackChunks } from './tracebackmod';

/**
 * The traceback module in an `except` block, printed as python3.11 (3.11.7) printed this script
 * (run as script.py): format_exc, format_exception with (type, value, tb) and with the exception alone,
 * chain=False, format_exception_only, print_exc into a StringIO, format_tb, and no exception at all.
 */
const SCRIPT =
  'import traceback, sys, io\n\ndef parse(row):\n    return int(row["n"])\n\ndef load(rows):\n    try:\n        return [parse(r) for r in rows]\n    except ValueError as e:\n        raise RuntimeError("bad input") from e\n\ntry:\n    load([{"n": "x"}])\nexcept RuntimeError:\n    text = traceback.format_exc()\n    print(text)\n    lines = traceback.format_exception(*sys.exc_info())\n    print(len(lines), lines[0], repr(lines[1]), repr(lines[-1]))\n    print(traceback.format_exception(sys.exc_info()[1], chain=False))\n    print(traceback.format_exception_only(sys.exc_info()[1]))\n    buf = io.StringIO()\n    traceback.print_exc(file=buf)\n    print(buf.getvalue() == text)\n    print(traceback.format_tb(sys.exc_info()[2]))\nprint(repr(traceback.format_exc()))\ntry:\n    {}["k"]\nexcept KeyError as e:\n    print(traceback.format_exception(e))\n';
const PRINTED_BY_CPYTHON =
  'Traceback (most recent call last):\n  File "script.py", line 8, in load\n    return [parse(r) for r in rows]\n           ^^^^^^^^^^^^^^^^^^^^^^^^\n  File "script.py", line 8, in <listcomp>\n    return [parse(r) for r in rows]\n            ^^^^^^^^\n  File "script.py", line 4, in parse\n    return int(row["n"])\n           ^^^^^^^^^^^^^\nValueError: invalid literal for int() with base 10: \'x\'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "script.py", line 13, in <module>\n    load([{"n": "x"}])\n  File "script.py", line 10, in load\n    raise RuntimeError("bad input") from e\nRuntimeError: bad input\n\n10 Traceback (most recent call last):\n \'  File "script.py", line 8, in load\\n    return [parse(r) for r in rows]\\n           ^^^^^^^^^^^^^^^^^^^^^^^^\\n\' \'RuntimeError: bad input\\n\'\n[\'Traceback (most recent call last):\\n\', \'  File "script.py", line 13, in <module>\\n    load([{"n": "x"}])\\n\', \'  File "script.py", line 10, in load\\n    raise RuntimeError("bad input") from e\\n\', \'RuntimeError: bad input\\n\']\n[\'RuntimeError: bad input\\n\']\nTrue\n[\'  File "script.py", line 13, in <module>\\n    load([{"n": "x"}])\\n\', \'  File "script.py", line 10, in load\\n    raise RuntimeError("bad input") from e\\n\']\n\'NoneType: None\\n\'\n[\'Traceback (most recent call last):\\n\', \'  File "script.py", line 27, in <module>\\n    {}["k"]\\n    ~~^^^^^\\n\', "KeyError: \'k\'\\n"]\n';

describe('traceback', () => {
  it('prints what python3.11 printed', () => {
    const r = runScript(SCRIPT, { filename: 'script.py' });
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(PRINTED_BY_CPYTHON);
  });

  it('cuts the text as TracebackException.format yields it', () => {
    expect(
      tracebackChunks(
        'ValueError: x\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "s.py", line 1, in <module>\n    f()\n  File "s.py", line 2, in f\n    g()\n    ^^^\n  [Previous line repeated 5 more times]\nKeyError: 1\nnote\n',
      ),
    ).toEqual([
      'ValueError: x\n',
      '\nThe above exception was the direct cause of the following exception:\n\n',
      'Traceback (most recent call last):\n',
      '  File "s.py", line 1, in <module>\n    f()\n',
      '  File "s.py", line 2, in f\n    g()\n    ^^^\n',
      '  [Previous line repeated 5 more times]\n',
      'KeyError: 1\n',
      'note\n',
    ]);
  });
});
