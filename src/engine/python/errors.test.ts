import { describe, expect, it } from 'vitest';
import { runScript } from './runscript';

const errorOf = (source: string, opts = {}) => {
  const e = runScript(source, opts).error;
  return e && { type: e.type, message: e.message, line: e.line };
};

describe('errors, worded as CPython 3.11 words them', () => {
  const cases: [string, string, string, number][] = [
    ['x = 1\ny = z', 'NameError', "name 'z' is not defined", 2],
    ['a = [1]\nb = a[5]', 'IndexError', 'list index out of range', 2],
    ['a = [1]\na[3] = 0', 'IndexError', 'list assignment index out of range', 2],
    ["d = {}\nv = d['k']", 'KeyError', "'k'", 2],
    ['x = 1 / 0', 'ZeroDivisionError', 'division by zero', 1],
    ['n = 0\nx = 1 // n', 'ZeroDivisionError', 'integer division or modulo by zero', 2],
    ['n = 0\nx = 1 % n', 'ZeroDivisionError', 'integer modulo by zero', 2],
    ['n = 0.0\nx = 1.0 / n', 'ZeroDivisionError', 'float division by zero', 2],
    ["x = 1 + 'a'", 'TypeError', "unsupported operand type(s) for +: 'int' and 'str'", 1],
    ['x = len(5)', 'TypeError', "object of type 'int' has no len()", 1],
    ['x = 5\ny = x[0]', 'TypeError', "'int' object is not subscriptable", 2],
    ['x = None\nx()', 'TypeError', "'NoneType' object is not callable", 2],
    ['def f(a):\n    return a\nf(1, 2)', 'TypeError', 'f() takes 1 positional argument but 2 were given', 3],
    ['def f(a, b):\n    return a\nf(1)', 'TypeError', "f() missing 1 required positional argument: 'b'", 3],
    ['a = []\na.push(1)', 'AttributeError', "'list' object has no attribute 'push'", 2],
    ['a, b = [1, 2, 3]', 'ValueError', 'too many values to unpack (expected 2)', 1],
    ['a, b, c = [1, 2]', 'ValueError', 'not enough values to unpack (expected 3, got 2)', 1],
    ['x = [].pop()', 'IndexError', 'pop from empty list', 1],
    ['x = hash([])', 'TypeError', "unhashable type: 'list'", 1],
    ['import zoneinfo', 'NotSupported', 'not supported by Highwater yet: import zoneinfo', 1],
    // not in the standard library nor in 3.11.7's site-packages on these machines: the real error
    ['x = 1\nimport psutil', 'ModuleNotFoundError', "No module named 'psutil'", 2],
    ['from pympler import asizeof', 'ModuleNotFoundError', "No module named 'pympler'", 1],
    // installed beside 3.11.7 here (site-packages), not modelled
    ['import boto3', 'NotSupported', 'not supported by Highwater yet: import boto3', 1],
    // a name the real module lacks is its AttributeError; one it has that is not modelled is "not supported"
    [
      'import random\nx = random.binomialvariate',
      'AttributeError',
      "module 'random' has no attribute 'binomialvariate'. Did you mean: 'normalvariate'?",
      2,
    ],
    [
      'x = 1\ny = (3 + 4j) < 2j',
      'TypeError',
      "'<' not supported between instances of 'complex' and 'complex'",
      2,
    ],
    ['x = 1\ndef f():\n    return 2j / 0\nf()', 'ZeroDivisionError', 'complex division by zero', 3],
    [
      'x = 1\ns = int.__subclasses__()',
      'NotSupported',
      "not supported by Highwater yet: int.__subclasses__() (a built-in type's subclasses)",
      2,
    ],
    ['b = bytearray(10 ** 15)', 'MemoryError', '', 1],
    // OSError_str, as the traceback's last line prints it (3.11.7's text)
    ['import os\nos.close(99)', 'OSError', '[Errno 9] Bad file descriptor', 2],
    [
      "raise FileNotFoundError(2, 'No such file or directory', 'x.txt')",
      'FileNotFoundError',
      "[Errno 2] No such file or directory: 'x.txt'",
      1,
    ],
    [
      "import os\nos.rename('/tmp/nope.txt', '/tmp/b.txt')",
      'FileNotFoundError',
      "[Errno 2] No such file or directory: '/tmp/nope.txt' -> '/tmp/b.txt'",
      2,
    ],
    // a library class CPython runs as Python (recorded with dir()): what the model lacks is not a Python error
    [
      'import tracemalloc\ntracemalloc.start()\ns = tracemalloc.take_snapshot()\nt = s.dump("snap.bin")',
      'NotSupported',
      'not supported by Highwater yet: tracemalloc.Snapshot.dump',
      4,
    ],
    [
      'import tracemalloc\ntracemalloc.start()\ns = tracemalloc.take_snapshot()\nt = s.no_such_thing',
      'AttributeError',
      "'Snapshot' object has no attribute 'no_such_thing'",
      4,
    ],
    [
      'def f():\n    x = y\n    y = 1\nf()',
      'UnboundLocalError',
      "cannot access local variable 'y' where it is not associated with a value",
      2,
    ],
  ];
  for (const [source, type, message, line] of cases) {
    it(`${type}: ${message || '(no message)'}`, () => {
      expect(errorOf(source)).toEqual({ type, message, line });
    });
  }

  it('reports a syntax error with its line and column, before any step runs', () => {
    const r = runScript('x = 1\ny = (2 +\nz = 3\n');
    expect(r.error?.type).toBe('SyntaxError');
    expect(r.error?.line).toBeGreaterThanOrEqual(2);
    expect(r.steps.map((s) => s.code)).toEqual(['<start>']);
  });

  it('keeps the steps before an error', () => {
    const r = runScript('a = [0] * 10\nb = a[1]\nc = a[99]\nd = 1');
    expect(r.steps.map((s) => s.code)).toEqual(['<start>', 'a = [0] * 10', 'b = a[1]']);
    expect(errorOf('a = [0] * 10\nb = a[1]\nc = a[99]\nd = 1')).toEqual({
      type: 'IndexError',
      message: 'list index out of range',
      line: 3,
    });
    expect(r.error?.text).toBe(
      'Traceback (most recent call last):\n  File "script.py", line 3, in <module>\n    c = a[99]\n        ~^^^^\nIndexError: list index out of range\n',
    );
  });

  it('stops an endless loop with the time budget, saying what ran out', () => {
    const r = runScript('x = 1\nwhile True:\n    pass', { maxSeconds: 0.3 });
    expect(r.error?.type).toBe('TimeBudgetExceeded');
    expect(r.error?.message).toMatch(/time budget of 0.3 s ran out while statement 2 was running/);
    expect(r.error?.message).not.toMatch(/endless/);
    // the JUMP_BACKWARD the budget is checked at is on the `while` line, as in CPython's co_positions
    expect(r.error?.line).toBe(2);
    expect(r.steps).toHaveLength(2);
  });

  it('raises NotSupported only when the unsupported statement runs', () => {
    const r = runScript('a = 1\nimport tkinter\nb = 2');
    expect(r.steps.map((s) => s.code)).toEqual(['<start>', 'a = 1']);
    expect(r.error).toEqual({
      type: 'NotSupported',
      message: 'not supported by Highwater yet: import tkinter',
      line: 2,
    });
  });
});

describe('a failed import behaves as the real one', () => {
  it('try/except ImportError takes the fallback branch for a module these machines lack', () => {
    const r = runScript(
      'try:\n    import psutil\nexcept ImportError as e:\n    psutil = None\n    print(e.name, type(e).__name__, e)\nprint(psutil)\n',
    );
    expect(r.error).toBeFalsy();
    expect(r.output).toBe("psutil ModuleNotFoundError No module named 'psutil'\nNone\n");
  });

  it('gc.get_referrers leaves out its own argument tuple', () => {
    const r = runScript(
      'import gc\nx = object()\nl = [x]\nprint([type(o).__name__ for o in gc.get_referrers(x)])\n',
    );
    // python3.11.7 prints ['list', 'dict'] (the list, then the module's globals)
    expect(r.output).toBe("['list', 'dict']\n");
  });
});
