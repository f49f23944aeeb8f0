import { describe, expect, it } from 'vitest';
import { runScript } from '../runscript';
import type { ProfileName } from '../startup/profiles';

/**
 * What a C Task hands the loop: `call_soon` gets a TaskStepMethWrapper (sys.getsizeof 48) and an
 * awaited future's done callback is a built-in method bound to the task (72), on pyenv's 3.11.7,
 * 3.12.1 and 3.13.0 alike (printed by this script there). Bound methods (64 each) used to stand in,
 * which put two 64-byte blocks per task in flight: asyncio_gather_10k_tasks ended its run with 414
 * pools of the 64-byte class against the real 297 on 3.11.7 (405 against 287 on 3.13.0; 290 now).
 */
const SCRIPT = `import asyncio, sys
out = []
async def probe():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    async def c():
        await f
    t = asyncio.create_task(c())
    h = loop._ready[-1]
    out.append((type(h._callback).__name__, sys.getsizeof(h._callback), h._args))
    await asyncio.sleep(0)
    cb = f._callbacks[0][0] if f._callbacks else f._callback0
    out.append((type(cb).__name__, sys.getsizeof(cb)))
    f.set_result(1)
    await t
    out.append(t.result())
asyncio.run(probe())
print(out)
`;

describe('a task schedules its step and waits through the C callables', () => {
  for (const profile of ['cpython-3.11.7', 'cpython-3.12.1', 'cpython-3.13.0'] as ProfileName[]) {
    it(profile, () => {
      const r = runScript(SCRIPT, { profile });
      expect(r.output).toBe("[('TaskStepMethWrapper', 48, ()), ('builtin_function_or_method', 72), None]\n");
    });
  }
});
