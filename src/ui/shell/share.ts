import { useEditor } from '../../store/editor';
import { useOptions } from '../../store/options';
import { usePlayhead } from '../../store/playhead';
import { useRun } from '../../client/runStore';
import { DEFAULT_SCENARIO } from '../../scenarios';
import type { MemoryRef } from '../../engine/explain/types';
import { useSelection } from '../../store/selection';
import { IDENTITY, useViewport } from '../../store/viewport';
import { decodeShare, encodeShare, type ShareState, type ShareView } from '../../url/shareCodec';
import { loadScenario } from './ScenarioPicker';
import { ensureRun, positionOf } from './sync';

/** The state a share link captures: script, options and the position on screen. */
export function currentShareState(): ShareState {
  const p = usePlayhead.getState();
  const snap = useRun.getState().snapshot;
  return {
    source: useEditor.getState().source,
    scenarioId: useEditor.getState().scenarioId,
    tunables: useOptions.getState().tunables,
    mode: p.mode,
    statement: p.mode === 'statement' ? Math.min(p.statement, snap?.statement ?? p.statement) : p.statement,
    event: p.event,
    view: currentView(),
  };
}

function currentView(): ShareView {
  const v = useViewport.getState();
  const selected = useSelection.getState().selected;
  const view: ShareView = {};
  if (v.heapZoom.k !== 1 || v.heapZoom.x !== 0) view.heapZoom = v.heapZoom;
  if (v.mapZoom.k !== 1 || v.mapZoom.x !== 0) view.mapZoom = v.mapZoom;
  if (v.timelineDomain) view.timelineDomain = v.timelineDomain;
  if (selected) view.selected = { ...selected };
  if (v.openPool !== null) view.openPool = v.openPool;
  return view;
}

function applyView(view: ShareView | undefined): void {
  useViewport.setState({
    heapZoom: view?.heapZoom ?? IDENTITY,
    mapZoom: view?.mapZoom ?? IDENTITY,
    timelineDomain: view?.timelineDomain ?? null,
    openPool: view?.openPool ?? null,
  });
  useSelection.getState().select((view?.selected as MemoryRef | undefined) ?? null);
}

export function shareUrl(): string {
  const hash = encodeShare(currentShareState());
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

/**
 * Open the page from its hash: a valid link restores script, options and position (and runs to
 * it); anything else loads the default scenario, with a message when the link was bad.
 */
export function restoreFromHash(hash: string): string | null {
  const r = decodeShare(hash);
  if (r.ok === true) {
    const s = r.state;
    useEditor.getState().setSource(s.source, s.scenarioId);
    useOptions.getState().setTunables(s.tunables);
    usePlayhead.setState({ mode: s.mode, statement: s.statement, event: s.event, playing: false });
    applyView(s.view);
    ensureRun(positionOf(usePlayhead.getState()));
    return null;
  }
  loadScenario(DEFAULT_SCENARIO.id);
  return r.ok === 'empty' ? null : `${r.reason} The default scenario was loaded instead.`;
}
