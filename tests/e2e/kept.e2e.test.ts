import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../src/url/shareCodec';
import { newPage, pageState, pickScenario, pageSession, typeScript, waitIdle, type Preview } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

const MINE = 'mine = [1, 2, 3]\nbig = bytearray(10 ** 6)\ndel big\n';
const editorText = (p: Page): Promise<string> =>
  p.evaluate(() => (document.querySelector('.cm-content') as HTMLElement).innerText.replace(/\n$/, ''));
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

describe('your script is kept', () => {
  it('is saved as you type, comes back after a reload, and marks the views stale until Run', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    await typeScript(p, MINE);
    await expect(p.locator('main.right.stale').count()).resolves.toBe(1);
    await expect(p.getByTestId('stale').textContent()).resolves.toMatch(
      /changed: the views show the last run until you press Run/,
    );
    await p.screenshot({ path: join(SHOTS, 'kept-stale.png') });
    await button(p, 'Run').click();
    await waitIdle(p);
    await expect(p.locator('main.right.stale').count()).resolves.toBe(0);
    // Reload: the URL carries the script and the position; the draft is kept too.
    await p.waitForTimeout(400);
    await p.reload();
    await waitIdle(p);
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    expect((await pageState(p)).statement).toBe(3);
    // Without the hash, the draft comes back (and, never having crashed, it may run).
    await p.goto(preview.url.replace(/#.*$/, ''));
    await p.evaluate(() => location.hash === '' || history.replaceState(null, '', location.pathname));
    await p.reload();
    await waitIdle(p);
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    await p.context().close();
  });

  it('asks before a scenario replaces edited text, can keep it, and Undo brings it back', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    await typeScript(p, MINE);
    await pickScenario(p, 'malloc_trim');
    await p.getByRole('alertdialog').waitFor();
    await p.screenshot({ path: join(SHOTS, 'kept-confirm.png') });
    await button(p, 'Keep my script').click();
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    await pickScenario(p, 'malloc_trim');
    await button(p, 'Replace').click();
    await waitIdle(p);
    expect(await editorText(p)).toMatch(/malloc_trim/);
    await expect(p.getByTestId('notice').textContent()).resolves.toMatch(/Loaded the scenario/);
    await button(p, 'Undo').click();
    await waitIdle(p);
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    // The script also stays in the menu as "(your script)".
    await pickScenario(p, 'seed_big_lists');
    await button(p, 'Replace').click();
    await waitIdle(p);
    await pickScenario(p, '(your script)');
    await waitIdle(p);
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    await p.context().close();
  });
});

describe('links', () => {
  it('opens a library scenario by name at a step, and the URL follows as you step (Reload keeps the place)', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url + '#scenario=malloc_trim&step=2');
    await waitIdle(p);
    expect((await pageState(p)).statement).toBe(2);
    await expect(p.getByTestId('scenario').textContent()).resolves.toMatch(/malloc_trim/);
    await p.keyboard.press('ArrowRight');
    await waitIdle(p);
    await p.waitForFunction(() => location.hash === '#scenario=malloc_trim&step=3');
    await p.reload();
    await waitIdle(p);
    expect((await pageState(p)).statement).toBe(3);
    await p.context().close();
  });

  it('refuses a damaged link with a message, still opens a v1 link, and clamps positions that do not fit', async () => {
    const state = {
      source: 'x = [0] * 1000\ndel x\n',
      scenarioId: null,
      tunables: {},
      mode: 'statement' as const,
      statement: 1,
      event: 0,
    };
    const good = encodeShare(state);
    const bad = good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21);
    const p = await newPage(browser);
    await p.goto(preview.url + bad);
    await waitIdle(p);
    await expect(p.getByTestId('share-error').textContent()).resolves.toMatch(/damaged/);
    const v1 =
      '#v1/' + Buffer.from(deflateSync(strToU8(JSON.stringify({ v: 1, ...state })))).toString('base64url');
    const q = await newPage(browser);
    await q.goto(preview.url + v1);
    await waitIdle(q);
    expect((await editorText(q)).trim()).toBe(state.source.trim());
    // Not from the library and never run here: it waits for Run (opening a link runs nothing unbounded).
    await expect(q.getByTestId('stale').textContent()).resolves.toMatch(/not been simulated yet/);
    await q.getByRole('button', { name: 'Run it' }).click();
    await waitIdle(q);
    expect((await pageState(q)).statement).toBe(2);
    // A crafted position past the end, and a pool that is not there.
    const crafted = encodeShare({
      ...state,
      source: 'x = [(i,) for i in range(2000)]\n',
      mode: 'event',
      statement: 2 ** 53 - 1,
      event: 2 ** 53 - 1,
      view: { openPool: 2 ** 52 },
    });
    const r = await newPage(browser);
    await r.goto(preview.url + crafted);
    await waitIdle(r);
    await r.getByRole('button', { name: 'Run it' }).click();
    await waitIdle(r);
    const st = await pageState(r);
    expect(st.statement).toBe(1);
    await expect(r.getByTestId('step-counter').textContent()).resolves.toBe('step 1 of 1');
    // The panel asks the worker after the views are drawn; its answer counts in the idle signal, and
    // the wait below covers the request not yet sent when the frame settled.
    await r
      .locator('.pool-panel', { hasText: /No pymalloc pool is carved at 0x10000000000000/ })
      .waitFor({ timeout: 30_000 });
    for (const x of [p, q, r]) await x.context().close();
  });

  it('asks before a pasted link replaces edited text, and a bad hash leaves the editor alone', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    await typeScript(p, MINE);
    await p.evaluate(() => (location.hash = '#garbage'));
    await p.getByTestId('share-error').waitFor();
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    await p.evaluate(() => (location.hash = '#scenario=bytearray_big'));
    await p.getByRole('alertdialog').waitFor();
    await button(p, 'Keep my script').click();
    expect((await editorText(p)).trim()).toBe(MINE.trim());
    await p.context().close();
  });
});
