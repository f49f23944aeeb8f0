import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fmtBytes } from '../../src/ui/format';
import { newPage, pageState, pageSession, typeScript, waitIdle, type Preview } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

interface Frame {
  preview: number | null;
  shown: { statement: number; event: number | null } | null;
  status: string;
  label: string;
  labelPreview: string | null;
  timelineAt: string | null;
  dimmed: boolean;
}

/** What the page shows now: the preview, the exact position, the scrubber's label, the timeline's playhead. */
const frame = (p: Page): Promise<Frame> =>
  p.evaluate(() => {
    const st = window.__highwater!.state();
    const label = document.querySelector<HTMLElement>('[data-testid="event-label"]');
    return {
      preview: st.preview as number | null,
      shown: st.shown as Frame['shown'],
      status: st.status as string,
      label: label?.textContent ?? '',
      labelPreview: label?.dataset.preview ?? null,
      timelineAt: document.querySelector('.timeline .plot')?.getAttribute('aria-valuenow') ?? null,
      dimmed: document.querySelector('.views.previewing') !== null,
    };
  });

const nextFrame = (p: Page): Promise<unknown> =>
  p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

/** A new page that has run the first seed at 10^5 lists (its last statement's end shown). */
async function ranSmallSeed(): Promise<Page & { errors: string[] }> {
  const p = await newPage(browser);
  await p.goto(preview.url);
  await waitIdle(p);
  await typeScript(p, 'a = [[0] * 100 for _ in range(100000)]\ndel a\n');
  await button(p, 'Run').click();
  await waitIdle(p);
  return p;
}

describe('dragging the event scrubber (issue 10)', () => {
  it('previews from the timeline while dragging, asks the worker nothing, and lands exactly on release', async () => {
    const p = await ranSmallSeed();
    await button(p, 'events').click();
    await waitIdle(p);
    const before = await frame(p);
    expect(before.preview).toBeNull();
    const total = (await pageState(p)).totalEvents as number;

    const box = (await p.locator('.scrubber input[type="range"]').boundingBox())!;
    const y = box.y + box.height / 2;
    const xAt = (f: number): number => box.x + 8 + (box.width - 16) * f;
    await p.mouse.move(xAt(0.1), y);
    await p.mouse.down();
    const seen: Frame[] = [];
    for (const f of [0.1, 0.25, 0.4, 0.55, 0.7]) {
      await p.mouse.move(xAt(f), y, { steps: 3 });
      await nextFrame(p);
      await nextFrame(p);
      seen.push(await frame(p));
    }
    await p.screenshot({ path: join(SHOTS, 'scrub-preview.png') });

    for (const s of seen) {
      // the preview follows the pointer…
      expect(s.preview).not.toBeNull();
      expect(s.labelPreview).toBe(String(s.preview));
      expect(s.label).toContain(`event ${s.preview!.toLocaleString('en-US')} of`);
      expect(s.label).toMatch(/preview: RSS [\d.,]+ (B|KiB|MiB|GiB) · heap/);
      // …and so does the timeline's playhead
      expect(s.timelineAt).toBe(String(s.preview));
      // the layers keep the last exact state, dimmed; no landing was asked for
      expect(s.dimmed).toBe(true);
      expect(s.shown).toEqual(before.shown);
      expect(s.status).toBe('idle');
    }
    const events = seen.map((s) => s.preview!);
    for (let i = 1; i < events.length; i++) expect(events[i]).toBeGreaterThan(events[i - 1]);
    expect(events[events.length - 1] / total).toBeGreaterThan(0.6);
    // a drag is not idle: tests and the benchmark wait for the exact state
    expect(await p.evaluate(() => document.body.dataset.idle)).toBe('false');

    const released = events[events.length - 1];
    await p.mouse.up();
    await waitIdle(p, 60_000);
    const after = await frame(p);
    const st = await pageState(p);
    expect(after.preview).toBeNull();
    expect(after.dimmed).toBe(false);
    // exact: the worker's snapshot of the release point (an event no replay stops at moves to the stop before it)
    expect(after.shown!.event).toBe(st.event);
    expect(st.event).toBeLessThanOrEqual(released);
    expect(released - st.event).toBeLessThan(50);
    expect(after.label).not.toContain('preview:');
    // What the preview is drawn from (the timeline's samples) agrees with the exact state there.
    const summary = (await p.locator('.timeline .plot').getAttribute('aria-valuetext')) ?? '';
    expect(summary).toContain(
      `At the playhead (event ${st.event.toLocaleString('en-US')}): RSS ${fmtBytes(st.rss!)}`,
    );
    expect(summary).toContain(`heap ${fmtBytes(st.heap!)}`);
    await p.screenshot({ path: join(SHOTS, 'scrub-released.png') });

    // The keyboard on the scrubber lands at once, with no preview.
    await p.locator('.scrubber input[type="range"]').focus();
    await p.keyboard.press('End');
    await nextFrame(p);
    expect((await frame(p)).preview).toBeNull();
    await waitIdle(p, 60_000);
    expect((await pageState(p)).event).toBe(total);
    expect(p.errors).toEqual([]);
  });
});

describe('a click on the timeline (issue 10)', () => {
  it('lands at once where clicked; a double-click leaves the playhead where it stood', async () => {
    const p = await ranSmallSeed();
    const start = await pageState(p);
    expect(start.mode).toBe('statement');
    const box = (await p.locator('.timeline .plot canvas').boundingBox())!;
    const y = box.y + box.height / 2;

    // A double-click: its first click lands, the double-click puts the playhead back (and fits the zoom).
    await p.mouse.dblclick(box.x + box.width * 0.7, y);
    await waitIdle(p, 60_000);
    const back = await pageState(p);
    expect(back.mode).toBe('statement');
    expect(back.statement).toBe(start.statement);
    expect(back.shown).toEqual(start.shown);

    // A click: the playhead has moved when the page's own handlers for the button's release are done
    // (it waited 280 ms for a possible second click before), then the position lands.
    await p.evaluate(() => {
      const w = window as unknown as { __afterUp: string | null };
      w.__afterUp = null;
      window.addEventListener(
        'mouseup',
        () => setTimeout(() => (w.__afterUp = window.__highwater!.state().mode as string), 0),
        { capture: true, once: true },
      );
    });
    await p.mouse.click(box.x + box.width * 0.4, y);
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { __afterUp: string | null }).__afterUp))
      .toBe('event');
    await waitIdle(p, 60_000);
    const landed = await pageState(p);
    const at = (landed.shown as { event: number | null }).event;
    expect(landed.mode).toBe('event');
    expect(at).not.toBeNull();
    expect(at!).toBeGreaterThan(0);
    expect(at!).toBeLessThan(start.totalEvents as number);
    expect((landed.explain as string[]).length).toBeGreaterThan(0);
    expect(p.errors).toEqual([]);
  });
});
