import { describe, expect, it } from 'vitest';
import { runScriptWithNumpy } from './install';

/**
 * Every method and function leaves the array's reference count as it found it: after calling
 * them all, `del a` gives the 80 MB mapping back (the step's anonymous mappings drop by it).
 */
describe('methods and functions keep no references to their arguments', () => {
  const calls = [
    'a.sum()',
    'a.sum(axis=0)',
    'a.mean()',
    'a.std()',
    'a.var()',
    'a.min()',
    'a.max()',
    'a.argmax()',
    'a.argmin()',
    'a.cumsum()',
    'a.prod()',
    'a.any()',
    'a.all()',
    'np.sum(a)',
    'np.mean(a)',
    'np.std(a)',
    'np.max(a)',
    'np.argmax(a)',
    'a.copy()',
    'a.ravel()',
    'a.flatten()',
    'a.reshape(100, -1)',
    'a.T',
    'a.astype(np.float32)',
    'a[::2]',
    'a[a > 5]',
    'a[[1, 2]]',
    'np.take(a, [1, 2])',
    'a.take([3], axis=0)',
    'a + 1',
    '-a',
    'a ** 2',
    'np.sqrt(a)',
    'a > 3',
    'a.tolist()[:0]',
    'a.item(3)',
    'a.flags',
    'a.shape',
    'a.__array_interface__',
    'np.where(a > 3, a, 0)',
    'np.sort(a)',
    'np.argsort(a)',
    'np.unique(a[:100])',
    'np.stack([a, a])',
    'np.vstack([a, a])',
    'np.hstack([a, a])',
    'np.concatenate([a, a])',
    'np.zeros_like(a)',
    'np.asarray(a)',
    'np.array(a)',
    'np.copy(a)',
    'str(a)',
    'repr(a)',
    'list(iter(a[:5]))',
    'len(a)',
    'a[3]',
  ];
  it('`del a` after all of them frees its buffer', () => {
    const src = [
      'import numpy as np',
      'a = np.arange(10_000_000, dtype=np.float64)',
      ...calls.map((c) => `_ = ${c}`),
      'del _',
      'del a',
      '',
    ].join('\n');
    const r = runScriptWithNumpy(src, { profile: 'debian-3.11.2' });
    expect(r.error).toBeUndefined();
    const anon = r.steps.map((s) => s.anon_mmap);
    expect(anon[anon.length - 2] - anon[anon.length - 1]).toBeGreaterThanOrEqual(80_000_000);
  });
});
