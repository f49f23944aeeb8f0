import type { StartupInfo } from './profiles';

/** The variant captures (variantCaptures.ts): keyed by profile name, then by child fingerprint. */
export interface StartupCaptures {
  /** Raw deflate + base64 trace texts by file name (packedTraces.ts). */
  packed: Record<string, string>;
  /** PYTHONMALLOC=malloc start-up captures by profile name. */
  pymallocOff: Record<string, StartupInfo>;
  /** Earlier recorder children's captures by profile name, then 16-hex-digit fingerprint. */
  recorderChildren: Record<
    string,
    Record<string, { info: StartupInfo; gc: { gen2Objects: number; count0: number; collections: [number, number, number] } }>
  >;
}

/**
 * Which variants exist, known without loading them (profiles.ts answers hasPymallocOffCapture and
 * recorderChildren from these; startup.test.ts holds them equal to variantCaptures.ts).
 */
export const PYMALLOC_OFF_PROFILES: readonly string[] = ['cpython-3.11.7', 'debian-3.11.2'];
export const RECORDER_CHILD_CAPTURES: Readonly<Record<string, readonly string[]>> = {
  'cpython-3.11.7': ['4359d86bc6b6c027', '961cb490a4d798e3', 'ec0172552e006e2c'],
  'cpython-3.12.1': ['961cb490a4d798e3'],
  'cpython-3.13.0': ['961cb490a4d798e3'],
};

// scripts/bundle.mjs rewrites this line in Node's bundles (the CLI, run-ts.mjs) to start from the
// captures imported statically: they boot any process synchronously, and the bundle is local
let captures: StartupCaptures | null = null;
let loading: Promise<void> | null = null;

/** Node's entry points hand the captures over synchronously (eagerVariants.ts). */
export function provideStartupVariants(c: StartupCaptures): void {
  captures = c;
}

/**
 * Fetches the variant captures as a chunk of their own (the worker, before it boots a process that
 * needs one: a dynamic import, so the bundler splits the 1.6 MB off the worker's entry).
 */
export function loadStartupVariants(): Promise<void> {
  if (captures) return Promise.resolve();
  loading ??= import('./variantCaptures').then((m) => {
    captures = m.VARIANT_CAPTURES;
  });
  return loading;
}

export function startupVariantsLoaded(): boolean {
  return captures !== null;
}

/** The loaded captures; throws where a caller boots a variant without loading them first. */
export function startupVariants(): StartupCaptures {
  if (!captures)
    throw new Error(
      'the start-up variant captures are not loaded: await loadStartupVariants() before booting a PYTHONMALLOC=malloc or older-child process',
    );
  return captures;
}
