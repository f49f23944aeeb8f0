import { describe, expect, it } from 'vitest';
import { EnvError, parseLibcEnv } from './env';
import { dlStrtoul } from './glibcTunables';

describe('the environment, read as the real loaders read it', () => {
  it('picks the allocator from LD_PRELOAD by file name, in any directory', () => {
    expect(parseLibcEnv({}).env.allocator).toBe('glibc');
    expect(parseLibcEnv({ LD_PRELOAD: 'libjemalloc.so.2' }).env.allocator).toBe('jemalloc');
    expect(parseLibcEnv({ LD_PRELOAD: '/usr/lib/x86_64-linux-gnu/libmimalloc.so.2' }).env.allocator).toBe(
      'mimalloc',
    );
    const two = parseLibcEnv({ LD_PRELOAD: 'libmimalloc.so.2:libjemalloc.so.2' });
    expect(two.env.allocator).toBe('mimalloc');
    expect(two.warnings.join()).toMatch(/first one \(mimalloc\) serves every call/);
    expect(() => parseLibcEnv({ LD_PRELOAD: 'libtcmalloc.so.4' })).toThrow(
      /not supported by Highwater yet: LD_PRELOAD=libtcmalloc/,
    );
  });

  it('reads GLIBC_TUNABLES and the MALLOC_* aliases, the tunable winning over its alias', () => {
    const { env, warnings } = parseLibcEnv({
      GLIBC_TUNABLES: 'glibc.malloc.tcache_count=3:glibc.malloc.top_pad=65536',
      MALLOC_TOP_PAD_: '0',
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '262144',
    });
    expect(env.glibc).toEqual({ tcacheCount: 3, topPad: 65536, arenaMax: 2, mmapThreshold: 262144 });
    expect(warnings).toEqual(['MALLOC_TOP_PAD_ is overridden by GLIBC_TUNABLES glibc.malloc.top_pad']);
  });

  it('ignores what glibc ignores, and says so', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [
        { GLIBC_TUNABLES: 'glibc.malloc.tcache_count=70000' },
        /ignores glibc.malloc.tcache_count=70000.*at most 65535/,
      ],
      [{ GLIBC_TUNABLES: 'glibc.malloc.mxfast=200' }, /ignores glibc.malloc.mxfast=200.*at most 160/],
      [{ GLIBC_TUNABLES: 'glibc.malloc.tcache_max=2000' }, /at most 1032/],
      [{ MALLOC_ARENA_MAX: '0' }, /ignores MALLOC_ARENA_MAX=0: below 1/],
      [{ MALLOC_MMAP_MAX_: '-1' }, /ignores MALLOC_MMAP_MAX_=-1/],
      [{ GLIBC_TUNABLES: 'glibc.malloc.nonsense=1' }, /ignores the unknown tunable glibc.malloc.nonsense/],
      [{ GLIBC_TUNABLES: 'glibc.malloc.check=3' }, /libc_malloc_debug/],
      [{ MALLOC_FOO_: '1' }, /has no MALLOC_FOO_/],
    ];
    for (const [vars, warning] of cases) {
      const { env, warnings } = parseLibcEnv(vars);
      expect(env.glibc, JSON.stringify(vars)).toEqual({});
      expect(warnings.join('\n'), JSON.stringify(vars)).toMatch(warning);
    }
  });

  it('parses numbers as _dl_strtoul does: octal after a 0, hex after 0x, digits up to the first other character', () => {
    expect(dlStrtoul('010')).toEqual({ value: 8, clean: true });
    expect(dlStrtoul('0x10000')).toEqual({ value: 65536, clean: true });
    expect(dlStrtoul('12abc')).toEqual({ value: 12, clean: false });
    expect(dlStrtoul('abc')).toEqual({ value: 0, clean: false });
    expect(dlStrtoul('089').value).toBe(0); // 8 is not an octal digit
    const { env, warnings } = parseLibcEnv({
      MALLOC_TRIM_THRESHOLD_: '12abc',
      GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=0x10000',
    });
    expect(env.glibc).toEqual({ trimThreshold: 12, mmapThreshold: 65536 });
    expect(warnings).toEqual([
      'glibc 2.36 reads MALLOC_TRIM_THRESHOLD_=12abc as glibc.malloc.trim_threshold=12',
    ]);
  });

  it('passes MALLOC_CONF and MIMALLOC_* to their allocators untouched, and carries PYTHONMALLOC', () => {
    const { env } = parseLibcEnv({
      MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0',
      MIMALLOC_DECOMMIT_DELAY: '0',
      PYTHONMALLOC: 'malloc',
    });
    expect(env.mallocConf).toBe('dirty_decay_ms:0,muzzy_decay_ms:0');
    expect(env.mimalloc).toEqual({ MIMALLOC_DECOMMIT_DELAY: '0' });
    expect(env.pythonMalloc).toBe('malloc');
  });

  it('refuses what the real process refuses or the simulator does not model', () => {
    expect(() => parseLibcEnv({ PYTHONMALLOC: 'bogus' })).toThrow(
      /Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator/,
    );
    expect(() => parseLibcEnv({ MALLOC_PERTURB_: '165' })).toThrow(
      /not supported by Highwater yet: MALLOC_PERTURB_/,
    );
    expect(() => parseLibcEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' })).toThrow(
      /not supported by Highwater yet: the tunable glibc.malloc.hugetlb/,
    );
    expect(() => parseLibcEnv({ HOME: '/root' })).toThrow(EnvError);
    expect(() => parseLibcEnv({}, 0)).toThrow(/cpus/);
  });
});
