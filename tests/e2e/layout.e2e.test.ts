import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, waitIdle, type Preview, pageSession } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

/** Pairs of visible controls in the same bar whose boxes intersect. */
function overlaps(p: Page, container: string): Promise<string[]> {
  return p.evaluate((sel) => {
    const out: string[] = [];
    for (const bar of document.querySelectorAll(sel)) {
      const els = Array.from(
        bar.querySelectorAll<HTMLElement>('button, select, input, h1, .counter, .progress-line'),
      ).filter((e) => e.offsetParent !== null && !e.closest('.menu, .popover'));
      for (let i = 0; i < els.length; i++)
        for (let j = i + 1; j < els.length; j++) {
          if (els[i].contains(els[j]) || els[j].contains(els[i])) continue;
          const a = els[i].getBoundingClientRect();
          const b = els[j].getBoundingClientRect();
          if (
            a.width &&
            b.width &&
            a.left < b.right - 1 &&
            b.left < a.right - 1 &&
            a.top < b.bottom - 1 &&
            b.top < a.bottom - 1
          )
            out.push(
              `${els[i].textContent?.trim().slice(0, 20)} × ${els[j].textContent?.trim().slice(0, 20)}`,
            );
        }
    }
    return out;
  }, container);
}

describe('small and large screens', () => {
  for (const [w, h] of [
    [800, 1000],
    [390, 844],
    [1920, 1080],
  ] as const)
    it(`${w}×${h}: nothing overflows sideways or overlaps in the bars`, async () => {
      const p = await newPage(browser, { width: w, height: h });
      await p.goto(preview.url + '#scenario=seed_big_lists&step=2');
      await waitIdle(p);
      const overflowX = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflowX).toBeLessThanOrEqual(0);
      expect(await overlaps(p, '.topbar')).toEqual([]);
      expect(await overlaps(p, '.controls .buttons')).toEqual([]);
      const box = async (sel: string) => (await p.locator(sel).boundingBox())!;
      if (w < 1000) {
        // Stacked: the editor and the explanation above full-width views.
        const editor = await box('.editor-panel');
        const views = await box('.views');
        expect(editor.y + editor.height).toBeLessThanOrEqual(views.y);
        expect(views.width).toBeGreaterThan(w - 30);
        await p.screenshot({ path: join(SHOTS, `size-${w}x${h}.png`), fullPage: true });
      } else {
        // Wide: the editor column grows with the window, the page needs no scroll.
        expect((await box('.editor-panel')).width).toBeGreaterThan(500);
        expect(
          await p.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
        ).toBeLessThanOrEqual(0);
        await p.screenshot({ path: join(SHOTS, `size-${w}x${h}.png`) });
      }
      await p.context().close();
    });

  it('opens the Compare drawer under the top bar, its button on screen, the page pushed down', async () => {
    // The skip links' nav was once a grid item: it took row 1, so the drawer fell to an implicit
    // row under the views (drawn over the heap strip, its Compare button under the first-visit tour).
    const p = await newPage(browser, { width: 1600, height: 1000 });
    await p.goto(preview.url + '#scenario=seed_big_lists&step=2');
    await waitIdle(p);
    await p.getByTestId('compare').click();
    const panel = p.getByRole('group', { name: 'Compare environments' });
    await panel.waitFor();
    const box = async (sel: string) => (await p.locator(sel).first().boundingBox())!;
    const top = await box('.topbar');
    const drawer = await box('.compare-panel');
    const editor = await box('.editor-panel');
    expect(drawer.y).toBeGreaterThanOrEqual(top.y + top.height);
    expect(drawer.y + drawer.height).toBeLessThanOrEqual(editor.y);
    const go = (await panel.getByRole('button', { name: /^Compare \d/ }).boundingBox())!;
    expect(go.y + go.height).toBeLessThanOrEqual(drawer.y + drawer.height);
    await p.screenshot({ path: join(SHOTS, 'compare-drawer.png') });
    await p.context().close();
  });

  it('follows a dark system theme', async () => {
    const p = await newPage(browser, { dark: true });
    await p.goto(preview.url + '#scenario=seed_big_lists&step=2');
    await waitIdle(p);
    const bg = await p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 27)');
    await p.screenshot({ path: join(SHOTS, 'dark.png') });
    await p.context().close();
  });
});
