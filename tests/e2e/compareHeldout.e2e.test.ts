import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPage, pageState, pageSession, typeScript, waitIdle, type Preview } from './harness';

/**
 * The compare view on two of the second held-out snippets (tests/fidelity/scenarios/heldout10/,
 * recorded under every environment the view offers): the page's glibc, jemalloc, mimalloc and
 * PYTHONMALLOC=malloc side by side, the answer naming which gives the memory back, by how much,
 * and each environment's reason. PYTHONMALLOC=malloc boots from a start-up capture the worker
 * fetches as a chunk of its own (src/engine/python/startup/variants.ts): never for the default run.
 */
const SHOTS = join(import.meta.dirname, 'screenshots');
const HELDOUT = join(import.meta.dirname, '..', 'fidelity', 'scenarios', 'heldout10');
let preview: Preview;
let browser: Browser;
let page: Page & { errors: string[] };
const requested: string[] = [];

pageSession((p, b) => {
  preview = p;
  browser = b;
});
beforeAll(async () => {
  page = await newPage(browser, { width: 1600, height: 1000 });
  page.context().on('request', (r) => requested.push(r.url()));
  await page.goto(preview.url);
  await waitIdle(page);
});

/** The snippet as a user pastes it: its code, without the recorder's comment header. */
const snippet = (name: string): string =>
  readFileSync(join(HELDOUT, `${name}.py`), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .trim() + '\n';
const sentences = (p: Page): Promise<string[]> =>
  p.getByTestId('compare-explain').locator('.sentences li').allTextContents();
const answerAt = (p: Page, code: string): Promise<void> =>
  p
    .getByTestId('compare-explain')
    .locator('.sentences li')
    .first()
    .filter({ hasText: `(${code}):` })
    .waitFor({ timeout: 170_000 });
const variantChunk = (): string[] => requested.filter((u) => /variantCaptures-[^/]*\.js/.test(u));

describe('compare environments on held-out snippets', () => {
  it('the default run does not fetch the start-up variants', async () => {
    await waitIdle(page);
    expect((await pageState(page)).statements).toBeGreaterThan(0);
    expect(variantChunk()).toEqual([]);
  });

  it('lru_cache.cache_clear(): says which of four environments gives the memory back, with the numbers', { timeout: 420_000 }, async () => {
    await typeScript(page, snippet('h10_lru_cache_clear'));
    await page.getByTestId('compare').click();
    const panel = page.getByRole('group', { name: 'Compare environments' });
    await panel.getByRole('checkbox', { name: 'jemalloc 5.3.0', checked: true }).waitFor();
    await panel.getByRole('checkbox', { name: 'PYTHONMALLOC=malloc', exact: true }).check();
    await page.getByRole('button', { name: 'Compare 4', exact: true }).click();
    await waitIdle(page, 170_000);
    // Started from a freshly typed script, every run reaches the end without pressing Run. It used
    // to stop all four on line 10 (the loop): five simulations at once on 2 loaded cores spent the
    // page's 60 s of wall time each (allocators-8: runSeconds gives each run one budget per run).
    await answerAt(page, 'expand.cache_clear()');
    const cols = (await pageState(page)).compare as { statement: number | null; error: unknown }[];
    expect(cols.map((c) => c.error)).toEqual([null, null, null, null]);
    expect(cols.map((c) => c.statement)).toEqual([6, 6, 6, 6]);
    // PYTHONMALLOC=malloc's column booted from the lazily fetched capture
    expect(variantChunk().length).toBeGreaterThan(0);
    const labels = (await page.getByTestId('compare-column').locator('h3.env-label').allTextContents()).map(
      (l) => l.trim(),
    );
    expect(labels).toHaveLength(4);
    const said = await sentences(page);
    // the answer, then one sentence per environment, each naming its own label and a resident figure
    expect(said[0]).toMatch(/^After line \d+ \(expand\.cache_clear\(\)\): .+ (gives the most back|hold about the same)/);
    expect(said[0]).toMatch(/[\d.,]+ [KM]iB/);
    for (const l of labels) expect(said.some((s) => s.startsWith(`${l}:`)), l).toBe(true);
    await page.getByTestId('compare-view').screenshot({ path: join(SHOTS, 'compare-h10-lru-cache.png') });
    expect(page.errors).toEqual([]);
  });

  it('malloc_trim after del: the same four, rerun on a second snippet', { timeout: 420_000 }, async () => {
    await typeScript(page, snippet('h10_malloc_trim_after_del'));
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitIdle(page, 170_000);
    await answerAt(page, 'trimmed = libc.malloc_trim(0)');
    const said = await sentences(page);
    expect(said[0]).toMatch(/^After line \d+ \(trimmed = libc\.malloc_trim\(0\)\): /);
    expect(said[0]).toMatch(/[\d.,]+ [KM]iB/);
    expect(said.length).toBeGreaterThanOrEqual(5);
    await page.getByTestId('compare-view').screenshot({ path: join(SHOTS, 'compare-h10-malloc-trim.png') });
    await page.screenshot({ path: join(SHOTS, 'compare-h10-page.png') });
    expect(page.errors).toEqual([]);
  });
});
