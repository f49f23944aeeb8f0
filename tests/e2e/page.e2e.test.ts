import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/scenarios';
import {
  newPage,
  pageState,
  pickExport,
  pickScenario,
  pageSession,
  typeScript,
  waitIdle,
  type Preview,
} from './harness';
import { referenceRun, sameFields } from './reference';

const SHOTS = join(import.meta.dirname, 'screenshots');

let preview: Preview;
let browser: Browser;
let page: Page;

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

async function open(p: Page, hash = ''): Promise<void> {
  await p.goto(preview.url + hash);
  await waitIdle(p);
}

async function click(p: Page, name: string): Promise<void> {
  await button(p, name).click();
  await waitIdle(p);
}

pageSession((p, b) => {
  preview = p;
  browser = b;
});
beforeAll(async () => {
  page = await newPage(browser);
});

describe('Highwater in Chromium', () => {
  it('loads on one screen with the controls named', async () => {
    await open(page);
    for (const name of ['Run', 'Step forward', 'Step back', 'Reset', 'Play', 'Share'])
      await expect(button(page, name).count()).resolves.toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'page-start.png') });
  });

  it('runs a seed scenario and shows the engine’s figures', async () => {
    await pickScenario(page, 'seed_big_lists');
    await waitIdle(page);
    await click(page, 'Run');
    const st = await pageState(page);
    const ref = referenceRun(scenarioById('seed_big_lists')!.source);
    const last = ref.steps[ref.statements];
    expect(st.statements).toBe(ref.statements);
    expect(st.statement).toBe(ref.statements);
    expect(st.rss).toBe(last.rss);
    expect(st.heap).toBe(last.heap);
    expect(sameFields(st.mallinfo!, last.mallinfo2)).toEqual(last.mallinfo2);
    await expect(page.getByTestId('step-counter').textContent()).resolves.toBe(
      `step ${ref.statements} of ${ref.statements}`,
    );
    await page.screenshot({ path: join(SHOTS, 'page-big-lists.png') });
  });

  it('steps back and forward through statements', async () => {
    const ref = referenceRun(scenarioById('seed_big_lists')!.source);
    await click(page, 'Step back');
    let st = await pageState(page);
    expect(st.statement).toBe(ref.statements - 1);
    expect(st.rss).toBe(ref.steps[ref.statements - 1].rss);
    await click(page, 'Step back');
    await click(page, 'Step forward');
    st = await pageState(page);
    expect(st.statement).toBe(ref.statements - 1);
    expect(st.heap).toBe(ref.steps[ref.statements - 1].heap);
    await page.keyboard.press('ArrowRight');
    await waitIdle(page);
    expect((await pageState(page)).statement).toBe(ref.statements);
  });

  it('moves through events in the fine mode, labelled with the real pointer and size', async () => {
    await click(page, 'events');
    const before = (await pageState(page)).event;
    await click(page, 'Step back');
    const after = await pageState(page);
    // 1,000 back, or a little more when that count sits inside a nested group of events.
    expect(after.event).toBeLessThanOrEqual(before - 1000);
    expect(after.event).toBeGreaterThan(before - 1010);
    await expect(page.getByTestId('where').textContent()).resolves.toMatch(
      /^During line 2: del a \(event [\d,]+ of [\d,]+\)$/,
    );
    await expect(page.getByTestId('event-label').textContent()).resolves.toMatch(
      /last: (free\(0x[0-9a-f]+\) — [\d,.]+ (B|KiB|MiB) chunk|PyObject_Free\(0x[0-9a-f]+\) — \d+ B block|munmap|madvise|brk)/,
    );
    await page.screenshot({ path: join(SHOTS, 'page-events.png') });
    await click(page, 'statements');
  });

  it('saves a screenshot of each view (the first seed, run to the end)', async () => {
    await open(page);
    await pickScenario(page, 'seed_small_lists');
    await waitIdle(page);
    await click(page, 'Run');
    await page.screenshot({ path: join(SHOTS, 'page-small-lists.png') });
    for (const [sel, name] of [
      ['.timeline', 'timeline'],
      ['.address-map', 'address-map'],
      ['.glibc', 'glibc'],
      ['.pymalloc', 'pymalloc'],
      ['.explain', 'explain'],
      ['.editor', 'editor'],
    ] as const)
      await page.locator(sel).screenshot({ path: join(SHOTS, `view-${name}.png`) });
    const st = await pageState(page);
    expect(st.explain.join(' ')).toMatch(/free, but the highest in-use chunk/);
    // Beneath the tcache chunks, the interpreter structure that would still pin the heap, by name.
    expect(st.explain.join(' ')).toMatch(
      /pymalloc's arenas\[\] vector \(6,144 B for 128 arenas\), realloc'd while the 65th arena was made/,
    );
    // Zoom the heap strip onto its top, where the pinning chunks are, down to single chunks.
    const strip = (await page.locator('.heap-strip').boundingBox())!;
    await page.mouse.move(strip.x + strip.width - 12, strip.y + 40);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, -600);
    await waitIdle(page);
    await page.locator('.glibc').screenshot({ path: join(SHOTS, 'view-glibc-zoomed.png') });
    // Follow the explanation's link to the pinning chunk: every view marks it, the strip zooms to it.
    await page.getByRole('button', { name: /the highest in-use chunk/ }).click();
    await waitIdle(page);
    // The selection tells the chunk's life: made by line 1, freed by line 2 into tcache; its bin is marked.
    await page
      .getByTestId('selection')
      .filter({ hasText: /Allocated by line 1 .*Freed by line 2/ })
      .waitFor({ timeout: 60_000 });
    await expect(page.locator('.bins tr.selected').textContent()).resolves.toMatch(/tcache 816 B/);
    await page.screenshot({ path: join(SHOTS, 'page-selected-chunk.png') });
    await page.locator('.glibc').screenshot({ path: join(SHOTS, 'view-glibc-focused.png') });
  });

  it('opens a pymalloc pool: its blocks, the objects in them, the same memory marked everywhere', async () => {
    await click(page, 'Step back');
    const grid = page.locator('.arena-scroll canvas');
    const box = (await grid.boundingBox())!;
    await page.mouse.click(box.x + 100, box.y + 6);
    await waitIdle(page);
    await page.getByLabel('Pool blocks').waitFor();
    await expect(page.locator('.pool-panel .block.used').count()).resolves.toBeGreaterThan(0);
    await page.getByTestId('selection').locator('li').first().waitFor();
    await expect(page.getByTestId('selection').textContent()).resolves.toMatch(/pool at 0x/);
    await page.screenshot({ path: join(SHOTS, 'page-pool-open.png') });
    await page.locator('.pymalloc').screenshot({ path: join(SHOTS, 'view-pymalloc-pool.png') });
  });

  it('plays to the end with the space key', async () => {
    await click(page, 'Reset');
    expect((await pageState(page)).statement).toBe(0);
    await page.locator('.explain h2').click();
    await page.keyboard.press('Space');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="play"][aria-pressed="true"]'),
      undefined,
      { timeout: 60_000 },
    );
    await waitIdle(page);
    const st = await pageState(page);
    expect(st.statement).toBe(st.statements);
    // At the end Step forward is disabled and Play says it starts again.
    await expect(button(page, 'Step forward').isDisabled()).resolves.toBe(true);
    await expect(button(page, 'Play again').count()).resolves.toBe(1);
  });

  it('exports a view as PNG and SVG, and the report as JSON', async () => {
    for (const [value, name] of [
      ['png:timeline', 'highwater-timeline.png'],
      ['svg:glibc', 'highwater-glibc.svg'],
      ['report:', 'highwater-report.json'],
    ] as const) {
      const download = page.waitForEvent('download');
      await pickExport(page, value);
      const d = await download;
      expect(d.suggestedFilename()).toBe(name);
      await d.saveAs(join(SHOTS, name));
    }
    // The PNG is 2× the view with a white background; the SVG is vector (paths and text, no bitmap);
    // the report carries the script, the options, the explanations and the link.
    const png = readFileSync(join(SHOTS, 'highwater-timeline.png'));
    const box = (await page.locator('.timeline .plot canvas').boundingBox())!;
    expect(png.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
    const svg = readFileSync(join(SHOTS, 'highwater-glibc.svg'), 'utf8');
    expect(svg).toMatch(/<rect width="\d+" height="\d+" fill="#fff"\/>/);
    expect(svg).toContain('Highwater · glibc heap');
    expect(svg).toMatch(/<text [^>]*>free: tcache<\/text>/);
    expect((svg.match(/<(rect|path) /g) ?? []).length).toBeGreaterThan(10);
    expect(svg).not.toContain('<image');
    const report = JSON.parse(readFileSync(join(SHOTS, 'highwater-report.json'), 'utf8')) as {
      script: string;
      options: unknown;
      link: string;
      steps: { explanation: string[] }[];
    };
    expect(report.script).toContain('range(1000000)');
    expect(report.options).toEqual({ tunables: {}, env: { python: '3.11', vars: {} } });
    // A library scenario as shipped links by name; zoomed and with a selection, as here, it is a full link.
    expect(report.link).toMatch(/#(scenario=seed_small_lists&step=2|v3\/[A-Za-z0-9_-]+)$/);
    expect(report.steps[2].explanation.join(' ')).toMatch(/arenas\[\] vector/);
  });

  it('shows progress during a long run and cancels it, keeping the statements before the cut', async () => {
    const other = await newPage(browser);
    await open(other);
    await typeScript(other, 'keep = [[0] * 100 for _ in range(20000)]\na = [[0] * 100 for _ in range(3000000)]\ndel a\n');
    await button(other, 'Run').click();
    await other.getByRole('progressbar').waitFor({ timeout: 30_000 });
    await other
      .getByRole('status')
      .filter({ hasText: /Simulating statement 2 of 3 · [\d.,]+ (k|M)? ?allocator events so far/ })
      .waitFor({ timeout: 60_000 });
    await expect(other.getByTestId('step-counter').textContent()).resolves.toBe('running: 3 statements');
    await other.screenshot({ path: join(SHOTS, 'page-running.png') });
    await button(other, 'Cancel').click();
    await waitIdle(other);
    // the script ran again up to the statement that was running: the first one's memory is shown
    await expect(other.getByTestId('cancelled').textContent()).resolves.toMatch(
      /Cancelled during statement 2 \(line 2\): the views show the statements before it/,
    );
    // the editor marks the cut statement with the same sentence (not "Cancelled: cancelled …")
    await expect(other.locator('.cm-error-message').textContent()).resolves.toMatch(
      /^cancelled during statement 2 \(line 2\)/,
    );
    const st = await pageState(other);
    expect(st.status).toBe('idle');
    expect(st.statement).toBe(1);
    expect(st.rss).toBeGreaterThan(15 * 2 ** 20);
    await other.screenshot({ path: join(SHOTS, 'page-cancelled.png') });
    await expect(button(other, 'Run it to the end').isVisible()).resolves.toBe(true);
    await other.close();
  });

  it('opens a share link in the same state', async () => {
    await click(page, 'Step back');
    const want = await pageState(page);
    await click(page, 'Share');
    const url = await page.getByLabel('Share link', { exact: true }).inputValue();
    expect(url).toMatch(/#v3\//);
    const other = await newPage(browser);
    await other.goto(url);
    await waitIdle(other);
    const got = await pageState(other);
    for (const k of ['statement', 'statements', 'event', 'rss', 'heap'] as const)
      expect(got[k]).toEqual(want[k]);
    expect(got.explain).toEqual(want.explain);
    await other.close();
  });

  it('shows a message for a malformed share link and loads the default scenario', async () => {
    const other = await newPage(browser);
    await open(other, '#v1/not-really-a-link!');
    await expect(other.getByTestId('share-error').textContent()).resolves.toMatch(
      /not a Highwater share link|damaged/,
    );
    await expect(other.getByTestId('scenario').textContent()).resolves.toMatch(/A million small lists/);
    await other.close();
    const third = await newPage(browser);
    await open(third, '#v9/abc');
    await expect(third.getByTestId('share-error').textContent()).resolves.toMatch(/version 9/);
    await third.close();
  });

  it('underlines a syntax error at its line', async () => {
    const other = await newPage(browser);
    await open(other);
    await other.locator('.cm-content').click();
    await other.keyboard.press('Control+End');
    await other.keyboard.type('\nx = (1, 2))\n');
    await button(other, 'Run').click();
    await waitIdle(other);
    // The column crosses the worker boundary: the underline starts at the stray bracket, not the line.
    await expect(other.locator('.cm-error-underline').textContent()).resolves.toBe(')');
    await expect(other.locator('.cm-error-message').textContent()).resolves.toMatch(/SyntaxError/);
    await expect(other.getByTestId('traceback').textContent()).resolves.toMatch(
      /File "<script>", line 4\n {4}x = \(1, 2\)\)\n {14}\^\nSyntaxError: /,
    );
    await other.locator('.left').screenshot({ path: join(SHOTS, 'syntax-error.png') });
    await other.close();
  });

  it('names the Python object that keeps memory: a view keeps its base after del a', async () => {
    const other = await newPage(browser);
    await open(other);
    await pickScenario(other, 'numpy_view_keeps_base');
    await waitIdle(other);
    await click(other, 'Run');
    while ((await pageState(other)).statement > 4) await click(other, 'Step back');
    const st = await pageState(other);
    expect(st.explain.join(' ')).toContain(
      'del a freed nothing: a (an ndarray of 10,000,000 int64) is still referenced as the base of the view v, so its 76 MiB data buffer (a glibc mmap) stays.',
    );
    // The linked buffer is the mmapped chunk: selecting it marks it in every view.
    await other.getByRole('button', { name: '76 MiB data buffer' }).click();
    await waitIdle(other);
    await other.getByTestId('selection').locator('li').first().waitFor({ timeout: 60_000 });
    await expect(other.getByTestId('selection').textContent()).resolves.toMatch(
      /mmapped chunk at 0x.*the data buffer of an ndarray of 10,000,000 int64/,
    );
    await other.screenshot({ path: join(SHOTS, 'page-view-keeps-base.png') });
    await other.locator('.explain').screenshot({ path: join(SHOTS, 'view-explain-view-keeps-base.png') });
    await other.close();
  });

  it('names the survivors that keep pymalloc arenas and who holds them', async () => {
    const other = await newPage(browser);
    await open(other);
    await pickScenario(other, 'survivors_pin_arenas');
    await waitIdle(other);
    await click(other, 'Run');
    await click(other, 'Step back');
    const text = (await pageState(other)).explain.join(' ');
    expect(text).toMatch(/arenas are kept alive by [\d,]+ surviving lists/);
    expect(text).toMatch(/The lists are still referenced as items of the list keep/);
    await other.getByRole('button', { name: 'the list keep' }).click();
    await waitIdle(other);
    await other.getByTestId('selection').locator('li').first().waitFor({ timeout: 60_000 });
    await expect(other.getByTestId('selection').textContent()).resolves.toMatch(/a list of 1,000 items/);
    await other.screenshot({ path: join(SHOTS, 'page-survivors-arenas.png') });
    await other.locator('.explain').screenshot({ path: join(SHOTS, 'view-explain-survivors.png') });
    await other.close();
  });
});
