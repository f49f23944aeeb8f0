import { benchGlibc } from './glibc';
import { benchPython } from './python';

/** `npm run bench`: figures measured in one run on this machine (noisy machines: read ratios, not absolutes). */
const sections: [string, () => string[]][] = [
  ['glibc malloc', () => benchGlibc()],
  ['Python: the first seed scenario', () => benchPython()],
];

for (const [title, run] of sections) {
  console.log(`## ${title}`);
  for (const line of run()) console.log(line);
}
