import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, waitIdle, type Preview, pageSession } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

/** Each case: a library scenario at a step, the heading and the cause the panel must show first. */
const CASES = [
  {
    link: '#scenario=numpy_empty_zeros_ones&step=3',
    heading: 'Why did RSS stay the same?',
    cause:
      /^The 76 MiB block \(the data buffer of an ndarray of 10,000,000 float64\) got a mapping of its own .* its pages were never written, so they are not resident/,
  },
  {
    link: '#scenario=bytearray_big&step=3',
    heading: 'Why did RSS go down?',
    cause: /^free\(\) unmapped the 95 MiB block at once: it was a mapping of its own/,
  },
  {
    link: '#scenario=gc_cycles&step=5',
    heading: 'Why did RSS go down?',
    cause:
      /^99,999 lists \(\d+ MiB\) are garbage held in reference cycles.*gc\.disable\(\) has switched it off/,
  },
  {
    link: '#scenario=seed_big_lists&step=2',
    heading: 'Why did RSS go down?',
    cause:
      /^free\(\) merged the freed chunks into the top chunk and, once top passed the trim threshold then in force \(320 KiB\), moved the break down/,
  },
];

describe('the explain panel names each step’s cause first', () => {
  for (const c of CASES)
    it(c.link, async () => {
      const p = await newPage(browser);
      await p.goto(preview.url + c.link);
      await waitIdle(p);
      await expect(p.locator('.explain h2').textContent()).resolves.toBe(c.heading);
      const sentences = await p.locator('.explain ul.sentences > li').allTextContents();
      expect(sentences[1]).toMatch(c.cause);
      const name = c.link.replace(/[#=&]/g, '-');
      await p.locator('.explain').screenshot({ path: join(SHOTS, `explain${name}.png`) });
      await p.context().close();
    });
});
