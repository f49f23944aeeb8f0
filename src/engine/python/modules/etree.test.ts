import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * What an ElementTree costs per element, against CPython 3.11.7 (tracemalloc's traced memory across
 * ET.fromstring of 2,000 elements of each shape, run on 7 Dec 2026 with PYTHONHASHSEED=0:
 * /tmp probe, figures below): the 72-byte Element, its 64-byte extra once it has attributes or
 * children, the attrib dict, the text str, an indented tail kept as the TreeBuilder's list of
 * pieces ("\n" is the cached one-character str, "    " a new one), and the root's children array
 * grown as element_resize does. Held within 3% of each figure.
 */
const REAL: Record<string, number> = {
  bare: 80.56,
  attr1: 323.728,
  attr2: 432.706,
  text: 147.8975,
  tail: 204.616,
  tail1: 133.944,
  // 17 children each: 72 + 64 + a 25-slot array (200) + the list slot
  kids17: 344.0,
};

const SCRIPT = `
import tracemalloc
import xml.etree.ElementTree as ET
docs = {
 'bare': "<r>" + "<p/>" * 2000 + "</r>",
 'attr1': "<r>" + "<p a='x'/>" * 2000 + "</r>",
 'attr2': "<r>" + "".join(f"<p a='SKU{i:06d}' b='cat{i%40}'/>" for i in range(2000)) + "</r>",
 'text': "<r>" + "".join(f"<p>Product number {i}</p>" for i in range(2000)) + "</r>",
 'tail': "<r>" + "<p/>\\n    " * 2000 + "</r>",
 'tail1': "<r>" + "<p/>    " * 2000 + "</r>",
}
tracemalloc.start()
for k, d in docs.items():
    a = tracemalloc.get_traced_memory()[0]
    r = ET.fromstring(d)
    b = tracemalloc.get_traced_memory()[0]
    print(k, (b - a) / 2000)
    del r
leaf = ET.Element("leaf")
a = tracemalloc.get_traced_memory()[0]
parents = []
for _ in range(200):
    e = ET.Element("p")
    for k in range(17):
        e.append(leaf)
    parents.append(e)
b = tracemalloc.get_traced_memory()[0]
print("kids17", (b - a) / 200)
`;

describe('xml.etree.ElementTree memory per element (3.11.7)', () => {
  it('parsed and built elements cost what the C accelerator allocates', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    const got = Object.fromEntries(
      (r.output ?? '')
        .trim()
        .split('\n')
        .map((l) => l.split(' '))
        .map(([k, v]) => [k, Number(v)]),
    );
    for (const [k, v] of Object.entries(REAL)) {
      expect(got[k], k).toBeGreaterThan(v * 0.97);
      expect(got[k], k).toBeLessThan(v * 1.03);
    }
  });
});

/**
 * tostring's path (the real ElementTree.write through _get_writer's TextIOWrapper over a BytesIO):
 * 8,192-character encoded chunks into the BytesIO, whose buffer grows by realloc and is cut by
 * getvalue's _PyBytes_Resize; whether the 239,927-byte result ends mmapped depends on the heap the
 * growth meets (sysmalloc mmaps a realloc's new chunk past the threshold only when top is too small).
 * Recorded on 3.11.7 (tests/corpus): l16_xml_zip_report's tostring step hblks 3 → 4 (hblkhd 610,304 →
 * 851,968: the result mmapped, no mmapped chunk freed), l16_xml_tostring_short's (its first ten
 * lines) hblks 3 → 3 (the result in the brk heap). Building the whole text and encoding it once (as
 * this model first did) freed a 351,008-byte mmapped list buffer, raising the threshold: the result
 * landed in the heap in both.
 */
describe('ET.tostring into a BytesIO', () => {
  const snippet = (name: string) =>
    readFileSync(
      join(dirname(fileURLToPath(import.meta.url)), '../../../../tests/corpus/snippets', `${name}.py`),
      'utf8',
    );
  const tostringStep = (name: string) => {
    const r = runScript(snippet(name), { filename: '/tmp/hwrec-00000000/scenario.py' });
    expect(r.error ?? null).toBeNull();
    const i = r.steps.findIndex((s) => s.code.includes('ET.tostring'));
    return { before: r.steps[i - 1].mallinfo2, after: r.steps[i].mallinfo2 };
  };
  it('leaves the result mmapped where the recorded run did', () => {
    const { before, after } = tostringStep('l16_xml_zip_report');
    expect(after.hblks - before.hblks).toBe(1);
    expect(after.hblkhd - before.hblkhd).toBe(851968 - 610304);
  });
  it('and in the brk heap where the recorded run did', () => {
    const { before, after } = tostringStep('l16_xml_tostring_short');
    expect(after.hblks - before.hblks).toBe(0);
  });
});
