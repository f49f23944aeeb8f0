import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import { closestName, editDistance } from './suggestions';

/** Each script's last stderr line on python3.11.7 (print_exception's ". Did you mean" included). */
const CASES: [string, string][] = [
  ['def f():\n    nope\nf()\n', "NameError: name 'nope' is not defined. Did you mean: 'None'?"],
  [
    'def g():\n    def h():\n        lenx = 1\n        return lenz\n    return h()\ng()\n',
    "NameError: name 'lenz' is not defined. Did you mean: 'lenx'?",
  ],
  [
    'import random\nrandom.randInt(1, 2)\n',
    "AttributeError: module 'random' has no attribute 'randInt'. Did you mean: 'randint'?",
  ],
  ['[].apend(1)\n', "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?"],
  [
    'class Point:\n    def __init__(self):\n        self.xcoord = 1\nPoint().xcord\n',
    "AttributeError: 'Point' object has no attribute 'xcord'. Did you mean: 'xcoord'?",
  ],
  [
    'def f(values):\n    totl = 0\n    for v in values:\n        totl += v\n    return total\nf([1])\n',
    "NameError: name 'total' is not defined. Did you mean: 'totl'?",
  ],
  ['prnt(1)\n', "NameError: name 'prnt' is not defined. Did you mean: 'print'?"],
  ['lenght = 3\nlengt\n', "NameError: name 'lengt' is not defined. Did you mean: 'lenght'?"],
  [
    'import collections\ncollections.defautdict\n',
    "AttributeError: module 'collections' has no attribute 'defautdict'. Did you mean: 'defaultdict'?",
  ],
  ["'a'.uper()\n", "AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?"],
  ['print(undefined_thing)\n', "NameError: name 'undefined_thing' is not defined"],
  ['d = {}\nd.iterkeys()\n', "AttributeError: 'dict' object has no attribute 'iterkeys'"],
  [
    'import os\nos.getpd()\n',
    "AttributeError: module 'os' has no attribute 'getpd'. Did you mean: 'getpid'?",
  ],
  ['x = [1]\nx.length\n', "AttributeError: 'list' object has no attribute 'length'"],
  ['class A:\n    pass\nA.foo\n', "AttributeError: type object 'A' has no attribute 'foo'"],
  ['import math\nmath.squareroot(2)\n', "AttributeError: module 'math' has no attribute 'squareroot'"],
  [
    "try:\n    {}['k']\nexcept KeyError:\n    lst = []\n    lst.add(1)\n",
    "AttributeError: 'list' object has no attribute 'add'",
  ],
];

describe('"Did you mean" (3.11 suggestions.c) on an uncaught AttributeError or NameError', () => {
  it.each(CASES)('%s', (source, last) => {
    const e = runScript(source).error;
    expect(e && `${e.type}: ${e.message}`).toBe(last);
  });

  it('weights a case flip 1 and every other edit 2, within a third of the characters', () => {
    expect(editDistance('Append', 'append', 10)).toBe(1);
    expect(editDistance('apend', 'append', 10)).toBe(2);
    expect(closestName(['pop', 'append'], 'push')).toBe(null);
    expect(closestName(['abcd', 'abce'], 'abcf')).toBe('abcd');
  });
});
