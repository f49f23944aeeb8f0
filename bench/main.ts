import { benchGlibc } from './glibc';
import { benchLanding } from './landing';
import { benchNumpy } from './numpy';
import { benchPage } from './page';
import { benchPython } from './python';

/** `npm run bench`: figures measured in one run on this machine (noisy machines: read ratios, not absolutes). */
const sections: [string, () => string[] | Promise<string[]>][] = [
  ['glibc malloc', () => benchGlibc()],
  ['Python: the first seed scenario', () => benchPython()],
  ['NumPy: the cost of one small array', () => benchNumpy()],
  ['Landings in the worker (Node)', () => benchLanding()],
  ['The page in headless Chromium', () => benchPage()],
];

for (const [title, run] of sections) {
  console.log(`## ${title}`);
  for (const line of await run()) console.log(line);
}
