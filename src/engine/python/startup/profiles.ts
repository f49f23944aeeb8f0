import cpython3117 from './cpython-3.11.7.json';
import cpython3121 from './3.12.1/cpython-3.12.1.json';
import cpython3130 from './3.13.0/cpython-3.13.0.json';
import debian3112 from './debian-3.11.2.json';
import { inflateSync } from 'fflate';
import { TRACES } from './traces';
import { PYMALLOC_OFF_PROFILES, RECORDER_CHILD_CAPTURES, startupVariants } from './variants';

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
  verification: {
    recorder: { rss: number; heap: number; anon_mmap: number; mallinfo2: Record<string, number> };
  };
}

export interface StartupInfo {
  target: string;
  python: string;
  /** tools/hw_child.py's fingerprint: the recorder child whose start-up this is. */
  child_sha256?: string;
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
    // the mainrun child's <start> (pymain's 9 __main__ keys; a `x = 1` scenario): 11,651 objects in
    // generation 2 (ec017255's 11,653: its _MainModule class and that class's tuples and dict are
    // gone, the SourceFileLoader instance is new), collections [23, 2, 1]; earlier children's are in
    // variantCaptures.ts
    gc: { gen2Objects: 11651, count0: 1, collections: [23, 2, 1] },
  }),
  'debian-3.11.2': () => ({
    name: 'debian-3.11.2',
    info: debian3112 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 6012, count0: 1, collections: [10, 0, 1] },
  }),
  // 3.12 and 3.13 (python/versions/): the current recorder child's captures (626117f6, pymain's 9
  // __main__ keys; made the default by versions-14), gc at <start> as its recordings read it (the
  // v14_ corpus: 6,234 / 6,768 objects in generation 2); the first child's (961cb490, the fidelity
  // scenarios' and 56 corpus recordings') are variants (variantCaptures.ts)
  'cpython-3.12.1': () => ({
    name: 'cpython-3.12.1',
    info: cpython3121 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 6234, count0: 1, collections: [7, 0, 1] },
  }),
  'cpython-3.13.0': () => ({
    name: 'cpython-3.13.0',
    info: cpython3130 as unknown as StartupInfo,
    traces: TRACES,
    gc: { gen2Objects: 6768, count0: 1, collections: [4, 0, 1] },
  }),
};

/**
 * Captures of the same start-up under PYTHONMALLOC=malloc (tools/capture_startup.py with that env):
 * every object the start-up made is a glibc chunk, so the heap at `<start>` is another one (3.11.7:
 * 5,861,376 bytes in 399 free chunks against 1,941,504 and 79 with pymalloc), and where a script's
 * first chunks land depends on those holes (heldout9 h9_big_buffers_small_survivors: a 208-byte
 * block at the top of the heap pinned 17 MiB in the simulator only while it booted from the
 * pymalloc capture). Profiles without one boot from theirs with pymalloc left empty (boot.ts).
 * The captures themselves are in variantCaptures.ts, which the worker loads lazily (variants.ts).
 */

/**
 * Captures of the same start-up made by an earlier recorder child (tools/hw_child.py; its
 * fingerprint is every recording's `recorder.child_sha256`). The child is Python code run before
 * the scenario, so its start-up is part of what a recording measures: child 961cb490 (the first,
 * 191 corpus and the older fidelity recordings) ran the scenario in the child's own globals,
 * 4359d86b in a `__main__` module with `sys.argv` set, which costs 13 more glibc calls and leaves
 * the brk heap at 1,916,928 B instead of 1,941,504, with other pymalloc pools (352-byte blocks
 * 89 / 90; tests/corpus/README.md, misses-4); the current one (ec017255, the default capture)
 * keeps a script's `from __future__` lead ahead of `__hw_step__(0)` (42 more glibc calls of its
 * own compile, 28.5 KB more in use, 40 more 48-byte blocks at `<start>`). A recording
 * is compared with the process booted from its own child's start-up (ProcessOptions.recorderChild).
 * The captures are in variantCaptures.ts (variants.ts RECORDER_CHILD_CAPTURES names them).
 */

/** Children without a capture of their own, and the child whose capture their start-up matches. */
const CHILD_SUCCESSORS: Record<string, string> = { b1def959b0323671: '4359d86bc6b6c027' };

/**
 * Per profile, the children between the first and the current one that have no capture there
 * (3.12.1 and 3.13.0 were captured by 961cb490 and 626117f6 only): their recordings (230 of each
 * release's corpus) boot the first child's start-up, as they did while it was the default (their
 * layout of __main__ is the first child's: 2 keys, not pymain's 9).
 */
const UNCAPTURED_CHILDREN: Partial<Record<ProfileName, { children: string[]; boots: string }>> = {
  'cpython-3.12.1': { children: ['4359d86bc6b6c027', 'b1def959b0323671', 'ec0172552e006e2c'], boots: '961cb490a4d798e3' },
  'cpython-3.13.0': { children: ['4359d86bc6b6c027', 'b1def959b0323671', 'ec0172552e006e2c'], boots: '961cb490a4d798e3' },
};

/** The recorder child fingerprints (16 hex digits, or a prefix of 8 or more) with a capture of their own for `name`. */
export function recorderChildren(name: ProfileName): string[] {
  return [...(RECORDER_CHILD_CAPTURES[name] ?? [])];
}

function childCapture(profile: StartupProfile, child: string): { info: StartupInfo; gc: StartupProfile['gc'] } | null {
  const key = child.toLowerCase();
  if (!/^[0-9a-f]{8,}$/.test(key))
    throw new Error(`recorder child ${child}: give at least 8 hex digits of its fingerprint`);
  // the capture's own child boots from it; so does a child without a capture of its own, but
  // b1def959, which boots its successor's (it differs from 4359d86b by sys.argv alone: 2 calls, the
  // 280 bytes of source read; from the current child by 42 more calls of its compile as well)
  if ((profile.info.child_sha256 ?? '').startsWith(key)) return null;
  const uncaptured = UNCAPTURED_CHILDREN[profile.name];
  const near =
    (uncaptured?.children.some((k) => k.startsWith(key)) ? uncaptured.boots : undefined) ??
    Object.entries(CHILD_SUCCESSORS).find(([k]) => k.startsWith(key))?.[1] ??
    key;
  const own = (RECORDER_CHILD_CAPTURES[profile.name] ?? []).find((k) => k.startsWith(near));
  return own ? startupVariants().recorderChildren[profile.name][own] : null;
}

const inflated = new Map<string, string>();

/** A packed variant trace (packedTraces.ts), inflated once per process lifetime of the module. */
function packedTrace(name: string): string {
  let text = inflated.get(name);
  if (text === undefined) {
    const packed = startupVariants().packed[name];
    if (packed === undefined)
      throw new Error(`start-up trace ${name} is missing (run scripts/embed-startup.ts)`);
    text = new TextDecoder().decode(inflateSync(base64(packed)));
    inflated.set(name, text);
  }
  return text;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(s: string): Uint8Array {
  const val = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) val[B64.charCodeAt(i)] = i;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const v = val[s.charCodeAt(i)];
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Whether `name` has its own PYTHONMALLOC=malloc start-up capture. */
export function hasPymallocOffCapture(name: ProfileName): boolean {
  return PYMALLOC_OFF_PROFILES.includes(name);
}

export function startupProfile(
  name: ProfileName = 'cpython-3.11.7',
  opts: { pymallocOff?: boolean; recorderChild?: string } = {},
): StartupProfile {
  const make = PROFILES[name];
  if (!make) throw new Error(`unknown start-up profile ${name} (known: ${Object.keys(PROFILES).join(', ')})`);
  const profile = make();
  const off = opts.pymallocOff && hasPymallocOffCapture(name) ? startupVariants().pymallocOff[name] : undefined;
  if (!off) {
    const child = opts.recorderChild ? childCapture(profile, opts.recorderChild) : null;
    if (!child) return profile;
    const trace = child.info.segments[0].trace;
    return {
      ...profile,
      info: child.info,
      gc: child.gc,
      traces: { ...profile.traces, [trace]: packedTrace(trace.replace(/\.gz$/, '')) },
    };
  }
  // the same interpreter and collector state at <start> (the recordings under PYTHONMALLOC=malloc
  // read the same gc figures); only the C library's calls differ
  const traces = { ...profile.traces };
  for (const s of off.segments) traces[s.trace] = packedTrace(s.trace.replace(/\.gz$/, ''));
  return { ...profile, info: off, traces };
}
