import { Kernel } from '../engine/kernel/kernel';
import { createLibc } from '../engine/libc/create';
import { parseLibcEnv } from '../engine/libc/env';
import type { LibcModel } from '../engine/libc/libc';

export interface EnvCheck {
  /** The engine's refusal, word for word (the real process's message or "not supported by Highwater yet: …"), or null. */
  error: string | null;
  /** What the real readers would ignore or print (glibc's tunables code, jemalloc's and mimalloc's start-up). */
  warnings: string[];
  /** "jemalloc 5.3.0": what the process would run on. */
  libc: string | null;
}

/**
 * Judge variables as the engine will when the script runs: read them (parseLibcEnv) and start the C
 * library they select on a scratch kernel (createLibc), so the page says the engine's own words
 * before Run. PYTHONMALLOC and the interpreter version are judged when the process starts (the run
 * says so). Loaded on demand: the environment panel imports it when it opens.
 */
export function checkEnvironment(vars: Record<string, string>): EnvCheck {
  try {
    const { env, warnings } = parseLibcEnv(vars);
    const libc = createLibc(new Kernel(), env) as LibcModel & { startupMessages?: readonly string[] };
    return { error: null, warnings: [...warnings, ...(libc.startupMessages ?? [])], libc: libc.version };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), warnings: [], libc: null };
  }
}
