import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * Instances of classes with a managed dict (pre-header 32 bytes: GC head + dict/values pointers)
 * are GC objects. The collector once read them as atomic (a 32-byte pre-header tested as a bit
 * mask) and cleared reachable instances held by one-item lists: `h = N([h])` in a loop lost its
 * attributes at the first collection. CPython 3.11.7 prints what these scripts expect.
 */
describe('the cycle collector and instances of classes', () => {
  const output = (src: string) => {
    const r = runScript(src);
    expect(r.error ?? null).toBeNull();
    return r.output;
  };

  it('keeps a chain of instances held through one-item lists alive across collections', () => {
    const src = [
      'import gc',
      'class N:',
      '    def __init__(self, nxt):',
      '        self.nxt = nxt',
      'h = None',
      'for i in range(1000):',
      '    h = N([h])',
      'gc.collect()',
      'n, x = 0, h',
      'while x is not None:',
      '    n += 1',
      '    x = x.nxt[0]',
      'print(n)',
    ].join('\n');
    expect(output(src)).toBe('1000\n');
  });

  it('tracks a dict or tuple that holds only instances, and collects their cycles', () => {
    const src = [
      'import gc',
      'class A:',
      '    pass',
      'd = {"a": A()}',
      't = (A(),)',
      'print(gc.is_tracked(d), gc.is_tracked(t))',
      'a = A()',
      'a.d = {"self": a}',
      'del a',
      'print(gc.collect())',
    ].join('\n');
    expect(output(src)).toBe('True True\n2\n');
  });
});
