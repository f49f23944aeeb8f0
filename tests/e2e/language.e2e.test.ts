import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageSession, typeScript, waitIdle, type Preview } from './harness';

/**
 * Issue 7 in the page: a script as people write it (a dataclass, asyncio.gather over coroutines,
 * an f-string with a format spec, a generator with `yield from`, `except*` over an exception group)
 * runs in the worker; the output panel shows what CPython 3.11.7 prints (`python3.11 script.py` on
 * this machine), the group the except* clause left is marked at its line in the editor, and the
 * traceback panel shows CPython's whole text for it, the group's box included (the file named
 * script.py where the real run names its path).
 */
const SHOTS = join(import.meta.dirname, 'screenshots');
let preview: Preview;
let browser: Browser;

pageSession((p, b) => {
  preview = p;
  browser = b;
});

const SCRIPT =
  'import asyncio\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Job:\n    name: str\n    size: int\n\n\nasync def work(job):\n    await asyncio.sleep(0.01)\n    return [0] * job.size\n\n\nasync def main():\n    jobs = [Job(f"j{i}", 1000 * i) for i in range(1, 6)]\n    results = await asyncio.gather(*(work(j) for j in jobs))\n    print(f"{len(results)} jobs, {sum(map(len, results)):,} items")\n\n\nasyncio.run(main())\n\n\ndef numbers(n):\n    yield from range(n)\n\n\nprint(sum(numbers(10)))\ntry:\n    raise ExceptionGroup("batch", [ValueError("bad row"), KeyError("id")])\nexcept* KeyError as e:\n    print("missing", e.exceptions)\n';

describe('the Python people write, in the page', () => {
  it('runs classes, asyncio, generators and except*; prints as CPython; shows the uncaught group', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    await typeScript(p, SCRIPT);
    await p.getByRole('button', { name: 'Run', exact: true }).click();
    await waitIdle(p, 240_000);
    const output = (await p.getByTestId('output').textContent()) ?? '';
    expect(output).toContain('5 jobs, 15,000 items\n');
    expect(output).toContain('45\n');
    expect(output).toContain("missing (KeyError('id'),)\n");
    // the group the except* clause left is marked at the raise, with CPython's last line
    await expect(p.locator('.cm-error-message').textContent()).resolves.toBe(
      'ExceptionGroup: batch (1 sub-exception)',
    );
    // and the whole text CPython prints for it on stderr, the group's box included
    await expect(p.getByTestId('traceback').textContent()).resolves.toBe(
      [
        '  + Exception Group Traceback (most recent call last):',
        '  |   File "script.py", line 31, in <module>',
        '  |     raise ExceptionGroup("batch", [ValueError("bad row"), KeyError("id")])',
        '  | ExceptionGroup: batch (1 sub-exception)',
        '  +-+---------------- 1 ----------------',
        '    | ValueError: bad row',
        '    +------------------------------------',
      ].join('\n'),
    );
    await p.locator('.left').screenshot({ path: join(SHOTS, 'language-asyncio-except-star.png') });
    expect(p.errors).toEqual([]);
    await p.close();
  });

  it('shows what goes to sys.stderr (a warning, logging) where a terminal shows it, and a whole traceback', async () => {
    const p = await newPage(browser);
    await p.goto(preview.url);
    await waitIdle(p);
    await typeScript(
      p,
      'import logging, traceback, warnings\nfor i in range(2):\n    print("row", i)\n    warnings.warn("slow path")\nlogging.warning("cache holds %d items", 3)\ntry:\n    {}["k"]\nexcept KeyError:\n    print(traceback.format_exc().splitlines()[-1])\n',
    );
    await p.getByRole('button', { name: 'Run', exact: true }).click();
    await waitIdle(p, 240_000);
    const output = (await p.getByTestId('output').textContent()) ?? '';
    // python3.11.7 prints the same lines (2>&1), the warning once: the default action marks its line
    expect(output).toContain(
      'row 0\nscript.py:4: UserWarning: slow path\n  warnings.warn("slow path")\nrow 1\n',
    );
    expect(output).toContain('WARNING:root:cache holds 3 items\n');
    expect(output).toContain("KeyError: 'k'\n");
    await expect(p.getByTestId('stderr').count()).resolves.toBe(2);
    await p.locator('.left').screenshot({ path: join(SHOTS, 'language-stderr.png') });
    expect(p.errors).toEqual([]);
    await p.close();
  });
});
