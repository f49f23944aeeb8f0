import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PythonProcess } from '../process';

/**
 * What a script's leading imports do to the collector, against the corpus's real runs (3.11.7,
 * tests/corpus/recorded: gc.get_count() and the collections per generation after each step). An
 * import the simulator replays from its captured footprint links its tracked objects through the
 * collector (footprint.ts collectorAfterImport), so the collections fall where this process's own
 * count puts them. Before, the capture's counter readings were added as they were: `from
 * dataclasses import dataclass` left generation 0 at 893 (real: 80) and the script's first
 * allocation collected, shifting every later collection (and the full ones' clear_freelists).
 */
const ROOT = join(import.meta.dirname, '../../../../tests/corpus');
interface Step {
  code: string;
  gc?: { count: number[]; collections: number[] };
}
const IMPORT = /^(import|from) [\w.]+/;

function leadingImports(): { name: string; steps: Step[]; child?: string }[] {
  const out = [];
  for (const f of readdirSync(join(ROOT, 'recorded')).sort()) {
    if (!f.endsWith('.json') || f.startsWith('numpy')) continue;
    const rec = JSON.parse(readFileSync(join(ROOT, 'recorded', f), 'utf8'));
    if (rec.python !== '3.11.7' || rec.allocator !== 'glibc') continue;
    const steps: Step[] = rec.steps;
    // step 0 is the start; take the scripts whose first two statements are imports
    if (steps.length < 3 || !IMPORT.test(steps[1].code) || !IMPORT.test(steps[2].code)) continue;
    if (steps.some((s) => s.code.includes('numpy') || s.code.includes('gc.'))) continue;
    out.push({ name: f.replace(/\.json$/, ''), steps: steps.slice(0, 3), child: rec.recorder?.child_sha256 });
  }
  return out;
}

/**
 * Known to differ: none since the twelfth session. statistics_batches_report (157 and 484 links
 * ahead), l10_csv_dictwriter_newline_tempdir (386 off after 16 imports) and
 * l11_argparse_enum_protocol_match (524 off after 13 modules on one line) were the free lists:
 * each footprint's count was captured with them empty (the child's start-up collection clears
 * them), so it held every tuple, list and dict the import took as a link, where a later import
 * takes them from the lists the earlier ones filled (runtime/importWalks.ts plays each import's
 * recorded walk on the lists as the process has them). Over the 128 imports checked here the
 * model's links were 27.2 off the real ones on average before, 15.2 after.
 */
// s16_shelve_dbm_store (sample-16): `import shelve` is not supported yet (3.11.7's dbm falls back to
// the pure-Python dbm.dumb: modellable, not done), so its first statement stops
const KNOWN = new Set<string>(['s16_shelve_dbm_store']);

describe("a script's leading imports leave the collector where 3.11.7's do", () => {
  const cases = leadingImports();
  it('finds corpus scripts that start with two imports', () => expect(cases.length).toBeGreaterThan(20));
  const check = (c: (typeof cases)[number]) => {
    const p = new PythonProcess({ recorderChild: c.child });
    const source = readFileSync(join(ROOT, 'snippets', `${c.name}.py`), 'utf8');
    p.load(source);
    const gc = p.vm.gc;
    const base = [...gc.collections];
    const real0 = c.steps[0].gc!.collections;
    for (const i of [0, 1]) {
      p.runStatement(i);
      const want = c.steps[i + 1].gc!;
      // what the collector saw: the tracked objects linked net of those freed, i.e. generation 0's
      // count plus threshold + 1 for each collection, within 200 (the footprints are captured one
      // module at a time: each capture's own frees at count 0 add up; the readings added as deltas
      // missed pprint_textwrap_dump here, and left `from dataclasses import dataclass` at count 893
      // where the real one has 80); near a threshold that may be one gen-0 collection more or
      // less (statistics_batches_report: real count 600 after 5), so the older generations' own
      // collections must agree
      const ran = gc.collections.map((n, g) => n - base[g]);
      const real = want.collections.map((n, g) => n - real0[g]);
      const links = (count0: number, runs: number[]) => count0 + 701 * (runs[0] + runs[1] + runs[2]);
      expect(Math.abs(links(gc.count[0], ran) - links(want.count[0], real))).toBeLessThanOrEqual(200);
      expect(ran.slice(1)).toEqual(real.slice(1));
    }
  };
  for (const c of cases)
    if (KNOWN.has(c.name)) it.fails(`${c.name} (known)`, () => check(c), 120_000);
    else it(c.name, () => check(c), 120_000);
});
