import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_ENV, type EnvSpec } from '../../protocol/environment';
import { DEFAULT_RUN_SECONDS } from '../../protocol/messages';
import { useComparison } from '../../store/comparison';
import { useOptions } from '../../store/options';
import { runSeconds } from './sync';

const env = (vars: Record<string, string>): EnvSpec => ({ python: DEFAULT_ENV.python, vars });
const JEMALLOC = env({ LD_PRELOAD: 'libjemalloc.so.2' });
const MIMALLOC = env({ LD_PRELOAD: 'libmimalloc.so.2' });
const PYMALLOC_OFF = env({ PYTHONMALLOC: 'malloc' });

describe("runSeconds: the budget of runs that share the machine (the worker's budget is wall time)", () => {
  afterEach(() => useComparison.getState().setEnvs(null));

  it('gives the page alone one budget', () => {
    expect(runSeconds()).toBe(DEFAULT_RUN_SECONDS);
  });

  it('gives each of four compared runs four budgets (the page runs its own environment once)', () => {
    useComparison.getState().setEnvs([useOptions.getState().env, JEMALLOC, MIMALLOC, PYMALLOC_OFF]);
    expect(runSeconds()).toBe(4 * DEFAULT_RUN_SECONDS);
  });

  it("counts the page's own run beside compared environments that are not the page's", () => {
    useComparison.getState().setEnvs([JEMALLOC, MIMALLOC]);
    expect(runSeconds()).toBe(3 * DEFAULT_RUN_SECONDS);
  });
});
