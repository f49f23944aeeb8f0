import cpython3117 from './cpython-3.11.7.json';
import cpython3121 from './3.12.1/cpython-3.12.1.json';
import cpython3130 from './3.13.0/cpython-3.13.0.json';
import debian3112 from './debian-3.11.2.json';
import { TRACES } from './traces';

/** One segment of a start-up capture (tools/capture_startup.py's JSON, the fields boot uses). */
export interface StartupSegment {
  segment: string;
  trace: string;
  glibc: { heap_size: number; mmap_threshold: number; trim_threshold: number };
  pymalloc_bookkeeping: {
    arenas_vector: { id: number; bytes: number } | null;
    radix_tree_nodes: { id: number; bytes: number; kind: string }[];
  };
  pymalloc_recorder: {
    arenas_allocated_current: number;
    arenas_allocated_total: number;
    classes: Record<string, { pools: number; blocks_in_use: number; avail: number }>;
    bytes_lost_to_arena_alignment?: number | null;
  };
  direct_mmaps: { what: string; bytes: number; anonymous: boolean; unmapped: boolean }[];
  verification: { recorder: { rss: number; heap: number; anon_mmap: number; mallinfo2: Record<string, number> } };
}

export interface StartupInfo {
  target: string;
  python: string;
  segments: StartupSegment[];
}

/** A start-up to boot from: the capture, its traces, and the collector's state at `<start>`. */
export interface StartupProfile {
  name: ProfileName;
  info: StartupInfo;
  /** Trace text by file name (segment.trace). */
  traces: Record<string, string>;
  /**
   * The recorder's gc figures at `<start>` (tests/fidelity/recorded/*.json, gc.objects and
   * gc.count): the objects in generation 2 after the child's gc.collect(), which decide when
   * the next full collection may run (long_lived_total), and the gen-0 count (1: exec's
   * function object).
   */
  gc: { gen2Objects: number; count0: number; collections: [number, number, number] };
}

export const PROFILE_NAMES = ['cpython-3.11.7', 'debian-3.11.2', 'cpython-3.12.1', 'cpython-3.13.0'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const PROFILES: Record<ProfileName, () => StartupProfile> = {
  'cpython-3.11.7': () => ({
    name: 'cpython-3.11.7',
    info: cpython3117 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 11649, count0: 1, collections: [23, 2, 1] },
  }),
  'debian-3.11.2': () => ({
    name: 'debian-3.11.2',
    info: debian3112 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 6012, count0: 1, collections: [10, 0, 1] },
  }),
  // 3.12 and 3.13 (python/versions/): tests/fidelity/recorded/3.12|3.13/*.json at <start>
  'cpython-3.12.1': () => ({
    name: 'cpython-3.12.1',
    info: cpython3121 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 6232, count0: 1, collections: [7, 0, 1] },
  }),
  'cpython-3.13.0': () => ({
    name: 'cpython-3.13.0',
    info: cpython3130 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 6766, count0: 1, collections: [4, 0, 1] },
  }),
};

export function startupProfile(name: ProfileName = 'cpython-3.11.7'): StartupProfile {
  const make = PROFILES[name];
  if (!make) throw new Error(`unknown start-up profile ${name} (known: ${Object.keys(PROFILES).join(', ')})`);
  return make();
}
