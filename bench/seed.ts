import { DEFAULT_ENV } from '../src/protocol/environment';
import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { EventLog } from '../src/engine/trace/eventLog';
import { createProcess } from '../src/worker/process';
import { ReplayLog } from '../src/worker/replayLog';
import { Session } from '../src/worker/session';
import { RecordingLog } from '../src/worker/stopPoints';

const OPTIONS = { tunables: {}, env: DEFAULT_ENV };

/** CPU milliseconds (user + system: this VM's page faults are system time) and minor faults since `from`. */
function cost(from: { cpu: NodeJS.CpuUsage; faults: number }): { ms: number; faults: number } {
  const c = process.cpuUsage(from.cpu);
  return { ms: (c.user + c.system) / 1000, faults: process.resourceUsage().minorPageFault - from.faults };
}
const mark = (): { cpu: NodeJS.CpuUsage; faults: number } => ({
  cpu: process.cpuUsage(),
  faults: process.resourceUsage().minorPageFault,
});

/**
 * The seed's statements run by the worker's process with each kind of event log: a replay's (counts
 * only), a plain EventLog (the columns) and the first pass's RecordingLog (columns, timeline samples,
 * stop points). The differences are what recording costs; the rest is the engine.
 */
function runWith(kind: 'replay' | 'columns' | 'recording'): { ms: number; faults: number; events: number } {
  const log = kind === 'replay' ? new ReplayLog() : kind === 'columns' ? new EventLog() : new RecordingLog();
  const p = createProcess(DEFAULT_SCENARIO.source, OPTIONS, log);
  if (log instanceof RecordingLog) {
    log.kernel = p.kernel;
    log.libc = p.libc;
    log.sampleNow();
  }
  const n = p.load(DEFAULT_SCENARIO.source).length;
  const m = mark();
  for (let i = 0; i < n; i++) p.runStatement(i);
  return { ...cost(m), events: log.length };
}

/**
 * The seed's first run in the worker (Session.start: load, both statements with the event log, a
 * snapshot and its sentences after each), then where that time goes. Each figure is the median of
 * three runs in this process; the machine is shared, so read the shares, not the absolutes.
 */
export function benchSeed(reps = 3): string[] {
  const median = <T extends { ms: number }>(xs: T[]): T =>
    [...xs].sort((a, b) => a.ms - b.ms)[xs.length >> 1];
  const starts: { ms: number; faults: number }[] = [];
  for (let r = 0; r < reps; r++) {
    const s = new Session(() => {}, { viewsFirst: true });
    const m = mark();
    s.start(1, DEFAULT_SCENARIO.source, OPTIONS, { statement: 1, event: null });
    starts.push(cost(m));
  }
  const start = median(starts);
  const rows = (['replay', 'columns', 'recording'] as const).map((k) => {
    const runs = Array.from({ length: reps }, () => runWith(k));
    return [k, median(runs)] as const;
  });
  const [replay, columns, recording] = rows.map(([, r]) => r);
  const fmt = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return [
    `seed, first run in Session.start: ${fmt(start.ms)} ms CPU, ${fmt(start.faults)} minor faults (goal ≤ 1,000 ms)`,
    `seed, its statements alone: ${fmt(replay.ms)} ms with no event columns (a replay's log), ` +
      `${fmt(columns.ms)} with the event columns (${fmt(columns.events)} events), ` +
      `${fmt(recording.ms)} with the timeline and stop points (the first pass's log); ` +
      `faults ${fmt(replay.faults)} / ${fmt(columns.faults)} / ${fmt(recording.faults)}`,
    `seed, the rest of Session.start (start-up, snapshots, sentences): ~${fmt(start.ms - recording.ms)} ms`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const l of benchSeed()) console.log(l);
