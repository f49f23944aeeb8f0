import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import type { ProfileName } from '../startup/profiles';

/**
 * asyncio's Future and Task sized as each release's C objects (asyncioFutureLayout.ts): this script
 * printed on pyenv's 3.11.7 and 3.12.1 Future 144 / Task 192 and on 3.13.0 136 / 176, the rest of
 * the line the same. Before the per-release layout the simulator gave 152 / 200 on 3.12 and 3.13
 * (3.11's 14 slots plus 3.12's managed-weakref pre-header). The packed flags and state must still
 * behave: done, cancelled, isfuture, weak references, cancel, a result.
 */
const SCRIPT = `import asyncio, sys, weakref
out = []
async def work(n):
    await asyncio.sleep(0)
    return n * 2
async def probe():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    t = asyncio.create_task(work(3))
    out.append((sys.getsizeof(f), sys.getsizeof(t)))
    r = weakref.ref(f)
    out.append((f.done(), f.cancelled(), asyncio.isfuture(f), r() is f))
    g = loop.create_future()
    g.cancel()
    out.append((g.done(), g.cancelled()))
    out.append(await t)
    out.append((t.done(), t.cancelled(), repr(t).split()[0]))
    t2 = asyncio.create_task(work(4))
    await asyncio.sleep(0)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        out.append('cancelled')
    f.set_result(5)
    out.append((await f, f.done()))
asyncio.run(probe())
print(out)
`;

const REST = "(False, False, True, True), (True, True), 6, (True, False, '<Task'), 'cancelled', (5, True)]\n";

describe("asyncio Future and Task are the size of the release's C objects", () => {
  for (const [profile, sizes] of [
    ['cpython-3.11.7', '(144, 192)'],
    ['cpython-3.12.1', '(144, 192)'],
    ['cpython-3.13.0', '(136, 176)'],
  ] as [ProfileName, string][]) {
    it(profile, () => {
      const r = runScript(SCRIPT, { profile });
      expect(r.output).toBe(`[${sizes}, ${REST}`);
    });
  }
});
