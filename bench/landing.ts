import { DEFAULT_SCENARIO } from '../src/scenarios/node';
import { DEFAULT_ENV } from '../src/protocol/environment';
import type { FromWorker } from '../src/protocol/messages';
import type { LayerHistory } from '../src/worker/layerHistory';
import { Session } from '../src/worker/session';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * The worker's side of a landing, in Node (CPU ms, so other jobs on the machine count less): the
 * first seed run once, then steps of ±1, ±1,000 and ±100,000 events around the end of its first
 * statement, jumps, and landings inside `del a`, with the background work (replays brought behind
 * the position) run to its end between landings as the page's idle time does. "views": the
 * snapshot sent; "sentences": its explanation written too.
 */
export function benchLanding(): string[] {
  const { s, msgs, land: timedLand } = timedSession();
  const lines: string[] = [];
  const c0 = cpu();
  s.start(1, DEFAULT_SCENARIO.source, { tunables: {}, env: DEFAULT_ENV }, { statement: 1, event: null });
  const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
  lines.push(
    `worker, first run of the seed (Session.start): ${fmt(cpu() - c0)} ms CPU, ${fmt(done.totalEvents)} events`,
  );
  const idle = (): number => {
    const t = cpu();
    while (s.background());
    return cpu() - t;
  };
  const e1 = done.statementEnd[0];
  // the fine mode entered at the end of statement 1 (as the page does), then the page's idle time
  s.goto(1, 0, { statement: 1, event: e1 });
  const inner = (s as unknown as { run: { history: LayerHistory | null; writer: unknown } }).run;
  const w0 = cpu();
  while (inner.writer && s.background());
  const written = cpu() - w0;
  lines.push(
    `worker, background after entering the fine mode: ${fmt(written + idle())} ms CPU (the history written and its copies made after ${fmt(written)})`,
  );
  const history = inner.history;
  if (history) {
    const h = history.held;
    lines.push(
      `worker, the layers' history: ${h.copies} stored copies 2^${Math.log2(h.every)} calls apart, ${fmt(h.copyBytes / 2 ** 20)} MB (pages shared), journal ${fmt(h.journalBytes / 2 ** 20)} MB (${fmt(h.entries)} entries, ${(h.journalBytes / h.entries).toFixed(2)} B each)`,
    );
  }
  const views: number[] = [];
  const full: number[] = [];
  const rows: string[] = [];
  const land = (label: string, e: number): void => {
    const { views: v, all } = timedLand({ statement: 0, event: e });
    views.push(v);
    full.push(all);
    rows.push(`${label} ${fmt(v)}/${fmt(all)} (then ${fmt(idle())} in the background)`);
  };
  for (const k of [1, 1000, 100000]) {
    land(`−${fmt(k)}`, e1 - k);
    land(`+${fmt(k)}`, e1);
    land(`−${fmt(k)}`, e1 - k);
  }
  const at = Math.round(done.totalEvents * 0.4);
  land('jump to 40%', at);
  land('+1,000', at + 1000);
  land('+100,000', at + 101000);
  land('−1', at + 100999);
  land('jump to 10%', Math.round(done.totalEvents * 0.1));
  land('del a +1,000', e1 + 1000);
  land('del a +2,000', e1 + 2000);
  lines.push(`worker, landings (views/with sentences, ms CPU): ${rows.join('; ')}`);
  lines.push(
    `worker, landing latency: views median ${fmt(q(views, 0.5))} ms, p95 ${fmt(q(views, 0.95))} ms; with sentences median ${fmt(q(full, 0.5))} ms, p95 ${fmt(q(full, 0.95))} ms (goal ≤ 100)`,
  );
  return lines;
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const q = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/**
 * The page's first landing inside a statement (a timeline click at 40% of the seed, before the fine
 * mode was entered), with the page's idle time after the first run run to its end: the comparison
 * column's way (no history after the run: the views wait for an interpreter replay from the start)
 * and the page's own run (`start(…, history = true)`: the layers' history written in that idle time).
 * CPU ms.
 */
export function benchFirstJump(): string[] {
  const out: string[] = [];
  for (const history of [false, true]) {
    const { s, msgs, land } = timedSession();
    const opts = { tunables: {}, env: DEFAULT_ENV };
    s.start(1, DEFAULT_SCENARIO.source, opts, { statement: 2, event: null }, history);
    const done = msgs.find((m) => m.type === 'runDone') as Extract<FromWorker, { type: 'runDone' }>;
    const b0 = cpu();
    while (s.background());
    const idle = cpu() - b0;
    const { views, all } = land({ statement: 0, event: Math.round(done.totalEvents * 0.4) });
    out.push(
      `worker, the first jump to 40% after a share link to the end, ${history ? 'history written after the run' : 'no history (as before)'}: idle work after the run ${fmt(idle)} ms CPU; views ${fmt(views)} ms, with sentences ${fmt(all)} ms`,
    );
  }
  return out;
}

/**
 * A Session that keeps its messages, and a landing timed in CPU ms: `views` when its snapshot was
 * sent (the whole landing when no sentences followed), `all` with its explanation written too.
 */
function timedSession(): {
  s: Session;
  msgs: FromWorker[];
  land: (to: { statement: number; event: number }) => { views: number; all: number };
} {
  let c0 = 0;
  let tViews = 0;
  const msgs: FromWorker[] = [];
  const s = new Session(
    (m) => {
      if (m.type === 'snapshot') tViews = cpu() - c0;
      msgs.push(m);
    },
    // HW_BENCH_ANCHORS=0: no replays parked along the run (anchors.ts), for an A/B in one tree
    {
      viewsFirst: true,
      anchors: process.env.HW_BENCH_ANCHORS ? Number(process.env.HW_BENCH_ANCHORS) : undefined,
    },
  );
  const land = (to: { statement: number; event: number }): { views: number; all: number } => {
    msgs.length = 0;
    c0 = cpu();
    s.goto(1, 1, to);
    const all = cpu() - c0;
    return { views: msgs.some((m) => m.type === 'explained') ? tViews : all, all };
  };
  return { s, msgs, land };
}
