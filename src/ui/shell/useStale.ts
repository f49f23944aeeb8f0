import { useRun } from '../../client/runStore';
import { useEditor } from '../../store/editor';
import { useOptions } from '../../store/options';
import { runKeyOf } from './sync';

/** The views show a run of other text or options than the editor's: out of date until Run. */
export function useStale(): boolean {
  const source = useEditor((s) => s.source);
  const tunables = useOptions((s) => s.tunables);
  const env = useOptions((s) => s.env);
  const runKey = useRun((s) => s.runKey);
  const hasRun = useRun((s) => s.snapshot !== null);
  return hasRun && runKey !== runKeyOf(source, tunables, env);
}
