import { benchGlibc } from './glibc';
import { benchFirstJump, benchLanding } from './landing';
import { benchNumpy } from './numpy';
import { benchPage } from './page';
import { benchPrints } from './prints';
import { benchObjectCost } from './objectCost';
import { benchSeed } from './seed';
import { benchShapes } from './shapes';

/** `npm run bench`: figures measured in one run on this machine (noisy machines: read ratios, not absolutes). */
const sections: [string, () => string[] | Promise<string[]>][] = [
  ['glibc malloc', () => benchGlibc()],
  ['The seed in the worker (Node): the first run, and where its time goes', () => benchSeed()],
  [
    'Python: object-heavy shapes against CPython (simulator CLI vs the real interpreter, gc off)',
    () => benchShapes(),
  ],
  ['Python: bytes per object, by type (simulator vs CPython)', () => benchObjectCost()],
  ['NumPy: the cost of one small array', () => benchNumpy()],
  ['Landings in the worker (Node)', () => benchLanding()],
  ['The first jump in the worker (Node, landings)', () => benchFirstJump()],
  ['Print-heavy scripts: what each statement printed, read per statement', () => benchPrints()],
  ['The page in headless Chromium', () => benchPage()],
];

// HW_BENCH_ONLY=glibc,seed runs only the sections whose title contains one of the words (case-insensitive).
const only = process.env.HW_BENCH_ONLY?.toLowerCase().split(',');
for (const [title, run] of sections) {
  if (only && !only.some((w) => title.toLowerCase().includes(w))) continue;
  console.log(`## ${title}`);
  for (const line of await run()) console.log(line);
}
