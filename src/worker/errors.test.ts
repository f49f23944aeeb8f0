import { describe, expect, it } from 'vitest';
import { errorLine, tracebackText } from '../protocol/errorText';
import { Session } from './session';
import type { FromWorker } from '../protocol/messages';
import { toScriptError } from './errors';
import { DEFAULT_ENV } from '../protocol/environment';

describe('errors at the worker boundary', () => {
  it('keeps a SyntaxError’s column (the engine names it `column`)', () => {
    const msgs: FromWorker[] = [];
    new Session((m) => msgs.push(m)).start(
      1,
      'a = 1\nb = (1, 2))\n',
      { tunables: {}, env: DEFAULT_ENV },
      { statement: 0, event: null },
    );
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    expect(done.error).toMatchObject({ kind: 'syntax', pyType: 'SyntaxError', line: 2, col: 11 });
  });

  it('says unsupported Python as ours, not as a Python exception', () => {
    const e = toScriptError(
      { name: 'PyError', pyType: 'NotSupported', message: 'not supported by Highwater yet: X', line: 3 },
      2,
      1,
    );
    expect(e).toMatchObject({ kind: 'unsupported', line: 3, statement: 2 });
    expect(errorLine(e)).toBe('not supported by Highwater yet: X');
  });

  it('calls a JavaScript failure an internal error of Highwater, never a Python TypeError', () => {
    const e = toScriptError(new TypeError("Cannot read properties of undefined (reading 'x')"), 0, 4);
    expect(e.kind).toBe('engine');
    expect(e.pyType).toBe('InternalError');
    expect(errorLine(e)).toBe(
      "internal error in Highwater: TypeError: Cannot read properties of undefined (reading 'x')",
    );
  });

  it('prints an empty message as CPython does: the type alone', () => {
    const e = toScriptError({ pyType: 'MemoryError', message: '', line: 1 }, 0, 1);
    expect(errorLine(e)).toBe('MemoryError');
    expect(tracebackText(e, () => 'a = [0] * 10**10')).toBe(
      'Traceback (most recent call last):\n  File "<script>", line 1, in <module>\n    a = [0] * 10**10\nMemoryError',
    );
  });

  it('points a caret at a syntax error’s column', () => {
    const e = toScriptError(
      { name: 'PySyntaxError', pyType: 'SyntaxError', message: "unmatched ')'", line: 1, column: 11 },
      null,
      1,
    );
    expect(tracebackText(e, () => 'b = (1, 2))')).toBe(
      '  File "<script>", line 1\n    b = (1, 2))\n              ^\nSyntaxError: unmatched \')\'',
    );
  });
});

describe('an uncaught exception in the page, as CPython prints it', () => {
  it('carries every frame, the carets and the chain (the CLI’s text)', () => {
    const msgs: FromWorker[] = [];
    const source =
      'def parse(row):\n    return int(row["n"])\n\ndef load(rows):\n    try:\n        return [parse(r) for r in rows]\n    except ValueError as e:\n        raise RuntimeError("bad input") from e\n\nx = 1\nload([{"n": "1"}, {"n": "x"}])\n';
    new Session((m) => msgs.push(m)).start(
      1,
      source,
      { tunables: {}, env: DEFAULT_ENV },
      { statement: 0, event: null },
    );
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    expect(done.error).toMatchObject({
      kind: 'runtime',
      pyType: 'RuntimeError',
      message: 'bad input',
      line: 8,
    });
    // python3.11.7 script.py prints this (the file's name aside), byte for byte
    expect(tracebackText(done.error!, () => null)).toBe(
      [
        'Traceback (most recent call last):',
        '  File "script.py", line 6, in load',
        '    return [parse(r) for r in rows]',
        '           ^^^^^^^^^^^^^^^^^^^^^^^^',
        '  File "script.py", line 6, in <listcomp>',
        '    return [parse(r) for r in rows]',
        '            ^^^^^^^^',
        '  File "script.py", line 2, in parse',
        '    return int(row["n"])',
        '           ^^^^^^^^^^^^^',
        "ValueError: invalid literal for int() with base 10: 'x'",
        '',
        'The above exception was the direct cause of the following exception:',
        '',
        'Traceback (most recent call last):',
        '  File "script.py", line 11, in <module>',
        '    load([{"n": "1"}, {"n": "x"}])',
        '  File "script.py", line 8, in load',
        '    raise RuntimeError("bad input") from e',
        'RuntimeError: bad input',
      ].join('\n'),
    );
  });
});
