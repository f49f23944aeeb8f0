import { summarize } from '../engine/explain';
import type { OutputReader } from '../engine/python/outputReader';
import type { Snapshot } from '../engine/trace/snapshot';
import type { FromWorker, RunOptions, RunPhases } from '../protocol/messages';
import { Checkpoints } from './checkpoints';
import type { SimProcess } from './process';
import { reportStep } from './report';
import type { RunState } from './runState';
import { SentenceCache } from './sentenceCache';
import type { RecordingLog } from './stopPoints';
import { statementWrites } from './written';

/** The first run's bookkeeping (Session.start): a run's state, each statement's end, the run's figures. */
export function newRun(
  runId: number,
  source: string,
  options: RunOptions,
  log: RecordingLog,
  process: SimProcess,
): RunState {
  return {
    runId,
    source,
    options,
    statements: [],
    statementEnd: [],
    loadEvents: 0,
    summaries: [],
    bindings: [],
    log,
    process,
    checkpoints: new Checkpoints(),
    error: null,
    output: [],
    stderr: [],
    steps: [],
    live: null,
    cursors: [],
    history: null,
    writer: null,
    historyStarted: false,
    sentences: new SentenceCache(),
  };
}

/**
 * A statement ran: its end (events), a stop point there, and what it wrote — read since the last
 * statement, so a print-heavy script costs what each statement printed, not its whole history.
 */
export function statementDone(run: RunState, written: OutputReader | null): void {
  const log = run.log;
  run.statementEnd.push(log.length);
  log.stops.mark(log.length);
  const w = written?.read();
  run.output.push(w?.stdout ?? '');
  run.stderr.push(w ? statementWrites(w.stderr, w.before) : []);
}

/** The state after `step` statements (0: loaded): the report's row, the summary and names the next step compares with, the checkpoint. */
export function keepStep(run: RunState, process: SimProcess, step: number, snap: Snapshot): void {
  run.steps.push(reportStep(snap, run.statements, step === 0 ? '' : run.output[step - 1]));
  run.summaries.push(summarize(process.kernel, process.libc));
  run.bindings.push(process.bindings());
  run.checkpoints.put(step, snap);
}

/** The run is over: its timeline, statement ends and output go to the page (the message and its transfers). */
export function runDone(
  run: RunState,
  process: SimProcess,
  t0: number,
  phases: RunPhases,
): [FromWorker, Transferable[]] {
  const log = run.log;
  log.sampleNow();
  run.live = { process, statement: run.statementEnd.length, event: log.length };
  const timeline = log.timeline();
  const statementEnd = Float64Array.from(run.statementEnd);
  return [
    {
      type: 'runDone',
      runId: run.runId,
      timeline,
      statementEnd,
      loadEvents: run.loadEvents,
      totalEvents: log.length,
      error: run.error,
      output: run.output,
      stderr: run.stderr,
      durationMs: performance.now() - t0,
      phases,
    },
    [
      timeline.event.buffer,
      timeline.rss.buffer,
      timeline.heap.buffer,
      timeline.mmap.buffer,
      timeline.arena.buffer,
      statementEnd.buffer,
    ],
  ];
}
