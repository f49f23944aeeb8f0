import { expectedEvents } from '../../client/expectations';
import type { MemoryRef } from '../../engine/explain/types';
import type { EnvSpec } from '../../protocol/environment';
import type { TunableOptions } from '../../protocol/messages';
import { SCENARIOS, scenarioById } from '../../scenarios';
import { useDialog } from '../../store/dialog';
import { useComparison } from '../../store/comparison';
import { useEditor } from '../../store/editor';
import { useNotice } from '../../store/notice';
import { useOptions } from '../../store/options';
import { usePlayhead, type StepMode } from '../../store/playhead';
import { useSelection } from '../../store/selection';
import { IDENTITY, useViewport } from '../../store/viewport';
import type { ShareView } from '../../url/shareCodec';
import { ensureRun, positionOf, runKeyOf } from './sync';

/** What can replace the editor's text: a scenario, a link, the user's own script, an undo. */
export interface Replacement {
  source: string;
  scenarioId: string | null;
  tunables: TunableOptions;
  /** The environment to run in; absent: the one set now stays. */
  env?: EnvSpec;
  /** Environments to compare side by side (a link made in the comparison); null ends a comparison. */
  compare?: EnvSpec[] | null;
  /** Versions a link named that this page does not know (it opened with the default instead). */
  unknownVersions?: string[];
  /** How the notice names it: “Small lists”, “the shared link”, “your script”. */
  label: string;
  position?: { mode: StepMode; statement: number; event: number };
  view?: ShareView;
}

/** Text the user typed that no library scenario has: replacing it asks first. */
export function isEdited(): boolean {
  const { source, scenarioId } = useEditor.getState();
  if (scenarioId !== null || source.trim() === '') return false;
  return !SCENARIOS.some((s) => s.source === source);
}

/**
 * May a script run without the user asking? Library scenarios and scripts that ran to the end in
 * this browser before (their event count is remembered) are bounded; anything else (a link from
 * someone else, a restored draft that may have crashed the tab) waits for Run.
 */
export function safeToRun(source: string, tunables: TunableOptions, env: EnvSpec): boolean {
  if (SCENARIOS.some((s) => s.source === source)) return true;
  return expectedEvents(runKeyOf(source, tunables, env)) !== null;
}

const clampZoom = (z: { k: number; x: number } | undefined): { k: number; x: number } =>
  z ? { k: Math.min(Math.max(1, z.k), 1e7), x: Math.max(-1e12, Math.min(0, z.x)) } : IDENTITY;

/** Put the replacement in place (no question asked) and run it when that is safe. */
export function apply(r: Replacement, run: boolean | 'if-safe' = 'if-safe'): void {
  useEditor.getState().setSource(r.source, r.scenarioId);
  useOptions.getState().setTunables(r.tunables);
  if (r.env) useOptions.getState().setEnv(r.env);
  if (r.compare !== undefined) useComparison.getState().setEnvs(r.compare);
  if (r.unknownVersions && r.unknownVersions.length > 0)
    useNotice.getState().show({
      tone: 'error',
      text: `The link names CPython ${[...new Set(r.unknownVersions)].join(', ')}, which this page does not know: it opened with CPython ${useOptions.getState().env.python}.`,
    });
  const pos = r.position ?? { mode: 'statement' as const, statement: 0, event: 0 };
  usePlayhead.setState({ ...pos, playing: false });
  const v = r.view;
  useViewport.setState({
    heapZoom: clampZoom(v?.heapZoom),
    mapZoom: clampZoom(v?.mapZoom),
    timelineDomain: v?.timelineDomain ?? null,
    openPool: v?.openPool ?? null,
  });
  useSelection.getState().select((v?.selected as MemoryRef | undefined) ?? null);
  const go =
    run === true || (run === 'if-safe' && safeToRun(r.source, r.tunables, useOptions.getState().env));
  if (go) ensureRun(positionOf(usePlayhead.getState()));
}

/**
 * Replace the editor's text, asking first when the user's own text would go, and offer Undo.
 * Returns false when the user kept their text.
 */
export async function replaceScript(r: Replacement, run: boolean | 'if-safe' = 'if-safe'): Promise<boolean> {
  const before = useEditor.getState();
  if (before.source === r.source && before.scenarioId === r.scenarioId) {
    apply(r, run);
    return true;
  }
  if (isEdited()) {
    const yes = await useDialog.getState().ask({
      title: 'Replace your script?',
      body: `${r.label[0].toUpperCase()}${r.label.slice(1)} would replace the script in the editor. Yours stays under “(your script)” in the Scenario menu, and Undo brings it back.`,
      yes: 'Replace',
      no: 'Keep my script',
    });
    if (!yes) return false;
  }
  const undo: Replacement = {
    source: before.source,
    scenarioId: before.scenarioId,
    tunables: useOptions.getState().tunables,
    env: useOptions.getState().env,
    label: 'the previous script',
    position: { ...usePlayhead.getState() },
  };
  apply(r, run);
  if (before.source.trim() !== '')
    useNotice.getState().show({
      tone: 'info',
      text: `Loaded ${r.label}.`,
      action: {
        label: 'Undo',
        run: () => {
          useNotice.getState().show(null);
          apply(undo);
        },
      },
    });
  return true;
}

export function scenarioReplacement(id: string): Replacement | null {
  const sc = scenarioById(id);
  return sc
    ? {
        source: sc.source,
        scenarioId: sc.id,
        tunables: sc.tunables ?? {},
        ...(sc.env ? { env: sc.env } : {}),
        ...(sc.compare ? { compare: sc.compare } : {}),
        label: `the scenario “${sc.title}”`,
      }
    : null;
}
