import { loadavg } from 'node:os';
import { launchBrowser, newPage, startPreview, waitDrawn } from '../tests/e2e/harness';
import { seedShareLink } from './page';

/**
 * Where the share link's first run waits before the worker takes it (issue 10; perf-16 measured
 * "run asked → the worker takes it" 8.7 s at load 25): the production build (`npm run build`
 * first) in headless Chromium, wall ms from the page's navigation: the page's scripts fetched and
 * evaluated, the worker made (its timeOrigin), the worker's own script and chunks fetched (its
 * resource timing), its modules evaluated (worker.ts's `hw:worker:evaluated` mark), the run asked
 * (`hw:asked`) and taken (`hw:run:waited`'s end), the final views drawn.
 *
 *   node scripts/run-ts.mjs bench/shareLinkParts.ts [runs]
 */
export async function shareLinkParts(runs = 1): Promise<string[]> {
  const preview = await startPreview();
  const browser = await launchBrowser();
  const lines: string[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      const page = await newPage(browser);
      const url = seedShareLink(preview.url, 2);
      const load = loadavg()[0];
      const workerReady = page.waitForEvent('worker');
      await page.goto(url);
      const worker = await workerReady;
      await waitDrawn(page, 300_000);
      const pageSide = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [
          e.name.replace(location.origin, ''),
          e.startTime,
          e.responseEnd,
          e.encodedBodySize,
        ]);
        const m = (n: string): number => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        const d = (n: string): [number, number] => {
          const e = performance.getEntriesByName(n, 'measure')[0];
          return e ? [e.startTime, e.startTime + e.duration] : [NaN, NaN];
        };
        return {
          origin: performance.timeOrigin,
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          res,
          asked: m('hw:asked'),
          waited: d('hw:run:waited'),
          boot: d('hw:run:boot'),
          statements: d('hw:run:statements'),
          views: d('hw:run:views'),
        };
      });
      const workerSide = await worker.evaluate(() => ({
        origin: performance.timeOrigin,
        evaluated: performance.getEntriesByName('hw:worker:evaluated')[0]?.startTime ?? NaN,
        res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [
          e.name.replace(location.origin, ''),
          e.startTime,
          e.responseEnd,
          e.encodedBodySize,
        ]),
      }));
      const shift = workerSide.origin - pageSide.origin;
      const f = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
      lines.push(`share link, run ${r + 1} (load ${load.toFixed(1)}; wall ms from navigation):`);
      lines.push(
        `  page: DOM interactive ${f(pageSide.domInteractive)}, DOMContentLoaded ${f(pageSide.domContentLoaded)}; worker made ${f(shift)}, its modules evaluated ${f(shift + workerSide.evaluated)}; run asked ${f(pageSide.asked)}, taken ${f(pageSide.waited[1])}; booted ${f(pageSide.boot[1])}; statements ${f(pageSide.statements[0])}–${f(pageSide.statements[1])}; views drawn ${f(pageSide.views[1])}`,
      );
      const big = (rs: (string | number)[][], at: number, who: string): void => {
        for (const [name, start, end, size] of rs)
          if ((size as number) > 50_000)
            lines.push(
              `  ${who} fetched ${name} (${f((size as number) / 1024)} KiB): ${f(at + (start as number))}–${f(at + (end as number))}`,
            );
      };
      big(pageSide.res, 0, 'page');
      big(workerSide.res, shift, 'worker');
      await page.close();
    }
  } finally {
    await browser.close();
    await preview.stop();
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of await shareLinkParts(Number(process.argv[2] ?? 1))) console.log(l);
}
