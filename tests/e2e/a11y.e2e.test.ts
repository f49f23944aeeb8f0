import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, newPage, pageState, waitIdle, type Preview, pageSession } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

describe('accessibility', () => {
  it('axe (WCAG 2.2 AA) finds nothing in the page’s states, light and dark', async () => {
    for (const dark of [false, true]) {
      const p = await newPage(browser, { tour: true, dark });
      await p.goto(preview.url + '#scenario=seed_big_lists');
      await waitIdle(p);
      expect(JSON.stringify(await axe(p)), 'first visit with the tour').toBe('[]');
      await button(p, 'Skip').click();
      await button(p, 'Run').click();
      await waitIdle(p);
      await p
        .getByRole('button', { name: /the heap/ })
        .first()
        .click();
      await waitIdle(p);
      await p.locator('.arena-scroll canvas').click({ position: { x: 120, y: 6 } });
      await waitIdle(p);
      await p.locator('.pool-panel').waitFor();
      await button(p, 'events').click();
      await waitIdle(p);
      expect(JSON.stringify(await axe(p)), 'run, selection, pool open, events').toBe('[]');
      await p.getByTestId('environment').click();
      expect(JSON.stringify(await axe(p)), 'environment popover').toBe('[]');
      await p.keyboard.press('Escape');
      await button(p, 'Share').click();
      expect(JSON.stringify(await axe(p)), 'share box').toBe('[]');
      await p.keyboard.press('Escape');
      await button(p, 'Help and keyboard keys').click();
      expect(JSON.stringify(await axe(p)), 'help sheet').toBe('[]');
      await p.screenshot({ path: join(SHOTS, `help-sheet${dark ? '-dark' : ''}.png`) });
      await p.keyboard.press('Escape');
      if (dark) await p.screenshot({ path: join(SHOTS, 'page-dark.png') });
      await p.context().close();
    }
  });

  it('works from the keyboard: skip links, views that take focus, menus that act on Enter only', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url + '#scenario=seed_big_lists&step=2');
    await waitIdle(p);
    await p.keyboard.press('Tab');
    await expect(p.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to the script');
    // The heap strip: focus it, the arrows walk the chunks and select them.
    await p.locator('.heap-strip').focus();
    await p.keyboard.press('ArrowLeft');
    await waitIdle(p);
    const first = (await pageState(p)).selected as { kind: string; address: number } | null;
    expect(first?.kind).toBe('chunk');
    await p.keyboard.press('ArrowLeft');
    await waitIdle(p);
    const second = (await pageState(p)).selected as { address: number };
    expect(second.address).toBeLessThan(first!.address);
    await p.keyboard.press('+');
    await waitIdle(p);
    expect(((await pageState(p)).heapZoom as { k: number }).k).toBeGreaterThan(1);
    await p.keyboard.press('0');
    await waitIdle(p);
    expect(((await pageState(p)).heapZoom as { k: number }).k).toBe(1);
    // The pymalloc grid: Enter opens the pool under the cursor.
    await p.locator('.arena-scroll canvas').focus();
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Enter');
    await p.getByRole('group', { name: 'Pool blocks' }).waitFor({ timeout: 30_000 });
    // Export: arrows move through the menu, nothing downloads until Enter.
    let downloads = 0;
    p.on('download', () => downloads++);
    await p.getByTestId('export').focus();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    await p.waitForTimeout(300);
    expect(downloads).toBe(0);
    const dl = p.waitForEvent('download');
    await p.keyboard.press('Enter');
    expect((await dl).suggestedFilename()).toMatch(/^highwater-/);
    // Scenario: walking the menu starts no run; Escape closes it.
    await p.getByTestId('scenario').focus();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Escape');
    await waitIdle(p);
    await expect(p.getByTestId('scenario').textContent()).resolves.toMatch(/big lists|800 KB|Big/i);
    await p.context().close();
  });
});
