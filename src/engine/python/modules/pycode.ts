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

/**
 * What one run of such a function's bytecode costs on the simulated clock (ns of CPU, scaled by
 * Clock.wallPerCpu), charged at each RESUME or JUMP_BACKWARD `warm` counts: the instructions
 * between them, which the interpreter would charge one by one (eval/opcosts.ts) if it ran the code
 * itself, and the C calls they make that allocate nothing (len, int.bit_length, getrandbits'
 * Mersenne Twister step). Without it a TypeScript-run stdlib function cost only its allocator
 * calls: `x = random.choice(t)` in a loop took 24.5 ns an iteration on the model's clock against
 * 158 on 3.11.7 here, so alloc_mixed_sizes' 60,000 choices took 10 ms of simulated wall time where
 * the recording's step took 30 (allocators-16, tools/clock/step_clock.ts). Measured (3.11.7,
 * process_time best of 7 over 10^5 calls in a function, load 29 on 2 cores; the model's charge
 * before this taken off, divided by the runs counted): random.choice (its run and
 * _randbelow_with_getrandbits') 67 ns a run, randrange 65, randint 61, uniform 51, shuffle of 10
 * items (19 runs: a loop turn and a _randbelow each) 72. json.dumps / json.loads of a 2-key dict
 * miss ~370 ns a run beside this: the C encoder's and scanner's own work, not charged.
 */
export const PY_CODE_RUN_NS = 62;

const perVm = new WeakMap<Vm, Map<string, number>>();

function counters(vm: Vm): Map<string, number> {
  let m = perVm.get(vm);
  if (m === undefined) perVm.set(vm, (m = new Map()));
  return m;
}

/** RESUME (or JUMP_BACKWARD) of the named code: counts one warm-up; true once it is quickened. */
export function warm(vm: Vm, code: string): boolean {
  vm.mem.spend(PY_CODE_RUN_NS);
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

const siteRuns = new WeakMap<Vm, Map<string, number>>();

/**
 * Does the adaptive instruction `site` of the named code run specialized this time? 3.11: once the
 * code is quickened (co_warmup, above), every site specializes on its next run. 3.12+ quicken the
 * code at creation (_PyCode_Quicken in init_code) with each site's counter at
 * adaptive_counter_warmup(): the first run is generic and decrements it to 0, the second
 * specializes (measured: `for key, value in items` in json.encoder's _iterencode_dict makes a tuple
 * iterator for the first item only on 3.12.1 and 3.13.0, for the first 8 calls' items on 3.11.7).
 */
export function specializedAt(vm: Vm, code: string, site: string): boolean {
  const q = vm.py.quickening;
  if (q.warmupDelay !== 0) return isQuickened(vm, code);
  let m = siteRuns.get(vm);
  if (m === undefined) siteRuns.set(vm, (m = new Map()));
  const key = `${code}:${site}`;
  const runs = m.get(key) ?? 0;
  m.set(key, runs + 1);
  return runs >= q.initialCounter.value;
}
