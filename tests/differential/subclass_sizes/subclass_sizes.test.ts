import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../../src/engine/python/runscript';

/**
 * sys.getsizeof/__sizeof__ of instances of classes over built-in types, per release: list, dict, set,
 * tuple, bytes, bytearray, int, str, defaultdict, Counter and OrderedDict size themselves from their
 * own type's tp_basicsize (list___sizeof__, _PyDict_SizeOf, object___sizeof__, bytes_sizeof,
 * bytearray_sizeof), a str subclass is a two-block str (sizeof(PyUnicodeObject) + data), and a class over a
 * variable-size base keeps its __dict__ after the items on 3.11 (T.__basicsize__ 32) but in the pre-header
 * on 3.12/3.13 (24). subclass_sizes.3.1x.stdout are the real 3.11.7, 3.12.1 and 3.13.0's output
 * (`PYTHONHASHSEED=0 python3.1x subclass_sizes.py`).
 */
describe('sizes of classes over built-in types as each release reports them', () => {
  const source = readFileSync(join(__dirname, 'subclass_sizes.py'), 'utf8');
  for (const python of ['3.11', '3.12', '3.13'] as const)
    it(`equals ${python}'s output`, () => {
      const r = runScript(source, { python, filename: '/tests/subclass_sizes.py' });
      expect((r.output ?? '').split('\n')).toEqual(
        readFileSync(join(__dirname, `subclass_sizes.${python}.stdout`), 'utf8').split('\n'),
      );
    });
});
