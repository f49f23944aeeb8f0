import { Session } from 'node:inspector';
import { createProcess } from '../src/engine/simulate';

/**
 * The JS heap a script's statements allocate, by allocating function: V8's sampling heap profiler
 * (one sample every 1 KiB allocated) over the statements only, in this process. On this shared
 * machine a CPU A/B of two builds moves ±10–40% between runs; the bytes allocated move ~1%, so a
 * change that removes per-object garbage shows here first.
 *
 *   node scripts/run-ts.mjs bench/jsAlloc.ts 'x = [(i, i) for i in range(200000)]' [live] [lines]
 *
 * Without `live`, every allocation counts, including what a scavenge or a full collection freed
 * later (garbage); with it, only what is still held when the statements end (what an object keeps).
 * `lines` keys each frame by its line in the bundle (.cache/…/jsAlloc-*.mjs) where a function's
 * inlined callees all show as its own.
 */
interface SampledNode {
  callFrame: { functionName: string; lineNumber: number };
  selfSize: number;
  children: SampledNode[];
}

const post = <T>(s: Session, method: string, params: object = {}): Promise<T> =>
  new Promise((resolve, reject) => s.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T))));

export async function jsAllocations(source: string, liveOnly: boolean, byLine = false): Promise<string[]> {
  const p = createProcess({});
  const statements = p.load(source + '\n');
  const s = new Session();
  s.connect();
  await post(s, 'HeapProfiler.enable');
  await post(s, 'HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMinorGC: !liveOnly,
    includeObjectsCollectedByMajorGC: !liveOnly,
  });
  for (let i = 0; i < statements.length; i++) p.runStatement(i);
  const { profile } = await post<{ profile: { head: SampledNode } }>(s, 'HeapProfiler.stopSampling');
  s.disconnect();
  // self bytes by the last three frames (the allocating function and its callers)
  const byPath = new Map<string, number>();
  let total = 0;
  const walk = (n: SampledNode, stack: string[]): void => {
    const name = n.callFrame.functionName || '(anonymous)';
    const path = [...stack, byLine ? `${name}:${n.callFrame.lineNumber + 1}` : name];
    if (n.selfSize > 0) {
      const key = path.slice(-3).join(' < ');
      byPath.set(key, (byPath.get(key) ?? 0) + n.selfSize);
      total += n.selfSize;
    }
    for (const c of n.children) walk(c, path);
  };
  walk(profile.head, []);
  const mb = (b: number): string => (b / 2 ** 20).toFixed(1).padStart(7);
  return [
    `${liveOnly ? 'held at the end' : 'allocated'}: ${mb(total)} MiB of JS heap`,
    ...[...byPath]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([k, v]) => `${mb(v)}  ${k.split(' < ').reverse().join(' < ')}`),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = process.argv[2];
  if (!source) throw new Error("usage: bench/jsAlloc.ts 'python source' [live]");
  const flags = process.argv.slice(3);
  for (const l of await jsAllocations(source, flags.includes('live'), flags.includes('lines'))) console.log(l);
}
