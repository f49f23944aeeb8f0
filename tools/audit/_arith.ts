import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expression, program, rng } from '../../tests/robust/arith';
import { simulateScript } from '../../src/engine/simulate';
const n = Number(process.argv[2] ?? 300);
const r = rng(Number(process.argv[3] ?? 7));
const exprs = Array.from({ length: n }, () => expression(r));
const src = program(exprs);
writeFileSync('/tmp/rb/arith.py', src);
const want = execFileSync('python3', ['/tmp/rb/arith.py'], { encoding: 'utf8' }).split('\n');
const rep = simulateScript(src, { maxSeconds: 60 });
if (rep.error) console.log('SIM ERROR', rep.error.type, rep.error.message, rep.error.line);
const got = (rep.output ?? '').split('\n');
let bad = 0;
for (let i = 0; i < want.length; i++) if (want[i] !== got[i]) { bad++; if (bad < 40) console.log(`${exprs[i >> 1]}\n   py: ${want[i]}\n  sim: ${got[i]}`); }
console.log(`${want.length - bad}/${want.length} lines agree`);
