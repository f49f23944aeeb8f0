import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * An uncaught exception group prints as CPython 3.11.7 prints it (pythonrun.c
 * print_exception_group): the box, sub-exceptions two columns further in, the 15-member limit,
 * notes under the message, the `from` chain printed first and then not again inside the box.
 * The expected text is the real interpreter's stderr for the same script (its path replaced).
 */
const SOURCE =
  'def inner(i):\n    if i % 2:\n        raise ValueError(f"odd {i}")\n    raise KeyError(i)\ndef collect(n):\n    errs = []\n    for i in range(n):\n        try:\n            inner(i)\n        except Exception as e:\n            errs.append(e)\n    return errs\ntry:\n    raise RuntimeError("cause")\nexcept RuntimeError as c:\n    g = ExceptionGroup("outer", [ExceptionGroup("nested", collect(3)), TypeError("x")] + collect(17))\n    g.add_note("multi\\nline note")\n    raise g from c\n';

const EXPECTED =
  'Traceback (most recent call last):\n  File "script.py", line 14, in <module>\n    raise RuntimeError("cause")\nRuntimeError: cause\n\nThe above exception was the direct cause of the following exception:\n\n  + Exception Group Traceback (most recent call last):\n  |   File "script.py", line 18, in <module>\n  |     raise g from c\n  | ExceptionGroup: outer (19 sub-exceptions)\n  | multi\n  | line note\n  +-+---------------- 1 ----------------\n    | ExceptionGroup: nested (3 sub-exceptions)\n    +-+---------------- 1 ----------------\n      | Traceback (most recent call last):\n      |   File "script.py", line 9, in collect\n      |     inner(i)\n      |   File "script.py", line 4, in inner\n      |     raise KeyError(i)\n      | KeyError: 0\n      +---------------- 2 ----------------\n      | Traceback (most recent call last):\n      |   File "script.py", line 9, in collect\n      |     inner(i)\n      |   File "script.py", line 3, in inner\n      |     raise ValueError(f"odd {i}")\n      | ValueError: odd 1\n      +---------------- 3 ----------------\n      | Traceback (most recent call last):\n      |   File "script.py", line 9, in collect\n      |     inner(i)\n      |   File "script.py", line 4, in inner\n      |     raise KeyError(i)\n      | KeyError: 2\n      +------------------------------------\n    +---------------- 2 ----------------\n    | TypeError: x\n    +---------------- 3 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 0\n    +---------------- 4 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 3, in inner\n    |     raise ValueError(f"odd {i}")\n    | ValueError: odd 1\n    +---------------- 5 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 2\n    +---------------- 6 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 3, in inner\n    |     raise ValueError(f"odd {i}")\n    | ValueError: odd 3\n    +---------------- 7 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 4\n    +---------------- 8 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 3, in inner\n    |     raise ValueError(f"odd {i}")\n    | ValueError: odd 5\n    +---------------- 9 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 6\n    +---------------- 10 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 3, in inner\n    |     raise ValueError(f"odd {i}")\n    | ValueError: odd 7\n    +---------------- 11 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 8\n    +---------------- 12 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 3, in inner\n    |     raise ValueError(f"odd {i}")\n    | ValueError: odd 9\n    +---------------- 13 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 10\n    +---------------- 14 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 3, in inner\n    |     raise ValueError(f"odd {i}")\n    | ValueError: odd 11\n    +---------------- 15 ----------------\n    | Traceback (most recent call last):\n    |   File "script.py", line 9, in collect\n    |     inner(i)\n    |   File "script.py", line 4, in inner\n    |     raise KeyError(i)\n    | KeyError: 12\n    +---------------- ... ----------------\n    | and 4 more exceptions\n    +------------------------------------\n';

describe('exception group tracebacks', () => {
  it('prints the box as python3.11 does', () => {
    const r = runScript(SOURCE);
    expect(r.error?.type).toBe('ExceptionGroup');
    expect(r.error?.message).toBe('outer (19 sub-exceptions)');
    expect(r.error?.text).toBe(EXPECTED);
  });

  it('except* splits, runs each clause once and re-raises what is left', () => {
    const r = runScript(
      'try:\n    raise ExceptionGroup("g", [ValueError(1), KeyError(2), ValueError(3)])\n' +
        'except* ValueError as e:\n    print(len(e.exceptions))\n',
    );
    expect(r.output).toBe('2\n');
    expect(r.error?.type).toBe('ExceptionGroup');
    expect(r.error?.text).toContain('| KeyError: 2');
  });
});
