import type { Vm } from '../runtime/vm';

/**
 * The code objects of the standard library's pure-Python functions that the simulator runs as
 * TypeScript (json.dumps, JSONDecoder.raw_decode, Random.choice …): what they allocate depends on
 * whether their code is quickened yet, as for a script's own functions (interp.ts): co_warmup
 * starts at −8 and every RESUME (a call) and JUMP_BACKWARD (a loop turn) adds one; at 0 the code is
 * quickened and its adaptive instructions specialize on their next run (Include/internal/
 * pycore_code.h, 3.11). Measured: the first 7 calls of JSONDecoder.raw_decode make a tuple
 * iterator for `obj, end = …` (unpack_iterable), the 8th and later do not.
 */
const WARMUP = -8;

const perVm = new WeakMap<Vm, Map<string, number>>();

function counters(vm: Vm): Map<string, number> {
  let m = perVm.get(vm);
  if (m === undefined) perVm.set(vm, (m = new Map()));
  return m;
}

/** RESUME (or JUMP_BACKWARD) of the named code: counts one warm-up; true once it is quickened. */
export function warm(vm: Vm, code: string): boolean {
  const m = counters(vm);
  let w = m.get(code) ?? WARMUP;
  if (w !== 0) w++;
  m.set(code, w);
  return w === 0;
}

/** Is the named code quickened (without counting a warm-up)? */
export function isQuickened(vm: Vm, code: string): boolean {
  return (counters(vm).get(code) ?? WARMUP) === 0;
}
