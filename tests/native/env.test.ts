/**
 * The environment as glibc reads it: the same trace replayed on the real glibc 2.36 under an
 * environment, and on the simulator with that environment parsed by libc/env.ts, must print the
 * same heap. Each case sets something the parser must read exactly as the loader does (octal and
 * hex numbers, trailing junk, values glibc ignores, a tunable against its MALLOC_* alias).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLibcEnv } from '../../src/engine/libc/env';
import { runMallocTrace } from '../../src/engine/libc/traceReport';
import { compileReplay, describeMismatch, nativeAvailable, runReplayRaw } from './nativeReplay';
import { generateTrace } from './traceGen';

const CASES: { vars: Record<string, string>; differs: boolean }[] = [
  { vars: { GLIBC_TUNABLES: 'glibc.malloc.tcache_count=70000' }, differs: false },
  { vars: { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=0x10000' }, differs: true },
  { vars: { MALLOC_MMAP_THRESHOLD_: '0200000' }, differs: true },
  { vars: { MALLOC_TRIM_THRESHOLD_: '4096junk', MALLOC_TOP_PAD_: '0' }, differs: true },
  { vars: { MALLOC_TOP_PAD_: '0', GLIBC_TUNABLES: 'glibc.malloc.top_pad=1048576' }, differs: true },
  { vars: { GLIBC_TUNABLES: 'glibc.malloc.mxfast=200:glibc.malloc.tcache_count=0' }, differs: true },
  { vars: { GLIBC_TUNABLES: 'glibc.malloc.mxfast=0:glibc.malloc.tcache_count=0' }, differs: true },
  { vars: { GLIBC_TUNABLES: 'glibc.malloc.tcache_max=100' }, differs: true },
  { vars: { MALLOC_MMAP_MAX_: '0' }, differs: true },
];

describe.skipIf(!nativeAvailable())('environment variables, read as glibc 2.36 reads them', () => {
  beforeAll(() => {
    compileReplay();
  });
  const trace = [1, 2, 3]
    .map((seed) => generateTrace(seed + 500, 4000, seed === 2 ? 'small' : 'mixed'))
    .join('\n');
  const plain = (): string => runReplayRaw(trace).stdout;

  for (const c of CASES) {
    it(
      Object.entries(c.vars)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
      () => {
        const real = runReplayRaw(trace, {}, [], c.vars);
        expect(real.status).toBe(0);
        const sim = runMallocTrace(trace, {}, parseLibcEnv(c.vars).env);
        expect(describeMismatch(trace, real.stdout, sim)).toBeNull();
        // The setting matters on this trace (or, for one glibc ignores, changes nothing).
        expect(real.stdout !== plain()).toBe(c.differs);
      },
    );
  }
});
