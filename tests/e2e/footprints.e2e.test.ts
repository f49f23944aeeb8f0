import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../src/url/shareCodec';
import { newPage, pageSession, pageState, waitIdle, type Preview } from './harness';

let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

// Neither module is loaded at 3.11.7's start-up: both replay their captured footprints (Run goes to the end).
const SCRIPT = 'import json\nimport decimal\nx = 1\n';

/** The CLI's figures for the script (Node reads footprints.json from disk). */
function cliSteps(): { rss: number; heap: number }[] {
  const cache = join(import.meta.dirname, '../../.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'e2e-footprints-'));
  const file = join(dir, 'imports.py');
  writeFileSync(file, SCRIPT);
  const out = spawnSync(process.execPath, ['bin/highwater', file, '--json'], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  expect(out.status, out.stderr).toBe(0);
  return (JSON.parse(out.stdout) as { steps: { rss: number; heap: number }[] }).steps;
}

describe('the import footprints the worker fetches (footprints.json, a Vite asset)', () => {
  it('an import costs in the page what it costs in the CLI', async () => {
    const steps = cliSteps();
    expect(steps[2].rss).toBeGreaterThan(steps[0].rss); // the imports cost something to compare
    const link = (statement: number): string =>
      preview.url +
      encodeShare({ source: SCRIPT, scenarioId: null, tunables: {}, mode: 'statement', statement, event: 0 });
    for (const statement of [3]) {
      // a page of its own per link: a second link on the same page is only a hash change
      const page = await newPage(browser);
      await page.goto(link(statement));
      await waitIdle(page);
      // a script not from the library waits for Run (opening a link runs nothing unbounded)
      await page.getByRole('button', { name: 'Run it' }).click();
      await waitIdle(page);
      await page.waitForFunction(() => window.__highwater!.state().rss !== null, undefined, {
        timeout: 120_000,
      });
      const st = await pageState(page);
      expect(st.error).toBeNull();
      expect(st.statement).toBe(statement);
      expect({ rss: st.rss, heap: st.heap }).toEqual({
        rss: steps[statement].rss,
        heap: steps[statement].heap,
      });
      expect(page.errors).toEqual([]);
      await page.close();
    }
  });

  it('an import while the fetch is still under way reads the file at once, with the same figures', async () => {
    const steps = cliSteps();
    const page = await newPage(browser);
    // the worker's own fetch of footprints.json is held until the run has ended: the run (which does
    // not wait for it) meets `import json` first and must read the file synchronously
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    let requests = 0;
    await page.context().route(/footprints-[^/]*\.json$/, async (route) => {
      requests++;
      if (requests === 1) await held;
      await route.continue();
    });
    await page.goto(
      preview.url +
        encodeShare({
          source: SCRIPT,
          scenarioId: null,
          tunables: {},
          mode: 'statement',
          statement: 3,
          event: 0,
        }),
    );
    await waitIdle(page);
    await page.getByRole('button', { name: 'Run it' }).click();
    await waitIdle(page);
    await page.waitForFunction(() => window.__highwater!.state().rss !== null, undefined, {
      timeout: 120_000,
    });
    const st = await pageState(page);
    expect(requests).toBe(2); // the held fetch, then the synchronous read
    expect(st.error).toBeNull();
    expect({ rss: st.rss, heap: st.heap }).toEqual({ rss: steps[3].rss, heap: steps[3].heap });
    release();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
