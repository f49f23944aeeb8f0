import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { callsOf } from './testing';

const cases: { setup: string; statement: string; calls: string[] }[] = JSON.parse(readFileSync('/tmp/slots/expected.json', 'utf8'));
it('compare', () => {
  for (const c of cases) {
    let sim: string[] | string;
    try {
      sim = callsOf(c.setup, c.statement);
    } catch (e) {
      sim = `ERROR ${(e as Error).message}`;
    }
    const ok = JSON.stringify(sim) === JSON.stringify(c.calls);
    console.log(`${ok ? 'OK  ' : 'DIFF'} ${JSON.stringify(c.setup)} | ${JSON.stringify(c.statement)}`);
    if (!ok) console.log(`   real: ${c.calls.join(' ')}\n   sim:  ${Array.isArray(sim) ? sim.join(' ') : sim}`);
  }
});
