import { typeError } from '../abstract/errors';
import type { Kwargs } from '../objects/types';
import type { Vm } from '../runtime/vm';

/**
 * Binding the arguments of a standard-library function written in Python (lru_cache, wraps,
 * namedtuple …) as the frame does it (positional first, then by name, then the defaults of the
 * last parameters), with CPython's messages. The simulator runs these functions in JavaScript:
 * a Python-to-Python call allocates nothing (the frame is on the data stack), so neither does
 * this. Returns borrowed handles; `names` may mark positional-only ones with a trailing '/'.
 */
export function bindArgs(
  vm: Vm,
  fname: string,
  args: readonly number[],
  kw: Kwargs | null,
  names: readonly string[],
  defaults: readonly number[],
): number[] {
  const n = names.length;
  const out: number[] = new Array(n).fill(0);
  const required = n - defaults.length;
  if (args.length > n) {
    const takes = required === n ? `${n}` : `from ${required} to ${n}`;
    throw typeError(
      vm,
      '%s() takes %s positional argument%s but %zd %s given',
      fname,
      takes,
      n === 1 && required === n ? '' : 's',
      args.length,
      args.length === 1 ? 'was' : 'were',
    );
  }
  args.forEach((a, i) => (out[i] = a));
  if (kw !== null)
    for (const [k, v] of kw) {
      const i = names.indexOf(k);
      if (i < 0) throw typeError(vm, "%s() got an unexpected keyword argument '%s'", fname, k);
      if (out[i] !== 0) throw typeError(vm, "%s() got multiple values for argument '%s'", fname, k);
      out[i] = v;
    }
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    if (out[i] !== 0) continue;
    if (i >= required) out[i] = defaults[i - required];
    else missing.push(names[i]);
  }
  if (missing.length) {
    const list =
      missing.length === 1
        ? `'${missing[0]}'`
        : `${missing
            .slice(0, -1)
            .map((m) => `'${m}'`)
            .join(', ')} and '${missing[missing.length - 1]}'`;
    throw typeError(
      vm,
      '%s() missing %d required positional argument%s: %s',
      fname,
      missing.length,
      missing.length === 1 ? '' : 's',
      list,
    );
  }
  return out;
}
