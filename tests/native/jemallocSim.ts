import { JemallocMalloc } from '../../src/engine/jemalloc/jemalloc';
import { parseMallocConf } from '../../src/engine/jemalloc/options';
import type { SimAllocator, SimSetup } from './allocReplay';

/** The jemalloc model wrapped for runSim, printing the stats alloc_replay prints under jemalloc. */
export function jemallocSim(
  conf = '',
  tsd: { prng: bigint; tick: number } | null = null,
): (s: SimSetup) => SimAllocator {
  return (s) => {
    const { options } = parseMallocConf(conf);
    const je = new JemallocMalloc(s.kernel, s.clock, options, (call, addr, len) =>
      s.osLog.push(call === 'mmap' ? `mmap ${s.addr(addr)} ${len} 0` : `${call} ${s.addr(addr)} ${len}`),
    );
    if (tsd) je.setThreadRandom(tsd.prng, tsd.tick);
    return {
      header: () => (tsd ? [`tsd ${tsd.prng} ${tsd.tick}`] : []),
      malloc: (n) => je.malloc(n),
      calloc: (a, b) => je.calloc(a, b),
      realloc: (p, n) => je.realloc(p, n),
      free: (p) => je.free(p),
      usableSize: (p) => je.usableSize(p),
      trim: (pad) => je.trim(pad),
      statLines: () => {
        const st = je.readStats();
        return [
          ['allocated', st.allocated],
          ['active', st.active],
          ['resident', st.resident],
          ['mapped', st.mapped],
          ['retained', st.retained],
          ['metadata', st.metadata],
          ['pactive', st.pactive],
          ['pdirty', st.pdirty],
          ['pmuzzy', st.pmuzzy],
          ['base', st.base],
          ['internal', st.internal],
        ];
      },
    };
  };
}
