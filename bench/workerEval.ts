/**
 * The worker's module evaluation in Node (what a share link waits for before the worker can take
 * its run, after the worker's script arrives): the time to import worker/session.ts and what it
 * pulls in, once, in a fresh process. With `--cpu-prof` the top-level initialisers show by module.
 *
 *   node [--cpu-prof] scripts/run-ts.mjs bench/workerEval.ts
 */
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await import('../src/worker/session');
const t1 = performance.now();
const cpu = process.cpuUsage(cpu0);
console.log(
  `worker modules evaluated: ${(t1 - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
);
export {};
