import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';
import { dictData } from './dictkeys';

/**
 * Every empty dict shares one frozen Py_EMPTY_KEYS record (dict.ts emptyDictData); the first insert
 * gives a dict its own (ownDictData). A write that skipped ownDictData would throw (frozen) or fill
 * every empty dict at once: each path that fills an empty dict is checked against the others.
 */
describe('empty dicts share one table record until their first insert', () => {
  it('fills one empty dict by every path without touching the others', () => {
    const p = runAll(
      [
        'es = [{} for _ in range(9)]',
        "es[0]['k'] = 1",
        "es[1].update({'a': 1, 'b': 2})",
        'es[2] |= dict.fromkeys(range(3))',
        "es[3].setdefault('s', [])",
        'es[4].update(x=1)',
        'es[5] = dict.fromkeys({7: 0, 8: 0}, 1)',
        "es[6]['t'] = 2; es[6].clear(); es[6][1.5] = 3",
        "es[7] = {**es[1], **{'c': 3}}",
        'sizes = [len(e) for e in es]',
        'kw = (lambda **k: k)()',
        'e0, e8 = es[0], es[8]',
      ].join('\n') + '\n',
    );
    expect(valueOf(p, 'sizes')).toBe('[1, 2, 3, 1, 1, 2, 1, 3, 0]');
    expect(valueOf(p, 'es')).toBe(
      "[{'k': 1}, {'a': 1, 'b': 2}, {0: None, 1: None, 2: None}, {'s': []}, {'x': 1}, {7: 1, 8: 1}, {1.5: 3}, {'a': 1, 'b': 2, 'c': 3}, {}]",
    );
    const empty = dictData(p.vm, p.globalValue('kw'));
    expect(Object.isFrozen(empty)).toBe(true);
    expect(empty.keysAddr).toBe(0);
    expect(dictData(p.vm, p.globalValue('e8'))).toBe(empty);
    expect(Object.isFrozen(dictData(p.vm, p.globalValue('e0')))).toBe(false);
  });
});
