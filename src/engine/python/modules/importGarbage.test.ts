import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';

/**
 * An import's cyclic garbage (tools/imports/capture_garbage.py on 3.11.7, in the recorder's process):
 * pickle.py's three Python exception classes, rebound to _pickle's (10 objects, 17 blocks, in
 * generation 1 when `import pickle` follows its dependencies), datetime.py's pure-Python module
 * (260 objects: 87 in generation 0, 173 in generation 1, 1,151 blocks).
 */
function run(source: string) {
  const p = new PythonProcess({});
  const statements = p.load(source);
  const blocks: number[] = [];
  for (let i = 0; i < statements.length; i++) {
    p.runStatement(i);
    blocks.push(p.pymalloc.allocatedBlocks());
  }
  return { blocks, out: p.output };
}

describe("an import's garbage is the collector's", () => {
  it('gc.collect() after `import datetime` finds its 260 objects and frees their blocks', () => {
    const { out, blocks } = run('import gc\nimport datetime\nn = gc.collect()\nprint(n)\n');
    expect(out).toBe('260\n');
    // the collection gave back the module's Python half (less the int it returned)
    expect(blocks[1] - blocks[2]).toBeGreaterThan(1000);
  });

  it('a collection of generation 0 finds only the youngest part; generation 1 the rest', () => {
    const { out } = run('import gc\nimport datetime\nprint(gc.collect(0))\nprint(gc.collect(1))\nprint(gc.collect(2))\n');
    expect(out).toBe('87\n173\n0\n');
  });

  it("a dependency's garbage is counted once, by its own entry", () => {
    // tracemalloc imports pickle (10 objects): its own import leaves none
    const { out } = run('import gc\nimport tracemalloc\nprint(gc.collect())\n');
    expect(out).toBe('10\n');
  });

  it('gc.get_objects() no longer lists what was collected', () => {
    const { out } = run(
      'import gc\nimport datetime\na = len(gc.get_objects())\ngc.collect()\nb = len(gc.get_objects())\nprint(a - b >= 260)\n',
    );
    expect(out).toBe('True\n');
  });

  it('a module whose import leaves none changes nothing', () => {
    const { out } = run('import gc\nimport json\nprint(gc.collect())\n');
    expect(out).toBe('0\n');
  });
});
