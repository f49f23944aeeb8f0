import { describe, expect, it } from 'vitest';
import { runAll, valueOf } from '../testing';

/**
 * The simulated /proc and resource read the kernel model: what a script reads must be what the
 * process reports (rss, peak), and RLIMIT_AS must make the allocator fail as the real one does.
 */
describe('/proc/self and resource read the kernel model', () => {
  it('VmRSS, VmHWM, statm and ru_maxrss agree with the kernel after a big list is built and freed', () => {
    const p = runAll(
      [
        'import os, resource',
        'def field(name):',
        '    with open(f"/proc/{os.getpid()}/status") as f:',
        '        for line in f:',
        '            if line.startswith(name + ":"):',
        '                return int(line.split()[1])',
        'big = [[0] * 100 for _ in range(50000)]',
        'del big',
        'rss = field("VmRSS")',
        'hwm = field("VmHWM")',
        'statm = open("/proc/self/statm").read().split()',
        'maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss',
      ].join('\n'),
    );
    const k = p.kernel;
    expect(Number(valueOf(p, 'rss'))).toBe(Math.ceil(k.rss / 1024));
    expect(Number(valueOf(p, 'hwm'))).toBe(Math.ceil(k.peakRss / 1024));
    // the peak is above what is resident after the del (the list's memory stays partly mapped)
    expect(k.peakRss).toBeGreaterThan(k.rss);
    expect(Number(valueOf(p, 'maxrss'))).toBe(Math.floor(k.peakRss / 1024));
    expect(valueOf(p, 'statm')).toContain(`'${Math.ceil(k.rss / 4096)}'`);
  });

  it('setrlimit(RLIMIT_AS) makes a big allocation fail with MemoryError, a small one still works', () => {
    const p = runAll(
      [
        'import resource',
        'resource.setrlimit(resource.RLIMIT_AS, (200 * 1024 * 1024, -1))',
        'try:',
        '    x = [0] * (40 * 1024 * 1024)',
        '    r = "allocated"',
        'except MemoryError:',
        '    r = "MemoryError"',
        'y = [0] * 1000',
      ].join('\n'),
    );
    expect(valueOf(p, 'r')).toBe("'MemoryError'");
    expect(p.kernel.vmSize).toBeLessThanOrEqual(200 * 1024 * 1024);
  });

  it('a /proc file exists; a path outside /proc is on the simulated file system (simfs.ts)', () => {
    const p = runAll('import os\nok = os.path.exists("/proc/self/status")\nno = os.path.exists("data.txt")');
    expect(valueOf(p, 'ok')).toBe('True');
    expect(valueOf(p, 'no')).toBe('False');
    expect(() => runAll('f = open("/proc/self/maps")')).toThrow(
      /not supported by Highwater yet: open\('\/proc\/self\/maps'\)/,
    );
  });
});
