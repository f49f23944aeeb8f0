/**
 * The Python Highwater runs today, as the page lists it beside the editor and the README cites it.
 * One list, kept here: update it when the interpreter (src/engine/python) learns more. Anything
 * outside it stops the run with "not supported by Highwater yet: X (line N)", never a wrong answer.
 */
export interface SupportedGroup {
  title: string;
  items: string[];
}

export const SUPPORTED_PYTHON: readonly SupportedGroup[] = [
  {
    title: 'Statements',
    items: [
      'assignment, tuple unpacking, augmented assignment (+= …)',
      'del of names, items and slices',
      'if / elif / else, for, while, break, continue, pass',
      'def with positional and default arguments, return, global',
      'import gc, sys, ctypes, numpy (import … as …, from … import …)',
    ],
  },
  {
    title: 'Expressions',
    items: [
      'int (any size), float, bool, None, str, bytes literals',
      'list, tuple, dict, set literals; list, dict and set comprehensions; generator expressions',
      'arithmetic, comparisons, and/or/not, conditional expressions, indexing and slicing',
      'calls of builtins, methods and your functions; keyword arguments to your functions',
    ],
  },
  {
    title: 'Types and builtins',
    items: [
      'int, float, str, bytes, bytearray, list, tuple, dict, set, frozenset, range',
      'len, range, sum, min, max, sorted, reversed, enumerate, zip, iter, next, print, repr, str, int, float',
      'common methods: list.append/extend/insert/pop/clear, dict.get/update/clear/items, str.join/split/upper',
    ],
  },
  {
    title: 'Modules',
    items: [
      'gc.collect, gc.disable, gc.enable, gc.isenabled, gc.get_count',
      'sys.getsizeof',
      'ctypes.CDLL("libc.so.6").malloc_trim(0)',
      'numpy: zeros, ones, empty, arange, full, concatenate, copy, views by slicing, arithmetic',
    ],
  },
  {
    title: 'Not yet',
    items: [
      'class, try/except, with, yield, lambda, f-strings, % formatting',
      'other modules (json, os, re, …)',
    ],
  },
];
