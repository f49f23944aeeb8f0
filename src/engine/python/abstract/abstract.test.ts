import { describe, expect, it } from 'vitest';
import { PyError } from '../errors';
import { excState } from '../objects/exceptions';
import { E } from '../objects/exctypes';
import { intern, strValue } from '../objects/str';
import { T } from '../objects/types';
import { PythonProcess } from '../process';
import { runScript } from '../runscript';
import { runAll, valueOf } from '../testing';
import { getAttr, lookupAttr } from './attr';
import { format } from './format';

/** The abstract-object layer: dispatch through the slots, CPython's error wording, format(). */

const errorOf = (source: string) => {
  const e = runScript(source).error;
  return e && { type: e.type, message: e.message, line: e.line };
};

describe('dispatch through the type slots', () => {
  it('runs the number protocol with int/float coercion, sequences for + and *, and bool as an int', () => {
    const p = runAll(
      'a = 1 + 2.5\nb = [1] * 3\nc = 3 * (1, 2)\nd = True + True\ne = True & False\nf = -True\ng = divmod(17, 5)\nh = divmod(7.5, 2)\ni = 2 ** -1\nj = 7 // 2.0',
    );
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n) => valueOf(p, n))).toEqual([
      '3.5',
      '[1, 1, 1]',
      '(1, 2, 1, 2, 1, 2)',
      '2',
      'False',
      '-1',
      '(3, 2)',
      '(3.0, 1.5)',
      '0.5',
      '3.0',
    ]);
  });

  it("compares by the types' richcompare, falling back to identity for == and !=", () => {
    const p = runAll(
      'o = object()\na = o == o\nb = object() == object()\nc = [1, 2] < [1, 3]\nd = (1, 2) == (1, 2.0)\ne = {1: 2} != {1: 2}\nf = 1 < 2.5 <= 2.5',
    );
    expect(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => valueOf(p, n))).toEqual([
      'True',
      'False',
      'True',
      'True',
      'False',
      'True',
    ]);
  });

  it('types are objects: type(), isinstance, issubclass, __class__, __name__, __mro__', () => {
    const p = runAll(
      'a = type(3).__name__\nb = isinstance(True, int)\nc = issubclass(bool, int)\nd = (1).__class__ is int\ne = bool.__mro__\nf = type.__name__\ng = KeyError.__mro__\nh = isinstance(3, (str, int))\ni = type(type)\nj = type([].append).__name__',
    );
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n) => valueOf(p, n))).toEqual([
      "'int'",
      'True',
      'True',
      'True',
      "(<class 'bool'>, <class 'int'>, <class 'object'>)",
      "'type'",
      "(<class 'KeyError'>, <class 'LookupError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)",
      'True',
      "<class 'type'>",
      "'builtin_function_or_method'",
    ]);
  });

  it('finds built-in methods through the type (method descriptors, slot wrappers) and binds them', () => {
    const p = runAll(
      'a = [3, 1, 2]\nm = a.append\nm(4)\nn = list.__len__(a)\nk = sorted(a, reverse=True)\nz = a.__len__()',
    );
    expect(['a', 'n', 'k', 'z'].map((n) => valueOf(p, n))).toEqual([
      '[3, 1, 2, 4]',
      '4',
      '[4, 3, 2, 1]',
      '4',
    ]);
  });
});

describe('errors, worded as CPython 3.11 words them', () => {
  const cases: [string, string, string][] = [
    ["x = 1 + 'a'", 'TypeError', "unsupported operand type(s) for +: 'int' and 'str'"],
    ['x = [1] * 2.0', 'TypeError', "can't multiply sequence by non-int of type 'float'"],
    ["x = 'a' < 1", 'TypeError', "'<' not supported between instances of 'str' and 'int'"],
    ['x = 1 in 5', 'TypeError', "argument of type 'int' is not iterable"],
    ['x = (5).foo', 'AttributeError', "'int' object has no attribute 'foo'"],
    ['x = len()', 'TypeError', 'len() takes exactly one argument (0 given)'],
    ['x = [].clear(1)', 'TypeError', 'list.clear() takes no arguments (1 given)'],
    ['x = [1] + (2,)', 'TypeError', 'can only concatenate list (not "tuple") to list'],
    ["x = 'a' + 1", 'TypeError', 'can only concatenate str (not "int") to str'],
    ['x = hash([]) if False else {[]: 1}', 'TypeError', "unhashable type: 'list'"],
    ['x = [][0]', 'IndexError', 'list index out of range'],
    ["x = [1]['a']", 'TypeError', 'list indices must be integers or slices, not str'],
    ['x = next(iter([]))', 'StopIteration', ''],
    ["x = int('12a')", 'ValueError', "invalid literal for int() with base 10: '12a'"],
    ['x = 5 .bit_length(1)', 'TypeError', 'int.bit_length() takes no arguments (1 given)'],
    ['x = {}.get()', 'TypeError', 'get expected at least 1 argument, got 0'],
    ['x = -[]', 'TypeError', "bad operand type for unary -: 'list'"],
    ['x = divmod(1, "a")', 'TypeError', "unsupported operand type(s) for divmod(): 'int' and 'str'"],
  ];
  for (const [source, type, message] of cases) {
    it(`${type}: ${message || '(no message)'}`, () => {
      expect(errorOf(source)).toEqual({ type, message, line: 1 });
    });
  }

  it('normalizes an AttributeError at once and gives it name and obj; lookupAttr makes none', () => {
    const p = new PythonProcess();
    p.load('pass\n');
    const vm = p.vm;
    const five = vm.s.smallInt(5);
    let err: PyError | null = null;
    try {
      getAttr(vm, five, 'foo');
    } catch (e) {
      err = e as PyError;
    }
    expect(err!.normalized).toBe(true);
    const st = excState(vm, err!.value);
    expect(strValue(vm, st.fields.name)).toBe('foo');
    expect(st.fields.obj).toBe(five);
    vm.mem.log = [];
    expect(lookupAttr(vm, five, 'foo')).toBe(0);
    expect(vm.mem.log).toEqual([]);
    expect(vm.typeOf(err!.value).id).toBe(E.AttributeError);
  });
});

describe('format(): the format-spec mini-language for int, float and str (outputs of CPython 3.11.7)', () => {
  const table: [string, string, string][] = [
    ['1234', '', '1234'],
    ['1234', '>10', '      1234'],
    ['1234', '<10', '1234      '],
    ['1234', '^10', '   1234   '],
    ['1234', '*^11', '***1234****'],
    ['1234', ',', '1,234'],
    ['1234567', '_', '1_234_567'],
    ['-42', '+', '-42'],
    ['42', '+', '+42'],
    ['42', ' ', ' 42'],
    ['-42', '08', '-0000042'],
    ['255', 'x', 'ff'],
    ['255', '#x', '0xff'],
    ['255', 'X', 'FF'],
    ['255', '#b', '0b11111111'],
    ['255', 'o', '377'],
    ['100000000000000000000', 'x', '56bc75e2d63100000'],
    ['65', 'c', 'A'],
    ['1234', 'e', '1.234000e+03'],
    ['1234', '.2f', '1234.00'],
    ['1234', '%', '123400.000000%'],
    ['1234.5678', '', '1234.5678'],
    ['1234.5678', '.2f', '1234.57'],
    ['1234.5678', '10.1f', '    1234.6'],
    ['1234.5678', 'e', '1.234568e+03'],
    ['1234.5678', '.3e', '1.235e+03'],
    ['1234.5678', 'g', '1234.57'],
    ['1234.5678', '.3g', '1.23e+03'],
    ['0.0001234', 'g', '0.0001234'],
    ['1e+20', 'g', '1e+20'],
    ['1e+20', '', '1e+20'],
    ['1.5', '', '1.5'],
    ['100.0', '.4', '100.0'],
    ['100.0', '.3', '1e+02'],
    ['1234.5678', ',', '1,234.5678'],
    ['1234.5678', ',.2f', '1,234.57'],
    ['0.25', '%', '25.000000%'],
    ['0.25', '.1%', '25.0%'],
    ['-1.5', '+.1f', '-1.5'],
    ['inf', '', 'inf'],
    ['nan', 'f', 'nan'],
    ['1.0', '.0f', '1'],
    ['2.5', '.0f', '2'],
    ['123456789.0', 'g', '1.23457e+08'],
    ['0.5', '#.0f', '0.'],
    ["'abc'", '', 'abc'],
    ["'abc'", '>6', '   abc'],
    ["'abc'", '^7', '  abc  '],
    ["'abc'", '.2', 'ab'],
    ["'abc'", '*<5', 'abc**'],
    ["'h\u00e9llo'", '>7', '  héllo'],
  ];
  it('formats each value as CPython does', () => {
    const source = table
      .map(
        ([v, spec], i) =>
          `r${i} = format(${v === 'inf' ? "float('inf')" : v === 'nan' ? "float('nan')" : v}, ${JSON.stringify(spec)})`,
      )
      .join('\n');
    const p = runAll(source);
    const got = table.map((_, i) => {
      const h = p.interpreter!.loadGlobal(`r${i}`);
      const s = strValue(p.vm, h);
      p.vm.decref(h);
      return s;
    });
    expect(got).toEqual(table.map((r) => r[2]));
  });

  it('returns the same str when the spec changes nothing, and an exact int as its str()', () => {
    const p = new PythonProcess();
    p.load('pass\n');
    const vm = p.vm;
    const s = intern(vm, 'abc');
    const r = format(vm, s, intern(vm, '2'));
    expect(r).toBe(s);
    expect(vm.table.type[format(vm, vm.s.smallInt(7), 0)]).toBe(T.Str);
  });

  it('rejects what CPython rejects', () => {
    expect(errorOf("x = format(1, 's')")).toEqual({
      type: 'ValueError',
      message: "Unknown format code 's' for object of type 'int'",
      line: 1,
    });
    expect(errorOf("x = format('a', '+')")).toEqual({
      type: 'ValueError',
      message: 'Sign not allowed in string format specifier',
      line: 1,
    });
    expect(errorOf("x = format(1, '.2d')")).toEqual({
      type: 'ValueError',
      message: 'Precision not allowed in integer format specifier',
      line: 1,
    });
    expect(errorOf("x = format([], 'x')")).toEqual({
      type: 'TypeError',
      message: 'unsupported format string passed to list.__format__',
      line: 1,
    });
  });
});
