import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export async function newPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return page;
}

/** Wait for the page's idle signal: no worker request pending and the last frame drawn. */
export async function waitIdle(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => window.__highwater !== undefined, undefined, { timeout });
  await page.evaluate(() => window.__highwater!.whenIdle());
  await page.waitForFunction(() => document.body.dataset.idle === 'true', undefined, { timeout });
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
