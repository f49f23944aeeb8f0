import { inflateSync, strFromU8 } from 'fflate';
import type { Footprint, FootprintDelta } from './types';

/**
 * The captured traces are embedded deflated and base64-encoded (tools/imports/embed_footprints.ts):
 * as plain string literals they were 8.7 MB of the bundle, parsed (and copied into V8's heap) by
 * every CLI run and every page's worker whether or not the script imports anything: +0.07 s CPU and
 * +29 MiB peak RSS for an empty script (bench/shapes.ts, perf-5). A trace is inflated the first time
 * an import replays it, then kept.
 */
function unpack(b64: string): string {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return strFromU8(inflateSync(bytes));
}

/** A footprint whose traces (`trace`, `alone.trace`) are inflated on first read. */
export function packedFootprint(
  deps: string[],
  delta: FootprintDelta,
  packedTrace: string,
  alone?: { delta: FootprintDelta; packedTrace: string },
): Footprint {
  let trace: string | undefined;
  const fp: Footprint = {
    deps,
    delta,
    get trace(): string {
      return (trace ??= unpack(packedTrace));
    },
  };
  if (alone !== undefined) {
    let aloneTrace: string | undefined;
    fp.alone = {
      delta: alone.delta,
      get trace(): string {
        return (aloneTrace ??= unpack(alone.packedTrace));
      },
    };
  }
  return fp;
}
