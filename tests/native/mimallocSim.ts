import { MimallocMalloc } from '../../src/engine/mimalloc/mimalloc';
import { parseMimallocEnv } from '../../src/engine/mimalloc/options';
import type { SimAllocator, SimSetup } from './allocReplay';

/** The mimalloc model wrapped for runSim, printing what alloc_replay prints under mimalloc (--mapord). */
export function mimallocSim(env: Record<string, string> = {}): (s: SimSetup) => SimAllocator {
  return (s) => {
    const { options } = parseMimallocEnv(env);
    const ordinals = new Map<number, number>();
    let next = 0;
    const addr = (a: number): string => {
      for (const [start, m] of mi.os.mappings)
        if (a >= start && a < start + m.size) return `${m.ordinal} ${a - start}`;
      for (const [start, k] of ordinals) if (a === start) return `${k} 0`;
      return `? 0x${a.toString(16)}`;
    };
    const mi: MimallocMalloc = new MimallocMalloc(s.kernel, s.clock, options, (call, a, len) => {
      if (call === 'mmap') {
        ordinals.set(a, next++);
        s.osLog.push(`mmap ${next - 1} 0 ${len} 1`);
      } else if (call === 'mprotect') s.osLog.push(`mprotect ${addr(a)} ${len} 3`);
      else s.osLog.push(`${call} ${addr(a)} ${len}`);
    });
    return {
      addr,
      mapLines: () =>
        [...mi.os.mappings.values()]
          .sort((x, y) => x.ordinal - y.ordinal)
          .map((m) => `map ${m.ordinal} 0 ${m.size} ${s.kernel.residentBytes(m.addr, m.size) / 4096}`),
      malloc: (n) => mi.malloc(n),
      calloc: (a, b) => mi.calloc(a, b),
      realloc: (p, n) => mi.realloc(p, n),
      free: (p) => mi.free(p),
      usableSize: (p) => mi.usableSize(p),
      trim: (pad) => mi.trim(pad),
      statLines: () => {
        const st = mi.readStats();
        return [
          ['current_commit', st.currentCommit],
          ['peak_commit', st.peakCommit],
        ];
      },
    };
  };
}
