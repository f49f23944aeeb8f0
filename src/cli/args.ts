import { EnvError, parseLibcEnv, splitAssignment, type LibcEnvironment } from '../engine/libc/env';
import { GLIBC_TUNABLE_SPECS, type GlibcTunableKey } from '../engine/libc/glibcTunables';
import { PROFILE_NAMES, type ProfileName } from '../engine/python/startup/profiles';
import { VERSION_NAMES, isVersionName, type VersionName } from '../engine/python/versions';

/** What the command line asked for. */
export interface CliArgs {
  mallocTrace?: string;
  script?: string;
  json: boolean;
  mallocLog: boolean;
  /** The environment the simulated process gets (--env, the tunable flags, --cpus), as glibc and CPython read it. */
  env: LibcEnvironment;
  /** What the environment's readers would ignore or say, for stderr. */
  warnings: string[];
  /** Which captured interpreter start-up to boot from (default: by the script, see defaultProfile). */
  profile?: ProfileName;
  /** Boot the start-up of this recorder child (--recorder-child HEX: a recording's recorder.child_sha256). */
  recorderChild?: string;
  /** The CPython version to simulate (--python 3.11|3.12|3.13; default 3.11). */
  python?: VersionName;
  /** Seconds of simulator CPU time before the run stops (--max-seconds); absent: no limit. */
  maxSeconds?: number;
  /** MB of JS memory the simulation may hold (--max-memory); absent: half of node's heap limit. */
  maxMemoryMB?: number;
  /** Print each step's output under its row (--stdout), not after the table. */
  stdout: boolean;
  /** Print the bytecode of the script (--dis) instead of running it. */
  dis: boolean;
  help: boolean;
}

export class UsageError extends Error {}

/** The tunable flags, each an alias of --env GLIBC_TUNABLES=glibc.malloc.NAME=N. */
const TUNABLE_FLAGS: Record<string, GlibcTunableKey> = {
  '--mmap-threshold': 'mmapThreshold',
  '--trim-threshold': 'trimThreshold',
  '--top-pad': 'topPad',
  '--tcache-count': 'tcacheCount',
  '--mmap-max': 'mmapMax',
  '--arena-max': 'arenaMax',
};

function value(flag: string, v: string | undefined): string {
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return v;
}

export function parseArgs(argv: string[]): CliArgs {
  const vars: Record<string, string> = {};
  const tunables: string[] = [];
  let cpus: number | undefined;
  const out: Omit<CliArgs, 'env' | 'warnings'> = { json: false, mallocLog: false, stdout: false, dis: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--malloc-trace') {
      out.mallocTrace = argv[++i];
      if (!out.mallocTrace) throw new UsageError('--malloc-trace needs a file');
    } else if (a === '--json') out.json = true;
    else if (a === '--malloc-log') out.mallocLog = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--stdout') out.stdout = true;
    else if (a === '--dis') out.dis = true;
    else if (a === '--max-seconds') {
      const v = value(a, argv[++i]);
      if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) throw new UsageError('--max-seconds needs a number of seconds > 0');
      out.maxSeconds = Number(v);
    }
    else if (a === '--max-memory') {
      const v = value(a, argv[++i]);
      if (!/^\d+$/.test(v) || Number(v) < 16) throw new UsageError('--max-memory needs a number of MB ≥ 16');
      out.maxMemoryMB = Number(v);
    }
    else if (a === '--env') {
      const [name, v] = assignment(value(a, argv[++i]));
      // Several GLIBC_TUNABLES are read as one list (later entries win, as in parse_tunables).
      if (name === 'GLIBC_TUNABLES') tunables.push(v);
      else vars[name] = v;
    } else if (a === '--tunables') tunables.push(value(a, argv[++i]));
    else if (a === '--cpus') {
      const v = value(a, argv[++i]);
      if (!/^[1-9]\d*$/.test(v)) throw new UsageError('--cpus needs a whole number ≥ 1');
      cpus = Number(v);
    } else if (a === '--python') {
      const v = value(a, argv[++i]);
      if (!isVersionName(v)) throw new UsageError(`--python takes one of ${VERSION_NAMES.join(', ')}`);
      out.python = v;
    } else if (a === '--profile') {
      const name = argv[++i] as ProfileName;
      if (!PROFILE_NAMES.includes(name)) throw new UsageError(`--profile takes one of ${PROFILE_NAMES.join(', ')}`);
      out.profile = name;
    } else if (a === '--recorder-child') {
      const v = value(a, argv[++i]);
      if (!/^[0-9a-fA-F]{8,16}$/.test(v)) throw new UsageError('--recorder-child takes 8 to 16 hex digits');
      out.recorderChild = v;
    } else if (a in TUNABLE_FLAGS) {
      const spec = GLIBC_TUNABLE_SPECS.find((s) => s.key === TUNABLE_FLAGS[a])!;
      tunables.push(`${spec.name}=${value(a, argv[++i])}`);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (out.script) throw new UsageError(`one script at a time (got ${out.script} and ${a})`);
    else out.script = a;
  }
  if (out.python && out.profile && !out.profile.includes(`-${out.python}.`))
    throw new UsageError(`--profile ${out.profile} is not CPython ${out.python}`);
  if (!out.help && !out.mallocTrace && !out.script) throw new UsageError('give a script (FILE.py) or --malloc-trace FILE');
  if (tunables.length > 0) vars.GLIBC_TUNABLES = tunables.join(':');
  const { env, warnings } = parseLibcEnv(vars, cpus);
  return { ...out, env, warnings };
}

function assignment(text: string): [string, string] {
  try {
    return splitAssignment(text);
  } catch (e) {
    if (e instanceof EnvError) throw new UsageError(e.message);
    throw e;
  }
}

export const USAGE = `usage: npm run -s sim -- FILE.py [--json] [--malloc-log] [--env NAME=VALUE]... [tunables]
       npm run -s sim -- --malloc-trace FILE [--env NAME=VALUE]... [tunables]

  FILE.py             run a Python script in the simulated CPython / glibc 2.36 process
  --python VERSION    the CPython version to simulate: 3.11 (the default), 3.12 or 3.13 (held to pyenv's
                      3.11.7, 3.12.1 and 3.13.0; src/engine/python/versions/README.md says how exactly)
  --json              print the report as JSON (the recorder's schema) instead of a table
  --stdout            print what the script prints under the row of the step that printed it (default: after the table)
  --max-seconds S     stop the run after S seconds of simulator CPU time (default: no limit; the page's default is 60)
  --max-memory MB     the JS memory the simulator may hold for the run (default: half of node's heap limit);
                      past it the run stops with the simulator's MemoryError, the steps before it kept
  --dis               print the script's bytecode (what CPython 3.11.7 compiles it to) instead of running it
  --malloc-log        print every C-library call the simulated process makes (boot included) as a
                      malloc trace: tools/native/replay.c rebuilds the same heap on the real glibc
  --malloc-trace FILE replay an allocation trace (m ID SIZE | c ID N SIZE | r ID SIZE | f ID | t PAD)
                      and print where each chunk landed and mallinfo2
  --profile NAME      the start-up capture to boot: cpython-3.11.7 (pyenv's python3, the default),
                      debian-3.11.2 (/usr/bin/python3 with NumPy 1.24; the default for 3.11 scripts that import
                      numpy), cpython-3.12.1, cpython-3.13.0 (the defaults of --python 3.12 and 3.13)
  --recorder-child HEX boot the start-up the recorder's child (tools/hw_child.py) with this fingerprint had
                      (a recording's recorder.child_sha256): 961cb490 for recordings made before 2026-12-06;
                      default: the current child's
  --env NAME=VALUE    the environment the real process would get (repeatable): GLIBC_TUNABLES=glibc.malloc.NAME=V:…,
                      MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_, MALLOC_TOP_PAD_, MALLOC_MMAP_MAX_,
                      MALLOC_ARENA_TEST, LD_PRELOAD, MALLOC_CONF, MIMALLOC_*, PYTHONMALLOC
  --cpus N            CPUs the process sees (glibc caps arenas at 8 × N; default 2, as on these machines)
tunables (aliases of --env GLIBC_TUNABLES=…): --mmap-threshold N --trim-threshold N --top-pad N --tcache-count N
          --mmap-max N --arena-max N --tunables glibc.malloc.NAME=VALUE:...`;
