import { readFileSync } from 'node:fs';
import type { GlibcMalloc } from '../glibc/malloc';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainScript, sentence } from '../python/owners/testing';
import { sentenceText, type SentencePart } from './index';

const scenario = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../../tests/fidelity/scenarios', `${name}.py`), 'utf8');

const refsOf = (parts: SentencePart[]) => parts.flatMap((p) => (typeof p === 'string' ? [] : [p]));

describe('explain names the Python objects that hold memory', () => {
  it('the first seed: tcache pins the heap, and beneath it pymalloc’s arenas[] vector', () => {
    const { p, steps } = explainScript('a = [[0] * 100 for _ in range(1000000)]\ndel a\n');
    expect(sentenceText(sentence(steps[0], 'mmap-owner-0')!)).toBe(
      'The 8.06 MiB chunk is the item buffer of a list of 1,000,000 items, kept alive by the name a.',
    );
    const del = steps[1];
    expect(sentenceText(sentence(del, 'heap-pinned')!)).toMatch(
      /778 MiB of the heap is free, but the highest in-use chunk \(816 B, held in tcache\) sits [\d.]+ KiB below the top/,
    );
    expect(sentence(del, 'tcache-pins')).toBeDefined();
    const second = sentence(del, 'second-pin')!;
    expect(sentenceText(second)).toBe(
      "Even with tcache flushed, pymalloc's arenas[] vector (6,144 B for 128 arenas), realloc'd while the 65th arena was made, " +
        'sits 25 MiB below the top in a 6,160 B chunk and would still pin the 755 MiB beneath it: pymalloc only ever grows that vector, never frees it.',
    );
    // The link selects the vector's chunk itself.
    const vector = p.pymalloc.st.vectorPtr;
    expect(refsOf(second.parts)[0].ref).toEqual({ kind: 'chunk', address: vector - 16, size: 6160 });
    // `del a` freed the list, so no sentence says a lives on.
    expect(del.sentences.some((s) => s.id.startsWith('name-kept'))).toBe(false);
  }, 60_000);

  it('a view keeps its base: del a freed nothing, and the sentence links the view and the buffer', () => {
    const { p, steps } = explainScript(scenario('numpy_view_keeps_base'));
    const at = (code: string) => steps.find((s) => s.code === code)!;
    expect(at('v = a[::2]').text).toContain(
      'The 76 MiB chunk is the data buffer of an ndarray of 10,000,000 int64, kept alive by the name a and as the base of the view v.',
    );
    const del = at('del a');
    const kept = sentence(del, 'name-kept-0')!;
    expect(sentenceText(kept)).toBe(
      'del a freed nothing: a (an ndarray of 10,000,000 int64) is still referenced as the base of the view v, so its 76 MiB data buffer (a glibc mmap) stays.',
    );
    const [array, view, buffer] = refsOf(kept.parts).map((r) => r.ref);
    expect(array).toMatchObject({ kind: 'block', size: 96 });
    expect(view).toMatchObject({ kind: 'block', size: 96 });
    expect(view).not.toEqual(array);
    expect(buffer.kind).toBe('mmappedChunk');
    expect((p.libc as GlibcMalloc).mp.mmapped.has((buffer as { address: number }).address)).toBe(false); // gone by the end
    // The mmap sentence does not say it twice.
    expect(del.sentences.some((s) => s.id.startsWith('mmap-owner'))).toBe(false);
    expect(at('del v').text).not.toContain('freed nothing');
  }, 60_000);

  it('one survivor near the top pins the heap: its owner and the list that keeps it', () => {
    const { steps } = explainScript(scenario('survivors_pin_heap'));
    const del = steps.find((s) => s.code === 'del a')!;
    expect(sentenceText(sentence(del, 'heap-pinned')!)).toMatch(
      /the highest in-use chunk \(78\.1 KiB, in use\)/,
    );
    const owner = sentence(del, 'pin-owner')!;
    expect(sentenceText(owner)).toBe(
      'That chunk is the item buffer of a list of 10,000 items, kept alive as an item of the list keep.',
    );
    expect(refsOf(owner.parts).map((r) => r.text)).toEqual(['That chunk', 'the list keep']);
    expect(steps.find((s) => s.code === 'del keep')!.text).not.toContain('pin-owner');
  }, 60_000);

  it('survivors keep arenas: which objects, and who holds them', () => {
    const { steps } = explainScript(scenario('survivors_pin_arenas'));
    const del = steps.find((s) => s.code === 'del a')!;
    expect(sentenceText(sentence(del, 'arenas-pinned')!)).toMatch(
      /^1\d\d arenas are kept alive by 9\d\d surviving lists \([\d,]+ live blocks in all, fewer than 64 an arena\): pymalloc frees an arena only when every pool in it is empty, so they pin 1\d\d MiB\.$/,
    );
    const survivors = sentence(del, 'arenas-survivors')!;
    expect(sentenceText(survivors)).toMatch(
      // the larger group first: ~1,000 each (one int and one item buffer per surviving list)
      /^The lists are still referenced as items of the list keep; the other blocks are (9\d\d ints and 9\d\d list item buffers|9\d\d list item buffers and 9\d\d ints)\.$/,
    );
    expect(refsOf(survivors.parts).map((r) => r.ref.kind)).toEqual(['block', 'block']);
    expect(steps.find((s) => s.code === 'del keep')!.sentences.map((s) => s.id)).not.toContain(
      'arenas-pinned',
    );
  }, 60_000);

  it('a name rebound while another name still holds the object', () => {
    const { steps } = explainScript('a = [0] * 2000000\nb = a\na = 1\n');
    expect(sentenceText(sentence(steps[2], 'name-kept-0')!)).toBe(
      'Rebinding a freed nothing: the object a named (a list of 2,000,000 items) is still referenced by the name b, so its 15 MiB item buffer (a glibc mmap) stays.',
    );
  }, 60_000);
});

describe('a mapped chunk named after a step that unmapped another', () => {
  it('is said to be still mapped (not read as the one just freed)', () => {
    const { steps } = explainScript('a = [0] * 200000\nb = [1] * 200000\ndel a\n');
    expect(sentenceText(sentence(steps[2], 'mmap-freed')!)).toMatch(/^free\(\) unmapped the 1\.53 MiB block at once/);
    expect(sentenceText(sentence(steps[2], 'mmap-owner-0')!)).toBe(
      'The 1.53 MiB chunk still mapped is the item buffer of a list of 200,000 items, kept alive by the name b.',
    );
    // a step that unmapped nothing says it plainly
    expect(sentenceText(sentence(steps[1], 'mmap-owner-0')!)).toMatch(/^The 1\.53 MiB chunk is the item buffer/);
  });
});
