import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';

/**
 * textwrap.wrap of a 540 KB paragraph (60,000 words): the chunks die line by line as
 * _wrap_chunks pops them into each cur_line list, so the 7,500 line strs (128-byte blocks) land
 * in pools the 56-byte chunks emptied, spread over the arenas. This script on the real 3.11.7
 * (tools/record.py, recorder child): arenas 4, 4, 8, 8, 12, 10, 5 (s12_textwrap_fill_paragraphs
 * in the corpus: 8 before the call, 12 after). Holding every chunk to the end of the call gave 11
 * after it (the lines packed into fresh arenas of their own). The simulator keeps 6 at the end,
 * one more than the real 5.
 */
const SCRIPT = [
  'import textwrap',
  'words = [f"word{i % 97}" for i in range(60000)]',
  'paragraph = " ".join(words)',
  'wrapped = textwrap.wrap(paragraph, width=72)',
  'del words, paragraph',
  'del wrapped',
  '',
].join('\n');

describe('textwrap.wrap frees its chunks line by line', () => {
  it('leaves the arenas the real run leaves', () => {
    const r = runScript(SCRIPT);
    expect(r.error ?? null).toBeNull();
    const arenas = r.steps.map((s) => s.pymalloc?.arenas_allocated_current);
    expect(arenas.slice(0, 6)).toEqual([4, 4, 8, 8, 12, 10]);
    expect(Math.abs(arenas[6]! - 5)).toBeLessThanOrEqual(1);
  });
});
