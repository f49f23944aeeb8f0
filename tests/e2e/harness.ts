import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * The production build served by `vite preview` on a free localhost port, and Debian's Chromium
 * driven by playwright-core. Tests wait on the page's idle signal, never on a fixed sleep.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Preview {
  url: string;
  stop: () => Promise<void>;
}

/** `vite preview` of dist/ (build first). Resolves when the server answers. */
export async function startPreview(root = process.cwd()): Promise<Preview> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`vite preview did not start on ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface PageOptions {
  width?: number;
  height?: number;
  /** Keep the first-visit tour (by default it is marked as seen, so it covers nothing). */
  tour?: boolean;
  dark?: boolean;
}

/** A fresh browser context (empty localStorage) and page; page errors are collected in `errors`. */
export async function newPage(browser: Browser, o: PageOptions = {}): Promise<Page & { errors: string[] }> {
  const ctx = await browser.newContext({
    viewport: { width: o.width ?? 1440, height: o.height ?? 900 },
    deviceScaleFactor: 1,
    colorScheme: o.dark ? 'dark' : 'light',
    acceptDownloads: true,
  });
  if (!o.tour) await ctx.addInitScript(() => localStorage.setItem('highwater.toured.v1', '1'));
  const page = (await ctx.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => {
    page.errors.push(e.message);
    console.error('[page error]', e.message);
  });
  return page;
}

/** Open the Scenario menu and pick a scenario by id (or '(your script)'). */
export async function pickScenario(page: Page, id: string): Promise<void> {
  await page.getByTestId('scenario').click();
  await page.locator(`[role="menu"] [data-id="${id}"]`).click();
}

/** Open the Export menu and pick an item by its id (`png:timeline`, `svg:glibc`, `report:`). */
export async function pickExport(page: Page, id: string): Promise<void> {
  await page.getByTestId('export').click();
  await page.locator(`[role="menu"] [data-id="${id}"]`).click();
}

/** Replace the editor's text by typing (as a user would). */
export async function typeScript(page: Page, text: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** axe-core's WCAG 2.2 AA rules on the page as it is; returns the violations. */
export async function axe(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          c: Document,
          o: unknown,
        ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Wait for the page's idle signal: no worker request pending and the last frame drawn. */
export async function waitIdle(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => window.__highwater !== undefined, undefined, { timeout });
  await page.evaluate(() => window.__highwater!.whenIdle());
  await page.waitForFunction(() => document.body.dataset.idle === 'true', undefined, { timeout });
}

/** Wait for a run's views drawn: a position shown and the run over (its sentences may still come). */
export async function waitDrawn(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__highwater?.state();
      return s !== undefined && s.shown !== null && s.status === 'idle';
    },
    undefined,
    { timeout, polling: 'raf' },
  );
}

export type PageState = Record<string, unknown> & {
  statement: number;
  statements: number;
  event: number;
  rss: number | null;
  heap: number | null;
  mallinfo: Record<string, number> | null;
  explain: string[];
  lastBytes: number;
};

export const pageState = (page: Page): Promise<PageState> =>
  page.evaluate(() => window.__highwater!.state() as PageState);

/**
 * One preview server and one Chromium for a test file: started before its tests (the screenshots
 * folder made), handed to `use`, closed after them. Register it before the file's own beforeAll.
 */
export function pageSession(use: (preview: Preview, browser: Browser) => void): void {
  let preview: Preview | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(new URL('./screenshots', import.meta.url), { recursive: true });
    preview = await startPreview();
    browser = await launchBrowser();
    use(preview, browser);
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
  });
}
