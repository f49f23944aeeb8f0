/// <reference lib="webworker" />
import {
  PROTOCOL_VERSION,
  assertNever,
  isToWorker,
  type FromWorker,
  type ToWorker,
} from '../protocol/messages';
import { loadStartupVariants } from '../engine/python/startup/variants';
import { fetchFootprints } from './footprintsAsset';
import { needsStartupVariants } from './process';
import { Session } from './session';

// Every module this one imports has been evaluated here (the engine's registries, the start-up
// images): the page's bench (bench/shareLinkParts.ts) reads this mark against the worker's own
// timeOrigin (the worker made) to split the share link's wait before the run starts.
if (typeof performance !== 'undefined' && performance.mark) performance.mark('hw:worker:evaluated');

// The worker entry: decode, dispatch, nothing else. Cancelling a run is the page terminating this worker.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new Session(
  (msg: FromWorker, transfer?: Transferable[]) => scope.postMessage(msg, transfer ?? []),
  {
    // background work between requests (replays kept behind the position shown), one slice a task
    schedule: (work) => setTimeout(work, 0),
    viewsFirst: true,
  },
);

/**
 * The import footprints' fetch starts here, as the module is evaluated; runs do not wait for it
 * (footprintsAsset.ts). Messages wait behind a run whose start-up capture is still loading
 * (PYTHONMALLOC=malloc boots from a 1.6 MB variant chunk the default run never fetches), so they
 * reach the session in their order.
 */
fetchFootprints();
let loading: Promise<void> | null = null;

scope.onmessage = (e: MessageEvent) => {
  const msg = e.data;
  if (!isToWorker(msg)) return;
  if (msg.type === 'run' && msg.v === PROTOCOL_VERSION && needsStartupVariants(msg.options))
    loading = (loading ?? Promise.resolve()).then(() => loadStartupVariants().catch(() => undefined));
  if (loading) {
    // a failed load leaves the session to say so: the process's boot throws with the reason
    const mine: Promise<void> = loading.then(() => {
      handle(msg);
      if (loading === mine) loading = null;
    });
    loading = mine;
    return;
  }
  handle(msg);
};

function handle(msg: ToWorker): void {
  if (msg.v !== PROTOCOL_VERSION) {
    const message = `protocol ${msg.v} ≠ worker ${PROTOCOL_VERSION}: reload the page`;
    scope.postMessage({
      type: 'failed',
      runId: 'runId' in msg ? msg.runId : 0,
      error: { kind: 'engine', pyType: 'ProtocolError', message, line: 1, col: null, statement: null },
    });
    return;
  }
  try {
    switch (msg.type) {
      case 'run':
        session.start(msg.runId, msg.source, msg.options, msg.target, msg.history ?? false);
        break;
      case 'goto':
        session.goto(msg.runId, msg.reqId, msg.target, msg.snap);
        break;
      case 'report':
        session.report(msg.runId, msg.reqId, msg.link);
        break;
      case 'pool':
        session.pool(msg.runId, msg.reqId, msg.address, msg.target);
        break;
      case 'unit':
        session.unit(msg.runId, msg.reqId, msg.address, msg.target);
        break;
      case 'objects':
        session.objects(msg.runId, msg.reqId, msg.from, msg.to, msg.target);
        break;
      case 'peek':
        session.peek(msg.runId, msg.reqId, msg.target);
        break;
      case 'whence':
        session.whence(msg.runId, msg.reqId, msg.address, msg.at);
        break;
      default:
        assertNever(msg);
    }
  } catch (err) {
    const e = err as Error;
    scope.postMessage({
      type: 'failed',
      runId: msg.runId,
      error: {
        kind: 'engine',
        pyType: e.name ?? 'Error',
        message: e.message ?? String(err),
        line: 1,
        col: null,
        statement: null,
      },
    });
  }
}
