import { describe, expect, it } from 'vitest';
import { createProcess, simulateScript } from '../../src/engine/simulate';
import { nativeAvailable, parseStats, runReplay } from './nativeReplay';

/**
 * The glibc layer inside a whole simulated Python process: `--malloc-log` records every glibc call
 * of the process, boot included, so replaying that log on the machine's real glibc from an empty
 * heap must end in exactly the heap the simulated process reports.
 */
const SCRIPTS: Record<string, string> = {
  lists: 'a = [[0] * 100 for _ in range(20000)]\nb = bytearray(300000)\ndel a\nc = "x" * 5000\n',
  dicts: 'd = {i: str(i) for i in range(30000)}\nk = list(d.keys())\nd.clear()\n',
  numpy: 'import numpy as np\na = np.ones(10 ** 5)\nb = [np.zeros(10) for _ in range(1000)]\ndel a\n',
};

describe.runIf(nativeAvailable())('a simulated process against the real glibc', () => {
  for (const [name, source] of Object.entries(SCRIPTS)) {
    it(`${name}: its full malloc log, replayed on the real glibc, ends in the simulated heap`, () => {
      const profile = name === 'numpy' ? 'debian-3.11.2' : 'cpython-3.11.7';
      const p = createProcess({ mallocLog: true, profile });
      const statements = p.load(source);
      for (let i = 0; i < statements.length; i++) p.runStatement(i);
      const log = p.mallocLog!.lines.join('\n') + '\n';
      const real = parseStats(runReplay(log));
      const last = simulateScript(source, { profile }).steps.at(-1)!;
      expect(real.heap_size).toBe(last.heap);
      for (const f of [
        'arena',
        'ordblks',
        'smblks',
        'hblks',
        'hblkhd',
        'uordblks',
        'fordblks',
        'fsmblks',
        'keepcost',
      ] as const)
        expect([f, real[f]]).toEqual([f, last.mallinfo2[f]]);
    });
  }
});
