import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditScripts, auditTraces, scriptBytes } from '../../tests/robust/auditInputs';

/** Write every audit input to DIR (NAME.py, NAME.trace) as the bytes the audit ran. */
const dir = process.argv[2] ?? '/tmp/hw-audit';
mkdirSync(dir, { recursive: true });
for (const s of auditScripts()) writeFileSync(join(dir, `${s.name}.py`), scriptBytes(s));
for (const t of auditTraces()) writeFileSync(join(dir, `${t.name}.trace`), Buffer.from(t.trace, 'latin1'));
process.stdout.write(`${dir}\n`);
