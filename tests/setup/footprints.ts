import { readFileSync } from 'node:fs';
import { provideFootprints } from '../../src/engine/python/modules/footprints/store';

// The unit tests read the import footprints from disk, as Node's bundles do (scripts/bundle.mjs); the
// page's worker fetches the same file (worker/footprintsAsset.ts). Parsed at a test's first import.
const file = new URL('../../src/engine/python/modules/footprints/footprints.json', import.meta.url);
provideFootprints(() => JSON.parse(readFileSync(file, 'utf8')));
