import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { encodeShare } from '../src/url/shareCodec';
import { launchBrowser, newPage, pageState, startPreview, waitIdle } from '../tests/e2e/harness';

/**
 * The page in headless Chromium (production build, `vite preview`):
 *  - time from opening a share link of the first seed scenario, at its last step, to that state drawn (goal ≤ 2 s);
 *  - frame draw time while scrubbing the timeline and zooming the glibc heap holding a million chunks (goal ≤ 16 ms);
 *  - bytes the worker sends per step.
 * Call with `await benchPage()`; it builds dist/ first, so the figures are the current code's.
 */
export async function benchPage(): Promise<string[]> {
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'ignore' });
  if (build.status !== 0 || !existsSync('dist/index.html')) return ['the production build failed: run npm run build'];
  const lines: string[] = [];
  const preview = await startPreview();
  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    const link = (statement: number): string =>
      preview.url +
      encodeShare({
        source: DEFAULT_SCENARIO.source,
        scenarioId: DEFAULT_SCENARIO.id,
        tunables: {},
        mode: 'statement',
        statement,
        event: 0,
      });

    const t0 = performance.now();
    await page.goto(link(2));
    await waitIdle(page);
    const openMs = performance.now() - t0;
    const st = await pageState(page);
    lines.push(
      `open share link → final state drawn: ${fmt(openMs)} ms (goal ≤ 2000; engine run ${fmt(Number(st.durationMs))} ms, ${fmt(Number(st.totalEvents))} events)`,
    );

    // A million live chunks: the end of the first statement.
    await page.goto(link(1));
    await waitIdle(page);
    const chunks = await page.evaluate(
      () => document.querySelector('[data-testid="glibc-figures"]')?.textContent ?? '',
    );
    await page.evaluate(() => window.__highwater!.frameTimes());
    await scrubTimeline(page);
    const scrub = await page.evaluate(() => window.__highwater!.frameTimes());
    await waitIdle(page);
    await zoomHeap(page);
    const zoomT = await page.evaluate(() => window.__highwater!.frameTimes());
    lines.push(`frame draw while scrubbing the timeline: ${stats(scrub)} (goal ≤ 16 ms)`);
    lines.push(
      `frame draw while zooming the glibc heap (${chunks.split('·').pop()?.trim()}): ${stats(zoomT)} (goal ≤ 16 ms)`,
    );

    await page.goto('about:blank');
    await page.goto(link(1));
    await waitIdle(page);
    const bytes: number[] = [];
    for (const name of ['Step back', 'Step forward', 'Step forward', 'Step back']) {
      await page.getByRole('button', { name, exact: true }).click();
      await waitIdle(page);
      bytes.push((await pageState(page)).lastBytes);
    }
    lines.push(
      `bytes sent per statement step 1→0→1→2→1 (transferred, not cloned): ${bytes.map((b) => fmt(b)).join(', ')} B`,
    );
  } finally {
    await browser.close();
    await preview.stop();
  }
  return lines;
}

/** Drag the playhead along the timeline's event axis, one frame per move, then let it settle. */
async function scrubTimeline(page: Page): Promise<void> {
  const box = (await page.locator('.timeline .scrub-zone').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) {
    await page.mouse.move(box.x + 2 + (i / 60) * (box.width - 4), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  await page.mouse.up();
  await waitIdle(page);
}

/** Wheel-zoom into the heap strip and back out, in steps. */
async function zoomHeap(page: Page): Promise<void> {
  const box = (await page.locator('.heap-strip').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + 40);
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, -400);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 400);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

function stats(xs: number[]): string {
  if (xs.length === 0) return 'no frames drawn';
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `${xs.length} frames, median ${fmt(q(0.5))} ms, p95 ${fmt(q(0.95))} ms, max ${fmt(s[s.length - 1])} ms`;
}
