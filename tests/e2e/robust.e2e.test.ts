import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageState, pageSession, typeScript, waitIdle, type Preview } from './harness';

/**
 * Issue 12 in the page (the engine's side): the string bomb ends with the simulator's MemoryError
 * in seconds and the tab lives; JS limits are Highwater's messages; the recursion limit is CPython's.
 */
const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

/** Replace the editor's text with `text` and press Run. */
async function runText(p: Page, text: string): Promise<void> {
  await typeScript(p, text);
  await p.getByRole('button', { name: 'Run', exact: true }).click();
  await waitIdle(p, 240_000);
}

describe('nothing breaks in the page', () => {
  it('the string bomb ends with the simulator’s MemoryError, the statement before it kept, the tab alive', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    const t = Date.now();
    await runText(p, "x = [1, 2, 3]\na = [('ab' * 10**7).upper() + str(i) for i in range(500)]\n");
    const seconds = (Date.now() - t) / 1000;
    await expect(p.locator('.cm-error-message').textContent()).resolves.toMatch(
      /MemoryError: the simulator's memory budget \(1,536 MB\) ran out while making a 19 MB str/,
    );
    expect((await pageState(p)).statements).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThan(120);
    await p.locator('.left').screenshot({ path: join(SHOTS, 'robust-bomb.png') });
    // the page still answers: a small script runs after it
    await runText(p, 'y = [0] * 10\n');
    await expect(p.locator('.cm-error-message').count()).resolves.toBe(0);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('recursion to 990 runs and 1,001 is CPython’s RecursionError; a JS limit is Highwater’s message', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    const rec = (n: number): string =>
      `def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nx = f(${n})\n`;
    await runText(p, rec(990));
    await expect(p.locator('.cm-error-message').count()).resolves.toBe(0);
    await runText(p, rec(1001));
    await expect(p.locator('.cm-error-message').textContent()).resolves.toMatch(
      /^RecursionError: maximum recursion depth exceeded/,
    );
    await runText(p, "a = 'x' * 10**9\n");
    await expect(p.locator('.cm-error-message').textContent()).resolves.toMatch(
      // our own sentence, no made-up Python type in front of it
      /^not supported by Highwater yet: strs of more than 536,870,888 characters/,
    );
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
