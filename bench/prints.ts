import { DEFAULT_ENV } from '../src/protocol/environment';
import { runScript } from '../src/engine/python/runscript';
import { Session } from '../src/worker/session';

const OPTIONS = { tunables: {}, env: DEFAULT_ENV };

/** CPU milliseconds (user + system) of `f`. */
function cpuMs(f: () => void): number {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/**
 * A print-heavy script: `n` prints of a ~57-character line, two a statement, and one write to
 * sys.stderr every 100 prints. What the first run does per statement with what was printed must cost what
 * the statement printed, not all that was printed before it (perf-8: it re-read the whole history).
 * Figures: Session.start (the page's worker) and the CLI's run (runScript), CPU ms.
 */
export function benchPrints(n = Number(process.env.HW_BENCH_PRINTS ?? 10_000)): string[] {
  // two prints a statement: the simulator's compiler refuses a module of 10,000 statements
  // (RecursionError during compilation; the real 3.11.7 compiles it)
  const lines = ['import sys'];
  for (let i = 0; i < n / 2; i++) {
    lines.push(`for k in range(2): print(${i}, k, 'x' * 50)`);
    if (i % 50 === 49) lines.push(`print('at', ${i}, file=sys.stderr)`);
  }
  const source = lines.join('\n') + '\n';
  let outChars = 0;
  const session = cpuMs(() => {
    const s = new Session((msg) => {
      if (msg.type === 'runDone') outChars = msg.output.reduce((a, o) => a + o.length, 0);
    });
    s.start(1, source, OPTIONS, { statement: 0, event: null });
  });
  let cliChars = 0;
  const cli = cpuMs(() => {
    const r = runScript(source);
    cliChars = r.output?.length ?? 0;
  });
  const fmt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return [
    `${fmt(n)} prints in ${fmt(lines.length)} statements (${fmt(outChars)} characters printed): Session.start ${fmt(session)} ms CPU, ` +
      `the CLI's run ${fmt(cli)} ms CPU (${fmt(cliChars)} characters)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of benchPrints()) console.log(l);
