import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * dict_merge into an instance's empty split __dict__ (`self.__dict__.update(state)`, the usual
 * __setstate__) clones the other's combined keys and lets the split table go: the class's shared
 * keys decref'd and the values array freed (free_values). The model once kept the values array and
 * the clone alive per instance: 3,000 unpickled instances pinned 6 pymalloc arenas after `del` where
 * the real 3.11.7 freed them (corpus s11_pickle_class_instances_getstate), and tracemalloc saw
 * 362,224 bytes left where 3.11.7/3.12.1/3.13.0 see 2,120/2,136/2,232.
 */
const script = (n: number): string =>
  [
    'import tracemalloc, gc',
    'tracemalloc.start()',
    'class C:',
    '    pass',
    'objs = []',
    `for i in range(${n}):`,
    '    o = C.__new__(C)',
    '    o.__dict__.update({"host": "h", "port": i, "history": [i]})',
    '    objs.append(o)',
    'print(len(objs[7].__dict__), objs[7].port)',
    'del objs, o',
    'gc.collect()',
    'print(tracemalloc.get_traced_memory()[0])',
  ].join('\n');

describe('dict.update into an instance __dict__ (dict_merge clone of a split table)', () => {
  for (const python of ['3.11', '3.12', '3.13'] as const)
    it(`leaves nothing per instance after del on ${python}`, () => {
      const small = runScript(script(1000), { python }).output!.split('\n');
      const big = runScript(script(4000), { python }).output!.split('\n');
      expect(small[0]).toBe('3 7');
      // what is left does not grow with the number of instances (a leak would be ~120 bytes each)
      expect(Number(big[1])).toBe(Number(small[1]));
      expect(Number(big[1])).toBeLessThan(4000);
    });
});
