import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * RecursionError as `python3 script.py` prints it (issue 7): which check fails first (the frame
 * push's plain message or a C site's " while calling a Python object") and how many times the last
 * line repeats depend on the depth the script starts at, so the CLI's printed output and traceback
 * must be the real 3.11.7's character for character (recursion-tracebacks/README.md). The
 * recorder's one extra frame (eval/thread.ts RECORDER_FRAMES) once made the simulated run one level
 * short: "[Previous line repeated 995 more times]" where python3 prints 996.
 */
const dir = join(__dirname, 'recursion-tracebacks');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.py'));

/** The CLI's run of `file`: the script's printed lines and the traceback after them. */
function simulate(file: string): { stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [resolve('scripts/run-ts.mjs'), resolve('src/cli/main.ts'), file], {
    encoding: 'utf8',
    timeout: 300_000,
    cwd: dir,
  });
  const lines = r.stdout.split('\n');
  const from = lines.indexOf('printed:') + 1;
  const printed = lines.slice(from).filter((l) => l.startsWith('  | '));
  const tb = lines.indexOf('Traceback (most recent call last):');
  return {
    stdout: printed.map((l) => l.slice(4) + '\n').join(''),
    stderr: tb < 0 ? r.stdout + r.stderr : lines.slice(tb).join('\n').split(`${dir}/`).join(''),
  };
}

describe('an uncaught RecursionError prints as python3 3.11.7 prints it', () => {
  for (const file of scripts) {
    const name = file.slice(0, -3);
    it(name, () => {
      const sim = simulate(file);
      expect(sim.stdout).toBe(readFileSync(join(dir, `${name}.stdout`), 'utf8'));
      expect(sim.stderr.trimEnd()).toBe(readFileSync(join(dir, `${name}.stderr`), 'utf8').trimEnd());
    });
  }
});
