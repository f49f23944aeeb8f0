import type { Tunables } from '../engine/glibc/constants';
import { PROFILE_NAMES, type ProfileName } from '../engine/python/startup/profiles';

/** What the command line asked for. */
export interface CliArgs {
  mallocTrace?: string;
  script?: string;
  json: boolean;
  mallocLog: boolean;
  tunables: Tunables;
  /** Which captured interpreter start-up to boot from (default: by the script, see defaultProfile). */
  profile?: ProfileName;
  help: boolean;
}

export class UsageError extends Error {}

const TUNABLE_FLAGS: Record<string, keyof Tunables> = {
  '--mmap-threshold': 'mmapThreshold',
  '--trim-threshold': 'trimThreshold',
  '--top-pad': 'topPad',
  '--tcache-count': 'tcacheCount',
  '--mmap-max': 'mmapMax',
};

/** glibc.malloc.* names as GLIBC_TUNABLES spells them. */
const TUNABLE_NAMES: Record<string, keyof Tunables> = {
  'glibc.malloc.mmap_threshold': 'mmapThreshold',
  'glibc.malloc.trim_threshold': 'trimThreshold',
  'glibc.malloc.top_pad': 'topPad',
  'glibc.malloc.tcache_count': 'tcacheCount',
  'glibc.malloc.mmap_max': 'mmapMax',
  'glibc.malloc.mxfast': 'mxfast',
};

function number(flag: string, v: string | undefined): number {
  if (v === undefined || !/^\d+$/.test(v)) throw new UsageError(`${flag} needs a non-negative integer`);
  return Number(v);
}

/** GLIBC_TUNABLES syntax: name=value:name=value. Unknown names are an error, not silently ignored. */
export function parseTunables(spec: string, into: Tunables = {}): Tunables {
  for (const part of spec.split(':').filter(Boolean)) {
    const [name, value] = part.split('=');
    const key = TUNABLE_NAMES[name];
    if (!key) throw new UsageError(`unknown tunable "${name}" (known: ${Object.keys(TUNABLE_NAMES).join(', ')})`);
    into[key] = number(name, value);
  }
  return into;
}

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { json: false, mallocLog: false, tunables: {}, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--malloc-trace') {
      out.mallocTrace = argv[++i];
      if (!out.mallocTrace) throw new UsageError('--malloc-trace needs a file');
    } else if (a === '--json') out.json = true;
    else if (a === '--malloc-log') out.mallocLog = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--tunables') parseTunables(argv[++i] ?? '', out.tunables);
    else if (a === '--profile') {
      const name = argv[++i] as ProfileName;
      if (!PROFILE_NAMES.includes(name)) throw new UsageError(`--profile takes one of ${PROFILE_NAMES.join(', ')}`);
      out.profile = name;
    }
    else if (a in TUNABLE_FLAGS) out.tunables[TUNABLE_FLAGS[a]] = number(a, argv[++i]);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (out.script) throw new UsageError(`one script at a time (got ${out.script} and ${a})`);
    else out.script = a;
  }
  if (!out.help && !out.mallocTrace && !out.script) throw new UsageError('give a script (FILE.py) or --malloc-trace FILE');
  return out;
}

export const USAGE = `usage: npm run -s sim -- FILE.py [--json] [--malloc-log] [tunables]
       npm run -s sim -- --malloc-trace FILE [tunables]

  FILE.py             run a Python script in the simulated CPython 3.11 / glibc 2.36 process
  --json              print the report as JSON (the recorder's schema) instead of a table
  --malloc-log        print every glibc call the simulated process makes (boot included) as a
                      malloc trace: tools/native/replay.c rebuilds the same heap on the real glibc
  --malloc-trace FILE replay an allocation trace (m ID SIZE | c ID N SIZE | r ID SIZE | f ID | t PAD)
                      and print where each chunk landed and mallinfo2
  --profile NAME       the interpreter to boot: cpython-3.11.7 (pyenv's python3, the default) or
                      debian-3.11.2 (/usr/bin/python3 with NumPy 1.24; the default for scripts that import numpy)
tunables: --mmap-threshold N --trim-threshold N --top-pad N --tcache-count N --mmap-max N
          --tunables glibc.malloc.NAME=VALUE:... (as GLIBC_TUNABLES)`;
