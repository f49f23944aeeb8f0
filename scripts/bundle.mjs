// One TypeScript entry point bundled into one file with esbuild (about 50 ms), rebuilt only when a
// file that went into the last bundle changed. Bundling matters for speed: run file by file,
// TypeScript loaders turn each cross-module constant or function into a getter call, which costs
// the glibc model a third of its speed. Used by scripts/run-ts.mjs (ES modules) and bin/highwater
// (CommonJS, so V8's code cache can be fed to vm.Script: Node 20 has no compile cache for modules).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The lines a Node bundle rewrites in two engine files the page's worker fills lazily: the start-up
 * variants (a Node bundle holds them from the start) and the import footprints (the worker fetches
 * footprints.json; a Node bundle reads it from disk beside footprints/store.ts at a script's first
 * import, so an empty script never parses its 4.6 MB). Each: the file, the line, what replaces it,
 * and the import the replacement needs.
 */
const NODE_REWRITES = [
  {
    file: /src[\\/]engine[\\/]python[\\/]startup[\\/]variants\.ts$/,
    line: 'let captures: StartupCaptures | null = null;',
    to: 'let captures: StartupCaptures | null = EAGER_VARIANTS;',
    prelude: "import { VARIANT_CAPTURES as EAGER_VARIANTS } from './variantCaptures';\n",
  },
  {
    file: /src[\\/]engine[\\/]python[\\/]modules[\\/]footprints[\\/]store\.ts$/,
    line: 'let source: FootprintSource | null = null;',
    to: "let source: FootprintSource | null = () => JSON.parse(readFootprintsFile(new URL('./footprints.json', import.meta.url), 'utf8'));",
    prelude: "import { readFileSync as readFootprintsFile } from 'node:fs';\n",
  },
];

function nodeRewrites(path, text) {
  for (const r of NODE_REWRITES) {
    if (!r.file.test(path)) continue;
    if (!text.includes(r.line)) throw new Error(`${path}: the line scripts/bundle.mjs rewrites is gone`);
    return r.prelude + text.replace(r.line, r.to);
  }
  return text;
}

/** Each module keeps its own import.meta.url (paths relative to a source file still work once bundled). */
const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: nodeRewrites(args.path, readFileSync(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The bundle of `entry` ('esm' → .mjs, 'cjs' → .cjs), built now if any of its inputs changed. */
export async function ensureBundle(entry, format = 'esm') {
  const outDir = join(root, '.cache', 'run');
  mkdirSync(outDir, { recursive: true });
  // One bundle per entry path (two entries may share a file name).
  const entryPath = resolve(entry);
  const key = createHash('sha1').update(entryPath).digest('hex').slice(0, 8);
  const ext = format === 'cjs' ? 'cjs' : 'mjs';
  const outfile = join(outDir, `${basename(entry).replace(/\.ts$/, '')}-${key}.${ext}`);
  // Rebuild only when a file that went into the last bundle changed (saves ~150 ms a run): esbuild's
  // metafile names every input, and their modification times are kept beside the bundle.
  const stampFile = outfile + '.inputs.json';
  const fresh = (() => {
    if (!existsSync(outfile) || !existsSync(stampFile)) return false;
    const stamps = JSON.parse(readFileSync(stampFile, 'utf8'));
    return Object.entries(stamps).every(
      ([file, mtime]) => existsSync(file) && statSync(file).mtimeMs === mtime,
    );
  })();
  if (fresh) return outfile;
  const { build } = await import('esbuild');
  // built beside, then renamed: a run starting meanwhile reads the old bundle or the new, never half
  const tmp = `${outfile}.${process.pid}.tmp.${ext}`;
  // a file edited while esbuild runs may be in the bundle as it was before: its stamp must not
  // call the bundle fresh (a stamp of -1 makes the next run build again)
  const started = Date.now();
  const result = await build({
    metafile: true,
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    outfile: tmp,
    packages: 'external',
    // A linked map, not an inline one: 1.77 MB of the 2.53 MB bundle was the inline map, and node
    // parsed it on every run (~40 ms CPU, 6 MB of peak RSS; perf-review §2.1). `node
    // --enable-source-maps` still finds the .map file beside the bundle.
    sourcemap: 'linked',
    logLevel: 'error',
    banner:
      format === 'esm'
        ? {
            js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
          }
        : undefined,
    plugins: [sourceUrlPlugin],
  });
  // the map is named after the temporary file: point the bundle at its final name
  const code = readFileSync(tmp, 'utf8').replace(
    /\/\/# sourceMappingURL=\S+\s*$/,
    `//# sourceMappingURL=${basename(outfile)}.map\n`,
  );
  writeFileSync(tmp, code);
  renameSync(`${tmp}.map`, `${outfile}.map`);
  renameSync(tmp, outfile);
  const stamps = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = resolve(input); // metafile paths are relative to the working directory
    if (!existsSync(file)) continue;
    const mtime = statSync(file).mtimeMs;
    stamps[file] = mtime >= started ? -1 : mtime;
  }
  writeFileSync(stampFile, JSON.stringify(stamps));
  return outfile;
}
