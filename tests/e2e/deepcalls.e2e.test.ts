import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageState, pageSession, typeScript, waitIdle, type Preview } from './harness';

/**
 * Issue 7: recursion through C code in the page's worker (Chromium gives a worker ~480 KiB of V8
 * stack, half of node's default). A memoized recursion (lru_cache's C wrapper) and a class whose
 * __init__ makes the next instance go as deep as the real 3.11.7 lets them (498 levels), printing
 * what CPython prints and running every statement; past the limit
 * it is CPython's RecursionError, never the simulator's own stack running out.
 */
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

async function runText(p: Page, text: string): Promise<void> {
  await typeScript(p, text);
  await p.getByRole('button', { name: 'Run', exact: true }).click();
  await waitIdle(p, 240_000);
}

const LRU = (n: number): string => `import functools

@functools.lru_cache(maxsize=None)
def ways(n):
    if n == 0:
        return 1
    return ways(n - 1) + 1

print(ways(${n}))
`;

const NODES = (n: number): string => `class Node:
    def __init__(self, n):
        self.n = n
        self.child = Node(n - 1) if n > 0 else None

def depth(node):
    d = 0
    while node is not None:
        d += 1
        node = node.child
    return d

root = Node(${n})
print(depth(root))
`;

/** A key function sorting with itself as the key (builtin_sorted -> list.sort -> key), `n` deep. */
const SORTED_KEY = (n: number): string => `depth = [0]
def key(n):
    depth[0] = max(depth[0], n)
    if n < ${n}:
        sorted([n + 1], key=key)
    return n
key(1)
print(depth[0])
`;

/** An __eq__ comparing a new instance (COMPARE_OP -> do_richcompare -> __eq__), `n` deep. */
const EQ = (n: number): string => `class E:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n >= ${n} or E(self.n + 1) == other
print(E(1) == 0)
`;

/** A function recursing through list(map(f, ...)) (list_vectorcall -> list_extend -> map_next), `n` deep. */
const MAP = (n: number): string => `def f(n):
    if n >= ${n}:
        return n
    return list(map(f, [n + 1]))[0]
print(f(1))
`;

describe('deep Python -> C -> Python recursion in the page', () => {
  it('lru_cache 495 deep and a class instantiating itself 330 deep run as in CPython', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    for (const [script, printed, statements] of [
      [LRU(495), '496\n', 3],
      [NODES(330), '331\n', 4],
    ] as const) {
      await runText(p, script);
      await expect(p.locator('.cm-error-message').count()).resolves.toBe(0);
      expect(await p.getByTestId('output').textContent()).toContain(printed);
      // every statement ran (the import or class, the def, the call that recursed, the print)
      expect((await pageState(p)).statements).toBe(statements);
    }
    // past the limit: CPython's RecursionError (the real 3.11.7 stops at 498 levels)
    await runText(p, LRU(600));
    const message = await p.locator('.cm-error-message').textContent();
    expect(message).toMatch(/^RecursionError: maximum recursion depth exceeded/);
    expect(message).not.toMatch(/simulator's own stack/);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('sorted(key=) 480 deep and __eq__ 480 deep run as in CPython (real 3.11.7: 496 and 499 levels)', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    for (const [script, printed, statements] of [
      [SORTED_KEY(480), '480\n', 4],
      [EQ(480), 'True\n', 2],
    ] as const) {
      await runText(p, script);
      await expect(p.locator('.cm-error-message').count()).resolves.toBe(0);
      expect(await p.getByTestId('output').textContent()).toContain(printed);
      expect((await pageState(p)).statements).toBe(statements);
    }
    // past the limit: CPython's RecursionError, the worker still answering
    await runText(p, EQ(600));
    const message = await p.locator('.cm-error-message').textContent();
    expect(message).toMatch(/^RecursionError: maximum recursion depth exceeded/);
    expect(message).not.toMatch(/simulator's own stack/);
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('list(map(f, ...)) 950 deep runs as in CPython (real 3.11.7: 999 levels)', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    await runText(p, MAP(950));
    await expect(p.locator('.cm-error-message').count()).resolves.toBe(0);
    expect(await p.getByTestId('output').textContent()).toContain('950\n');
    expect((await pageState(p)).statements).toBe(2);
    await runText(p, MAP(1200));
    const message = await p.locator('.cm-error-message').textContent();
    expect(message).toMatch(/^RecursionError: maximum recursion depth exceeded/);
    expect(message).not.toMatch(/simulator's own stack/);
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
