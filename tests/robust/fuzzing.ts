import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTrace, TraceError } from '../../src/engine/libc/trace';
import { simulateScript } from '../../src/engine/simulate';

/**
 * The checks behind the fuzzers (tests/robust/fuzz.test.ts, short and seeded in npm test;
 * tools/fuzz/main.ts, long): what one generated input must satisfy.
 */
export const JS_WORDS =
  /(?<![\w'])undefined(?![\w'])|\bNaN\b|Cannot read|Invalid (string|array|typed array) length|Maximum call stack|Map maximum|is not a function|internal error|Maximum BigInt/;

export interface SimOutcome {
  type: string;
  message: string;
  output: string;
  cpuMs: number;
}

export function simulate(source: string, maxSeconds: number): SimOutcome {
  const t = process.cpuUsage();
  const r = simulateScript(source, { maxSeconds, memoryBudget: 256 * 2 ** 20, clock: cpuClock });
  const u = process.cpuUsage(t);
  return {
    type: r.error?.type ?? 'ok',
    message: r.error?.message ?? '',
    output: r.output ?? '',
    cpuMs: (u.user + u.system) / 1000,
  };
}

const cpuClock = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** No JS error reaches the user, and no run outlives its budget by more than a breaker interval. */
export function cleanRun(o: SimOutcome, maxSeconds: number): string | null {
  if (o.type === 'InternalError') return `internal error: ${o.message}`;
  if (JS_WORDS.test(o.message)) return `a JS message: ${o.type}: ${o.message}`;
  if (o.cpuMs > maxSeconds * 1000 + 5000) return `ran ${o.cpuMs} ms past a ${maxSeconds} s budget`;
  return null;
}

const dir = mkdtempSync(join(tmpdir(), 'hw-fuzz-'));

/** The real CPython 3.11 on the same program: its stdout and the exception type that ended it. */
export function cpython(source: string, timeoutMs = 20_000): { type: string; output: string } | null {
  const file = join(dir, 'p.py');
  writeFileSync(file, source);
  try {
    const output = execFileSync('python3', [file], {
      encoding: 'utf8',
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { type: 'ok', output };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; signal?: string };
    if (err.signal) return null;
    const last = (err.stderr ?? '').trim().split('\n').pop() ?? '';
    return { type: /^([\w.]+)/.exec(last)?.[1] ?? 'exit', output: err.stdout ?? '' };
  }
}

/** Where both ran the program to the same end: same output, same exception type. */
export function sameAsCPython(sim: SimOutcome, py: { type: string; output: string }): string | null {
  if (sim.type === 'NotSupported' || sim.type === 'TimeBudgetExceeded' || sim.type === 'MemoryError')
    return null;
  if (sim.type !== py.type) return `exception ${sim.type} where CPython raised ${py.type}`;
  if (sim.output !== py.output)
    return `output differs:\n--- python3\n${py.output}--- simulator\n${sim.output}`;
  return null;
}

/** The trace reader on any text: a result, or a TraceError whose message is escaped and short. */
export function cleanTrace(text: string): string | null {
  try {
    parseTrace(text);
    return null;
  } catch (e) {
    if (!(e instanceof TraceError)) return `not a TraceError: ${String(e)}`;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(e.message))
      return `raw control characters: ${JSON.stringify(e.message)}`;
    if (e.message.length > 300) return `a ${e.message.length}-character message`;
    return null;
  }
}
