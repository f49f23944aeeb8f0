import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axe, newPage, pageState, pageSession, typeScript, waitIdle, type Preview } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;
let page: Page & { errors: string[] };

pageSession((p, b) => {
  preview = p;
  browser = b;
});
beforeAll(async () => {
  page = await newPage(browser, { width: 1600, height: 1000 });
  await page.goto(preview.url);
  await waitIdle(page);
});

/** threads_lists_exit (the library's compare_threads_arena_max) at a quarter of its lists. */
const SCRIPT = readFileSync(
  join(import.meta.dirname, '../fidelity/scenarios/threads/threads_lists_exit.py'),
  'utf8',
)
  .replace('range(100000)', 'range(25000)')
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n')
  .trim();

interface Column {
  env: { vars: Record<string, string> };
  statement: number | null;
  rss: number | null;
  libc: string | null;
}
const columns = async (p: Page): Promise<Column[]> => (await pageState(p)).compare as Column[];
const sentences = (p: Page): Promise<string[]> =>
  p.getByTestId('compare-explain').locator('.sentences li').allTextContents();

describe('compare: threads under glibc defaults and MALLOC_ARENA_MAX=2', () => {
  it('says how many arenas each made and which gives the memory back after the threads exit', async () => {
    expect(SCRIPT).toContain('range(25000)');
    await typeScript(page, SCRIPT);
    await page.getByTestId('compare').click();
    const panel = page.getByRole('group', { name: 'Compare environments' });
    await panel.getByRole('checkbox', { name: /This page’s environment/, checked: true }).waitFor();
    for (const name of ['jemalloc 5.3.0', 'mimalloc 2.0.9']) {
      const box = panel.getByRole('checkbox', { name, exact: true });
      if (await box.isChecked()) await box.uncheck();
    }
    await panel.getByRole('checkbox', { name: 'glibc, MALLOC_ARENA_MAX=2', exact: true }).check();
    await page.getByRole('button', { name: 'Compare 2', exact: true }).click();
    await waitIdle(page, 170_000);
    const cols = await columns(page);
    expect(cols.map((c) => c.env.vars)).toEqual([{}, { MALLOC_ARENA_MAX: '2' }]);
    // At the end (`del threads`, after stop): the threads' own arenas were trimmed as they freed and
    // exited; with two arenas the main arena's brk heap keeps what the threads built in it.
    const said = await sentences(page);
    expect(said).toHaveLength(4);
    expect(said[0]).toMatch(
      /: glibc 2\.36 \(default\) gives the most back, .* less than glibc, MALLOC_ARENA_MAX=2/,
    );
    expect(said[1]).toMatch(
      /glibc 2\.36 \(default\) gave its threads 9 arenas .*; glibc, MALLOC_ARENA_MAX=2 has its threads share 2 arenas.*: \d+ MiB more resident\./,
    );
    expect(said[3]).toMatch(/^glibc, MALLOC_ARENA_MAX=2: .* free in glibc’s heap below an in-use chunk/);
    expect(cols[1].rss! - cols[0].rss!).toBeGreaterThan(40 * 1048576);
    // Each environment's sentence has its column's line mark (the arena sentence has none).
    const marks = page.getByTestId('compare-explain').locator('.sentences li');
    expect(await marks.nth(1).locator('svg.env-mark').count()).toBe(0);
    expect(await marks.nth(2).locator('svg.env-mark').count()).toBe(1);
    expect(await marks.nth(3).locator('svg.env-mark').count()).toBe(1);
    await page.getByTestId('compare-view').screenshot({ path: join(SHOTS, 'compare-threads-exit.png') });
    // The editor's scroller with a script longer than its box is axe's one finding here (the editor's,
    // not the comparison's: the 2-line scripts of the other browser tests never scroll).
    const found = (await axe(page)).filter(
      (v) => !(v.id === 'scrollable-region-focusable' && v.nodes.join() === '.cm-scroller'),
    );
    expect(JSON.stringify(found), 'compare view, threads').toBe('[]');
    expect(page.errors).toEqual([]);
  });

  it('while the threads hold their lists, each run names its arenas and heaps', async () => {
    // Two statements back from `del threads`: after start(threads), every thread holds its lists.
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Step back', exact: true }).click();
      await waitIdle(page);
    }
    expect((await columns(page)).map((c) => c.statement)).toEqual([10, 10]);
    const said = await sentences(page);
    expect(said.join('\n')).toMatch(/resident in 8 thread arenas' 8 heaps \(64 MiB reservations each\)/);
    expect(said.join('\n')).toMatch(
      /resident in 1 thread arena's (\d+ )?heaps? \(64 MiB reservations each\)/,
    );
    await page.getByTestId('compare-view').screenshot({ path: join(SHOTS, 'compare-threads-built.png') });
    expect(page.errors).toEqual([]);
  });
});
