/**
 * Compare the compiler with the real CPython 3.11.7 on any file, without adding it to the corpus:
 *
 *     npx tsx tools/bytecode/check.ts FILE.py [--dis]
 *
 * record_bytecode.py --one gives CPython's tree and code objects; the compiler compiles the same
 * tree; every difference is listed (exit 1), and --dis prints the compiler's disassembly.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { disassemble } from '../../src/engine/python/compiler/dis';
import { compareCode, recordedModule, type RecordedCase } from '../../src/engine/python/compiler/fixtures';
import { compileModule } from '../../src/engine/python/compiler/index';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx tools/bytecode/check.ts FILE.py [--dis]');
  process.exit(2);
}
const rc = JSON.parse(
  execFileSync('python3', [join(here, 'record_bytecode.py'), '--one', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  }),
) as RecordedCase;
const mod = recordedModule(rc.ast);
const t0 = process.cpuUsage();
let result;
try {
  result = compileModule(mod, { filename: file });
} catch (e) {
  const err = e as Error & { line?: number };
  console.log(`compiler raised ${err.name}: ${err.message} (line ${err.line ?? '?'})`);
  console.log(rc.error ? `CPython raised SyntaxError: ${JSON.stringify(rc.error)}` : 'CPython compiled it');
  process.exit(rc.error && err.message === rc.error.msg ? 0 : 1);
}
const cpu = process.cpuUsage(t0);
if (rc.error) {
  console.log(`CPython raised SyntaxError ${JSON.stringify(rc.error)}; the compiler did not`);
  process.exit(1);
}
if (process.argv.includes('--dis')) console.log(disassemble(result.code));
const diffs = compareCode(result.code, rc.code!);
console.log(
  diffs.length
    ? diffs.join('\n')
    : `identical to CPython 3.11.7 (compiled in ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms CPU)`,
);
process.exit(diffs.length ? 1 : 0);
