import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageState, pageSession, typeScript, waitIdle, type Preview } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

async function runScript(p: Page, text: string): Promise<void> {
  await p.goto(preview.url);
  await waitIdle(p);
  await typeScript(p, text);
  await button(p, 'Run').click();
  await waitIdle(p);
}

describe('the fine (event) mode', () => {
  it('← → ← at speed settles: the views show the event the scrubber shows, and the page goes idle (audit §4)', async () => {
    const p = await newPage(browser);
    await runScript(p, 'a = [[0] * 100 for _ in range(100000)]\ndel a\n');
    await button(p, 'events').click();
    await waitIdle(p);
    await p.locator('.explain h2').click();
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowLeft']) await p.keyboard.press(key);
    await waitIdle(p, 60_000);
    const st = await pageState(p);
    const label = await p.getByTestId('event-label').textContent();
    expect(label).toContain(`event ${st.event.toLocaleString('en-US')} of`);
    const shown = await p.evaluate(() => {
      const w = window as unknown as { __highwater: { state: () => Record<string, unknown> } };
      return w.__highwater.state();
    });
    expect(shown.status).toBe('idle');
    // And 40 presses in a row end where the last one asked.
    for (let i = 0; i < 40; i++) await p.keyboard.press(i % 2 ? 'ArrowRight' : 'ArrowLeft');
    await p.keyboard.press('ArrowLeft');
    await waitIdle(p, 60_000);
    const after = await pageState(p);
    expect(after.event).toBeLessThan(st.event);
    expect(await p.getByTestId('event-label').textContent()).toContain(
      `event ${after.event.toLocaleString('en-US')} of`,
    );
    await p.context().close();
  });

  it('steps event by event through deallocations of dicts, lists, sets and tuples with no error (audit §2)', async () => {
    const p = await newPage(browser);
    await runScript(p, "d = {1: 2, 'a': [1, 2], 'b': {'c': (3, 4)}}\ns = {1, 2, 'x'}\ndel d\ndel s\n");
    await button(p, 'events').click();
    await waitIdle(p);
    await p.getByLabel('Events per step').selectOption('1');
    const ends = await p.evaluate(() => {
      const w = window as unknown as { __highwater: { state: () => Record<string, unknown> } };
      return w.__highwater.state();
    });
    await p.locator('.explain h2').click();
    // From the end back through both deletions, one stop at a time.
    let last = (ends.event as number) + 1;
    for (let i = 0; i < 40; i++) {
      await p.keyboard.press('ArrowLeft');
      await waitIdle(p);
      const st = await pageState(p);
      expect(await p.getByTestId('seek-error').count()).toBe(0);
      expect(await p.locator('.explain .error').count()).toBe(0);
      expect(st.error).toBeNull();
      if (st.event === last) break;
      last = st.event;
    }
    expect(p.errors).toEqual([]);
    await p.context().close();
  });

  it('shows a worker that fails to load as an error with Retry, and Retry runs (audit §10)', async () => {
    const p = await newPage(browser);
    await p.route(/assets\/worker-.*\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await p.goto(preview.url);
    await p.getByTestId('crashed').waitFor({ timeout: 30_000 });
    await waitIdle(p);
    await expect(p.getByTestId('crashed').textContent()).resolves.toMatch(/simulator/);
    await p.screenshot({ path: join(SHOTS, 'worker-failed.png') });
    await p.unroute(/assets\/worker-.*\.js$/);
    await button(p, 'Retry').click();
    await waitIdle(p);
    expect(await p.getByTestId('crashed').count()).toBe(0);
    expect((await pageState(p)).statements).toBe(2);
    await p.context().close();
  });
});
