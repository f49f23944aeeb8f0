/**
 * Per block size, how many blocks a recorded case and the simulator leave live (a realloc counts
 * at its new size):  node scripts/run-ts.mjs tools/asyncio/live_sizes.ts SET INDEX
 */
import { readFileSync } from 'node:fs';
import { callsOf } from '../../src/engine/python/testing';
const [set, index] = process.argv.slice(2);
const data = JSON.parse(readFileSync(`src/engine/python/testdata/${set}_expected.json`, 'utf8'));
const c = data.cases[Number(index)];
const live = (calls: string[]) => {
  const m = new Map<number, number>();
  for (const x of calls) {
    const [op, a] = x.split(' ');
    if (op === 'm') m.set(+a, (m.get(+a) ?? 0) + 1);
    if (op === 'f' && a !== '?') m.set(+a, (m.get(+a) ?? 0) - 1);
    if (op === 'r') m.set(+a, (m.get(+a) ?? 0) + 1);
  }
  return m;
};
const r = live(c.calls), s = live(callsOf(c.setup, c.statement));
const sizes = [...new Set([...r.keys(), ...s.keys()])].sort((a, b) => a - b);
for (const k of sizes) if ((r.get(k) ?? 0) !== (s.get(k) ?? 0)) console.log(k, 'real', r.get(k) ?? 0, 'sim', s.get(k) ?? 0);
