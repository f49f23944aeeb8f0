/**
 * The cross-check of the jemalloc and mimalloc models against the real libraries: build and run
 * tools/native/alloc_replay.c under LD_PRELOAD, replay the same trace on the model, and compare the
 * two outputs line by line (format in alloc_replay.c's header).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock, DEFAULT_CALL_COST_NS } from '../../src/engine/kernel/clock';
import { Kernel } from '../../src/engine/kernel/kernel';
import { CACHE_DIR, ROOT, sharedZeroPage } from './nativeReplay';

export const ALLOC_REPLAY_SRC = join(ROOT, 'tools/native/alloc_replay.c');
export const ALLOC_REPLAY_BIN = join(CACHE_DIR, 'alloc_replay');
export const JEMALLOC_SO = '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2';
export const MIMALLOC_SO = '/usr/lib/x86_64-linux-gnu/libmimalloc.so.2';

export type AllocatorName = 'jemalloc' | 'mimalloc';

/** True where the real libraries and gcc are there (Debian 12 x86-64 with libjemalloc2 and libmimalloc2.0). */
export function allocNativeAvailable(which: AllocatorName): boolean {
  if (process.platform !== 'linux' || process.arch !== 'x64') return false;
  if (spawnSync('gcc', ['--version']).status !== 0) return false;
  try {
    statSync(which === 'jemalloc' ? JEMALLOC_SO : MIMALLOC_SO);
  } catch {
    return false;
  }
  return true;
}

export function compileAllocReplay(): string {
  const src = statSync(ALLOC_REPLAY_SRC);
  try {
    if (statSync(ALLOC_REPLAY_BIN).mtimeMs > src.mtimeMs) return ALLOC_REPLAY_BIN;
  } catch {
    // not built yet
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${ALLOC_REPLAY_BIN}.${process.pid}.tmp`;
  const r = spawnSync('gcc', ['-O2', '-Wall', '-rdynamic', '-o', tmp, ALLOC_REPLAY_SRC, '-ldl'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`gcc failed (${r.status}):\n${r.stderr}`);
  renameSync(tmp, ALLOC_REPLAY_BIN);
  return ALLOC_REPLAY_BIN;
}

export interface RealRun {
  lines: string[];
  gaptop: number;
  /** jemalloc: the tsd prng state and decay ticker at the replayer's start. */
  tsd: { prng: bigint; tick: number } | null;
}

/** Runs the trace file under the real allocator. `env` adds MALLOC_CONF / MIMALLOC_* settings. */
export function runReal(
  which: AllocatorName,
  tracePath: string,
  env: Record<string, string> = {},
  touch = true,
): RealRun {
  const bin = compileAllocReplay();
  const args = [
    ...(which === 'mimalloc' ? ['--mapord'] : []),
    ...(touch ? ['--touch'] : []),
    ...(process.env.HW_ALLOC_MAPS === '1' ? ['--maps'] : []),
    // the model's clock charges every call DEFAULT_CALL_COST_NS: the real run's virtual clock too
    '--cost',
    `m=${DEFAULT_CALL_COST_NS},c=${DEFAULT_CALL_COST_NS},r=${DEFAULT_CALL_COST_NS},f=${DEFAULT_CALL_COST_NS}`,
    tracePath,
  ];
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: {
      PATH: process.env.PATH ?? '',
      LD_PRELOAD: which === 'jemalloc' ? JEMALLOC_SO : MIMALLOC_SO,
      ...env,
    },
  });
  if (r.status !== 0) throw new Error(`alloc_replay failed (${r.status}): ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  const g = lines.find((l) => l.startsWith('gaptop '));
  if (!g) throw new Error('alloc_replay printed no gaptop');
  const t = lines.find((l) => l.startsWith('tsd '));
  const tsd = t ? { prng: BigInt(t.split(' ')[1]), tick: Number(t.split(' ')[2]) } : null;
  return { lines, gaptop: Number(g.slice(7)), tsd };
}

/** What a model needs to be replayed like the real library. */
export interface SimAllocator {
  malloc(n: number): number;
  calloc(nmemb: number, size: number): number;
  realloc(p: number, n: number): number;
  free(p: number): void;
  usableSize(p: number): number;
  trim(pad: number): number;
  /** The statistics lines the replayer prints for this allocator, in its order. */
  statLines(): [string, number][];
  /** Time passed with no call (a sleep): background work due by now runs. */
  idle?(nowNs: number): void;
  /** Lines the replayer prints after the start-up events (jemalloc's "tsd PRNG TICK"). */
  header?(): string[];
  /** "map K OFF LEN RESIDENT_PAGES" lines for HW_ALLOC_MAPS=1 (defaults to the kernel's mappings). */
  mapLines?(): string[];
  /** How the model names an address (mimalloc: mapping ordinal and offset, as alloc_replay --mapord). */
  addr?(a: number): string;
}

export interface SimSetup {
  kernel: Kernel;
  clock: Clock;
  /** Canonical address text, as the replayer prints it. */
  addr: (a: number) => string;
  /** The OS calls the model made, as the real library would make them ("mmap OFF LEN 0" …). */
  osLog: string[];
}

/** A parsed trace op. */
type Op =
  | { k: 'm'; id: number; n: number }
  | { k: 'c'; id: number; nmemb: number; n: number }
  | { k: 'r'; id: number; n: number }
  | { k: 'f'; id: number }
  | { k: 't'; pad: number }
  | { k: 's'; ns: number }
  | { k: 'k' };

export function parseAllocTrace(text: string): Op[] {
  const ops: Op[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [k, ...rest] = line.split(/\s+/);
    const nums = rest.map((x) => {
      if (!/^\d+$/.test(x)) throw new Error(`trace line ${i + 1}: "${x}" is not a number`);
      return Number(x);
    });
    const need: Record<string, number> = { m: 2, c: 3, r: 2, f: 1, t: 1, s: 1, k: 0 };
    if (need[k] === undefined || need[k] !== nums.length)
      throw new Error(`trace line ${i + 1}: bad op "${line}"`);
    if (k === 'm') ops.push({ k, id: nums[0], n: nums[1] });
    else if (k === 'c') ops.push({ k, id: nums[0], nmemb: nums[1], n: nums[2] });
    else if (k === 'r') ops.push({ k, id: nums[0], n: nums[1] });
    else if (k === 'f') ops.push({ k, id: nums[0] });
    else if (k === 't') ops.push({ k, pad: nums[0] });
    else if (k === 's') ops.push({ k, ns: nums[0] });
    else ops.push({ k: 'k' });
  });
  return ops;
}

/**
 * Replays a trace on a model and prints what alloc_replay prints. `make` builds the model on the
 * given kernel and clock (the kernel's mmap_base is the real run's gap top, so absolute addresses can
 * agree); `touch` writes each m/r block as the replayer's --touch does.
 */
export function runSim(
  text: string,
  gaptop: number,
  make: (s: SimSetup) => SimAllocator,
  addrMode: 'gaptop' | 'model' | { segShift: number },
  touch = true,
  annotate = false,
): string[] {
  const out: string[] = [];
  const kernel = new Kernel({ mmapBase: gaptop });
  const clock = new Clock();
  const frames: number[] = [];
  let model: SimAllocator | null = null;
  const addr = (a: number): string => {
    if (addrMode === 'gaptop') return String(a - gaptop);
    if (addrMode === 'model') return model?.addr ? model.addr(a) : '?';
    const f = Math.floor(a / 2 ** addrMode.segShift);
    let k = frames.indexOf(f);
    if (k < 0) k = frames.push(f) - 1;
    return `${k} ${a - f * 2 ** addrMode.segShift}`;
  };
  const setup: SimSetup = { kernel, clock, addr, osLog: out };
  out.push('init', `gaptop 0x${gaptop.toString(16)}`);
  const a = make(setup);
  model = a;
  out.push(...(a.header?.() ?? []));
  const ptr = new Map<number, number>();
  const stats = (label: string): void => {
    out.push(`stats ${label}`);
    for (const [k, v] of a.statLines()) out.push(`${k} ${v}`);
    if (process.env.HW_ALLOC_MAPS === '1') {
      if (a.mapLines) out.push(...a.mapLines());
      else for (const m of kernel.mappings) out.push(`map ${addr(m.start)} ${m.length} ${m.resident.count}`);
    }
    out.push(`rss_alloc ${kernel.rss}`);
  };
  stats('start');
  for (const op of parseAllocTrace(text)) {
    if (annotate) out.push(`# ${JSON.stringify(op)}`);
    let r: number | null = null;
    switch (op.k) {
      case 'm':
        r = a.malloc(op.n);
        if (touch && r) kernel.touch(r, op.n);
        break;
      case 'c':
        r = a.calloc(op.nmemb, op.n);
        break;
      case 'r':
        r = a.realloc(ptr.get(op.id) ?? 0, op.n);
        if (touch && r) kernel.touch(r, op.n);
        break;
      case 'f':
        a.free(ptr.get(op.id) ?? 0);
        ptr.delete(op.id);
        break;
      case 't':
        a.trim(op.pad);
        stats('trim');
        break;
      case 's':
        clock.sleep(op.ns);
        a.idle?.(clock.now());
        break;
      case 'k':
        stats('check');
        break;
    }
    if (r === null) continue;
    const id = (op as { id: number }).id;
    if (r === 0) {
      ptr.delete(id);
      out.push('null');
      continue;
    }
    ptr.set(id, r);
    out.push(`a ${addr(r)} ${a.usableSize(r)}`);
  }
  stats('end');
  return out;
}

/** jemalloc's largest small class: bigger blocks carry the cache-oblivious random offset. */
const JE_SMALL_MAX = 14336;

/**
 * The lines to compare, from either side. The real run's madvise probes above the gap (jemalloc's
 * init tests MADV_DONTNEED and MADV_FREE on one page placed among the libraries) are dropped. For
 * jemalloc, a large block's offset inside its first page is random per process (the tsd prng of
 * arena_cache_oblivious_randomize is seeded with the thread's TLS address): exact when the replayer
 * could read that prng (the model then starts from it), else compared down to its page. `rss_alloc`, `resident` and the metadata figures are set apart (compared with
 * a tolerance by the caller).
 */
export const FUZZY_STATS = new Set(['rss_alloc', 'resident', 'metadata', 'base']);

export function canonical(lines: string[], which: AllocatorName, exactOffsets = true): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const parts = l.split(' ');
    if (
      /^(mmap|munmap|dontneed|free|madvise\d+|mprotect)$/.test(parts[0]) &&
      which === 'jemalloc' &&
      Number(parts[1]) >= 0
    )
      continue;
    if (l.startsWith('map ') || l.startsWith('# ')) continue;
    if (which === 'jemalloc' && !exactOffsets && parts[0] === 'a' && Number(parts[2]) > JE_SMALL_MAX) {
      const off = Number(parts[1]);
      out.push(`a ${Math.floor(off / 4096) * 4096}+ ${parts[2]}`);
      continue;
    }
    out.push(l);
  }
  return out;
}

export interface Comparison {
  exactLines: number;
  mismatches: { line: number; real: string; sim: string }[];
  /** Fuzzy stats: name → worst relative difference seen. */
  fuzzy: Map<string, { worst: number; real: number; sim: number }>;
}

/** Compares two canonical outputs: every line equal, except FUZZY_STATS, whose differences are collected. */
export function compareOutputs(real: string[], sim: string[]): Comparison {
  const mismatches: Comparison['mismatches'] = [];
  const fuzzy: Comparison['fuzzy'] = new Map();
  let exactLines = 0;
  const n = Math.max(real.length, sim.length);
  for (let i = 0; i < n; i++) {
    const a = real[i] ?? '<end>';
    const b = sim[i] ?? '<end>';
    const na = a.split(' ');
    const nb = b.split(' ');
    if (na.length === 2 && nb.length === 2 && na[0] === nb[0] && FUZZY_STATS.has(na[0])) {
      const ra = Number(na[1]);
      const rb = Number(nb[1]);
      const rel = Math.abs(ra - rb) / Math.max(ra, 1);
      const cur = fuzzy.get(na[0]);
      if (!cur || rel > cur.worst) fuzzy.set(na[0], { worst: rel, real: ra, sim: rb });
      continue;
    }
    if (a === b) exactLines++;
    else mismatches.push({ line: i, real: a, sim: b });
  }
  return { exactLines, mismatches, fuzzy };
}

/** Tolerances for figures that include the allocators' own bookkeeping writes: relative, with a floor in bytes. */
export const TOLERANCE: Record<string, [number, number]> = {
  metadata: [0.002, 16 * 1024],
  base: [0.002, 16 * 1024],
  resident: [0.01, 64 * 1024],
  rss_alloc: [0.03, 128 * 1024],
};

export interface CrossCheckResult {
  exactLines: number;
  /** Fuzzy figures outside their tolerance, as messages. */
  outOfTolerance: string[];
  fuzzy: Comparison['fuzzy'];
}

/**
 * Runs one trace on the real library and on the model and compares them. Throws on the first
 * differing line (saving the trace and both outputs under .cache/native-failures/).
 */
export function crossCheck(
  which: AllocatorName,
  name: string,
  tracePath: string,
  env: Record<string, string>,
  make: (real: RealRun) => (s: SimSetup) => SimAllocator,
): CrossCheckResult {
  const real = runReal(which, tracePath, env);
  const text = readFileSync(tracePath, 'utf8');
  const sim = runSim(text, real.gaptop, make(real), which === 'jemalloc' ? 'gaptop' : 'model');
  const a = canonical(real.lines, which, real.tsd !== null);
  const b = canonical(sim, which, real.tsd !== null);
  const c = compareOutputs(a, b);
  const envText = Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  if (c.mismatches.length > 0) {
    const dir = join(CACHE_DIR, 'native-failures');
    mkdirSync(dir, { recursive: true });
    const base = join(dir, `${which}-${name}`);
    writeFileSync(`${base}.trace`, text + (envText ? `\n# ${envText}\n` : ''));
    writeFileSync(`${base}.real`, a.join('\n'));
    writeFileSync(`${base}.sim`, b.join('\n'));
    const m = c.mismatches[0];
    throw new Error(
      `${which} ${name}: ${c.mismatches.length} lines differ; first at output line ${m.line}: real "${m.real}", model "${m.sim}" ` +
        `(saved in ${base}.*; by hand: ${envText} npx tsx tests/native/allocCli.ts diff ${which} ${base}.trace)`,
    );
  }
  const outOfTolerance: string[] = [];
  // Without the shared zero page (nativeReplay.ts sharedZeroPage) the real process's resident figures
  // also count pages the allocator only read: there they are held from below only
  const readsResident = !sharedZeroPage();
  for (const [k, v] of c.fuzzy) {
    const [rel, floor] = TOLERANCE[k] ?? [0, 0];
    const over = v.real - v.sim;
    const oneSided = readsResident && (k === 'rss_alloc' || k === 'resident') && over > 0;
    if (!oneSided && Math.abs(over) > Math.max(rel * v.real, floor))
      outOfTolerance.push(`${name}: ${k} real ${v.real} vs model ${v.sim}`);
  }
  return { exactLines: c.exactLines, outOfTolerance, fuzzy: c.fuzzy };
}

/** Ops in a trace file (lines that are not blank or comments). */
export function traceOpCount(path: string): number {
  let n = 0;
  for (const l of readFileSync(path, 'utf8').split('\n'))
    if (l.trim() !== '' && !l.trim().startsWith('#')) n++;
  return n;
}
