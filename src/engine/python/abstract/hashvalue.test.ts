import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/** hash() values CPython 3.11.7 prints (python3 -c, any PYTHONHASHSEED: no str or bytes inside). */
describe('hash() as CPython 3.11 computes it', () => {
  it('hashes frozensets with frozenset_hash (order-free, nested, of mixed members, of a subclass)', () => {
    const r = runScript(
      [
        'print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 3.5, -1, 10**20})))',
        'print(hash(frozenset({frozenset({1}), frozenset()})))',
        'class X(frozenset):',
        '    pass',
        'print(hash(X({3, 2, 1})) == hash(frozenset({1, 2, 3})), {frozenset({1, 2}): "a"}[frozenset({2, 1})])',
      ].join('\n'),
    );
    expect(r.error ?? null).toBeNull();
    expect(r.output).toBe(
      '133146708735736 -558064481276695278 -272375401224217160 -8707517874893281098\n-67101846648477850\nTrue a\n',
    );
  });
});
