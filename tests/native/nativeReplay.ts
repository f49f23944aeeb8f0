/**
 * Helpers for the native cross-check: build and run tools/native/replay.c on
 * the machine's real glibc, and compare its output with the simulator's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GLIBC_TUNABLE_SPECS, type GlibcTunables } from '../../src/engine/libc/glibcTunables';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const REPLAY_SRC = join(ROOT, 'tools/native/replay.c');
export const CACHE_DIR = join(ROOT, '.cache');
export const REPLAY_BIN = join(CACHE_DIR, 'replay');
export const TRACES_DIR = join(ROOT, 'tests/native/traces');
export const FAILURES_DIR = join(CACHE_DIR, 'native-failures');

/** runMallocTrace's second argument: the one tunables type of the engine. */
export type Tunables = GlibcTunables;

export const STAT_NAMES = [
  'arena',
  'ordblks',
  'smblks',
  'hblks',
  'hblkhd',
  'uordblks',
  'fordblks',
  'fsmblks',
  'keepcost',
  'heap_size',
] as const;
export type StatName = (typeof STAT_NAMES)[number];

/**
 * True where the cross-check means something: Linux x86-64 with glibc 2.36 and gcc.
 * (Other glibc versions behave differently, e.g. 2.41 serves calloc from tcache.)
 * HW_NATIVE_FORCE=1 runs the native tests anyway.
 */
export function nativeAvailable(): boolean {
  if (process.platform !== 'linux') return false;
  if (spawnSync('gcc', ['--version']).status !== 0) return false;
  if (process.env.HW_NATIVE_FORCE === '1') return true;
  const libc = spawnSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' }).stdout?.trim();
  return process.arch === 'x64' && libc === 'glibc 2.36';
}

let zeroPage: boolean | null = null;

/**
 * Whether this kernel maps the shared zero page for a read of an untouched anonymous page (Linux's
 * default: such a page is not in RSS). Some VMs' kernels run without it (`pvm_no_zero_page=1` on the
 * kernel command line of some of these machines): there a page only read is resident, so the real
 * replay's RSS counts pages glibc only read (a chunk header past what it wrote), which the kernel
 * model, written for the default, does not. Probed once: 64 pages of a read-only mapping read.
 */
export function sharedZeroPage(): boolean {
  if (zeroPage !== null) return zeroPage;
  const probe = [
    'import mmap, re',
    'm = mmap.mmap(-1, 64 * 4096, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS, prot=mmap.PROT_READ)',
    'sum(m[i * 4096] for i in range(64))',
    'rows = open("/proc/self/smaps").read().split("\\n")',
    'size = 64 * 4096',
    'for i, row in enumerate(rows):',
    '    a = re.match(r"([0-9a-f]+)-([0-9a-f]+) r--p 00000000 00:00 0", row)',
    '    if a and int(a.group(2), 16) - int(a.group(1), 16) == size:',
    '        rss = next(int(r.split()[1]) for r in rows[i:] if r.startswith("Rss:"))',
    '        print(rss)',
    '        break',
  ].join('\n');
  const r = spawnSync('python3', ['-c', probe], { encoding: 'utf8' });
  zeroPage = r.status === 0 && r.stdout.trim() === '0';
  return zeroPage;
}

/** Compiles replay.c into .cache/replay unless the binary is newer than the source. Returns its path. */
export function compileReplay(): string {
  const src = statSync(REPLAY_SRC);
  try {
    if (statSync(REPLAY_BIN).mtimeMs > src.mtimeMs) return REPLAY_BIN;
  } catch {
    // not built yet
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  // Build under a private name and rename, so parallel test files never run a half-written binary.
  const tmp = `${REPLAY_BIN}.${process.pid}.tmp`;
  // -pthread for the thread ops; -rdynamic exports replay.c's calloc and free, so pthread_create's
  // own calloc (the DTV) reaches them and not the trace's heaps.
  const r = spawnSync('gcc', ['-O2', '-Wall', '-Wextra', '-pthread', '-rdynamic', '-o', tmp, REPLAY_SRC], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`gcc failed (${r.status}):\n${r.stderr}`);
  renameSync(tmp, REPLAY_BIN);
  return REPLAY_BIN;
}

/** GLIBC_TUNABLES value for these tunables ('' when none are set). */
export function glibcTunables(t: Tunables = {}): string {
  const parts: string[] = [];
  for (const s of GLIBC_TUNABLE_SPECS) if (t[s.key] !== undefined) parts.push(`${s.name}=${t[s.key]}`);
  return parts.join(':');
}

export interface ReplayRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the native replay on trace text (written to a temp file). extraArgs: e.g. ['--time'];
 * `vars`: more environment variables for the process (MALLOC_ARENA_MAX=2, GLIBC_TUNABLES=…).
 */
export function runReplayRaw(
  trace: string,
  tunables: Tunables = {},
  extraArgs: string[] = [],
  vars: Record<string, string> = {},
): ReplayRun {
  const bin = compileReplay();
  const dir = mkdtempSync(join(tmpdir(), 'hw-native-'));
  try {
    const file = join(dir, 'trace.txt');
    writeFileSync(file, trace);
    const env: NodeJS.ProcessEnv = { ...process.env };
    // Only the tunables asked for: anything inherited would change glibc's behaviour.
    delete env.GLIBC_TUNABLES;
    for (const k of Object.keys(env)) if (k.startsWith('MALLOC_')) delete env[k];
    const gt = glibcTunables(tunables);
    if (gt !== '') env.GLIBC_TUNABLES = gt;
    Object.assign(env, vars);
    const r = spawnSync(bin, [...extraArgs, file], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the native replay and returns its stdout; throws if it exits non-zero. */
export function runReplay(trace: string, tunables: Tunables = {}): string {
  const r = runReplayRaw(trace, tunables);
  if (r.status !== 0) throw new Error(`replay exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export interface TraceLine {
  /** 1-based line number in the trace text. */
  line: number;
  text: string;
}

/** The trace's ops (comments and blank lines dropped), with their line numbers. */
export function traceOps(trace: string): TraceLine[] {
  const ops: TraceLine[] = [];
  const lines = trace.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '' || t.startsWith('#')) continue;
    ops.push({ line: i + 1, text: t });
  }
  return ops;
}

/** The ops that print a result line (m, c, r), in order: output line i belongs to resultOps[i]. */
export function resultOps(trace: string): TraceLine[] {
  return traceOps(trace).filter((o) => /^[mcr]\s/.test(o.text));
}

/** Where the stats block starts: the first "arena N" line (results never start with "arena"). */
function statsStart(lines: string[]): number {
  const i = lines.findIndex((l) => l.startsWith('arena '));
  if (i < 0) throw new Error('no mallinfo2 block in the output');
  return i;
}

/** The NAME VALUE lines after the results. */
export function parseStats(output: string): Record<StatName, number> {
  const lines = output.trimEnd().split('\n');
  const tail = lines.slice(statsStart(lines), statsStart(lines) + STAT_NAMES.length);
  const stats = {} as Record<StatName, number>;
  STAT_NAMES.forEach((name, i) => {
    const [k, v] = (tail[i] ?? '').split(' ');
    if (k !== name) throw new Error(`expected stat ${name}, got ${JSON.stringify(tail[i])}`);
    stats[name] = Number(v);
  });
  return stats;
}

/** Each thread arena's last lines: "thread_arena A system_mem N heaps S0,S1,…", by label. */
export function parseThreadArenas(output: string): Map<number, { systemMem: number; heaps: number[] }> {
  const out = new Map<number, { systemMem: number; heaps: number[] }>();
  for (const l of output.trimEnd().split('\n')) {
    const m = /^thread_arena (\d+) system_mem (\d+) heaps ([\d,]+)$/.exec(l);
    if (m) out.set(Number(m[1]), { systemMem: Number(m[2]), heaps: m[3].split(',').map(Number) });
  }
  return out;
}

export type Result =
  | { kind: 'heap'; offset: number }
  | { kind: 'thread-heap'; arena: number; heap: number; offset: number }
  | { kind: 'mmap'; size: number }
  | { kind: 'null' };

/** The result lines of an output (everything before the stats), parsed. */
export function parseResults(output: string): Result[] {
  const lines = output.trimEnd().split('\n');
  return lines.slice(0, statsStart(lines)).map((l) => {
    const parts = l.split(' ');
    const [k, v] = parts;
    if (k === 'heap' && parts.length === 3) {
      const [arena, heap] = v.split('.').map(Number);
      return { kind: 'thread-heap', arena, heap, offset: Number(parts[2]) };
    }
    if (k === 'heap') return { kind: 'heap', offset: Number(v) };
    if (k === 'mmap') return { kind: 'mmap', size: Number(v) };
    if (k === 'null') return { kind: 'null' };
    throw new Error(`bad result line ${JSON.stringify(l)}`);
  });
}

/** Trace ops each followed by the result it printed (for reading a run by eye). */
export function annotate(trace: string, output: string): string {
  const results = output.trimEnd().split('\n');
  let ri = 0;
  const rows: string[] = [];
  for (const op of traceOps(trace)) {
    const res = /^[mcr]\s/.test(op.text) ? results[ri++] : '';
    rows.push(`${String(op.line).padStart(6)}  ${op.text.padEnd(28)} ${res}`);
  }
  rows.push(...results.slice(ri).map((l) => `        ${l}`));
  return rows.join('\n');
}

/**
 * null if the outputs are equal; otherwise a description of the first line
 * that differs, naming the trace line and op that produced it.
 */
export function describeMismatch(trace: string, expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const ops = resultOps(trace);
  const nResults = e.findIndex((l) => l.startsWith('arena '));
  let where: string;
  if (i < nResults && i < ops.length) {
    const op = ops[i];
    const prev: string[] = [];
    for (let k = Math.max(0, i - 3); k < i; k++)
      prev.push(`    line ${ops[k].line}: ${ops[k].text} -> ${e[k]}`);
    where =
      `output line ${i + 1} is the result of trace line ${op.line}: "${op.text}"` +
      (prev.length > 0 ? `\n  preceding results (agreeing):\n${prev.join('\n')}` : '');
  } else if (i < nResults + STAT_NAMES.length) {
    where = `output line ${i + 1} is the final mallinfo2/heap_size block (after the last op)`;
  } else if (i < e.length - 1) {
    where = `output line ${i + 1} is a thread arena's system_mem and heap sizes (after the last op)`;
  } else {
    where = `output line ${i + 1}: one output is longer than the other`;
  }
  return (
    `${where}\n` +
    `  real glibc: ${JSON.stringify(e[i] ?? '<missing>')}\n` +
    `  simulator:  ${JSON.stringify(a[i] ?? '<missing>')}\n` +
    `  (${e.length - 1} real lines, ${a.length - (actual.endsWith('\n') ? 1 : 0)} simulator lines)`
  );
}

/** The trace cut after its first n ops (comments kept). */
export function truncateTrace(trace: string, nOps: number): string {
  const ops = traceOps(trace);
  if (nOps >= ops.length) return trace;
  const lastLine = ops[nOps - 1]?.line ?? 0;
  return trace.split('\n').slice(0, lastLine).join('\n') + '\n';
}

/**
 * Binary search for the shortest prefix of the trace on which real and
 * simulated output differ (results or the mallinfo2 block after it). The
 * op that ends that prefix is where the simulator's state (most likely)
 * first went wrong, even when no pointer differs yet.
 */
export function firstDivergentPrefix(
  trace: string,
  real: (t: string) => string,
  sim: (t: string) => string,
): { nOps: number; op: TraceLine; detail: string } | null {
  const ops = traceOps(trace);
  const differs = (n: number): string | null => {
    const t = truncateTrace(trace, n);
    let s: string;
    try {
      s = sim(t);
    } catch (err) {
      return `simulator threw: ${(err as Error).message}`;
    }
    return describeMismatch(t, real(t), s);
  };
  if (differs(ops.length) === null) return null;
  let lo = 0; // prefix known (assumed) to agree; 0 ops: both empty-ish
  let hi = ops.length; // prefix known to differ
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (differs(mid) !== null) hi = mid;
    else lo = mid;
  }
  return { nOps: hi, op: ops[hi - 1], detail: differs(hi) ?? '' };
}

/** Saves a failing case under .cache/native-failures/ and returns the trace's path. */
export function saveFailure(
  name: string,
  trace: string,
  tunables: Tunables,
  real: string,
  sim: string,
): string {
  mkdirSync(FAILURES_DIR, { recursive: true });
  const base = join(FAILURES_DIR, name.replace(/[^A-Za-z0-9_.-]+/g, '_'));
  const gt = glibcTunables(tunables);
  // The tunables go at the end, as a comment, so line numbers stay those of the original trace.
  const text = trace.endsWith('\n') ? trace : `${trace}\n`;
  writeFileSync(`${base}.trace`, text + (gt ? `# GLIBC_TUNABLES=${gt}\n` : ''));
  writeFileSync(`${base}.real.out`, real);
  writeFileSync(`${base}.sim.out`, sim);
  return `${base}.trace`;
}
