import { beforeEach, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { Session } from '../worker/session';
import { EngineClient } from './engineClient';
import { EMPTY_RUN, useRun } from './runStore';
import { DEFAULT_ENV } from '../protocol/environment';

/** The real worker code behind a fake Worker that answers asynchronously, as a thread would. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: ToWorker[] = [];
  private session = new Session((m) =>
    setTimeout(() => this.onmessage?.({ data: m } as MessageEvent<FromWorker>), 5),
  );
  postMessage(msg: ToWorker): void {
    this.sent.push(msg);
    setTimeout(() => {
      // every question is answered, as worker.ts does (the client is busy until it is)
      if (msg.type === 'run') this.session.start(msg.runId, msg.source, msg.options, msg.target);
      else if (msg.type === 'goto') this.session.goto(msg.runId, msg.reqId, msg.target, msg.snap);
      else if (msg.type === 'peek') this.session.peek(msg.runId, msg.reqId, msg.target);
      else if (msg.type === 'pool') this.session.pool(msg.runId, msg.reqId, msg.address, msg.target);
    }, 1);
  }
  terminate(): void {
    this.onmessage = null;
  }
}

const settled = (c: EngineClient): Promise<void> =>
  new Promise((resolve) => {
    const check = (): void => {
      if (!c.busy) resolve();
      else setTimeout(check, 5);
    };
    check();
  });

const SCRIPT = 'a = [[0] * 10 for _ in range(2000)]\ndel a\nb = 1\n';

describe('engine client', () => {
  beforeEach(() => useRun.setState(EMPTY_RUN));

  it('← → ← at speed settles on the last position asked (audit §4)', async () => {
    const workers: FakeWorker[] = [];
    const c = new EngineClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    c.run('k', SCRIPT, { tunables: {}, env: DEFAULT_ENV }, { statement: 3, event: null });
    await settled(c);
    const end = useRun.getState().totalEvents;
    const a = { statement: 1, event: end - 10 };
    const b = { statement: 1, event: end - 5 };
    c.goto(a);
    c.goto(b);
    c.goto(a);
    await settled(c);
    const r = useRun.getState();
    expect(r.status).toBe('idle');
    expect(r.shown!.event).toBeLessThanOrEqual(a.event);
    expect(r.snapshot!.event).toBe(r.shown!.event);
    // Only A was ever computed: B was dropped when A was asked again.
    const gotos = workers[0].sent.filter((m) => m.type === 'goto');
    expect(gotos.map((m) => (m as { target: { event: number } }).target.event)).toEqual([a.event]);
    // And many presses in a row end where the last one asked.
    for (let i = 0; i < 30; i++) c.goto({ statement: 1, event: end - 1 - (i % 7) });
    c.goto(b);
    await settled(c);
    expect(useRun.getState().snapshot!.event).toBe(useRun.getState().shown!.event);
    expect(useRun.getState().shown!.event).toBeLessThanOrEqual(b.event);
    expect(useRun.getState().shown!.event).toBeGreaterThan(a.event - 10);
    // A question (a pool) keeps the client busy until it is answered: the idle signal waits for it.
    const asked = c.pool(0x7f0000000000, { statement: 3, event: null });
    expect(c.busy).toBe(true);
    await expect(asked).resolves.toBeNull();
    await settled(c);
    expect(c.busy).toBe(false);
  });

  it('a worker that fails to load says so, goes idle, and Retry runs again', async () => {
    let fail = true;
    const c = new EngineClient(() => {
      const w = new FakeWorker();
      if (fail) {
        w.postMessage = () =>
          setTimeout(() => w.onerror?.({ message: '', preventDefault() {} } as ErrorEvent), 1);
      }
      return w as unknown as Worker;
    });
    c.run('k', SCRIPT, { tunables: {}, env: DEFAULT_ENV }, { statement: 0, event: null });
    await settled(c);
    expect(useRun.getState().crashed).toBe('The simulator could not be started.');
    expect(useRun.getState().status).toBe('idle');
    fail = false;
    c.retry();
    await settled(c);
    expect(useRun.getState().crashed).toBeNull();
    expect(useRun.getState().snapshot?.statement).toBe(0);
    expect(useRun.getState().statements).toHaveLength(3);
  });

  it('adopts a worker the page started early as its spare, and the run goes to it', async () => {
    let made = 0;
    const c = new EngineClient(() => {
      made++;
      return new FakeWorker() as unknown as Worker;
    });
    const early = new FakeWorker();
    c.warm(early as unknown as Worker);
    // a second warm keeps the spare it has (and lets the other worker go)
    const late = new FakeWorker();
    late.onmessage = () => undefined;
    c.warm(late as unknown as Worker);
    expect(late.onmessage).toBeNull();
    c.run('k', SCRIPT, { tunables: {}, env: DEFAULT_ENV }, { statement: 3, event: null });
    await settled(c);
    expect(made).toBe(0);
    expect(early.sent[0].type).toBe('run');
    expect(useRun.getState().statements).toHaveLength(3);
  });
});
