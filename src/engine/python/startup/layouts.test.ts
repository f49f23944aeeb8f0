import { describe, expect, it } from 'vitest';
import { Kernel } from '../../kernel/kernel';
import { PythonProcess } from '../process';

// Addresses read from /proc/PID/maps of the recorder's child (tools/hw_child.py, ASLR off, no
// shim) on the real 3.12.1 and 3.13.0: `x = 1`, `import random`, `y = 2` stopped after each step.
const hex = (n: number) => n.toString(16);
function arenas(p: PythonProcess): string[] {
  return p.kernel.mappings.filter((m) => m.tag === 'pymalloc-arena').map((m) => hex(m.start));
}
function loadedSpans(p: PythonProcess): string[] {
  const spans = (p.kernel as unknown as { loaded: { start: number; end: number }[] }).loaded;
  return spans.map((s) => `${hex(s.start)}-${hex(s.end)}`);
}

/** A process of `python` booted for `x = 1; import random; y = 2`, run through `import random` when `run`. */
function randomScript(python: '3.12' | '3.13', run: boolean): PythonProcess {
  const p = new PythonProcess({ python });
  p.load('x = 1\nimport random\ny = 2\n');
  if (run) {
    p.runStatement(0);
    p.runStatement(1);
  }
  return p;
}

describe('the loader layout (startup/layouts.ts)', () => {
  it('places the 3.12.1 start-up arenas below the locale archive, as the real process has them', () => {
    // real: one anonymous mapping 7ffff7365000-7ffff75c7000 (radix nodes 65 + 33 pages, 2 arenas)
    expect(arenas(randomScript('3.12', false))).toEqual(['7ffff7365000', '7ffff7465000']);
    const p = randomScript('3.12', true);
    // real: math 7ffff7321000-7ffff7337000, _random 7ffff731a000-…, _sha2 7ffff7309000-… (the .so
    // files under _struct's, which the recorder's child imported)
    const spans = loadedSpans(p);
    expect(spans).toContain('7ffff7321000-7ffff7337000');
    expect(spans).toContain('7ffff731a000-7ffff7321000');
    expect(spans).toContain('7ffff7309000-7ffff731a000');
  });

  it('places the 3.13.0 start-up arenas below libc and math.so below them', () => {
    // real: 7ffff741e000-7ffff761e000 (2 arenas; the radix nodes went into the gap by libpython)
    expect(arenas(randomScript('3.13', false))).toEqual(['7ffff741e000', '7ffff751e000']);
    expect(loadedSpans(randomScript('3.13', true))).toContain('7ffff73fc000-7ffff7412000');
  });

  it('keeps 3.11 on the bare mmap base (its arenas were already at the real page offset)', () => {
    const p = new PythonProcess({ python: '3.11' });
    expect(loadedSpans(p)).toEqual([]);
  });
});

describe('Kernel placement around loaded spans', () => {
  it('steps over a loaded span as over a mapping, and maps an object whole with its .bss', () => {
    const k = new Kernel({ mmapBase: 0x7fff_0010_0000 });
    k.reserveLoaded(0x7fff_000f_0000, 0x10000); // the top 16 pages
    const a = k.mmap(0x4000, 'interpreter', 'a');
    expect(a).toBe(0x7fff_000e_c000);
    const base = k.mapObject(0x6000, [[0x5000, 0x1000]], 'lib (.bss)');
    expect(base).toBe(0x7fff_000e_6000);
    // the .bss page is an anonymous mapping at its address; the file pages are not
    expect(k.mappings.map((m) => [m.start, m.length])).toContainEqual([0x7fff_000e_b000, 0x1000]);
    expect(k.anonMmapBytes).toBe(0x4000 + 0x1000);
    expect(k.mmap(0x1000, 'interpreter', 'b')).toBe(0x7fff_000e_5000);
  });

  it('grows an mmapped chunk in place only up to the next loaded span (mremap)', () => {
    const k = new Kernel({ mmapBase: 0x7fff_0010_0000 });
    const a = k.mmap(0x2000, 'glibc-mmap', 'chunk', { hint: 0x7fff_0000_0000 });
    k.reserveLoaded(a + 0x3000, 0x1000);
    expect(a).toBe(0x7fff_0000_0000);
    expect(k.mremap(a, 0x2000, 0x3000)).toBe(a);
    expect(k.mremap(a, 0x3000, 0x5000)).not.toBe(a);
  });
});
