import { EventLog } from '../src/engine/trace/eventLog';
import { EventKind } from '../src/engine/trace/events';

/**
 * The event log's own cost, in a fresh process (the page's first run): 8 M events shaped like the
 * seed's (pymalloc blocks and glibc chunks at 47-bit addresses, requests, block sizes, a realloc
 * or brk every 1,000 events whose aux is an address). Prints CPU ms and minor faults:
 *   node scripts/run-ts.mjs bench/eventColumns.ts
 */
const N = 8_000_000;
const f0 = process.resourceUsage().minorPageFault;
const c0 = process.cpuUsage();
const log = new EventLog();
for (let i = 0; i < N; i++) {
  if (i % 1000 === 999)
    log.record(EventKind.Realloc, 0x5555_5000_0000 + i * 16, 8 * (i & 1023), 0x5555_4000_0000 + i * 8);
  else if ((i & 1) === 0) log.record(EventKind.PyAlloc, 0x7fff_f000_0000 + i * 16, 56, 64);
  else log.record(EventKind.Malloc, 0x5555_5000_0000 + i * 16, 800, 0);
}
const c = process.cpuUsage(c0);
const faults = process.resourceUsage().minorPageFault - f0;
console.log(`${N} events: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU, ${faults} minor faults`);
