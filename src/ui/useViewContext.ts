import { useRun } from '../client/runStore';
import { useOptions } from '../store/options';
import { libcOfVars, type ViewContext } from './views';

/** The snapshot's C library once a run shows; before that, the one the environment asks for. */
export function useViewContext(): ViewContext {
  const snapshot = useRun((s) => s.snapshot);
  const vars = useOptions((s) => s.env.vars);
  return { snapshot, libc: snapshot ? snapshot.libc.kind : libcOfVars(vars) };
}
