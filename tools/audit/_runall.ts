import { readFileSync } from 'node:fs';
import { auditScripts, scriptBytes } from '/work/wt/robust/tests/robust/auditInputs';
import { simulateScript, defaultProfile } from '/work/wt/robust/src/engine/simulate';
const rec = JSON.parse(readFileSync('/work/wt/robust/tests/robust/audit-cpython.json', 'utf8')).results;
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;
for (const s of auditScripts()) {
  if (s.long || (only && !only.test(s.name))) continue;
  const src = scriptBytes(s).toString('utf8');
  const t = performance.now();
  let out: string;
  try {
    const r = simulateScript(src, { maxSeconds: 10, memoryBudget: 512 * 2 ** 20, profile: defaultProfile(src) });
    out = r.error ? `${r.error.type}: ${r.error.message.slice(0, 100)}` : 'ok';
  } catch (e) {
    out = `THROW ${(e as Error).message}`;
  }
  const cp = rec[s.name]?.outcome;
  const simType = out.split(':')[0];
  const flag = simType === cp || (cp === 'ok' && out === 'ok') ? '  ' : simType === 'NotSupported' ? 'ns' : '!!';
  console.log(`${flag} ${s.name.padEnd(28)} cpython=${cp} sim=${out} (${Math.round(performance.now() - t)} ms)`);
}
