import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, newPage, typeScript, waitIdle, type Preview, pageSession } from './harness';

const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

const SCRIPT = `import threading

def work():
    global d
    d = [[0] * 10 for _ in range(20000)]

t = threading.Thread(target=work)
t.start()
t.join()
`;

describe('glibc’s thread arenas', () => {
  it('a thread’s arena and its 64 MiB heap show beside the main heap, and stay after the thread exits', async () => {
    const p = await newPage(browser, { width: 1440, height: 1000 });
    await p.goto(preview.url);
    await waitIdle(p);
    await typeScript(p, SCRIPT);
    await p.getByRole('button', { name: 'Run', exact: true }).click();
    await waitIdle(p, 170_000);
    const arenas = p.getByTestId('thread-arenas');
    await expect(arenas.locator('h3').textContent()).resolves.toMatch(/^Thread arenas.*\(1\)$/s);
    // Joined: the arena has no live thread and waits on the free list; its heap keeps the lists.
    await expect(arenas.textContent()).resolves.toMatch(/arena 1 · .* from the system · no live thread/);
    await expect(arenas.locator('.arena-heap-row p').first().textContent()).resolves.toMatch(
      /^heap at 0x[0-9a-f]+: [\d.,]+ (B|KiB|MiB) of its 64 MiB reservation in use .*; [\d.,]+ (B|KiB|MiB) in use, /,
    );
    await arenas
      .locator('canvas.arena-heap')
      .first()
      .click({ position: { x: 20, y: 40 } });
    await expect(
      p.evaluate(() => (window.__highwater!.state().selected as { kind: string } | null)?.kind),
    ).resolves.toBe('chunk');
    await waitIdle(p);
    expect(JSON.stringify(await axe(p)), 'thread arenas').toBe('[]');
    await p.locator('.panel.glibc').screenshot({ path: join(SHOTS, 'thread-arenas.png') });
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
