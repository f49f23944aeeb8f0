import { inflateSync, strFromU8 } from 'fflate';
import type { Footprint, FootprintSet, PackedFootprint, PackedFootprints } from './types';

/**
 * The captured traces are stored deflated and base64-encoded (tools/imports/embed_footprints.ts):
 * as plain text they were 8.7 MB, parsed (and copied into V8's heap) by every CLI run and every
 * page's worker whether or not the script imports anything: +0.07 s CPU and +29 MiB peak RSS for an
 * empty script (bench/shapes.ts, perf-5). A trace is inflated the first time an import replays it,
 * then kept.
 */
function unpack(b64: string): string {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return strFromU8(inflateSync(bytes));
}

/** A footprint whose traces (`trace`, `alone.trace`) are inflated on first read. */
function packedFootprint(packed: PackedFootprint): Footprint {
  let trace: string | undefined;
  const fp: Footprint = {
    deps: packed.deps,
    delta: packed.delta,
    garbage: packed.garbage,
    get trace(): string {
      return (trace ??= unpack(packed.trace));
    },
  };
  const alone = packed.alone;
  if (alone !== undefined) {
    let aloneTrace: string | undefined;
    fp.alone = {
      delta: alone.delta,
      garbage: alone.garbage,
      get trace(): string {
        return (aloneTrace ??= unpack(alone.trace));
      },
    };
  }
  return fp;
}

/** footprints.json's sets, each trace inflated when an import first replays it. */
export function unpackFootprints(packed: PackedFootprints): Record<string, FootprintSet> {
  const sets: Record<string, FootprintSet> = {};
  for (const [version, set] of Object.entries(packed)) {
    const modules: Record<string, Footprint> = {};
    for (const [name, fp] of Object.entries(set.modules)) modules[name] = packedFootprint(fp);
    sets[version] = { startup: set.startup, modules };
  }
  return sets;
}
