import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PythonProcess } from '../process';
it('cases', () => {
  const rows = JSON.parse(readFileSync('/tmp/vx/cases/real.json', 'utf8'));
  for (const r of rows) {
    for (const v of ['3.11', '3.12', '3.13'] as const) {
      let sim: string;
      try {
        const p = new PythonProcess({ python: v });
        p.load(''); p.exec(r.setup); const run = p.prepare(r.stmt); p.vm.gc.collectFull(); p.vm.mem.log = []; run();
        sim = p.vm.mem.log.join(' ');
      } catch (e) { sim = 'ERR ' + String(e).slice(0, 100); }
      if (sim !== r[v]) console.log(`${v} ${JSON.stringify(r.stmt)}\n  real ${r[v]}\n  sim  ${sim}`);
    }
  }
}, 600000);
