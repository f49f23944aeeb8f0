/**
 * Our snippet corpus through the simulator, as a user runs it (issue 7's measure):
 *
 *     npm run corpus [-- NAME ...] [-j N] [--timeout SECONDS] [--strict] [--verbose] [--python 3.12|3.13]
 *
 * Every tests/corpus/snippets/NAME.py goes through the CLI in its own process, exactly as
 * `bin/highwater NAME.py --json` (= `npm run -s sim -- NAME.py --json`) runs it. Per snippet it prints whether it ran, stopped at
 * something not supported (and what), or failed with an error, and the fidelity verdict of the
 * steps that ran against the real run recorded in tests/corpus/recorded/NAME.json (the rule of
 * tests/fidelity/compare.ts; where recorded/NAME.runs.json holds more real runs of a program the OS schedules,
 * its envelope rule: tools/envelope.py, README "Runs that differ"; --single holds every snippet to its
 * one stored run). With --python the CLI runs that version and the recordings are
 * recorded/<version>/ (NumPy snippets are skipped there: NumPy is recorded on 3.11 only). The closing lines count each outcome. Exit status 0 unless --strict
 * and some snippet did not run within tolerance: the corpus measures the simulator, it is not a test.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareEnvelope, type RecordedRun, type StepFigures } from '../fidelity/compare';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

interface Options {
  names: string[];
  jobs: number;
  timeoutS: number;
  strict: boolean;
  python: string | null;
  /** Every figure outside tolerance, each with its step's code (default: the first only). */
  verbose: boolean;
  /** Ignore recorded/NAME.runs.json: the single-run rule for every snippet. */
  single: boolean;
}

type Outcome = 'ran' | 'not supported' | 'error' | 'timeout';

interface Result {
  name: string;
  outcome: Outcome;
  detail: string;
  steps: number;
  realSteps: number;
  verdict: 'within tolerance' | 'outside tolerance' | 'no recording' | 'not comparable';
  mismatch: string;
  /** With --verbose: every mismatch, one line each, with the step's code. */
  allMismatches: string[];
  /** Real runs the snippet was held to (1: the stored one; more: the envelope rule). */
  runs: number;
  seconds: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    names: [],
    jobs: 1,
    timeoutS: 300,
    strict: false,
    verbose: false,
    python: null,
    single: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-j' || a === '--jobs') o.jobs = Math.max(1, Number(argv[++i]));
    else if (a === '--timeout') o.timeoutS = Number(argv[++i]);
    else if (a === '--strict') o.strict = true;
    else if (a === '--python') o.python = argv[++i];
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--single') o.single = true;
    else o.names.push(a.replace(/\.py$/, ''));
  }
  return o;
}

/** One CLI run, in its own process, with a time limit. */
function runCli(
  file: string,
  timeoutS: number,
  python: string | null,
  recorderChild: string | null,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin/highwater'),
        file,
        '--json',
        ...(python ? ['--python', python] : []),
        // the start-up the recording's own child had (profiles.ts RECORDER_CHILDREN)
        ...(recorderChild ? ['--recorder-child', recorderChild] : []),
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}

interface CliReport {
  steps: (StepFigures & { code: string })[];
  error?: { type: string; message: string; line: number };
}

/** recorded/NAME.runs.json (tools/envelope.py): the other real runs, where they differ beyond the tolerance. */
function extraRuns(recordedPath: string): StepFigures[][] {
  const path = recordedPath.replace(/\.json$/, '.runs.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as { runs: { steps: StepFigures[] }[] }).runs.map(
    (r) => r.steps,
  );
}

async function runOne(
  name: string,
  timeoutS: number,
  python: string | null,
  single: boolean,
): Promise<Result> {
  // 3.11's recordings are recorded/NAME.json; other versions' recorded/<version>/NAME.json.
  const recordedPath = join(
    here,
    'recorded',
    ...(python && python !== '3.11' ? [python] : []),
    `${name}.json`,
  );
  const real = existsSync(recordedPath)
    ? (JSON.parse(readFileSync(recordedPath, 'utf8')) as RecordedRun & { recorder?: { child_sha256?: string } })
    : null;
  const t0 = performance.now();
  const res = await runCli(
    join(here, 'snippets', `${name}.py`),
    timeoutS,
    python,
    real?.recorder?.child_sha256 ?? null,
  );
  const seconds = (performance.now() - t0) / 1000;
  const others = real && !single ? extraRuns(recordedPath) : [];
  const base = {
    name,
    seconds,
    realSteps: real ? real.steps.length - 1 : 0,
    allMismatches: [] as string[],
    runs: 1 + others.length,
  };
  if (res.timedOut)
    return {
      ...base,
      outcome: 'timeout',
      detail: `no result after ${timeoutS} s`,
      steps: 0,
      verdict: 'not comparable',
      mismatch: '',
    };
  let report: CliReport;
  try {
    report = JSON.parse(res.stdout) as CliReport;
  } catch {
    const why = res.stderr.trim().split('\n').pop() ?? `exit status ${res.code}`;
    return {
      ...base,
      outcome: 'error',
      detail: `the CLI gave no report: ${why}`,
      steps: 0,
      verdict: 'not comparable',
      mismatch: '',
    };
  }
  const err = report.error;
  const outcome: Outcome = !err ? 'ran' : err.type === 'NotSupported' ? 'not supported' : 'error';
  const detail = !err
    ? ''
    : err.type === 'NotSupported'
      ? `${err.message} (line ${err.line})`
      : `${err.type}: ${err.message} (line ${err.line})`;
  const steps = Math.max(0, report.steps.length - 1);
  if (!real) return { ...base, outcome, detail, steps, verdict: 'no recording', mismatch: '' };
  // Hold the steps that ran to the recording; a step list that does not line up is not comparable.
  const n = Math.min(report.steps.length, real.steps.length);
  const aligned = report.steps.slice(0, n).every((s, i) => s.code === real.steps[i].code);
  if (!aligned || n < 2)
    return {
      ...base,
      outcome,
      detail,
      steps,
      verdict: 'not comparable',
      mismatch: aligned ? '' : 'steps differ from the recording',
    };
  const { mismatches } = compareEnvelope(
    [real.steps.slice(0, n), ...others.map((r) => r.slice(0, n))],
    report.steps.slice(0, n),
  );
  const m = mismatches[0];
  const MiB = 1024 * 1024;
  const show = (v: number, f: string) => (f === 'arenas' ? String(v) : `${(v / MiB).toFixed(1)} MiB`);
  // under the envelope rule a mismatch's real figure is the nearest of the runs' [min, max]
  const realLabel = others.length ? 'real (nearest run) Δ' : 'real Δ';
  return {
    ...base,
    outcome,
    detail,
    steps,
    verdict: mismatches.length === 0 ? 'within tolerance' : 'outside tolerance',
    mismatch: m
      ? `${mismatches.length} off; first: step ${m.step} ${m.figure} ${realLabel} ${show(m.real, m.figure)}, sim Δ ${show(m.sim, m.figure)} (± ${show(m.tolerance, m.figure)})`
      : '',
    allMismatches: mismatches.map(
      (x) =>
        `step ${x.step} ${x.figure}: ${realLabel} ${show(x.real, x.figure)}, sim Δ ${show(x.sim, x.figure)} (± ${show(x.tolerance, x.figure)})  ${x.code.split('\n')[0].slice(0, 60)}`,
    ),
  };
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  const all = readdirSync(join(here, 'snippets'))
    .filter((f) => f.endsWith('.py'))
    .map((f) => f.slice(0, -3))
    .filter((n) => !opts.python || opts.python === '3.11' || !n.startsWith('numpy_'))
    .sort();
  const names = opts.names.length ? opts.names : all;
  for (const n of names) if (!all.includes(n)) throw new Error(`no snippet tests/corpus/snippets/${n}.py`);
  const results: Result[] = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      const r = await runOne(names[i], opts.timeoutS, opts.python, opts.single);
      results[i] = r;
      const steps = r.realSteps ? `${r.steps}/${r.realSteps} steps` : `${r.steps} steps`;
      const line = [
        `${r.name.padEnd(30)} ${r.outcome.padEnd(13)} ${steps.padEnd(12)} ${r.verdict.padEnd(17)} ${r.seconds.toFixed(1).padStart(6)} s` +
          (r.runs > 1 ? `  (envelope of ${r.runs} real runs)` : ''),
      ];
      if (r.detail) line.push(`    ${r.detail}`);
      if (r.mismatch) line.push(`    ${r.mismatch}`);
      if (opts.verbose) for (const x of r.allMismatches) line.push(`      ${x}`);
      console.log(line.join('\n'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.jobs, names.length) }, worker));
  const count = (f: (r: Result) => boolean) => results.filter(f).length;
  const good = count((r) => r.outcome === 'ran' && r.verdict === 'within tolerance');
  console.log(
    `\n${names.length} snippets: ${count((r) => r.outcome === 'ran')} ran, ${count((r) => r.outcome === 'not supported')} not supported, ` +
      `${count((r) => r.outcome === 'error')} errors, ${count((r) => r.outcome === 'timeout')} timeouts`,
  );
  const enveloped = count((r) => r.outcome === 'ran' && r.verdict === 'within tolerance' && r.runs > 1);
  console.log(
    `${good} of ${names.length} ran unmodified with every step within tolerance` +
      (enveloped ? ` (${enveloped} of them held to the envelope of their real runs)` : ''),
  );
  const blockers = new Map<string, number>();
  for (const r of results) {
    if (r.outcome !== 'not supported') continue;
    const what = r.detail.replace(/^not supported by Highwater yet: /, '').replace(/ \(line \d+\)$/, '');
    blockers.set(what, (blockers.get(what) ?? 0) + 1);
  }
  if (blockers.size) {
    console.log('what stops them:');
    for (const [what, n] of [...blockers].sort((a, b) => b[1] - a[1]))
      console.log(`  ${String(n).padStart(3)}  ${what}`);
  }
  return opts.strict && good < names.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`corpus: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
