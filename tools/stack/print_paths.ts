// Prints every path of paths.ts as one Python script (for the real CPython: `python3.11 -`).
import { STACK_PATHS, pathScript } from './paths';
for (const name of Object.keys(STACK_PATHS)) process.stdout.write(pathScript(name));
