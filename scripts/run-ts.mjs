#!/usr/bin/env node
// Run a TypeScript entry point bundled into one ES module (scripts/bundle.mjs), then import it.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBundle } from './bundle.mjs';

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs ENTRY.ts [args…]\n');
  process.exit(2);
}
const outfile = await ensureBundle(entry, 'esm');
// The script sees its own path as argv[1], as it would run unbundled; a script that runs itself
// again (src/cli/deepstack.ts) finds this launcher here.
process.argv.splice(1, 2, resolve(entry));
process.env.HIGHWATER_RUN_TS = fileURLToPath(import.meta.url);
await import(pathToFileURL(outfile).href);
